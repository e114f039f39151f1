"""Curators type event times as announced, in the event's own time zone."""

import datetime as dt

import pytest
from django.urls import reverse

from events.models import Event
from tests.factories import EventFactory, NetworkFactory, PracticeFactory

pytestmark = pytest.mark.django_db


def event_form(**overrides):
    data = {
        "series": "Together for Safety",
        "title_en": "Safeguarding Local Democracies",
        "title_fr": "Sauvegarde des démocraties locales",
        "slug": "safeguarding-local-democracies",
        "description_en": "",
        "description_fr": "",
        "starts_at_0": "2022-03-17",
        "starts_at_1": "14:00:00",
        "ends_at_0": "2022-03-17",
        "ends_at_1": "15:30:00",
        "time_zone": "Europe/Copenhagen",
        "online": "on",
        "place": "",
        "link": "",
        "recording": "",
        "organisers": [NetworkFactory().pk],
        "practice_links-TOTAL_FORMS": "0",
        "practice_links-INITIAL_FORMS": "0",
        "practice_links-MIN_NUM_FORMS": "0",
        "practice_links-MAX_NUM_FORMS": "1000",
        **{
            f"{prefix}-{key}": value
            for prefix in ("agenda", "speakers")
            for key, value in {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0"}.items()
        },
    }
    data.update(overrides)
    return data


def test_times_are_read_in_the_event_time_zone(staff):
    response = staff.post(reverse("admin:events_event_add"), event_form())
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.starts_at == dt.datetime(2022, 3, 17, 13, 0, tzinfo=dt.UTC)
    assert event.ends_at == dt.datetime(2022, 3, 17, 14, 30, tzinfo=dt.UTC)


def test_change_page_shows_times_in_the_event_time_zone(staff):
    event = EventFactory(
        starts_at=dt.datetime(2022, 4, 7, 12, 0, tzinfo=dt.UTC), time_zone="Europe/Copenhagen"
    )
    response = staff.get(reverse("admin:events_event_change", args=[event.pk]))
    assert 'value="14:00:00"' in response.text


def test_end_before_start_is_a_form_error_not_a_crash(staff):
    response = staff.post(reverse("admin:events_event_add"), event_form(ends_at_1="13:00:00"))
    assert response.status_code == 200
    assert "An event cannot end before it starts." in response.text
    assert not Event.objects.exists()


def test_unknown_time_zone_is_a_form_error(staff):
    response = staff.post(reverse("admin:events_event_add"), event_form(time_zone="Nowhere/City"))
    assert response.status_code == 200
    assert "is not a known time zone" in response.text


def test_practices_are_linked_inline_with_a_note_in_each_language(staff, anonymous):
    practice = PracticeFactory(title="Fact-check squads")
    response = staff.post(
        reverse("admin:events_event_add"),
        event_form(
            **{
                "practice_links-TOTAL_FORMS": "1",
                "practice_links-0-practice": practice.pk,
                "practice_links-0-note_en": "Presented by the City of Malmö",
                "practice_links-0-note_fr": "Présenté par la Ville de Malmö",
                "practice_links-0-recording_time": "00:12:30",
            }
        ),
    )
    assert response.status_code == 302
    event = Event.objects.get()
    link = event.practice_links.get()
    assert link.practice == practice
    assert link.recording_time == dt.timedelta(minutes=12, seconds=30)
    for page in (event.get_absolute_url(), practice.get_absolute_url()):
        english = anonymous.get(page).text
        french = anonymous.get(f"/fr{page}").text
        assert "Presented by the City of Malmö" in english
        assert "Présenté par la Ville de Malmö" not in english
        assert "Présenté par la Ville de Malmö" in french


def test_a_note_without_french_shows_in_english_on_french_pages(staff, anonymous):
    practice = PracticeFactory(title="Fact-check squads")
    staff.post(
        reverse("admin:events_event_add"),
        event_form(
            **{
                "practice_links-TOTAL_FORMS": "1",
                "practice_links-0-practice": practice.pk,
                "practice_links-0-note_en": "Presented by the City of Malmö",
                "practice_links-0-note_fr": "",
            }
        ),
    )
    event = Event.objects.get()
    assert "Presented by the City of Malmö" in anonymous.get(f"/fr{event.get_absolute_url()}").text


def test_the_event_inline_asks_for_the_note_in_each_language(staff):
    page = staff.get(reverse("admin:events_event_add")).text
    assert 'name="practice_links-0-note_en"' in page
    assert 'name="practice_links-0-note_fr"' in page


def test_practice_autocomplete_finds_practices_by_title(staff):
    PracticeFactory(title="Fact-check squads")
    response = staff.get(
        reverse("admin:autocomplete"),
        {
            "term": "fact",
            "app_label": "events",
            "model_name": "eventpractice",
            "field_name": "practice",
        },
    )
    assert response.status_code == 200
    assert "Fact-check squads" in response.text


def test_agenda_and_speakers_are_typed_in_with_the_event(staff, anonymous):
    response = staff.post(
        reverse("admin:events_event_add"),
        event_form(
            **{
                "agenda-TOTAL_FORMS": "2",
                "agenda-0-starts_at": "14:40",
                "agenda-0-title_en": "Questions from participants",
                "agenda-0-title_fr": "Questions des participants",
                "agenda-1-starts_at": "14:00",
                "agenda-1-title_en": "Welcome",
                "speakers-TOTAL_FORMS": "1",
                "speakers-0-position": "0",
                "speakers-0-name": "Ingrid Halvorsen",
                "speakers-0-role_en": "Moderator",
                "speakers-0-role_fr": "Modératrice",
            }
        ),
    )
    assert response.status_code == 302
    event = Event.objects.get()
    english = anonymous.get(event.get_absolute_url()).text
    french = anonymous.get(f"/fr{event.get_absolute_url()}").text
    # In the order of the day, whatever order they were typed in.
    assert english.index("Welcome") < english.index("Questions from participants")
    assert "Ingrid Halvorsen" in english and "Moderator" in english
    assert "Questions des participants" in french and "Modératrice" in french


def test_an_agenda_item_outside_the_event_is_a_form_error(staff):
    response = staff.post(
        reverse("admin:events_event_add"),
        event_form(
            **{
                "agenda-TOTAL_FORMS": "1",
                "agenda-0-starts_at": "16:00",
                "agenda-0-title_en": "After the end",
            }
        ),
    )
    assert response.status_code == 200
    assert "The event runs from 14:00 to 15:30 (Europe/Copenhagen)" in response.text
    assert not Event.objects.exists()
