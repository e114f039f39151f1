"""Every list and practice answer gives a Last-Modified that moves with any change of what it
shows, a row leaving it included, so If-Modified-Since never gets a 304 for a changed answer."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.utils import timezone
from django.utils.http import parse_http_date
from taggit.models import Tag

from practices.models import Lesson
from tests.factories import (
    CityFactory,
    EventFactory,
    EventPracticeFactory,
    NetworkFactory,
    PracticeFactory,
)

pytestmark = pytest.mark.django_db

EVENTS, CITIES, NETWORKS = "/api/v1/events/", "/api/v1/cities/", "/api/v1/networks/"
PRACTICES, YOUTH = "/api/v1/practices/", "/api/v1/practices/youth/"


class Clock:
    """Django's clock, moved on by advance(): a change made after it is dated in a later second
    than the answer before it, whatever second the test runs in."""

    def __init__(self, monkeypatch):
        self.offset, real_now = dt.timedelta(), timezone.now
        monkeypatch.setattr(timezone, "now", lambda: real_now() + self.offset)

    def advance(self, **delta):
        self.offset += dt.timedelta(**delta)


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


@pytest.fixture
def site():
    now = timezone.now()
    nordic, strong = NetworkFactory(slug="nordic"), NetworkFactory(slug="strong")
    oslo = CityFactory(slug="oslo", name="Oslo")
    aarhus = CityFactory(slug="aarhus", name="Aarhus")
    bergen = CityFactory(slug="bergen", name="Bergen")  # no practice: it may be deleted
    nordic.cities.add(oslo)
    strong.cities.add(bergen)
    talk = EventFactory(slug="talk", starts_at=now - dt.timedelta(days=10))
    older = EventFactory(slug="older", starts_at=now - dt.timedelta(days=400))
    youth = PracticeFactory(slug="youth", city=oslo, tags=["youth"])
    lights = PracticeFactory(slug="lights", city=aarhus)
    link = EventPracticeFactory(event=talk, practice=youth)
    return SimpleNamespace(**locals())


def renamed(row, **values):
    for name, value in values.items():
        setattr(row, name, value)
    row.save()


CHANGES = {
    EVENTS: {
        "event renamed": lambda s: renamed(s.talk, title="Talk, renamed"),
        "event deleted": lambda s: s.older.delete(),
        "practice shown": lambda s: EventPracticeFactory(event=s.older, practice=s.lights),
        "practice no longer shown": lambda s: s.link.delete(),
        "practice shown archived": lambda s: s.youth.archive(by=None),
        "lesson added": lambda s: s.talk.lessons.add(Lesson.objects.get(number=3)),
    },
    CITIES: {
        "city renamed": lambda s: renamed(s.oslo, name="Oslo kommune"),
        "city deleted": lambda s: s.bergen.delete(),
        "city joins a network": lambda s: s.nordic.cities.add(s.aarhus),
        "city leaves a network": lambda s: s.oslo.networks.clear(),
        "network's slug changed": lambda s: renamed(s.nordic, slug="nordic-safe-cities"),
        "network deleted": lambda s: s.nordic.delete(),
        "practice archived": lambda s: s.youth.archive(by=None),
        "practice deleted": lambda s: s.youth.delete(),
    },
    NETWORKS: {
        "network renamed": lambda s: renamed(s.nordic, name="Nordic Safe Cities"),
        "network deleted": lambda s: s.strong.delete(),
        "city joins": lambda s: s.strong.cities.add(s.aarhus),
        "member city's slug changed": lambda s: renamed(s.oslo, slug="oslo-kommune"),
        "member city deleted": lambda s: s.bergen.delete(),
    },
    PRACTICES: {
        "practice edited": lambda s: renamed(s.youth, title="Youth panels, revised"),
        "practice deleted": lambda s: s.lights.delete(),
        "practice confirmed as ended": lambda s: s.youth.confirm(by=None, ended_in=2025),
        "city renamed": lambda s: renamed(s.oslo, name="Oslo kommune"),
        "tag renamed": lambda s: renamed(Tag.objects.get(name="youth"), name="young people"),
        "lessons changed": lambda s: s.youth.lessons.add(Lesson.objects.get(number=4)),
    },
    YOUTH: {
        "practice edited": lambda s: renamed(s.youth, title="Youth panels, revised"),
        "practice confirmed as ended": lambda s: s.youth.confirm(by=None, ended_in=2025),
        "city renamed": lambda s: renamed(s.oslo, name="Oslo kommune"),
        "event renamed": lambda s: renamed(s.talk, title="Talk, renamed"),
        "event deleted": lambda s: s.talk.delete(),
        "no longer shown at the event": lambda s: s.link.delete(),
        "link added": lambda s: s.youth.links.create(title="Report", url="https://example.org/"),
    },
}
CASES = [(url, name) for url, changes in CHANGES.items() for name in changes]


@pytest.mark.parametrize("url, change", CASES, ids=[f"{url} {name}" for url, name in CASES])
def test_a_change_of_what_an_answer_shows_moves_its_last_modified(
    anonymous, site, clock, url, change
):
    first = anonymous.get(url)
    since = {"If-Modified-Since": first["Last-Modified"]}
    assert anonymous.get(url, headers=since).status_code == 304

    clock.advance(hours=1)
    CHANGES[url][change](site)
    again = anonymous.get(url, headers=since)

    assert again.status_code == 200
    assert parse_http_date(again["Last-Modified"]) > parse_http_date(first["Last-Modified"])


@pytest.mark.parametrize(
    "url, move",
    [
        # The page's one row moves to the next page; the row that takes its place is older.
        (EVENTS, lambda s: renamed(s.talk, starts_at=s.now - dt.timedelta(days=500))),
        (CITIES, lambda s: renamed(s.aarhus, name="Zurich")),
    ],
)
def test_a_row_moving_off_a_page_moves_the_pages_last_modified(anonymous, site, clock, url, move):
    first = anonymous.get(url + "?limit=1")
    clock.advance(hours=1)
    move(site)

    again = anonymous.get(url + "?limit=1", headers={"If-Modified-Since": first["Last-Modified"]})

    assert again.json()["results"] != first.json()["results"]
    assert again.status_code == 200


@pytest.mark.parametrize("url", [EVENTS, CITIES, NETWORKS])
def test_the_last_modified_is_the_newest_change_of_the_list(anonymous, site, clock, url):
    clock.advance(hours=2)
    row = {EVENTS: site.older, CITIES: site.aarhus, NETWORKS: site.strong}[url]
    row.save()

    response = anonymous.get(url)

    assert parse_http_date(response["Last-Modified"]) == int(row.updated_at.timestamp())


def test_a_change_the_list_does_not_show_leaves_its_last_modified(anonymous, site, clock):
    first = anonymous.get(NETWORKS)
    clock.advance(hours=1)
    renamed(site.talk, title="Talk, renamed")

    again = anonymous.get(NETWORKS, headers={"If-Modified-Since": first["Last-Modified"]})

    assert again.status_code == 304


def test_an_empty_page_gives_no_last_modified(anonymous):
    response = anonymous.get(EVENTS)

    assert response.status_code == 200 and response.json()["results"] == []
    assert "Last-Modified" not in response and response["ETag"]
