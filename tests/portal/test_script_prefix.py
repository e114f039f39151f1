"""Served under a prefix (/portal, from FORCE_SCRIPT_NAME or the WSGI server's SCRIPT_NAME),
the language switch, the first visit's redirect, the alternates and the canonical address all
stay under it, once."""

import html
import re
from unittest import mock

import pytest
from django.core.handlers.wsgi import get_script_name
from django.core.signals import request_started
from django.db import OperationalError, connection
from django.test import Client
from django.urls import get_script_prefix, set_script_prefix

from tests.addresses import alternates, canonical
from tests.factories import EventFactory, PracticeFactory

pytestmark = pytest.mark.django_db

FRENCH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "fr-FR,fr;q=0.9,en;q=0.5"}


@pytest.fixture(params=["FORCE_SCRIPT_NAME", "SCRIPT_NAME"])
def visitor(request, settings, db):
    """An anonymous visitor of the site served under /portal: told by the setting, or by the
    WSGI server in each request's environ. Django's WSGI handler sets the script prefix that
    reverse() names addresses under from either, for each request; the test client's handler
    does not, so it is set here the same way."""

    def set_prefix(sender, environ, **kwargs):
        set_script_prefix(get_script_name(environ))

    before = get_script_prefix()
    request_started.connect(set_prefix)
    if request.param == "FORCE_SCRIPT_NAME":
        settings.FORCE_SCRIPT_NAME = "/portal"
        client = Client()
    else:
        client = Client(SCRIPT_NAME="/portal")
    yield client
    request_started.disconnect(set_prefix)
    set_script_prefix(before)


def switch_links(text):
    """The language switcher's links, by language."""
    links = re.findall(r'<li><a href="(/[^"]*/language/[^"]*)" hreflang="([^"]+)"', text)
    return {code: html.unescape(url) for url, code in links}


def test_the_switch_names_the_page_under_the_prefix_and_leads_there(visitor):
    page = visitor.get("/cities/").text

    links = switch_links(page)
    assert links["fr"] == "/portal/language/fr/?next=%2Fportal%2Fcities%2F"
    # The switch itself is asked for under the prefix too: its path below it.
    switched = visitor.get("/language/fr/", {"next": "/portal/cities/?sort=use"})
    assert switched.url == "/portal/fr/cities/?sort=use"
    back = visitor.get("/language/en/", {"next": "/portal/fr/cities/"})
    assert back.url == "/portal/cities/"


def test_the_switch_goes_home_under_the_prefix_from_an_address_outside_it(visitor):
    for unsafe in ["https://evil.example/", "/elsewhere/", "/portalx/cities/", ""]:
        assert visitor.get("/language/fr/", {"next": unsafe}).url == "/portal/fr/", unsafe


def test_a_first_visit_from_a_french_browser_lands_under_the_prefix(visitor):
    response = visitor.get("/practices/", {"q": "trust"}, **FRENCH_BROWSER)
    assert response.status_code == 302
    assert response.url == "/portal/fr/practices/?q=trust"


def test_the_alternates_name_the_page_under_the_prefix_in_each_language(visitor):
    both = {
        "en": "http://testserver/portal/cities/",
        "fr": "http://testserver/portal/fr/cities/",
        "x-default": "http://testserver/portal/cities/",
    }
    assert alternates(visitor.get("/cities/").text) == both
    assert alternates(visitor.get("/fr/cities/").text) == both


def test_a_canonical_address_is_under_the_prefix_once(visitor):
    EventFactory(slug="talk-one")
    for _ in range(21):
        PracticeFactory()

    on_event = visitor.get("/fr/events/talk-one/").text
    second = visitor.get("/fr/lessons/1/", {"page": 2}).text

    assert canonical(on_event) == ["http://testserver/portal/fr/events/talk-one/"]
    assert alternates(on_event)["en"] == "http://testserver/portal/events/talk-one/"
    assert '<meta property="og:url" content="http://testserver/portal/fr/events/talk-one/">' in (
        on_event
    )
    assert canonical(second) == ["http://testserver/portal/fr/lessons/1/?page=2"]
    assert alternates(second)["en"] == "http://testserver/portal/lessons/1/?page=2"


def test_any_site_may_read_the_api_under_the_prefix(visitor):
    PracticeFactory(slug="youth-panels")

    response = visitor.get("/api/v1/practices/", headers={"Origin": "https://www.oslo.kommune.no"})

    assert response["Access-Control-Allow-Origin"] == "*"
    assert (
        response.json()["results"][0]["url"] == "http://testserver/portal/practices/youth-panels/"
    )
    assert "Access-Control-Allow-Origin" not in visitor.get("/practices/")


def database_down(execute, sql, params, many, context):
    raise OperationalError("connection to server failed: Connection refused")


@pytest.mark.parametrize(
    ("language", "home", "label"),
    [("", "/portal/", "Home page"), ("/fr", "/portal/fr/", "Page d'accueil")],
)
def test_the_error_pages_lead_home_under_the_prefix(visitor, language, home, label):
    visitor.raise_request_exception = False
    with mock.patch("portal.views.render", side_effect=RuntimeError("broken view")):
        failed = visitor.get(f"{language}/")
    with connection.execute_wrapper(database_down):
        unavailable = visitor.get(f"{language}/practices/")

    assert failed.status_code == 500
    assert unavailable.status_code == 503
    for page in [failed.text, unavailable.text]:
        assert f'<p><a href="{home}">{label}</a></p>' in page
