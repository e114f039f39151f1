"""Lessons, cities, networks and events through the API, and reading it from other sites."""

import pytest

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

MAX_QUERIES = 4


def test_lessons_are_the_nine_in_both_languages(anonymous):
    lessons = anonymous.get("/api/v1/lessons/").json()

    assert [lesson["number"] for lesson in lessons] == list(range(1, 10))
    assert lessons[0]["title_en"] and lessons[0]["title_fr"]
    assert lessons[0]["title_en"] != lessons[0]["title_fr"]
    assert lessons[1]["practices"] == "http://testserver/api/v1/practices/?lesson=2"


def test_lessons_do_not_follow_the_browser_language(anonymous):
    english = anonymous.get("/api/v1/lessons/").content
    french = anonymous.get("/api/v1/lessons/", headers={"Accept-Language": "fr"}).content

    assert english == french


def test_cities_count_only_their_published_practices(anonymous):
    oslo = CityFactory(name="Oslo", slug="oslo", region="Oslo")
    NetworkFactory(slug="nordic").cities.add(oslo)
    PracticeFactory(city=oslo)
    PracticeFactory(city=oslo, draft=True)

    cities = anonymous.get("/api/v1/cities/").json()["results"]
    city = next(c for c in cities if c["slug"] == "oslo")

    assert city["practice_count"] == 1
    assert city["networks"] == ["nordic"]
    assert city["practices"] == "http://testserver/api/v1/practices/?city=oslo"
    assert city["url"] == "http://testserver/cities/oslo/"


def test_networks_name_their_cities(anonymous):
    network = NetworkFactory(slug="nordic", name="Nordic Safe Cities")
    network.cities.add(CityFactory(slug="oslo", name="Oslo"), CityFactory(slug="aarhus"))

    (found,) = anonymous.get("/api/v1/networks/").json()

    assert found["name"] == "Nordic Safe Cities"
    assert sorted(found["cities"]) == ["aarhus", "oslo"]
    assert found["practices"] == "http://testserver/api/v1/practices/?network=nordic"


def test_events_show_only_published_practices(anonymous):
    event = EventFactory(slug="online-talk", title="Online talk")
    EventPracticeFactory(event=event, practice=PracticeFactory(slug="shown"))
    EventPracticeFactory(event=event, practice=PracticeFactory(slug="hidden", draft=True))

    (found,) = anonymous.get("/api/v1/events/").json()["results"]

    assert found["title_en"] == "Online talk"
    assert found["practices"] == ["shown"]
    assert found["practice_count"] == 1
    assert found["url"] == "http://testserver/events/online-talk/"


@pytest.mark.parametrize(
    "url", ["/api/v1/lessons/", "/api/v1/cities/", "/api/v1/networks/", "/api/v1/events/"]
)
def test_reference_lists_cost_the_same_queries_for_3_or_30(anonymous, url):
    def grow(count):
        for _ in range(count):
            city = CityFactory()
            NetworkFactory().cities.add(city)
            EventPracticeFactory(practice=PracticeFactory(city=city, lessons=[1, 2]))

    grow(3)
    few = count_queries(anonymous, url)
    grow(27)
    many = count_queries(anonymous, url)

    assert many == few
    assert many <= MAX_QUERIES


def test_any_site_may_read_the_api(anonymous):
    PracticeFactory(slug="youth-panels")

    for url in ("/api/v1/practices/", "/api/v1/practices/youth-panels/", "/api/v1/cities/"):
        response = anonymous.get(url, headers={"Origin": "https://www.oslo.kommune.no"})
        assert response["Access-Control-Allow-Origin"] == "*"
        assert "ETag" in response["Access-Control-Expose-Headers"]
        assert "Access-Control-Allow-Credentials" not in response


def test_a_browser_may_ask_with_if_none_match_from_another_site(anonymous):
    response = anonymous.options(
        "/api/v1/practices/",
        headers={
            "Origin": "https://www.oslo.kommune.no",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "if-none-match",
        },
    )

    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "If-None-Match" in response["Access-Control-Allow-Headers"]
    assert response["Access-Control-Allow-Methods"] == "GET"


def test_pages_of_the_portal_stay_same_origin(anonymous):
    response = anonymous.get("/practices/")

    assert "Access-Control-Allow-Origin" not in response
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


def test_only_published_practices_leave_through_any_endpoint(anonymous):
    city = CityFactory(slug="oslo")
    hidden = PracticeFactory(slug="secret-draft", city=city, draft=True)
    EventPracticeFactory(practice=hidden)
    assert Practice.objects.count() == 1

    for url in ("/api/v1/practices/", "/api/v1/cities/", "/api/v1/events/", "/api/v1/lessons/"):
        assert "secret-draft" not in anonymous.get(url).text
