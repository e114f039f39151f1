"""`manage.py load_demo`: load the demo networks, cities, practices and events.

The content lives in the TOML files of portal/demo/, read and checked by portal/demo_content.py
before anything is written. Every row is found by its slug and created only when it is missing,
with its relations; a row that exists is left as curators left it. So running the command again
(as every `make run` does) duplicates nothing and undoes no edit made in the admin; a demo row
that was deleted comes back. The nine lessons are not created here: a data migration owns them.
"""

import zoneinfo
from datetime import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation

from events.models import AgendaItem, Event, EventPractice, Speaker
from portal import demo_content
from practices.models import City, Lesson, Network, Practice, PracticeLink

PRACTICE_FIELDS = [
    "title",
    "language",
    "start_year",
    "end_year",
    "ongoing",
    "evidence",
    "evidence_baseline",
    "evidence_published",
    "evidence_repeated",
    "featured",
    "summary",
    *Practice.SECTION_FIELDS,
    "contact",
]


class Command(BaseCommand):
    help = "Load the demo networks, cities, practices and events. Safe to run again."

    def handle(self, *args, **options):
        try:
            content = demo_content.load()
        except demo_content.DemoContentError as error:
            raise CommandError(error) from error
        # modeltranslation saves the untranslated base columns (title, description) with the
        # active language's text: make that English whatever the shell's locale is.
        with translation.override("en"), transaction.atomic():
            lessons = self.get_lessons()
            networks = self.load_networks(content.networks)
            cities = self.load_cities(content.cities, networks)
            practices, new_practices = self.load_practices(content.practices, cities, lessons)
            events, event_links = self.load_events(content.events, networks, lessons, practices)

        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content loaded: {len(networks)} networks, {len(cities)} cities, "
                f"{len(practices)} practices ({new_practices} new), "
                f"{len(events)} events with {event_links} practice links."
            )
        )

    def get_lessons(self):
        lessons = {lesson.number: lesson for lesson in Lesson.objects.all()}
        missing = sorted(set(range(1, 10)) - lessons.keys())
        if missing:
            raise CommandError(
                f"Lesson(s) {', '.join(map(str, missing))} missing from the database. "
                "Run `python manage.py migrate` first: a data migration creates the nine lessons."
            )
        return lessons

    def load_networks(self, rows):
        networks = {}
        for data in rows:
            networks[data["slug"]], _ = Network.objects.get_or_create(
                slug=data["slug"],
                defaults={
                    "name": data["name"],
                    "website": data["website"],
                    "description_en": data["description_en"],
                    "description_fr": data["description_fr"],
                },
            )
        return networks

    def load_cities(self, rows, networks):
        cities = {}
        for data in rows:
            city, created = City.objects.get_or_create(
                slug=data["slug"],
                defaults={
                    "name": data["name"],
                    "country": data["country"],
                    "region": data["region"],
                    "population": data["population"],
                    "website": data["website"],
                },
            )
            if created:
                city.networks.set([networks[slug] for slug in data["networks"]])
            cities[data["slug"]] = city
        return cities

    def load_practices(self, rows, cities, lessons):
        practices = {}
        new_practices = 0
        for data in rows:
            # A checklist answer left out of the file is a "no".
            defaults = {
                name: False if data[name] is None else data[name] for name in PRACTICE_FIELDS
            }
            defaults["end_year"] = data["end_year"]
            defaults["city"] = cities[data["city"]]
            # Status is left out on purpose: a new practice starts as a draft and reaches
            # "published" through the workflow below, which records it in its history.
            practice, created = Practice.objects.get_or_create(slug=data["slug"], defaults=defaults)
            if created:
                practice.lessons.set([lessons[number] for number in data["lessons"]])
                practice.tags.set(data["tags"])
                PracticeLink.objects.bulk_create(
                    PracticeLink(practice=practice, position=position, **link)
                    for position, link in enumerate(data["links"])
                )
                practice.publish(by=None, message="Demo content")
                if data["evidence_rating"]:
                    practice.rate_evidence(
                        rating=data["evidence_rating"],
                        justification=data["evidence_justification"],
                        by=None,
                    )
                new_practices += 1
            practices[data["slug"]] = practice
        return practices, new_practices

    def load_events(self, rows, networks, lessons, practices):
        events = {}
        link_count = 0
        for data in rows:
            tz = zoneinfo.ZoneInfo(data["time_zone"])
            event, created = Event.objects.get_or_create(
                slug=data["slug"],
                defaults={
                    "series": data["series"],
                    "title_en": data["title_en"],
                    "title_fr": data["title_fr"],
                    "description_en": data["description_en"],
                    "description_fr": data["description_fr"],
                    "starts_at": datetime.combine(data["date"], data["start"], tzinfo=tz),
                    "ends_at": datetime.combine(data["date"], data["end"], tzinfo=tz),
                    "time_zone": data["time_zone"],
                    "online": True,
                    "place": "",
                },
            )
            if created:
                event.organisers.set([networks[slug] for slug in data["organisers"]])
                event.lessons.set([lessons[number] for number in data["lessons"]])
                EventPractice.objects.bulk_create(
                    EventPractice(
                        event=event,
                        practice=practices[link["practice"]],
                        note_en=link["note_en"],
                        note_fr=link["note_fr"],
                        recording_time=link["recording_time"],
                    )
                    for link in data["practices"]
                )
                AgendaItem.objects.bulk_create(
                    AgendaItem(
                        event=event,
                        starts_at=item["time"],
                        title_en=item["title_en"],
                        title_fr=item["title_fr"],
                        details_en=item["details_en"] or "",
                        details_fr=item["details_fr"] or "",
                    )
                    for item in data["agenda"]
                )
                Speaker.objects.bulk_create(
                    Speaker(
                        event=event,
                        name=speaker["name"],
                        role_en=speaker["role_en"],
                        role_fr=speaker["role_fr"],
                        position=position,
                    )
                    for position, speaker in enumerate(data["speakers"])
                )
            link_count += event.practice_links.count()
            events[data["slug"]] = event
        return events, link_count
