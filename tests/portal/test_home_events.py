"""The home page's events are drawn once and kept, yet an event that ends moves from "Coming
up" to "Recent" when it ends, and a new or changed event shows at once."""

import datetime as dt
from unittest import mock

import pytest
from django.utils import timezone

from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def sections(client):
    """The event titles under "Coming up" and under "Recent" on the home page."""
    page = client.get("/").text
    events = page[page.index('id="events-title"') :]
    coming, _, recent = events.partition("<h3>Recent</h3>")
    return coming, recent


def test_an_event_that_ends_moves_to_recent_without_any_change(anonymous):
    now = timezone.now()
    EventFactory(title="Evening talk", starts_at=now + dt.timedelta(hours=1))
    coming, recent = sections(anonymous)
    assert "Evening talk" in coming and "Evening talk" not in recent

    # A minute after the talk (two hours long) ended; nothing was saved meanwhile.
    later = now + dt.timedelta(hours=3, minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        coming, recent = sections(anonymous)
    assert "Evening talk" not in coming and "Evening talk" in recent


def test_a_new_event_shows_at_once(anonymous):
    EventFactory(title="First talk")
    assert "First talk" in sections(anonymous)[0]
    EventFactory(title="Second talk")
    assert "Second talk" in sections(anonymous)[0]
