"""Each page of a paginated list is its own address: page 2 of a lesson, a tag, a city, a
network, the events or the practice list names itself (`?page=2`) as its canonical address and
in each language, so a search engine indexes the practices on it; page 1 is the bare address."""

import datetime as dt
import html
import re

import pytest
from django.utils import timezone

from tests.addresses import alternates, canonical
from tests.factories import CityFactory, EventFactory, NetworkFactory, PracticeFactory

pytestmark = pytest.mark.django_db


def in_each_language(address):
    """The alternates naming `address` (an English path with its query) in both languages."""
    return {
        "en": f"http://testserver{address}",
        "fr": f"http://testserver/fr{address}",
        "x-default": f"http://testserver{address}",
    }


@pytest.fixture
def two_pages(db):
    """21 practices of one city in a network, all on lesson 1 with one tag, and 21 past events:
    two pages of each list."""
    city = CityFactory(slug="aarhus")
    city.networks.add(NetworkFactory(slug="nordic"))
    for _ in range(21):
        PracticeFactory(city=city, tags=["youth"])
    now = timezone.now()
    for n in range(21):
        EventFactory(starts_at=now - dt.timedelta(days=n + 1), ends_at=now - dt.timedelta(days=n))


LISTS = ["/lessons/1/", "/tags/youth/", "/cities/aarhus/", "/networks/nordic/", "/events/",
         "/practices/"]  # fmt: skip


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize("language", ["", "/fr"])
def test_page_2_of_a_list_names_itself_in_each_language(anonymous, two_pages, path, language):
    second = anonymous.get(f"{language}{path}", {"page": 2, "utm_source": "newsletter"}).text

    assert canonical(second) == [f"http://testserver{language}{path}?page=2"]
    assert alternates(second) == in_each_language(f"{path}?page=2")


@pytest.mark.parametrize("path", LISTS)
def test_page_1_of_a_list_is_its_bare_address(anonymous, two_pages, path):
    for asked in [path, f"{path}?page=1"]:
        first = anonymous.get(asked).text

        assert canonical(first) == [f"http://testserver{path}"], asked
        assert alternates(first) == in_each_language(path), asked


def test_a_filtered_list_names_its_filters_and_page_but_not_the_rest(anonymous, two_pages):
    # The filters as the list reads them, in the order asked, then the page, as the list's links
    # to its pages name it; where the visitor came from, a parameter the list does not read and
    # an empty field of the form are no part of the page.
    asked = "/fr/practices/?lesson=1&page=2&utm_source=x&city=aarhus&foo=1&q=&sort=title"

    page = anonymous.get(asked).text

    address = "/practices/?lesson=1&city=aarhus&sort=title&page=2"
    assert canonical(page) == [f"http://testserver/fr{address}"]
    assert alternates(page) == in_each_language(address)
    first = anonymous.get("/practices/?page=1&lesson=1").text
    assert canonical(first) == ["http://testserver/practices/?lesson=1"]


def test_a_filter_the_list_could_not_use_is_no_part_of_its_addresses(anonymous, two_pages):
    # The list says it ignored the year and shows lesson 1's practices: its canonical address,
    # its links to its pages, its PDF and its chips' links name lesson 1 alone.
    page = anonymous.get("/practices/?year=abc&lesson=1&sort=random").text

    assert "could not be used and were ignored" in page
    assert canonical(page) == ["http://testserver/practices/?lesson=1"]
    assert page_links(page) == ["?lesson=1&page=2"]
    assert 'href="/practices/briefing.pdf?lesson=1"' in page
    assert 'href="?" class="chip"' in page


def test_a_later_page_of_a_thread_ignores_a_list_s_page_parameter(anonymous, two_pages):
    practice = PracticeFactory(slug="youth-panels")

    page = anonymous.get("/practices/youth-panels/", {"page": 2}).text

    assert canonical(page) == ["http://testserver/practices/youth-panels/"]
    assert alternates(page) == in_each_language("/practices/youth-panels/")
    assert practice.get_absolute_url() == "/practices/youth-panels/"


def page_links(page_html):
    """The addresses of the list's pagination: its previous, next and numbered links."""
    nav = page_html[page_html.index('<nav class="pagination"') :]
    nav = nav[: nav.index("</nav>")]
    return [html.unescape(url) for url in re.findall(r'<a (?:rel="\w+" )?href="([^"]*)"', nav)]


@pytest.mark.parametrize(
    ("path", "page_n"), [("/practices/", "?lesson=1&sort=title&page="), ("/events/", "?page=")]
)
def test_a_list_s_page_links_keep_its_filters_not_where_the_visitor_came_from(
    anonymous, two_pages, path, page_n
):
    # As its canonical address names each page: the filters as the list reads them, in the order
    # asked, then the page; the events list reads none. Where the visitor came from, a parameter
    # the list does not read and an empty field of the form are left out.
    asked = "utm_source=x&lesson=1&foo=1&fbclid=y&q=&sort=title"
    first = anonymous.get(f"{path}?{asked}").text
    second = anonymous.get(f"{path}?{asked}&page=2").text

    assert page_links(first) == [f"{page_n}2"]
    assert page_links(second) == [f"{page_n}1"]
    assert canonical(second) == [f"http://testserver{path}{page_n}2"]
