"""Feed readers get the newest published practices, all of them or one lesson's, as Atom."""

import xml.etree.ElementTree as ET

import pytest
from django.contrib.sites.models import Site

from tests.factories import CityFactory, PracticeFactory
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
MAX_FEED_QUERIES = 5


def entries(response):
    """(title, categories) of each entry, as a feed reader lists them."""
    feed = ET.fromstring(response.content)
    return [
        (
            entry.findtext(f"{ATOM}title"),
            [category.get("term") for category in entry.findall(f"{ATOM}category")],
        )
        for entry in feed.findall(f"{ATOM}entry")
    ]


def titles(response):
    return [title for title, _categories in entries(response)]


def make_practices(count):
    for _index in range(count):
        PracticeFactory(lessons=[2, 5], tags=["trust"])


def test_practice_feed_is_atom_with_the_practice_summary_city_and_lessons(anonymous):
    oslo = CityFactory(name="Oslo", country="NO")
    practice = PracticeFactory(
        title="Youth panels", city=oslo, lessons=[3], summary="Young people advise the council."
    )

    response = anonymous.get("/feeds/practices/")

    assert response["Content-Type"].startswith("application/atom+xml")
    assert entries(response) == [
        ("Youth panels", ["Oslo (NO)", "3. Inclusion is key to strengthening local democracies"])
    ]
    assert "Young people advise the council." in response.text
    assert "<name>Oslo (NO)</name>" in response.text
    assert practice.get_absolute_url() in response.text


def test_practice_feed_lists_newest_first_and_stops_at_fifty(anonymous):
    for index in range(52):
        PracticeFactory(title=f"Practice number {index}")

    listed = titles(anonymous.get("/feeds/practices/"))

    assert len(listed) == 50
    assert listed[0] == "Practice number 51"
    assert "Practice number 0" not in listed


def test_draft_is_not_in_any_feed(anonymous):
    PracticeFactory(title="Draft on lesson 2", lessons=[2], draft=True)
    PracticeFactory(title="Published on lesson 2", lessons=[2])

    assert titles(anonymous.get("/feeds/practices/")) == ["Published on lesson 2"]
    assert titles(anonymous.get("/feeds/lessons/2/")) == ["Published on lesson 2"]


def test_contact_is_never_in_a_feed(anonymous, member):
    PracticeFactory(lessons=[2], contact="Kari Nordmann, kari@example.org, +47 22 00 00 00")

    for client in (anonymous, member):
        for url in ("/feeds/practices/", "/feeds/lessons/2/"):
            text = client.get(url).text
            assert "kari@example.org" not in text
            assert "Kari Nordmann" not in text


def test_lesson_feed_has_only_that_lessons_practices(anonymous):
    PracticeFactory(title="On lesson 2", lessons=[2, 7])
    PracticeFactory(title="On lesson 4", lessons=[4])

    response = anonymous.get("/feeds/lessons/2/")

    assert titles(response) == ["On lesson 2"]
    feed_title = ET.fromstring(response.content).findtext(f"{ATOM}title")
    assert "lesson 2. Cities can counter disinformation" in feed_title


@pytest.mark.parametrize("url", ["/feeds/lessons/10/", "/feeds/lessons/0/"])
def test_feed_of_unknown_lesson_is_404(anonymous, url):
    assert anonymous.get(url).status_code == 404


@pytest.mark.parametrize("url", ["/feeds/practices/", "/feeds/lessons/2/"])
def test_feed_costs_the_same_queries_for_3_or_30_practices(anonymous, url):
    make_practices(3)
    few = count_queries(anonymous, url)
    make_practices(27)
    many = count_queries(anonymous, url)

    assert many == few
    assert many <= MAX_FEED_QUERIES


@pytest.mark.parametrize("url", ["/feeds/practices/", "/feeds/lessons/2/"])
def test_feed_loads_with_bounded_queries(anonymous, url, django_assert_max_num_queries):
    make_practices(30)
    Site.objects.clear_cache()
    with django_assert_max_num_queries(MAX_FEED_QUERIES):
        response = anonymous.get(url)
    assert len(titles(response)) == 30


def test_feeds_answer_get_and_head_and_refuse_post(anonymous):
    for address in ["/feeds/practices/", "/feeds/lessons/2/"]:
        assert anonymous.head(address).status_code == 200, address
        assert anonymous.post(address).status_code == 405, address
