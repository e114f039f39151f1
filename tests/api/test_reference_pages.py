"""Programs read the events and the cities a page at a time by cursor, as they read the
practices: following `next` gives each exactly once, even while some are added meanwhile."""

import base64
import datetime as dt

import pytest
from django.utils import timezone

from api import schemas
from events.models import Event
from practices.models import City
from tests.factories import CityFactory, EventFactory, EventPracticeFactory, PracticeFactory
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

EVENTS, CITIES = "/api/v1/events/", "/api/v1/cities/"
# Events: the page, its lessons and its first practices; cities: the page and its networks.
MAX_QUERIES = {EVENTS: 3, CITIES: 2}


def make_events(count):
    """`count` events, some starting at the same moment: the id decides between them."""
    events = EventFactory.create_batch(count)
    same_moment = timezone.now() - dt.timedelta(days=3)
    Event.objects.filter(pk__in=[e.pk for e in events[count // 3 : count // 2]]).update(
        starts_at=same_moment, ends_at=same_moment + dt.timedelta(hours=1)
    )
    return [event.slug for event in events]


def make_cities(count):
    """`count` cities, some of the same name (in other countries): the id decides."""
    cities = CityFactory.create_batch(count)
    for city, country in zip(cities[count // 3 :], ["NO", "SE", "DK", "FI", "IS"], strict=False):
        City.objects.filter(pk=city.pk).update(name=f"Springfield {cities[0].pk}", country=country)
    return [city.slug for city in cities]


MAKE = {EVENTS: make_events, CITIES: make_cities}


def walk(client, url):
    """Every slug the pages give, following `next` to the end, and how many pages."""
    seen, pages = [], 0
    while url:
        page = client.get(url).json()
        seen += [item["slug"] for item in page["results"]]
        url, pages = page["next"], pages + 1
    return seen, pages


@pytest.mark.parametrize("url", [EVENTS, CITIES])
def test_walking_every_page_gives_each_exactly_once(anonymous, url):
    made = MAKE[url](60)

    seen, pages = walk(anonymous, url + "?limit=25")

    assert sorted(seen) == sorted(made)
    assert len(seen) == len(set(seen)) == 60
    assert pages == 3


@pytest.mark.parametrize("url", [EVENTS, CITIES])
def test_a_page_is_20_by_default_in_the_lists_envelope(anonymous, url):
    MAKE[url](21)

    first = anonymous.get(url).json()
    last = anonymous.get(first["next"]).json()

    assert len(first["results"]) == 20 and first["next_cursor"]
    assert first["next"].startswith(f"http://testserver{url}?cursor=")
    assert len(last["results"]) == 1
    assert last["next"] is None and last["next_cursor"] is None


def test_events_are_latest_first_then_by_id(anonymous):
    now = timezone.now()
    old = EventFactory(slug="old", starts_at=now - dt.timedelta(days=400))
    tied = [EventFactory(slug=f"tied-{n}", starts_at=now - dt.timedelta(days=9)) for n in (1, 2)]
    EventFactory(slug="coming", starts_at=now + dt.timedelta(days=9))
    assert old.pk < tied[0].pk < tied[1].pk

    seen, _pages = walk(anonymous, EVENTS + "?limit=1")

    assert seen == ["coming", "tied-2", "tied-1", "old"]


def test_cities_are_by_name_then_by_id(anonymous):
    CityFactory(slug="zagreb", name="Zagreb")
    CityFactory(slug="aarhus", name="Aarhus")
    CityFactory(slug="paris-fr", name="Paris", country="FR")
    CityFactory(slug="paris-us", name="Paris", country="US")

    seen, _pages = walk(anonymous, CITIES + "?limit=1")

    assert seen == ["aarhus", "paris-fr", "paris-us", "zagreb"]


def test_events_added_during_a_walk_neither_repeat_nor_hide_others(anonymous):
    made = make_events(30)
    first = anonymous.get(EVENTS + "?limit=10").json()
    seen, url = [item["slug"] for item in first["results"]], first["next"]
    while url:
        EventFactory(slug=f"added-{len(seen)}")  # coming up: before the first page
        page = anonymous.get(url).json()
        seen += [item["slug"] for item in page["results"]]
        url = page["next"]

    assert sorted(seen) == sorted(made)


def test_cities_added_during_a_walk_come_once_if_after_the_page_read(anonymous):
    made = make_cities(30)
    first = anonymous.get(CITIES + "?limit=10").json()
    seen, url, late = [item["slug"] for item in first["results"]], first["next"], []
    while url:
        # One before every city read so far (never read), one after them all (read once).
        CityFactory(slug=f"early-{len(seen)}", name=f"AAA early {len(seen)}")
        late.append(CityFactory(slug=f"late-{len(seen)}", name=f"ZZZ late {len(seen)}").slug)
        page = anonymous.get(url).json()
        seen += [item["slug"] for item in page["results"]]
        url = page["next"]

    assert sorted(seen) == sorted(made + late)
    assert len(seen) == len(set(seen)) and len(late) == 3


def cursor(text):
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


@pytest.mark.parametrize("url", [EVENTS, CITIES, "/api/v1/practices/"])
@pytest.mark.parametrize(
    "query",
    [
        "?limit=0",
        "?limit=101",
        "?limit=many",
        "?cursor=not-a-cursor",
        "?cursor=bm90fGE",  # "not|a"
        "?cursor=" + cursor("Oslo|" + "9" * 30),
        "?cursor=" + cursor("Oslo\x00|5"),
        "?cursor=" + cursor("cities|Oslo\x00|5"),
        "?cursor=" + cursor("events|2026-01-01T10:00:00+00:00|x"),
        "?cursor=" + cursor("practices|"),
    ],
)
def test_a_bad_limit_or_cursor_is_a_400_naming_it(anonymous, url, query):
    MAKE.get(url, lambda count: PracticeFactory.create_batch(count))(2)

    response = anonymous.get(url + query)

    assert response.status_code == 400
    assert response.json()["detail"] == "Some parameters cannot be read."
    assert set(response.json()["errors"]) == {query[1:].split("=")[0]}


@pytest.mark.parametrize(
    "url, named", [(EVENTS, "events|"), ("/api/v1/practices/", "practices|"),
                   ("/api/v1/practices/", "")],  # the practices' cursors before they named it
)  # fmt: skip
@pytest.mark.parametrize(
    "moment", ["2026-01-01T10:00:00", "0001-01-01T00:00:00+05:00", "9999-12-31T23:00:00-05:00"]
)
def test_a_cursor_moment_without_offset_or_out_of_range_is_a_400(anonymous, url, named, moment):
    response = anonymous.get(url, {"cursor": cursor(f"{named}{moment}|1")})

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"cursor"}


@pytest.mark.parametrize("url", [EVENTS, CITIES])
def test_limit_1_and_100_are_the_bounds(anonymous, url):
    MAKE[url](101)

    assert len(anonymous.get(url + "?limit=1").json()["results"]) == 1
    assert len(anonymous.get(url + "?limit=100").json()["results"]) == 100


def test_an_event_lists_its_first_practices_and_links_to_all(anonymous, monkeypatch):
    monkeypatch.setattr(schemas, "PRACTICES_PER_EVENT", 2)
    event = EventFactory(slug="online-talk")
    for slug, recorded in (("third", 30), ("first", 10), ("second", 20)):
        practice = PracticeFactory(slug=slug)
        EventPracticeFactory(
            event=event, practice=practice, recording_time=dt.timedelta(seconds=recorded)
        )
    EventPracticeFactory(event=event, practice=PracticeFactory(slug="hidden", draft=True))
    EventFactory(slug="nothing-shown")

    found = {item["slug"]: item for item in anonymous.get(EVENTS).json()["results"]}

    talk = found["online-talk"]
    assert talk["practices"] == ["first", "second"]
    assert talk["practice_count"] == 3
    assert talk["practices_url"] == "http://testserver/api/v1/practices/?event=online-talk"
    all_shown = anonymous.get(talk["practices_url"]).json()["results"]
    assert sorted(item["slug"] for item in all_shown) == ["first", "second", "third"]
    assert (found["nothing-shown"]["practices"], found["nothing-shown"]["practice_count"]) == (
        [],
        0,
    )


def test_a_page_of_events_costs_the_same_queries_however_many_they_show(
    anonymous, django_assert_max_num_queries
):
    for event in EventFactory.create_batch(3):
        EventPracticeFactory(event=event, practice=PracticeFactory(lessons=[1, 2]))
    few = count_queries(anonymous, EVENTS)
    crowded = EventFactory()
    for practice in PracticeFactory.create_batch(60):
        EventPracticeFactory(event=crowded, practice=practice)
    EventFactory.create_batch(30)

    with django_assert_max_num_queries(MAX_QUERIES[EVENTS]):
        page = anonymous.get(EVENTS + "?limit=100").json()

    assert count_queries(anonymous, EVENTS) == few
    shown = next(item for item in page["results"] if item["slug"] == crowded.slug)
    assert len(shown["practices"]) == schemas.PRACTICES_PER_EVENT == 50
    assert shown["practice_count"] == 60


def test_a_page_of_cities_costs_the_same_queries_for_3_or_300(
    anonymous, django_assert_max_num_queries
):
    make_cities(3)
    few = count_queries(anonymous, CITIES)
    make_cities(297)

    with django_assert_max_num_queries(MAX_QUERIES[CITIES]):
        first = anonymous.get(CITIES + "?limit=100").json()
    with django_assert_max_num_queries(MAX_QUERIES[CITIES]):
        anonymous.get(first["next"])
    assert count_queries(anonymous, CITIES) == few


@pytest.mark.parametrize("url", [EVENTS, CITIES])
def test_every_page_has_its_etag_and_is_kept(anonymous, url, django_assert_num_queries):
    MAKE[url](30)
    first = anonymous.get(url + "?limit=10")
    second = anonymous.get(first.json()["next"])
    assert first["ETag"] != second["ETag"]

    with django_assert_num_queries(0):
        kept = anonymous.get(first.json()["next"])
        unchanged = anonymous.get(first.json()["next"], headers={"If-None-Match": second["ETag"]})

    assert kept.content == second.content
    assert unchanged.status_code == 304 and unchanged.content == b""


@pytest.mark.parametrize("url", [EVENTS, CITIES])
def test_a_new_row_changes_the_pages(anonymous, url):
    MAKE[url](3)
    first = anonymous.get(url)

    MAKE[url](1)
    again = anonymous.get(url, headers={"If-None-Match": first["ETag"]})

    assert again.status_code == 200
    assert len(again.json()["results"]) == 4
