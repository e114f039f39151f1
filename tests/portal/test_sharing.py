"""Shared on another site or in a chat, a practice, an event or a lesson shows its own title
and summary: each page has Open Graph and Twitter card tags and names its canonical address."""

import html
import re

import pytest

from tests.factories import EventFactory, PracticeFactory

pytestmark = pytest.mark.django_db

META = re.compile(r'<meta (?:property|name)="((?:og|twitter):[a-z:_]+)" content="([^"]*)">')


def shared(page_html):
    """{name: [content, …]} of the page's Open Graph and Twitter tags, and its canonical link."""
    tags = {}
    for name, content in META.findall(page_html):
        tags.setdefault(name, []).append(html.unescape(content))
    canonical = re.findall(r'<link rel="canonical" href="([^"]+)">', page_html)
    return tags, canonical


def test_a_practice_page_is_shared_with_its_title_summary_and_address(anonymous):
    practice = PracticeFactory(
        title="Rumour desk <for> elections", slug="rumour-desk", summary="Answers & checks."
    )
    tags, canonical = shared(anonymous.get(practice.get_absolute_url(), {"utm": "x"}).text)
    assert canonical == ["http://testserver/practices/rumour-desk/"]
    assert tags["og:type"] == ["article"]
    assert tags["og:title"] == tags["twitter:title"] == ["Rumour desk <for> elections"]
    assert tags["og:description"] == tags["twitter:description"] == ["Answers & checks."]
    assert tags["og:url"] == canonical
    assert tags["og:locale"] == ["en_GB"] and tags["og:locale:alternate"] == ["fr_FR"]
    assert tags["twitter:card"] == ["summary"]
    assert tags["og:site_name"] == ["Together for Safety practice portal"]


def test_the_french_page_names_its_own_address_and_locale(anonymous):
    PracticeFactory(slug="rumour-desk")
    tags, canonical = shared(anonymous.get("/fr/practices/rumour-desk/").text)
    assert canonical == ["http://testserver/fr/practices/rumour-desk/"]
    assert tags["og:locale"] == ["fr_FR"]
    assert tags["og:site_name"] == ["Portail des pratiques Ensemble pour la sécurité"]


def test_an_event_page_is_shared_with_its_title_and_description(anonymous):
    event = EventFactory(title="Together for Safety 2022", slug="t4s-2022",
                         description="Two online talks on **urban** safety.")  # fmt: skip
    tags, canonical = shared(anonymous.get(event.get_absolute_url()).text)
    assert canonical == ["http://testserver/events/t4s-2022/"]
    assert tags["og:title"] == ["Together for Safety 2022"]
    assert tags["og:description"][0].startswith("Two online talks")
    assert tags["og:type"] == ["website"]


def test_a_lesson_page_is_shared_with_its_number_title_and_summary(anonymous):
    text = anonymous.get("/lessons/2/").text
    tags, canonical = shared(text)
    assert canonical == ["http://testserver/lessons/2/"]
    assert tags["og:title"][0].startswith("Lesson 2: ")
    assert tags["og:description"][0]
    assert tags["twitter:card"] == ["summary"]
