"""The events page: what is coming up, then past events newest first, 20 a page."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def past_events(count):
    now = timezone.now()
    return [
        EventFactory(
            title=f"Past talk {n:02d}",
            starts_at=now - dt.timedelta(days=n + 1),
            ends_at=now - dt.timedelta(days=n + 1, hours=-2),
        )
        for n in range(count)
    ]


def test_past_events_come_20_a_page_newest_first(anonymous, django_assert_max_num_queries):
    past_events(25)
    EventFactory(title="Spring session")

    with django_assert_max_num_queries(3):
        first = anonymous.get("/events/").text
    second = anonymous.get("/events/?page=2").text

    assert "Spring session" in first and "Spring session" not in second
    assert first.index("Past talk 00") < first.index("Past talk 19")
    assert "Past talk 20" not in first and 'href="?page=2"' in first and "Page 1 of 2" in first
    assert "Past talk 20" in second and "Past talk 24" in second and "Past talk 19" not in second
    assert anonymous.get("/events/?page=3").status_code == 404
    assert anonymous.get("/events/?page=x").status_code == 404


def test_with_no_events_the_page_says_so(anonymous):
    page = anonymous.get("/events/").text
    assert "No event is announced yet." in page and "No past event yet." in page
