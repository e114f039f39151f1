"""A lesson's page, with the events that addressed it: kept once drawn, and showing any change
to the lesson or its events at once, in both languages."""

import pytest
from django.urls import reverse
from django.utils import translation

from practices.models import Lesson
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def read(client, number, language="en"):
    """The page in `language`, read twice: the second view is served from what the first kept."""
    with translation.override(language):
        url = reverse("practices:lesson", args=[number])
    client.get(url)
    response = client.get(url)
    assert response.status_code == 200
    return response.text


def test_the_events_that_addressed_a_lesson_show_on_its_page(anonymous):
    talk = EventFactory(title="Together for Safety, session one")
    talk.lessons.add(Lesson.objects.get(number=4))
    assert "Together for Safety, session one" in read(anonymous, 4)
    assert "Together for Safety, session one" not in read(anonymous, 5)


def test_an_event_linked_renamed_or_unlinked_shows_at_once(anonymous):
    lesson = Lesson.objects.get(number=4)
    assert "Discussed at" not in read(anonymous, 4)
    talk = EventFactory(title="Session one")
    talk.lessons.add(lesson)
    assert "Session one" in read(anonymous, 4)
    talk.title_en = "Session one, recorded"
    talk.save()
    assert "Session one, recorded" in read(anonymous, 4)
    talk.lessons.remove(lesson)
    assert "Session one" not in read(anonymous, 4)


def test_a_retitled_lesson_shows_at_once_in_both_languages(anonymous):
    read(anonymous, 4), read(anonymous, 4, "fr")
    lesson = Lesson.objects.get(number=4)
    lesson.title_en, lesson.title_fr = "Listen first", "Écouter d’abord"
    lesson.save()
    assert "<h1>Listen first</h1>" in read(anonymous, 4)
    assert "<h1>Écouter d’abord</h1>" in read(anonymous, 4, "fr")


def test_a_lesson_that_does_not_exist_is_a_404_every_time(anonymous):
    assert anonymous.get("/lessons/10/").status_code == 404
    assert anonymous.get("/lessons/10/").status_code == 404
