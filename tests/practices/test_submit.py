"""City editors write practices: a guided form, drafts, preview, submission, edits."""

from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from practices.models import Lesson, Practice
from practices.views import submit as submit_views
from tests.factories import PracticeFactory

pytestmark = pytest.mark.django_db

NEW = "/practices/new/"


def practice_data(city, **overrides):
    data = {
        "city": city.pk,
        "title": "Neighbourhood trust walks",
        "summary": "Residents and police walk together every month.",
        "lessons": [Lesson.objects.get(number=3).pk],
        "tags": "trust, youth",
        "approach": "Monthly *walks*.",
        "contact": "Kari, kari@example.org",
        "start_year": 2021,
        "end_year": "",
        "language": "en",
        "evidence": "not_evaluated",
        "links-TOTAL_FORMS": "1",
        "links-INITIAL_FORMS": "0",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "10",
        "links-0-title": "Evaluation report",
        "links-0-url": "https://example.org/report",
        "action": "save",
    }
    data.update(overrides)
    return data


def test_the_form_offers_only_the_editors_own_cities_and_the_nine_lessons(editor, city_a, city_b):
    response = editor.get(NEW)
    assert response.status_code == 200
    assert f'<option value="{city_a.pk}">Aarhus (DK)</option>' in response.text
    assert "Bordeaux" not in response.text
    assert "9. International knowledge sharing makes P/CVE work more effective" in response.text


def test_saving_a_draft_keeps_it_private_and_sets_the_author(
    editor, editor_user, city_a, anonymous
):
    response = editor.post(NEW, practice_data(city_a))

    practice = Practice.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("practices:edit", args=[practice.slug])
    assert practice.status == Practice.Status.DRAFT
    assert practice.submitted_by == editor_user
    assert practice.city == city_a
    assert set(practice.tags.names()) == {"trust", "youth"}
    assert practice.links.get().url == "https://example.org/report"
    assert anonymous.get(f"/practices/{practice.slug}/").status_code == 404


def test_an_editor_cannot_submit_for_another_city_by_changing_the_field(editor, city_b):
    response = editor.post(NEW, practice_data(city_b))
    assert response.status_code == 200
    assert "Select a valid choice." in response.text
    assert not Practice.objects.exists()


def test_errors_keep_everything_typed(editor, city_a):
    response = editor.post(
        NEW, practice_data(city_a, lessons=[], start_year=timezone.now().year + 10)
    )
    assert response.status_code == 200
    assert "Choose at least one of the nine lessons." in response.text
    assert "Give a year up to" in response.text
    assert "Neighbourhood trust walks" in response.text
    assert "Monthly *walks*." in response.text
    assert "https://example.org/report" in response.text
    assert not Practice.objects.exists()


def test_end_before_start_and_ongoing_with_an_end_are_explained(editor, city_a):
    before = editor.post(NEW, practice_data(city_a, start_year=2022, end_year=2020))
    ongoing = editor.post(NEW, practice_data(city_a, end_year=2022, ongoing="on"))
    assert "The end year cannot be before the start year." in before.text
    assert "An ongoing practice has no end year" in ongoing.text
    assert not Practice.objects.exists()


def test_a_form_posted_twice_makes_one_practice(editor, city_a):
    data = practice_data(city_a, token="abc123")
    first = editor.post(NEW, data)
    second = editor.post(NEW, data)
    assert Practice.objects.count() == 1
    assert second["Location"] == first["Location"]


def test_the_same_title_gets_a_free_address(editor, city_a):
    PracticeFactory(slug="neighbourhood-trust-walks")
    editor.post(NEW, practice_data(city_a))
    assert Practice.objects.filter(slug="neighbourhood-trust-walks-2").exists()


def test_preview_shows_the_page_as_readers_will_see_it(editor, city_a):
    response = editor.post(NEW, practice_data(city_a, action="preview"), follow=True)
    assert "this is how readers will see the practice" in response.text
    assert "<h1>Neighbourhood trust walks</h1>" in response.text
    assert "<em>walks</em>" in response.text


