"""Errors get the site's own pages, which say what to do next and reveal nothing internal."""

from unittest import mock

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_404_is_the_sites_page(anonymous):
    response = anonymous.get("/practices/no-such-practice/")
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in response.text
    assert 'class="site-header"' in response.text
    assert "Traceback" not in response.text


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
