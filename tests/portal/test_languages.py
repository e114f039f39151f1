"""English at each address, French at the same address under /fr/: the switcher keeps the page,
a first visit follows the browser's language unless the visitor chose one, and every page names
its other-language twin for search engines."""

import html
import re
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings

from practices.models import Comment, Practice
from practices.threads import PER_PAGE
from tests.factories import EventFactory, PracticeFactory, UserFactory

pytestmark = pytest.mark.django_db

FRENCH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "fr-FR,fr;q=0.9,en;q=0.5"}


def alternates(text):
    """The page's <link rel="alternate" hreflang> addresses, by language, without the host."""
    links = re.findall(
        r'<link rel="alternate" hreflang="([^"]+)" href="http://testserver([^"]*)">', text
    )
    return {code: html.unescape(url) for code, url in links}


def switcher_links(text):
    nav = re.search(r'<nav aria-label="[^"]*">\s*<ul class="language-list">(.*?)</ul>', text, re.S)
    return re.findall(r"<a [^>]*>[^<]*</a>", nav.group(1))


def test_english_is_at_the_root_and_french_under_fr(anonymous):
    english = anonymous.get("/practices/")
    french = anonymous.get("/fr/practices/")
    assert '<html lang="en">' in english.text
    assert '<html lang="fr">' in french.text
    assert 'href="/fr/lessons/"' in french.text
    assert 'href="/lessons/"' in english.text


def test_every_page_offers_the_other_language_in_its_own_words(anonymous):
    links = switcher_links(anonymous.get("/cities/").text)
    assert links == [
        '<a href="/language/en/?next=%2Fcities%2F" hreflang="en" lang="en" aria-current="true">'
        "English</a>",
        '<a href="/language/fr/?next=%2Fcities%2F" hreflang="fr" lang="fr">Français</a>',
    ]
    french_links = switcher_links(anonymous.get("/fr/cities/").text)
    assert 'aria-current="true">Français</a>' in french_links[1]
    assert "aria-current" not in french_links[0]


def test_switching_keeps_the_page_and_its_query_and_remembers_the_choice(anonymous):
    page = anonymous.get("/practices/?q=trust&language=fr")
    switch = re.search(r'href="(/language/fr/[^"]*)"', page.text).group(1).replace("&amp;", "&")

    response = anonymous.get(switch)

    assert response.status_code == 302
    assert response.url == "/fr/practices/?q=trust&language=fr"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"
    back = anonymous.get("/language/en/", {"next": "/fr/practices/?q=trust"})
    assert back.url == "/practices/?q=trust"
    assert back.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


def test_switching_never_leaves_the_site_and_knows_only_its_languages(anonymous):
    for unsafe in ["https://evil.example/", "//evil.example/x", "javascript:alert(1)", ""]:
        response = anonymous.get("/language/fr/", {"next": unsafe})
        assert response.url == "/fr/", unsafe
    assert anonymous.get("/language/de/", {"next": "/"}).status_code == 404


def test_a_first_visit_from_a_french_browser_lands_on_the_french_page(anonymous):
    response = anonymous.get("/practices/?q=trust", **FRENCH_BROWSER)
    assert response.status_code == 302
    assert response.url == "/fr/practices/?q=trust"
    assert {"Accept-Language", "Cookie"} <= {part.strip() for part in response["Vary"].split(",")}


def test_an_english_browser_stays_on_the_english_page(anonymous):
    response = anonymous.get("/practices/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8,fr;q=0.5")
    assert response.status_code == 200
    assert '<html lang="en">' in response.text
    assert "Accept-Language" in response["Vary"]


def test_a_visitor_who_chose_english_is_never_sent_to_french(anonymous):
    anonymous.get("/language/en/", {"next": "/"})
    response = anonymous.get("/events/", **FRENCH_BROWSER)
    assert response.status_code == 200
    assert '<html lang="en">' in response.text


