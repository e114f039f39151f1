"""Every model portal/staleness.py registers, saved with the page cache on, shows its change on
the next anonymous read; and every registered model has such a case here, so a model added to
the registry comes with its proof."""

import html
from datetime import time
from types import SimpleNamespace

import pytest
from taggit.models import Tag

from events.models import AgendaItem, EventPractice, Speaker
from portal import staleness
from practices.models import Comment, Lesson
from practices.threads import PER_PAGE
from tests.factories import (
    CityFactory,
    EventFactory,
    EventPracticeFactory,
    MembershipFactory,
    NetworkFactory,
    PracticeFactory,
    UserFactory,
    attach_pdf,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 60


@pytest.fixture
def world():
    network = NetworkFactory(name="Nordic Safe Cities", slug="nordic-safe-cities")
    city = CityFactory(name="Aarhus", slug="aarhus", country="DK")
    city.networks.add(network)
    practice = PracticeFactory(title="Youth councils", city=city, lessons=[3], tags=["trust"])
    link = practice.links.create(title="Evaluation report", url="https://example.org/report")
    event = EventFactory(title="Together for Safety, session one")
    EventPracticeFactory(event=event, practice=practice)
    author = UserFactory(display_name="Ingrid")
    comment = Comment.objects.create(practice=practice, author=author, body="Worth copying.")
    return SimpleNamespace(
        network=network,
        city=city,
        practice=practice,
        link=link,
        event=event,
        author=author,
        comment=comment,
        page=practice.get_absolute_url(),
        event_page=event.get_absolute_url(),
    )


def rename(instance, field, value):
    setattr(instance, field, value)
    instance.save()


def lesson(number):
    return Lesson.objects.get(number=number)


# What each registered model changes, by its label (or "label.field" for a many-to-many): the
# page to read, the change, and what the page shows after it.
CASES = {
    "practices.Practice": lambda w: (
        w.page,
        lambda: rename(w.practice, "title", "Youth councils, renamed"),
        "Youth councils, renamed",
    ),
    "practices.PracticeLink": lambda w: (
        w.page,
        lambda: rename(w.link, "title", "Evaluation report, revised"),
        "Evaluation report, revised",
    ),
    "practices.Comment": lambda w: (
        w.page,
        lambda: Comment.objects.create(practice=w.practice, author=w.author, body="One more."),
        "One more.",
    ),
    "practices.PracticeFile": lambda w: (
        w.page,
        lambda: attach_pdf(w.practice, title="Evaluation report 2023"),
        "Evaluation report 2023",
    ),
    "practices.City": lambda w: (w.page, lambda: rename(w.city, "name", "Århus"), "Århus"),
    "practices.Lesson": lambda w: (
        w.page,
        lambda: rename(lesson(3), "title_en", "Inclusion, renamed"),
        "Inclusion, renamed",
    ),
    "practices.Network": lambda w: (
        w.page,
        lambda: rename(w.network, "name", "Nordic Safe Cities Network"),
        "Nordic Safe Cities Network",
    ),
    "practices.Membership": lambda w: (
        w.page,
        lambda: MembershipFactory(user=w.author, city=CityFactory(name="Malmö")),
        "Ingrid</a> · Malmö",
    ),
    "taggit.Tag": lambda w: (
        w.page,
        lambda: rename(Tag.objects.get(name="trust"), "name", "trust building"),
        ">trust building<",
    ),
    "taggit.TaggedItem": lambda w: (w.page, lambda: w.practice.tags.add("schools"), ">schools<"),
    "events.Event": lambda w: (
        w.page,
        lambda: rename(w.event, "title", "Together for Safety, first session"),
        "Together for Safety, first session",
    ),
    "events.EventPractice": lambda w: (
        w.page,
        lambda: EventPractice.objects.create(
            event=EventFactory(title="Session two"), practice=w.practice
        ),
        "Session two",
    ),
    "events.AgendaItem": lambda w: (
        w.event_page,
        lambda: AgendaItem.objects.create(
            event=w.event, starts_at=time(14, 30), title="Open floor"
        ),
        "Open floor",
    ),
    "events.Speaker": lambda w: (
        w.event_page,
        lambda: Speaker.objects.create(event=w.event, name="Ingrid Halvorsen"),
        "Ingrid Halvorsen",
    ),
    "practices.Practice.lessons": lambda w: (
        w.page,
        lambda: w.practice.lessons.add(lesson(7)),
        f"7. {lesson(7).title}",
    ),
    "practices.City.networks": lambda w: (
        w.page,
        lambda: w.city.networks.add(NetworkFactory(name="Efus")),
        "Efus",
    ),
    "events.Event.lessons": lambda w: (
        w.event_page,
        lambda: w.event.lessons.add(lesson(5)),
        f'title="{lesson(5).title}"',
    ),
    "events.Event.organisers": lambda w: (
        w.event_page,
        lambda: w.event.organisers.add(NetworkFactory(name="Efus")),
        "Efus",
    ),
    "accounts.User": lambda w: (
        w.page,
        lambda: rename(w.author, "display_name", "Ingrid H."),
        "Ingrid H.",
    ),
}


def registered():
    return {
        *(f"{label}.{name}" for label, name, _generations in staleness.MODELS),
        *(f"{label}.{name}.{field}" for label, name, field, _generations in staleness.RELATIONS),
        "accounts.User",
    }


def test_every_registered_model_has_a_case():
    assert set(CASES) == registered()


@pytest.mark.parametrize("label", sorted(CASES))
def test_a_change_shows_on_the_next_anonymous_read(anonymous, world, label):
    url, change, shown = CASES[label](world)
    before = anonymous.get(url)
    again = anonymous.get(url, headers={"accept-encoding": "gzip"})
    # Served from the page cache: stored pages are given compressed.
    assert again["Content-Encoding"] == "gzip"
    assert shown not in html.unescape(before.text)

    change()

    after = anonymous.get(url)
    assert after.status_code == 200
    assert shown in html.unescape(after.text)


def later_page_of_the_thread(w):
    """A thread of two pages: its second, a reply on it posted."""
    roots = [
        Comment.objects.create(practice=w.practice, author=w.author, body=f"Root {i}")
        for i in range(PER_PAGE)
    ]
    return (
        f"{w.page}?comments=2",
        lambda: Comment.objects.create(
            practice=w.practice, author=w.author, body="Seconded.", parent=roots[-1]
        ),
        "Seconded.",
    )


# The pages of tags and networks, and the later pages of a thread, cached like the others,
# follow the changes they show.
PLACES = {
    "thread's second page, a reply": later_page_of_the_thread,
    "tag index, a new tag": lambda w: (
        "/tags/",
        lambda: PracticeFactory(title="Street lighting", tags=["schools"]),
        ">schools<",
    ),
    "tag page, a new practice": lambda w: (
        "/tags/trust/",
        lambda: PracticeFactory(title="Street lighting", tags=["trust"]),
        "Street lighting",
    ),
    "network page, its description": lambda w: (
        "/networks/nordic-safe-cities/",
        lambda: rename(w.network, "description_en", "Cities of the North."),
        "Cities of the North.",
    ),
    "network page, a city joins": lambda w: (
        "/networks/nordic-safe-cities/",
        lambda: CityFactory(name="Malmö").networks.add(w.network),
        "Malmö",
    ),
}


@pytest.mark.parametrize("label", sorted(PLACES))
def test_tag_and_network_pages_show_a_change_on_the_next_anonymous_read(anonymous, world, label):
    url, change, shown = PLACES[label](world)
    assert shown not in html.unescape(anonymous.get(url).text)
    assert anonymous.get(url, headers={"accept-encoding": "gzip"})["Content-Encoding"] == "gzip"

    change()

    assert shown in html.unescape(anonymous.get(url).text)
