"""Search engines find every public page through robots.txt and the sitemap, and no draft."""

import xml.etree.ElementTree as ET

import pytest
from django.contrib.sites.models import Site

from tests.factories import CityFactory, EventFactory, PracticeFactory
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
MAX_SITEMAP_QUERIES = 9


def locations(response):
    """Each listed address, without the domain, with its lastmod if it has one."""
    urlset = ET.fromstring(response.content)
    return {
        url.findtext(f"{SITEMAP}loc").split("://", 1)[1].split("/", 1)[1]: url.findtext(
            f"{SITEMAP}lastmod"
        )
        for url in urlset.findall(f"{SITEMAP}url")
    }


def make_rows(count):
    for _index in range(count):
        PracticeFactory()
        EventFactory()


def test_robots_keeps_crawlers_out_of_admin_and_accounts_and_names_the_sitemap(
    anonymous, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = anonymous.get("/robots.txt")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.text.splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /accounts/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /" not in lines


def test_sitemap_lists_pages_lessons_cities_events_and_published_practices(anonymous):
    practice = PracticeFactory(slug="youth-panels", city=CityFactory(slug="oslo"))
    EventFactory(slug="online-talk")

    response = anonymous.get("/sitemap.xml")

    assert response["Content-Type"].startswith("application/xml")
    listed = locations(response)
    assert {"", "practices/", "lessons/", "cities/", "events/", "open-data/"} <= set(listed)
    assert "cities/oslo/" in listed
    assert {f"lessons/{number}/" for number in range(1, 10)} <= set(listed)
    assert "events/online-talk/" in listed
    assert listed["practices/youth-panels/"] == practice.updated_at.date().isoformat()


def test_draft_and_its_city_are_not_in_the_sitemap(anonymous):
    PracticeFactory(slug="still-a-draft", city=CityFactory(slug="lyon"), draft=True)

    listed = locations(anonymous.get("/sitemap.xml"))

    assert "practices/still-a-draft/" not in listed
    assert "cities/lyon/" not in listed


def test_sitemap_costs_the_same_queries_for_3_or_30_rows(anonymous):
    make_rows(3)
    few = count_queries(anonymous, "/sitemap.xml")
    make_rows(27)
    many = count_queries(anonymous, "/sitemap.xml")

    assert many == few
    assert many <= MAX_SITEMAP_QUERIES


def test_sitemap_loads_with_bounded_queries(anonymous, django_assert_max_num_queries):
    make_rows(30)
    Site.objects.clear_cache()
    with django_assert_max_num_queries(MAX_SITEMAP_QUERIES):
        response = anonymous.get("/sitemap.xml")
    # Six pages, nine lessons, and per row a practice, its city and an event; in two languages.
    assert len(locations(response)) == 2 * (6 + 9 + 30 + 30 + 30)