def test_a_visitor_who_chose_french_gets_french_from_an_english_link(anonymous):
    anonymous.get("/language/fr/", {"next": "/"})
    response = anonymous.get("/events/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert response.url == "/fr/events/"


@pytest.mark.parametrize(
    "path",
    [
        "/healthz",
        "/robots.txt",
        "/sitemap.xml",
        "/sitemap-practices.xml",
        "/feeds/practices/",
        "/open-data/practices.csv",
        "/open-data/practices.json",
    ],
)
def test_machine_addresses_are_never_redirected_to_french(anonymous, path):
    assert anonymous.get(path, **FRENCH_BROWSER).status_code == 200


def test_a_form_sent_from_a_french_browser_is_not_redirected(anonymous):
    response = anonymous.post("/accounts/login/", {"login": "x@example.org"}, **FRENCH_BROWSER)
    assert response.status_code == 200


def test_each_page_names_both_languages_and_the_default_as_alternates(anonymous):
    practice = PracticeFactory(slug="youth-panels")
    for path in [practice.get_absolute_url(), "/fr/practices/youth-panels/"]:
        text = anonymous.get(path).text
        assert (
            '<link rel="alternate" hreflang="en" href="http://testserver/practices/youth-panels/">'
            in text
        )
        assert (
            '<link rel="alternate" hreflang="fr" '
            'href="http://testserver/fr/practices/youth-panels/">' in text
        )
        assert (
            '<link rel="alternate" hreflang="x-default" '
            'href="http://testserver/practices/youth-panels/">' in text
        )


def test_a_later_page_of_a_thread_names_that_page_in_each_language(anonymous):
    practice = PracticeFactory(slug="youth-panels")
    author = UserFactory()
    Comment.objects.bulk_create(
        Comment(practice=practice, author=author, body="Hi", body_html="<p>Hi</p>")
        for _ in range(PER_PAGE + 1)
    )
    Practice.objects.filter(pk=practice.pk).recount_comments()
    second_page = {
        "en": "/practices/youth-panels/?comments=2",
        "fr": "/fr/practices/youth-panels/?comments=2",
        "x-default": "/practices/youth-panels/?comments=2",
    }

    for path in ["/practices/youth-panels/", "/fr/practices/youth-panels/"]:
        page = anonymous.get(path, {"comments": 2}).text
        assert alternates(page) == second_page
        # The same address as the page's canonical one.
        assert '<link rel="canonical" href="http://testserver' + path + '?comments=2">' in page
        assert alternates(anonymous.get(path).text)["fr"] == "/fr/practices/youth-panels/"


def test_a_filtered_list_names_the_same_filters_in_each_language(anonymous, settings):
    settings.PAGE_CACHE_SECONDS = 60  # each address is kept with its own alternates
    anonymous.get("/fr/practices/", {"lesson": 4})

    page = anonymous.get("/fr/practices/?lesson=3&sort=title&utm_source=newsletter&fbclid=x").text

    # Where the visitor came from is no part of the page; the switcher keeps it all the same.
    assert alternates(page) == {
        "en": "/practices/?lesson=3&sort=title",
        "fr": "/fr/practices/?lesson=3&sort=title",
        "x-default": "/practices/?lesson=3&sort=title",
    }
    assert (
        'href="/language/en/?next=%2Ffr%2Fpractices%2F%3Flesson%3D3%26sort%3Dtitle'
        "%26utm_source%3Dnewsletter%26fbclid%3Dx" in page
    )
    # Page 1 is the list's bare address (tests/portal/test_page_addresses.py).
    assert alternates(anonymous.get("/practices/?page=1&q=trust").text)["fr"] == (
        "/fr/practices/?q=trust"
    )


def test_a_page_with_a_canonical_address_names_it_whatever_the_query(anonymous):
    event = EventFactory(slug="talk-one")
    practice = PracticeFactory(slug="youth-panels")

    assert alternates(anonymous.get(f"{event.get_absolute_url()}?utm_source=x&foo=1").text) == {
        "en": "/events/talk-one/",
        "fr": "/fr/events/talk-one/",
        "x-default": "/events/talk-one/",
    }
    on_lesson = anonymous.get("/fr/lessons/3/?foo=1").text
    assert alternates(on_lesson)["en"] == "/lessons/3/"
    assert alternates(anonymous.get(f"{practice.get_absolute_url()}?comments=1").text) == {
        "en": "/practices/youth-panels/",
        "fr": "/fr/practices/youth-panels/",
        "x-default": "/practices/youth-panels/",
    }


def test_the_sitemap_lists_each_page_in_both_languages_with_its_alternates(anonymous):
    PracticeFactory(slug="youth-panels")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    sections = ["/sitemap-practices.xml", "/sitemap-lessons.xml"]
    urls = [
        url
        for section in sections
        for url in ET.fromstring(anonymous.get(section).content).findall("s:url", ns)
    ]

    def path(url):
        return "/" + url.split("://", 1)[1].split("/", 1)[1]

    entries = {
        path(url.findtext("s:loc", namespaces=ns)): {
            link.get("hreflang"): path(link.get("href")) for link in url.findall("x:link", ns)
        }
        for url in urls
    }
    both = {
        "en": "/practices/youth-panels/",
        "fr": "/fr/practices/youth-panels/",
        "x-default": "/practices/youth-panels/",
    }
    assert entries["/practices/youth-panels/"] == both
    assert entries["/fr/practices/youth-panels/"] == both
    assert entries["/fr/lessons/3/"]["en"] == "/lessons/3/"


def test_robots_keeps_crawlers_out_of_the_french_admin_and_the_switch(anonymous):
    lines = anonymous.get("/robots.txt").text.splitlines()
    assert {"Disallow: /fr/admin/", "Disallow: /fr/accounts/", "Disallow: /language/"} <= set(lines)
