"""Programs read the published practices through /api/v1/practices/: a page at a time by
cursor, filtered like the list page, and one practice with all its sections."""

import datetime as dt

import pytest
from django.utils import timezone

from practices.models import Practice
from tests.factories import (
    CityFactory,
    EventFactory,
    EventPracticeFactory,
    NetworkFactory,
    PracticeFactory,
)
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

LIST = "/api/v1/practices/"
# The page (with the latest changes, api/changes.py), its lessons and its tags; a search on
# PostgreSQL adds its own transaction around the index lookup (savepoint, SET LOCAL, the
# matches, release).
MAX_LIST_QUERIES = 7
MAX_DETAIL_QUERIES = 7


def slugs(client, query=""):
    response = client.get(LIST + query)
    assert response.status_code == 200, response.text
    return sorted(item["slug"] for item in response.json()["results"])


def walk(client, query):
    """Every practice the pages give, following `next` to the end."""
    seen, url, pages = [], LIST + query, 0
    while url:
        page = client.get(url).json()
        seen += [item["slug"] for item in page["results"]]
        url, pages = page["next"], pages + 1
    return seen, pages


def test_walking_every_page_gives_every_practice_exactly_once(anonymous):
    # Some published at the same moment: the id decides between them.
    practices = PracticeFactory.create_batch(120)
    same_moment = timezone.now() - dt.timedelta(days=1)
    Practice.objects.filter(pk__in=[p.pk for p in practices[40:60]]).update(
        published_at=same_moment
    )

    seen, pages = walk(anonymous, "?limit=25")

    assert sorted(seen) == sorted(p.slug for p in practices)
    assert len(seen) == len(set(seen)) == 120
    assert pages == 5


def test_practices_published_during_a_walk_neither_repeat_nor_hide_others(anonymous):
    practices = PracticeFactory.create_batch(30)
    first = anonymous.get(LIST + "?limit=10").json()
    seen = [item["slug"] for item in first["results"]]
    url = first["next"]
    while url:
        PracticeFactory(title="Published meanwhile")
        page = anonymous.get(url).json()
        seen += [item["slug"] for item in page["results"]]
        url = page["next"]

    assert sorted(seen) == sorted(p.slug for p in practices)


def test_list_is_newest_first_with_a_cursor_for_the_next_page(anonymous):
    older = PracticeFactory(published_at=timezone.now() - dt.timedelta(days=2))
    newer = PracticeFactory(published_at=timezone.now() - dt.timedelta(days=1))

    page = anonymous.get(LIST + "?limit=1").json()
    assert [item["slug"] for item in page["results"]] == [newer.slug]
    following = anonymous.get(LIST, {"limit": 1, "cursor": page["next_cursor"]}).json()
    assert [item["slug"] for item in following["results"]] == [older.slug]
    assert following["next"] is None and following["next_cursor"] is None


def test_list_item_holds_what_a_card_shows(anonymous):
    oslo = CityFactory(name="Oslo", slug="oslo", country="NO")
    PracticeFactory(
        slug="youth-panels", city=oslo, lessons=[3, 1], tags=["youth", "democracy"],
        start_year=2019, end_year=2022, evidence="externally_evaluated",
    )  # fmt: skip

    item = anonymous.get(LIST).json()["results"][0]

    assert item["url"] == "http://testserver/practices/youth-panels/"
    assert item["api_url"] == "http://testserver/api/v1/practices/youth-panels/"
    assert item["city"] == {
        "slug": "oslo",
        "name": "Oslo",
        "country": "NO",
        "url": "http://testserver/cities/oslo/",
    }
    assert item["lessons"] == [1, 3]
    assert item["tags"] == ["democracy", "youth"]
    assert (item["start_year"], item["end_year"], item["ongoing"]) == (2019, 2022, False)
    assert item["evidence"] == "externally_evaluated"
    assert "contact" not in item and "approach" not in item


@pytest.fixture
def catalogue():
    oslo = CityFactory(slug="oslo", country="NO")
    lyon = CityFactory(slug="lyon", country="FR")
    NetworkFactory(slug="nordic").cities.add(oslo)
    event = EventFactory(slug="online-talk")
    youth = PracticeFactory(
        slug="youth", title="Youth panels", city=oslo, lessons=[2], tags=["youth"],
        start_year=2018, ongoing=True, evidence="externally_evaluated",
    )  # fmt: skip
    EventPracticeFactory(event=event, practice=youth)
    PracticeFactory(
        slug="lights", title="Street lights", city=lyon, lessons=[5], language="fr",
        start_year=2015, end_year=2016,
    )  # fmt: skip
    hidden = PracticeFactory(
        slug="hidden", title="Youth panels draft", city=oslo, lessons=[2], tags=["youth"],
        draft=True,
    )  # fmt: skip
    EventPracticeFactory(event=event, practice=hidden)


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", ["lights", "youth"]),
        ("?lesson=2", ["youth"]),
        ("?lesson=2&lesson=5", ["lights", "youth"]),
        ("?country=fr", ["lights"]),
        ("?city=oslo", ["youth"]),
        ("?tag=youth", ["youth"]),
        ("?network=nordic", ["youth"]),
        ("?event=online-talk", ["youth"]),
        ("?language=fr", ["lights"]),
        ("?evidence=externally_evaluated", ["youth"]),
        ("?year=2016", ["lights"]),
        ("?year=2024", ["youth"]),
        ("?q=youth", ["youth"]),
        ("?q=panels&city=oslo", ["youth"]),
        ("?q=nothing-matches-this", []),
    ],
)
def test_filters_and_search_as_on_the_list_page_never_show_drafts(
    anonymous, catalogue, query, expected
):
    assert slugs(anonymous, query) == expected


