"""The API describes itself: a valid OpenAPI description, and its documentation page served
from the portal's own static files under the strict Content-Security-Policy."""

import re

import pytest
from django.contrib.staticfiles import finders
from openapi_spec_validator import validate

pytestmark = pytest.mark.django_db


def test_openapi_description_is_valid_and_names_every_endpoint(anonymous):
    response = anonymous.get("/api/v1/openapi.json")

    schema = response.json()
    validate(schema)
    assert set(schema["paths"]) == {
        "/api/v1/practices/",
        "/api/v1/practices/{slug}/",
        "/api/v1/lessons/",
        "/api/v1/cities/",
        "/api/v1/networks/",
        "/api/v1/events/",
    }
    parameters = {p["name"] for p in schema["paths"]["/api/v1/practices/"]["get"]["parameters"]}
    assert parameters == {
        "q", "lesson", "country", "city", "tag", "network", "event", "language", "evidence",
        "year", "cursor", "limit",
    }  # fmt: skip
    for path in ("/api/v1/practices/", "/api/v1/events/", "/api/v1/cities/"):
        assert set(schema["paths"][path]["get"]["responses"]) == {"200", "400", "429"}
    for path in ("/api/v1/events/", "/api/v1/cities/"):
        parameters = {p["name"]: p for p in schema["paths"][path]["get"]["parameters"]}
        assert set(parameters) == {"cursor", "limit"}
        assert parameters["limit"]["schema"]["minimum"] == 1
        assert parameters["limit"]["schema"]["maximum"] == 100
        page = schema["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
        page = schema["components"]["schemas"][page["schema"]["$ref"].rsplit("/", 1)[-1]]
        assert set(page["properties"]) == {"results", "next_cursor", "next"}


def test_documentation_page_loads_only_our_own_files_and_no_inline_script(anonymous):
    response = anonymous.get("/api/v1/docs")

    assert response.status_code == 200
    html = response.text
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources
    for source in sources:
        assert source.startswith("/"), source
        if source.startswith("/static/"):
            assert finders.find(source.removeprefix("/static/")), source
    for attributes in re.findall(r"<script([^>]*)>", html):
        assert "src=" in attributes
    assert "style=" not in html
    assert 'href="/api/v1/openapi.json"' in html
