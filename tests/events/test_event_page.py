"""An event's page is drawn once for every reader and kept, and shows any change at once, in
both languages, to anonymous and signed-in readers."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from events.models import AgendaItem, Event, Speaker
from practices.models import Lesson
from tests.factories import EventFactory, EventPracticeFactory, NetworkFactory, PracticeFactory
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


def read_everywhere(event, *clients):
    """Each client's view of the page in both languages, each read twice (the second view is
    served from what the first kept), as one text."""
    texts = []
    for client in clients:
        for language in ("en", "fr"):
            with translation.override(language):
                url = reverse("events:detail", args=[event.slug])
                client.get(url)
                response = client.get(url)
            assert response.status_code == 200
            texts.append(response.text)
    return "\n".join(texts)


def retitle_event(link):
    link.event.title_en = link.event.title_fr = "Retitled event"
    link.event.save()
    return "<h1>Retitled event</h1>"


def add_organiser(link):
    link.event.organisers.add(NetworkFactory(name="Harbour Cities Alliance"))
    return "Harbour Cities Alliance"


def add_lesson(link):
    link.event.lessons.add(Lesson.objects.get(number=9))
    return reverse("practices:lesson", args=[9]).removeprefix("/")


def link_a_practice(link):
    EventPracticeFactory(event=link.event, practice=PracticeFactory(title="Newly presented"))
    return "Newly presented"


def retitle_the_practice(link):
    link.practice.title = "Retitled practice"
    link.practice.save()
    return "Retitled practice"


def rename_the_city(link):
    link.practice.city.name = "Renamed city"
    link.practice.city.save()
    return "Renamed city"


def annotate_the_link(link):
    link.note = "Shown with the mayor"
    link.save()
    return "Shown with the mayor"


@pytest.mark.parametrize(
    "change",
    [
        retitle_event,
        add_organiser,
        add_lesson,
        link_a_practice,
        retitle_the_practice,
        rename_the_city,
        annotate_the_link,
    ],
)
def test_a_change_shows_at_once(anonymous, member, change):
    link = EventPracticeFactory()
    read_everywhere(link.event, anonymous, member)

    shown = change(link)

    assert read_everywhere(link.event, anonymous, member).count(shown) >= 4


def test_an_archived_practice_leaves_the_page(anonymous, member, staff_user):
    link = EventPracticeFactory(practice__title="Soon archived")
    assert "Soon archived" in read_everywhere(link.event, anonymous, member)

    link.practice.archive(by=staff_user)

    assert "Soon archived" not in read_everywhere(link.event, anonymous, member)


def test_an_event_page_costs_the_same_with_more_practices(anonymous):
    link = EventPracticeFactory(note="Presented by the City of Aarhus")
    link.event.organisers.add(NetworkFactory())
    url = reverse("events:detail", args=[link.event.slug])
    # The event, its organisers, lessons, agenda and speakers, its practices with their cities,
    # and the practices' lessons.
    few = count_queries(anonymous, url)
    assert few <= 7
    for n in range(5):
        EventPracticeFactory(event=link.event)
        link.event.organisers.add(NetworkFactory())
        AgendaItem.objects.create(event=link.event, starts_at=dt.time(14, n), title=f"Part {n}")
        Speaker.objects.create(event=link.event, name=f"Speaker {n}")
    assert count_queries(anonymous, url) == few
    response = anonymous.get(url)
    assert "Presented by the City of Aarhus" in response.text
    assert f"<title>{link.event.title} ·" in response.text


def test_an_unknown_event_is_a_404_every_time(anonymous):
    url = reverse("events:detail", args=["no-such-talk"])
    assert anonymous.get(url).status_code == 404
    assert anonymous.get(url).status_code == 404


def test_a_renamed_address_is_a_404_at_once_and_the_new_one_answers(anonymous):
    link = EventPracticeFactory()
    old = reverse("events:detail", args=[link.event.slug])
    assert anonymous.get(old).status_code == 200
    link.event.slug = "together-for-safety-renamed"
    link.event.save()
    assert anonymous.get(old).status_code == 404
    assert anonymous.get(reverse("events:detail", args=[link.event.slug])).status_code == 200


def test_a_practice_title_is_marked_with_its_own_language_on_a_french_page(anonymous):
    link = EventPracticeFactory(practice__title="Rumour desk", practice__language="en")
    with translation.override("fr"):
        page = anonymous.get(reverse("events:detail", args=[link.event.slug])).text
        href = link.practice.get_absolute_url()
    assert href.startswith("/fr/")
    assert f'<h3 class="card-title" lang="en"><a href="{href}">Rumour desk</a></h3>' in page


def add_an_agenda_item(link):
    AgendaItem.objects.create(event=link.event, starts_at=dt.time(14, 30), title="Open floor")
    return "Open floor"


def add_a_speaker(link):
    Speaker.objects.create(event=link.event, name="Ingrid Halvorsen", role="Moderator")
    return "Ingrid Halvorsen"


@pytest.mark.parametrize("change", [add_an_agenda_item, add_a_speaker])
def test_the_programme_changes_show_at_once(anonymous, member, change):
    link = EventPracticeFactory()
    read_everywhere(link.event, anonymous, member)

    shown = change(link)

    assert read_everywhere(link.event, anonymous, member).count(shown) >= 4


def state_shown(client, event):
    page = client.get(reverse("events:detail", args=[event.slug])).text
    return page.split('class="event-state event-state-', 1)[1].split("</p>", 1)[0]


def test_the_page_says_whether_the_event_is_coming_happening_or_past(anonymous):
    now = timezone.now()
    coming = EventFactory(starts_at=now + dt.timedelta(days=3))
    live = EventFactory(starts_at=now - dt.timedelta(minutes=30))
    past = EventFactory(starts_at=now - dt.timedelta(days=300))
    assert state_shown(anonymous, coming) == 'coming">Coming'
    assert state_shown(anonymous, live) == 'live">Happening now'
    assert state_shown(anonymous, past) == 'past">Past event'


def test_a_kept_page_turns_past_when_the_event_ends(anonymous):
    event = EventFactory(starts_at=timezone.now() - dt.timedelta(minutes=30))
    assert "Happening now" in state_shown(anonymous, event)
    # The event ends (as if the clock had moved on); the page kept while it ran is not shown.
    event.ends_at = event.starts_at + dt.timedelta(minutes=10)
    Event.objects.filter(pk=event.pk).update(ends_at=event.ends_at)
    assert "Past event" in state_shown(anonymous, event)


def test_presented_practices_are_cards_with_their_lessons_and_moment_in_the_recording(anonymous):
    event = EventFactory(
        starts_at=timezone.now() - dt.timedelta(days=30),
        recording="https://www.youtube.com/watch?v=abc123",
    )
    early = EventPracticeFactory(
        event=event, practice__title="Rumour desk", recording_time=dt.timedelta(minutes=10)
    )
    early.practice.lessons.set(Lesson.objects.filter(number=2))
    EventPracticeFactory(event=event, practice__title="Youth council")
    later = EventPracticeFactory(
        event=event, practice__title="Case table", recording_time=dt.timedelta(minutes=40)
    )
    page = anonymous.get(reverse("events:detail", args=[event.slug])).text
    assert page.count('<article class="card">') == 3
    # In the order of the recording; the one with no time in it comes last.
    assert page.index("Rumour desk") < page.index("Case table") < page.index("Youth council")
    assert 'href="https://www.youtube.com/watch?v=abc123&amp;t=600s"' in page
    assert 'href="https://www.youtube.com/watch?v=abc123&amp;t=2400s"' in page
    assert "Countering disinformation" in page.split("Rumour desk", 1)[1]
    assert 'href="https://www.youtube.com/watch?v=abc123">Watch the recording' in page
    assert later.practice.get_absolute_url() in page


def test_a_past_event_without_recording_says_so(anonymous):
    event = EventFactory(starts_at=timezone.now() - dt.timedelta(days=30))
    EventPracticeFactory(event=event, recording_time=dt.timedelta(minutes=10))
    page = anonymous.get(reverse("events:detail", args=[event.slug])).text
    assert "No recording of this event is on the portal." in page
    assert "Watch from" not in page
