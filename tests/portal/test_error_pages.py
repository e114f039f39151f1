"""Errors get the site's own pages, which say what to do next and reveal nothing internal."""

from unittest import mock

import pytest
from django.db import IntegrityError, OperationalError, connection
from django.test import Client

pytestmark = pytest.mark.django_db


def test_404_is_the_sites_page(anonymous):
    response = anonymous.get("/practices/no-such-practice/")
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in response.text
    assert 'class="site-header"' in response.text
    assert "Traceback" not in response.text


@pytest.mark.parametrize(
    ("prefix", "label"), [("", "Search the practices"), ("/fr", "Rechercher dans les pratiques")]
)
def test_404_offers_a_search_of_the_practices_in_the_page_language(anonymous, prefix, label):
    response = anonymous.get(f"{prefix}/practices/no-such-practice/")
    assert response.status_code == 404
    assert f'<form method="get" action="{prefix}/practices/" class="search-row" role="search">' in (
        response.text
    )
    assert f'<label for="not-found-q">{label}</label>' in response.text
    assert '<input type="search" name="q" id="not-found-q"' in response.text


def test_403_is_the_sites_page(member):
    response = member.get("/review/")
    assert response.status_code == 403
    assert "<h1>Not allowed</h1>" in response.text


def test_400_for_a_bad_host_is_the_sites_page():
    response = Client(HTTP_HOST="evil.example").get("/")
    assert response.status_code == 400
    assert "<h1>Bad request</h1>" in response.text


def test_500_is_the_sites_page_and_hides_the_error():
    client = Client(raise_request_exception=False)
    with mock.patch("portal.views.render", side_effect=RuntimeError("secret detail")):
        response = client.get("/")
    assert response.status_code == 500
    assert "<h1>Something went wrong</h1>" in response.content.decode()
    assert "secret detail" not in response.content.decode()


def database_down(execute, sql, params, many, context):
    raise OperationalError("connection to server at 10.0.0.5 failed: Connection refused")


@pytest.mark.parametrize("url", ["/", "/practices/", "/lessons/2/", "/accounts/login/"])
def test_pages_answer_503_while_the_database_is_unreachable(url):
    client = Client(raise_request_exception=False)
    with connection.execute_wrapper(database_down):
        response = client.get(url)

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    text = response.content.decode()
    assert "<h1>Back in a moment</h1>" in text
    assert "10.0.0.5" not in text


def test_a_signed_in_member_gets_503_too_while_the_database_is_unreachable(member):
    # Their session and user are read from the database, before any view runs.
    member.raise_request_exception = False
    with connection.execute_wrapper(database_down):
        response = member.post("/my/profile/", {"display_name": "New name"})

    assert response.status_code == 503


def test_other_errors_of_the_database_are_still_500():
    client = Client(raise_request_exception=False)
    with mock.patch("portal.views.render", side_effect=IntegrityError("duplicate key")):
        response = client.get("/")
    assert response.status_code == 500