def test_submit_sends_it_to_review(editor, city_a):
    response = editor.post(NEW, practice_data(city_a, action="submit"), follow=True)
    practice = Practice.objects.get()
    assert practice.status == Practice.Status.SUBMITTED
    assert "Submitted for review" in response.text
    # The author is not e-mailed about their own step.
    assert mail.outbox == []


def test_submitting_twice_says_it_is_already_waiting(editor, city_a):
    editor.post(NEW, practice_data(city_a, action="submit"))
    practice = Practice.objects.get()
    response = editor.post(reverse("practices:submit", args=[practice.slug]), follow=True)
    assert "already waiting for review" in response.text
    assert practice.status_changes.count() == 1


def test_editing_a_published_practice_makes_a_revision_and_keeps_the_published_text(
    editor, editor_user, city_a
):
    practice = PracticeFactory(city=city_a, title="Old title")
    url = reverse("practices:edit", args=[practice.slug])
    data = practice_data(city_a, title="New title", **{"links-TOTAL_FORMS": "0"})

    response = editor.post(url, data, follow=True)

    practice.refresh_from_db()
    assert practice.status == Practice.Status.PUBLISHED
    assert practice.title == "Old title"  # tests/practices/test_revisions.py: until reviewed
    revision = practice.revisions.get()
    assert (revision.data["title"], revision.author) == ("New title", editor_user)
    assert "Your changes wait for review" in response.text
    assert "Last updated" in response.text


def test_my_practices_groups_by_status_with_the_reviewers_message(
    editor, editor_user, city_a, staff_user
):
    draft = PracticeFactory(city=city_a, submitted_by=editor_user, title="My draft", draft=True)
    returned = PracticeFactory(city=city_a, submitted_by=editor_user, title="Returned", draft=True)
    returned.submit(by=editor_user)
    returned.request_changes(by=staff_user, message="Please add the budget.")
    PracticeFactory(title="Someone else's")

    response = editor.get(reverse("practices:mine"))

    assert draft.title in response.text and returned.title in response.text
    assert "Someone else&#x27;s" not in response.text
    assert "Please add the budget." in response.text
    assert "Changes requested" in response.text


def test_a_member_without_a_city_is_sent_to_join_one(member):
    response = member.get(NEW, follow=True)
    assert (
        "Practices are written by their city&#x27;s editors. Find your city below" in response.text
    )
    assert "Ask to become an editor" in response.text
    assert response.redirect_chain[-1][0] == reverse("practices:cities")


def test_form_pages_have_bounded_queries(
    editor, city_a, editor_user, django_assert_max_num_queries
):
    practice = PracticeFactory(city=city_a, submitted_by=editor_user, tags=["a", "b"])
    urls = [
        NEW,
        reverse("practices:edit", args=[practice.slug]),
        reverse("practices:preview", args=[practice.slug]),
        reverse("practices:mine"),
    ]
    for url in urls:
        with django_assert_max_num_queries(16):
            assert editor.get(url).status_code == 200


def test_a_title_taken_at_the_same_moment_gets_the_next_address(editor, city_a):
    PracticeFactory(slug="neighbourhood-trust-walks")
    real = submit_views.unique_slug
    calls = []

    def stale_check(title):
        # The first check runs "before" the other author's save: it still sees the slug free.
        calls.append(title)
        return "neighbourhood-trust-walks" if len(calls) == 1 else real(title)

    with mock.patch.object(submit_views, "unique_slug", stale_check):
        response = editor.post(NEW, practice_data(city_a))

    assert response.status_code == 302
    assert Practice.objects.filter(slug="neighbourhood-trust-walks-2").exists()


def test_a_tag_too_long_to_store_is_an_error_next_to_the_tags(editor, city_a):
    response = editor.post("/practices/new/", practice_data(city_a, tags="youth, " + "x" * 101))

    assert response.status_code == 200
    assert "Keep each tag under 100 characters." in response.text
    assert not Practice.objects.exists()


@pytest.mark.parametrize("lesson", ["9223372036854775808", "-9223372036854775809", "1" * 40])
def test_a_lesson_number_too_large_for_the_database_is_an_invalid_choice(editor, city_a, lesson):
    response = editor.post("/practices/new/", practice_data(city_a, lessons=[lesson]))

    assert response.status_code == 200
    assert "is not one of the available choices" in response.text
    assert not Practice.objects.exists()
