"""Curators work in the admin: every page loads, with a bounded number of queries, and the
workflow actions change status and record history."""

import pytest
from django.contrib import admin
from django.urls import reverse

from events.models import EventPractice
from practices.models import Lesson, Practice
from tests.factories import (
    CityFactory,
    EventFactory,
    EventPracticeFactory,
    NetworkFactory,
    PracticeFactory,
)
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

MAX_ADMIN_QUERIES = 20


def make_rows(count):
    """`count` practices across cities and networks, each in an event and tagged."""
    network = NetworkFactory()
    for index in range(count):
        city = CityFactory(country=["NO", "FR", "DK"][index % 3])
        city.networks.add(network)
        practice = PracticeFactory(city=city, lessons=[1, 2], tags=["trust", f"tag{index}"])
        EventPracticeFactory(practice=practice, event=EventFactory())


def changelist_urls():
    return [
        reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        for model in admin.site._registry
    ]


def test_every_changelist_costs_the_same_queries_for_3_or_30_rows(staff):
    make_rows(3)
    few = {url: count_queries(staff, url) for url in changelist_urls()}
    make_rows(27)
    many = {url: count_queries(staff, url) for url in changelist_urls()}
    assert many == few
    assert max(many.values()) <= MAX_ADMIN_QUERIES


@pytest.mark.parametrize("model", list(admin.site._registry), ids=lambda m: m._meta.label)
def test_every_change_and_add_page_loads(staff, model, django_assert_max_num_queries):
    make_rows(2)
    obj = model._default_manager.first()
    prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    if obj is not None:
        with django_assert_max_num_queries(40):
            response = staff.get(reverse(f"{prefix}_change", args=[obj.pk]))
        assert response.status_code == 200
    response = staff.get(reverse(f"{prefix}_add"))
    assert response.status_code in (200, 403)


def test_practice_changelist_filters_by_country_lesson_and_tag(staff):
    oslo = CityFactory(name="Oslo", country="NO")
    lyon = CityFactory(name="Lyon", country="FR")
    PracticeFactory(title="Oslo youth panels", city=oslo, lessons=[3], tags=["youth"])
    PracticeFactory(title="Lyon fact-checking", city=lyon, lessons=[2], tags=["media"])
    url = reverse("admin:practices_practice_changelist")
    lesson_2 = Lesson.objects.get(number=2).pk

    by_country = staff.get(url, {"country": "NO"})
    by_lesson = staff.get(url, {"lessons__id__exact": lesson_2})
    by_tag = staff.get(url, {"tags__id__exact": Practice.objects.get(city=oslo).tags.get().pk})

    assert "Oslo youth panels" in by_country.text and "Lyon fact-checking" not in by_country.text
    assert "Lyon fact-checking" in by_lesson.text and "Oslo youth panels" not in by_lesson.text
    assert "Oslo youth panels" in by_tag.text and "Lyon fact-checking" not in by_tag.text


def test_publish_action_publishes_and_records_the_curator(staff, staff_user):
    practice = PracticeFactory(draft=True)
    practice.submit(by=None)

    response = staff.post(
        reverse("admin:practices_practice_changelist"),
        {"action": "publish", "_selected_action": [practice.pk]},
        follow=True,
    )

    practice.refresh_from_db()
    assert practice.status == Practice.Status.PUBLISHED
    assert practice.status_changes.last().changed_by == staff_user
    assert "1 practice published." in response.text


def test_archive_action_explains_what_it_could_not_do(staff):
    archived = PracticeFactory()
    archived.archive(by=None)

    response = staff.post(
        reverse("admin:practices_practice_changelist"),
        {"action": "archive", "_selected_action": [archived.pk]},
        follow=True,
    )

    assert "cannot become" in response.text


def test_request_changes_asks_for_a_message_then_applies_it(staff):
    practice = PracticeFactory(draft=True)
    practice.submit(by=None)
    url = reverse("admin:practices_practice_changelist")
    selection = {"action": "request_changes", "_selected_action": [practice.pk]}

    asked = staff.post(url, selection)
    assert asked.status_code == 200
    assert "What should the author change?" in asked.text

    empty = staff.post(url, {**selection, "confirm": "1", "message": ""})
    assert "This field is required." in empty.text
    practice.refresh_from_db()
    assert practice.status == Practice.Status.SUBMITTED

    staff.post(url, {**selection, "confirm": "1", "message": "Please add results."})
    practice.refresh_from_db()
    assert practice.status == Practice.Status.CHANGES_REQUESTED
    assert practice.status_changes.last().message == "Please add results."


def test_feature_action_puts_practices_on_the_home_page(staff, anonymous):
    practice = PracticeFactory(title="Neighbourhood trust walks")
    staff.post(
        reverse("admin:practices_practice_changelist"),
        {"action": "feature", "_selected_action": [practice.pk]},
    )
    assert "Neighbourhood trust walks" in anonymous.get("/").text


def test_lessons_cannot_be_deleted_or_added(staff):
    lesson = Lesson.objects.get(number=1)
    assert staff.get(reverse("admin:practices_lesson_delete", args=[lesson.pk])).status_code == 403
    assert staff.get(reverse("admin:practices_lesson_add")).status_code == 403


def test_practice_created_in_admin_records_its_curator(staff, staff_user):
    city = CityFactory()
    response = staff.post(
        reverse("admin:practices_practice_add"),
        {
            "title": "Dialogue cafés",
            "slug": "dialogue-cafes",
            "city": city.pk,
            "summary": "Residents meet monthly.",
            "lessons": [Lesson.objects.get(number=3).pk],
            "tags": "dialogue, inclusion",
            "start_year": 2021,
            "language": "en",
            "evidence": "not_evaluated",
            **empty_inline("links"),
            **empty_inline("files"),
            **empty_inline("status_changes"),
            **empty_inline("event_links"),
        },
    )
    assert response.status_code == 302, response.text
    practice = Practice.objects.get(slug="dialogue-cafes")
    assert practice.submitted_by == staff_user
    assert practice.status == Practice.Status.DRAFT
    assert set(practice.tags.names()) == {"dialogue", "inclusion"}


def test_practice_without_a_lesson_is_refused_with_a_message(staff):
    response = staff.post(
        reverse("admin:practices_practice_add"),
        {
            "title": "No lesson",
            "slug": "no-lesson",
            "city": CityFactory().pk,
            "summary": "x",
            "start_year": 2021,
            "language": "en",
            "evidence": "not_evaluated",
            **empty_inline("links"),
            **empty_inline("status_changes"),
            **empty_inline("event_links"),
        },
    )
    assert response.status_code == 200
    assert "This field is required." in response.text
    assert not Practice.objects.filter(slug="no-lesson").exists()


def test_practice_change_page_shows_its_events_inline(staff):
    link = EventPracticeFactory(note="Presented by the City of Oslo")
    response = staff.get(reverse("admin:practices_practice_change", args=[link.practice.pk]))
    assert "Presented by the City of Oslo" in response.text
    assert EventPractice.objects.count() == 1


def empty_inline(prefix):
    return {
        f"{prefix}-TOTAL_FORMS": "0",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
