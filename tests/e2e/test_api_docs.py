"""The API's documentation page works in a browser under the portal's strict CSP: Swagger UI
draws every endpoint from our own static files, and the browser reports no blocked script or
style."""

import pytest

pytestmark = pytest.mark.e2e


def test_api_docs_draw_every_endpoint_without_breaking_the_csp(page):
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.goto("/api/v1/docs")

    page.get_by_text("/api/v1/practices/{slug}/").wait_for()
    for path in ("/api/v1/practices/", "/api/v1/lessons/", "/api/v1/events/"):
        assert page.get_by_text(path, exact=True).count() >= 1
    page.get_by_text("/api/v1/practices/", exact=True).first.click()
    page.get_by_text("cursor", exact=True).first.wait_for()
    assert refused == []
