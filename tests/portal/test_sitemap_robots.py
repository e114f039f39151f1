"""Search engines find every public page through robots.txt and the sitemap, and no draft.

`/sitemap.xml` is an index of the sections' pages; a section longer than its `limit` of
addresses is split into pages (`?p=2`), which the tests shrink to a few to see the split.
"""

import xml.etree.ElementTree as ET

import pytest
from django.contrib.sites.models import Site

from portal.sitemaps import PracticeSitemap
from tests.factories import CityFactory, EventFactory, NetworkFactory, PracticeFactory
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
SECTIONS = ["pages", "practices", "lessons", "cities", "tags", "networks", "events"]
# One count per section but the fixed pages, and the practices' latest change.
MAX_INDEX_QUERIES = 8
MAX_SITEMAP_PAGE_QUERIES = 3


def path(address):
    """An absolute address without its scheme and domain."""
    return "/" + address.split("://", 1)[1].split("/", 1)[1]


def index(client):
    """(address, lastmod) of each sitemap page the index lists, in its order."""
    response = client.get("/sitemap.xml")
    assert response["Content-Type"].startswith("application/xml")
    return [
        (path(sitemap.findtext(f"{SITEMAP}loc")), sitemap.findtext(f"{SITEMAP}lastmod"))
        for sitemap in ET.fromstring(response.content).findall(f"{SITEMAP}sitemap")
    ]


def entries(response):
    """The <url> entries of one sitemap page."""
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content).findall(f"{SITEMAP}url")


def locations(response):
    """Each address one sitemap page lists, with its lastmod if it has one."""
    return {path(url.findtext(f"{SITEMAP}loc")): url.findtext(f"{SITEMAP}lastmod")
            for url in entries(response)}  # fmt: skip


def everything_listed(client):
    """Each address of every page the index names, as a crawler would gather them."""
    listed = {}
    for page, _lastmod in index(client):
        listed.update(locations(client.get(page)))
    return listed


def make_rows(count):
    for _index in range(count):
        PracticeFactory()
        EventFactory()


@pytest.fixture
def four_per_page(monkeypatch):
    """Practices in pages of four addresses, two practices in English and French."""
    monkeypatch.setattr(PracticeSitemap, "limit", 4)


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


def test_sitemap_index_lists_each_section_and_when_a_practice_last_changed(anonymous):
    practice = PracticeFactory()

    listed = index(anonymous)

    assert [page for page, _lastmod in listed] == [f"/sitemap-{name}.xml" for name in SECTIONS]
    assert dict(listed)["/sitemap-practices.xml"] == practice.updated_at.isoformat()
    assert dict(listed)["/sitemap-lessons.xml"] is None


def test_sitemap_lists_pages_lessons_cities_events_and_published_practices(anonymous):
    practice = PracticeFactory(slug="youth-panels", city=CityFactory(slug="oslo"))
    EventFactory(slug="online-talk")

    listed = everything_listed(anonymous)

    pages = {"/", "/practices/", "/lessons/", "/cities/", "/events/", "/open-data/"}
    assert pages | {f"/fr{page}" for page in pages} <= set(listed)
    assert "/cities/oslo/" in listed
    assert {f"/lessons/{number}/" for number in range(1, 10)} <= set(listed)
    assert "/events/online-talk/" in listed
    assert listed["/practices/youth-panels/"] == practice.updated_at.date().isoformat()
    assert listed["/fr/practices/youth-panels/"] == practice.updated_at.date().isoformat()


def test_draft_and_its_city_are_not_in_the_sitemap(anonymous):
    PracticeFactory(slug="still-a-draft", city=CityFactory(slug="lyon"), draft=True)

    listed = everything_listed(anonymous)

    assert "/practices/still-a-draft/" not in listed
    assert "/cities/lyon/" not in listed