@pytest.mark.parametrize(
    "query, parameter",
    [
        ("?lesson=12", "lesson"),
        ("?lesson=two", "lesson"),
        ("?country=Norway", "country"),
        ("?language=de", "language"),
        ("?evidence=great", "evidence"),
        ("?year=abc", "year"),
        ("?year=3000", "year"),
        ("?city=not%20a%20slug", "city"),
        ("?limit=0", "limit"),
        ("?limit=1000", "limit"),
        ("?limit=many", "limit"),
        ("?cursor=not-a-cursor", "cursor"),
        ("?cursor=bm90fGE", "cursor"),
    ],
)
def test_a_value_that_cannot_be_read_is_a_400_naming_it(anonymous, query, parameter):
    PracticeFactory()

    response = anonymous.get(LIST + query)

    assert response.status_code == 400
    assert response.json()["detail"] == "Some parameters cannot be read."
    assert parameter in response.json()["errors"]


def test_every_bad_value_is_named_at_once(anonymous):
    response = anonymous.get(LIST + "?year=abc&lesson=12&country=Norway")

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"year", "lesson", "country"}


@pytest.mark.parametrize("query", ["?tag=youth", "?q=youth"])
def test_list_costs_the_same_queries_for_3_or_30_practices(anonymous, catalogue, query):
    for _ in range(3):
        PracticeFactory(title="Youth work", lessons=[1, 2], tags=["trust", "youth"])
    few = count_queries(anonymous, LIST + query)
    for _ in range(27):
        PracticeFactory(title="Youth work", lessons=[1, 2], tags=["trust", "youth"])
    many = count_queries(anonymous, LIST + query + "&limit=40")

    assert many == few
    assert many <= MAX_LIST_QUERIES


@pytest.fixture
def youth_panels():
    practice = PracticeFactory(
        slug="youth-panels",
        summary="Young people advise the council.",
        context="Few young people *voted*.",
        approach="Panels <script>alert(1)</script> met monthly.",
        results="",
        contact="Kari Nordmann, kari@example.org",
        lessons=[2],
        tags=["youth"],
    )
    practice.links.create(title="Evaluation report", url="https://example.org/report.pdf")
    EventPracticeFactory(practice=practice, event=EventFactory(slug="online-talk", title="Talk"))
    return practice


def test_practice_holds_its_sections_as_sanitised_html_in_reading_order(anonymous, youth_panels):
    response = anonymous.get("/api/v1/practices/youth-panels/")

    practice = response.json()
    assert response.status_code == 200
    assert practice["summary"] == "Young people advise the council."
    assert [section["name"] for section in practice["sections"]] == ["context", "approach"]
    context, approach = practice["sections"]
    assert context["heading"] == "Context and problem"
    assert context["html"] == "<p>Few young people <em>voted</em>.</p>"
    assert "<script" not in approach["html"]
    assert practice["links"] == [
        {"title": "Evaluation report", "url": "https://example.org/report.pdf"}
    ]
    assert [event["slug"] for event in practice["events"]] == ["online-talk"]
    assert practice["events"][0]["url"] == "http://testserver/events/online-talk/"


def test_practice_never_shows_its_contact(anonymous, member, staff, youth_panels):
    for client in (anonymous, member, staff):
        text = client.get("/api/v1/practices/youth-panels/").text
        assert "kari@example.org" not in text
        assert "Kari Nordmann" not in text


@pytest.mark.parametrize("status", ["draft", "submitted", "changes_requested", "archived"])
def test_unpublished_practice_is_404_and_in_no_list(anonymous, staff, status):
    Practice.objects.filter(pk=PracticeFactory(slug="not-out", tags=["youth"]).pk).update(
        status=status
    )

    for client in (anonymous, staff):
        response = client.get("/api/v1/practices/not-out/")
        assert response.status_code == 404
        assert response.json()["detail"]
        for query in ("", "?tag=youth", "?q=city", "?lesson=1"):
            assert "not-out" not in client.get(LIST + query).text


def test_unknown_practice_is_404(anonymous):
    assert anonymous.get("/api/v1/practices/no-such-practice/").status_code == 404


def test_practice_costs_a_bounded_number_of_queries(anonymous, youth_panels):
    for index in range(5):
        youth_panels.links.create(title=f"Link {index}", url=f"https://example.org/{index}")
        EventPracticeFactory(practice=youth_panels)

    assert count_queries(anonymous, "/api/v1/practices/youth-panels/") <= MAX_DETAIL_QUERIES
