"""Events keep their dates coherent and link each practice once."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from events.models import Event, recording_at
from tests.factories import EventFactory, EventPracticeFactory

pytestmark = pytest.mark.django_db


def test_an_event_cannot_end_before_it_starts():
    start = timezone.now()
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(starts_at=start, ends_at=start - dt.timedelta(minutes=1))


def test_an_event_that_is_not_online_needs_a_place():
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(online=False, place="")


def test_a_practice_is_linked_to_an_event_once():
    link = EventPracticeFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        EventPracticeFactory(event=link.event, practice=link.practice)


def test_unknown_time_zone_is_explained():
    event = EventFactory.build(time_zone="Mars/Olympus")
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "is not a known time zone" in str(error.value)


def test_upcoming_and_past_split_on_the_end_time():
    now = timezone.now()
    running = EventFactory(
        starts_at=now - dt.timedelta(hours=1), ends_at=now + dt.timedelta(hours=1)
    )
    finished = EventFactory(
        starts_at=now - dt.timedelta(days=2), ends_at=now - dt.timedelta(days=2)
    )
    assert list(Event.objects.upcoming()) == [running]
    assert list(Event.objects.past()) == [finished]


def test_local_start_is_in_the_event_time_zone():
    event = EventFactory(
        starts_at=dt.datetime(2022, 3, 17, 13, 0, tzinfo=dt.UTC), time_zone="Europe/Copenhagen"
    )
    assert event.local_start.hour == 14


@pytest.mark.parametrize(
    ("recording", "linked"),
    [
        # YouTube reads the start from the query string, beside the video's own parameters.
        ("https://www.youtube.com/watch?v=abc123", "https://www.youtube.com/watch?v=abc123&t=620s"),
        (
            "https://www.youtube.com/watch?v=abc123&t=5s",
            "https://www.youtube.com/watch?v=abc123&t=620s",
        ),
        ("https://youtu.be/abc123", "https://youtu.be/abc123?t=620s"),
        # Vimeo from the fragment, in seconds.
        ("https://vimeo.com/123456", "https://vimeo.com/123456#t=620s"),
        # A video file or any other page: a W3C media fragment, after any query string.
        ("https://example.org/talk.mp4?dl=1", "https://example.org/talk.mp4?dl=1#t=620"),
    ],
)
def test_a_moment_in_the_recording_is_linked_in_its_player_s_format(recording, linked):
    assert recording_at(recording, 620) == linked