def test_a_section_longer_than_its_limit_is_split_into_pages(anonymous, four_per_page):
    practices = [PracticeFactory() for _index in range(5)]

    pages = [page for page, _lastmod in index(anonymous) if "practices" in page]
    listed = [list(locations(anonymous.get(page))) for page in pages]

    assert pages == [
        "/sitemap-practices.xml",
        "/sitemap-practices.xml?p=2",
        "/sitemap-practices.xml?p=3",
    ]
    assert [len(addresses) for addresses in listed] == [4, 4, 2]
    assert sorted(sum(listed, [])) == sorted(
        address
        for practice in practices
        for address in (f"/practices/{practice.slug}/", f"/fr/practices/{practice.slug}/")
    )


def test_every_address_and_alternate_in_the_sitemap_answers_200(anonymous, four_per_page):
    PracticeFactory.create_batch(3)
    EventFactory()

    for page, _lastmod in index(anonymous):
        for entry in entries(anonymous.get(page)):
            addresses = {entry.findtext(f"{SITEMAP}loc")}
            addresses |= {link.get("href") for link in entry.findall(f"{XHTML}link")}
            for address in addresses:
                assert anonymous.get(path(address)).status_code == 200, address


@pytest.mark.parametrize(
    "page",
    ["/sitemap-practices.xml?p=3", "/sitemap-practices.xml?p=0", "/sitemap-practices.xml?p=two",
     "/sitemap-drafts.xml"],
)  # fmt: skip
def test_a_page_past_the_last_or_of_no_section_is_404(anonymous, four_per_page, page):
    PracticeFactory.create_batch(4)  # two pages

    assert anonymous.get("/sitemap-practices.xml?p=2").status_code == 200
    assert anonymous.get(page).status_code == 404


def test_sitemap_refuses_post(anonymous):
    for address in ["/sitemap.xml", "/sitemap-practices.xml"]:
        assert anonymous.post(address).status_code == 405, address
        assert anonymous.head(address).status_code == 200, address


def test_sitemap_index_costs_the_same_queries_for_3_or_30_rows(anonymous, four_per_page):
    make_rows(3)
    few = count_queries(anonymous, "/sitemap.xml")
    make_rows(27)
    many = count_queries(anonymous, "/sitemap.xml")

    assert len(index(anonymous)) == len(SECTIONS) + 14  # 60 addresses: 15 pages of practices
    assert many == few
    assert many <= MAX_INDEX_QUERIES


@pytest.mark.parametrize("page", [f"/sitemap-{name}.xml" for name in SECTIONS])
def test_a_sitemap_page_costs_the_same_queries_for_3_or_30_rows(anonymous, page):
    make_rows(3)
    few = count_queries(anonymous, page)
    make_rows(27)
    many = count_queries(anonymous, page)

    assert many == few
    assert many <= MAX_SITEMAP_PAGE_QUERIES


def test_a_later_page_of_practices_loads_with_bounded_queries(
    anonymous, four_per_page, django_assert_max_num_queries
):
    make_rows(30)
    Site.objects.clear_cache()
    with django_assert_max_num_queries(MAX_SITEMAP_PAGE_QUERIES):
        response = anonymous.get("/sitemap-practices.xml?p=8")
    assert len(locations(response)) == 4


def test_the_sitemap_lists_tag_and_network_pages_in_both_languages(anonymous):
    PracticeFactory(tags=["trust"])
    PracticeFactory(tags=["unseen"], draft=True)
    NetworkFactory(slug="nordic-safe-cities")
    tags = anonymous.get("/sitemap-tags.xml").text
    assert "http://127.0.0.1:8000/tags/trust/" in tags
    assert "http://127.0.0.1:8000/fr/tags/trust/" in tags
    assert "unseen" not in tags
    assert (
        "http://127.0.0.1:8000/networks/nordic-safe-cities/"
        in anonymous.get("/sitemap-networks.xml").text
    )
    assert "http://127.0.0.1:8000/tags/" in anonymous.get("/sitemap-pages.xml").text
