"""`load_demo` gives a newcomer a full-looking portal, and running it again changes nothing."""

import datetime as dt

import pytest
from django.core.management import call_command

from events.models import Event, EventPractice
from practices.models import City, Lesson, Network, Practice, PracticeLink, StatusChange

pytestmark = pytest.mark.django_db

COUNTED = [Network, City, Practice, PracticeLink, StatusChange, Event, EventPractice, Lesson]


def counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0)


def test_running_it_twice_gives_the_same_counts(demo):
    first = counts()
    call_command("load_demo", verbosity=0)
    assert counts() == first


def test_it_keeps_what_a_curator_added(demo, staff_user):
    extra = Practice.objects.create(
        title="Curator's own",
        slug="curators-own",
        city=City.objects.first(),
        summary="x",
        start_year=2022,
    )
    call_command("load_demo", verbosity=0)
    assert Practice.objects.filter(pk=extra.pk).exists()


def test_cities_span_at_least_five_countries(demo):
    assert City.objects.count() >= 8
    assert City.objects.values("country").distinct().count() >= 5


def test_published_practices_cover_all_nine_lessons(demo):
    published = Practice.objects.published()
    assert published.count() >= 16
    for lesson in Lesson.objects.all():
        assert published.for_lesson(lesson.number).exists(), f"lesson {lesson.number} uncovered"


def test_some_practices_are_in_french(demo):
    assert Practice.objects.published().filter(language="fr").count() >= 2


def test_the_two_2022_sessions_with_their_dates_and_practices(demo):
    events = {event.local_start.date(): event for event in Event.objects.all()}
    first = events[dt.date(2022, 3, 17)]
    second = events[dt.date(2022, 4, 7)]
    assert first.title_en == "Together for Safety 2022: Safeguarding Local Democracies"
    assert second.title_en == (
        "Together for Safety 2022: Safe Cities Governance: The Role of Networks and Alliances"
    )
    assert first.title_fr.startswith("Ensemble pour la sécurité 2022")
    assert first.practices.published().count() >= 3
    assert second.practices.published().count() >= 3
    assert set(first.organisers.values_list("name", flat=True)) >= {
        "Nordic Safe Cities",
        "Strong Cities Network",
    }


def test_every_demo_practice_was_published_through_the_workflow(demo):
    for practice in Practice.objects.published():
        assert practice.status_changes.filter(to_status="published").exists()


def test_a_curators_edit_survives_a_second_run(demo):
    practice = Practice.objects.published().first()
    practice.title = "Renamed by a curator"
    practice.save()
    practice.archive(by=None)
    call_command("load_demo", verbosity=0)
    practice.refresh_from_db()
    assert practice.title == "Renamed by a curator"
    assert practice.status == Practice.Status.ARCHIVED


def test_some_practices_carry_a_reviewed_evidence_rating(demo):
    rated = Practice.objects.published().exclude(evidence_rating="")
    assert rated.count() >= 3
    assert {practice.evidence_rating for practice in rated} == set(Practice.EvidenceRating)
    assert all(practice.evidence_justification for practice in rated)
