"""Evidence, assessed twice: the city answers a checklist when it writes a practice; reviewers
set the portal's own rating with a public justification. Cards, the page, the list's facet
and the open data show the reviewed rating, or "self-assessed" until there is one."""

import json

import pytest
from django.urls import reverse

from practices.models import Lesson, Practice
from tests.factories import PracticeFactory
from tests.practices.test_admin import empty_inline

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member", "editor", "other_editor", "staff"]
JUSTIFICATION = "An external evaluation (2022) found fewer incidents; repeated in Malmö."


@pytest.fixture
def rated(city_a, staff_user):
    practice = PracticeFactory(city=city_a, title="Rated walks", evidence="externally_evaluated")
    practice.rate_evidence(rating="strong", justification=JUSTIFICATION, by=staff_user)
    return practice


@pytest.fixture
def unrated(city_a):
    return PracticeFactory(city=city_a, title="Unrated cafés")


@pytest.fixture
def submitted(city_a, editor_user):
    practice = PracticeFactory(city=city_a, title="Waiting panels", draft=True)
    practice.submit(by=editor_user)
    return practice


def decide(client, practice, **data):
    return client.post(reverse("practices:review_decide", args=[practice.slug]), data)


@pytest.mark.parametrize("role", ROLES)
def test_everyone_reads_the_criteria_in_english_and_french(request, role):
    client = request.getfixturevalue(role)
    english = client.get("/evidence/")
    french = client.get("/fr/evidence/")
    assert english.status_code == french.status_code == 200
    assert "Strong evidence" in english.text
    assert "Was a baseline measured before the practice started" in english.text
    assert "Preuves solides" in french.text


def test_the_submission_form_asks_the_checklist_and_links_the_criteria(editor):
    response = editor.get(reverse("practices:new"))
    assert "Was the practice evaluated, and by whom?" in response.text
    assert "A baseline was measured before the practice started." in response.text
    assert "The evaluation was published." in response.text
    assert "The practice has been repeated in another place." in response.text
    assert reverse("practices:evidence") in response.text


def test_the_checklist_is_saved_with_the_practice(editor, city_a):
    editor.post(
        reverse("practices:new"),
        {
            "city": city_a.pk,
            "title": "Trust walks",
            "summary": "Residents and police walk together.",
            "lessons": [Lesson.objects.get(number=3).pk],
            "start_year": 2021,
            "language": "en",
            "evidence": "internally_reviewed",
            "evidence_baseline": "on",
            "evidence_repeated": "on",
            "links-TOTAL_FORMS": "0",
            "links-INITIAL_FORMS": "0",
            "action": "save",
        },
    )
    practice = Practice.objects.get(title="Trust walks")
    assert (practice.evidence, practice.evidence_baseline) == ("internally_reviewed", True)
    assert (practice.evidence_published, practice.evidence_repeated) == (False, True)
    assert practice.evidence_rating == ""


def test_a_reviewer_rates_the_evidence_when_publishing(staff, staff_user, submitted):
    response = decide(
        staff,
        submitted,
        decision="publish",
        evidence_rating="evaluated",
        evidence_justification="Baseline and internal evaluation, method described.",
    )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.is_published
    assert (submitted.evidence_rating, submitted.evidence_rated_by) == ("evaluated", staff_user)


def test_a_rating_needs_a_justification(staff, submitted):
    response = decide(staff, submitted, decision="publish", evidence_rating="strong")
    assert response.status_code == 400
    assert "Say in a sentence or two why" in response.text
    submitted.refresh_from_db()
    assert submitted.status == Practice.Status.SUBMITTED


@pytest.mark.parametrize("role", ["anonymous", "member", "editor", "other_editor"])
def test_only_staff_rate_evidence(request, role, submitted):
    decide(
        request.getfixturevalue(role),
        submitted,
        decision="publish",
        evidence_rating="strong",
        evidence_justification="Because.",
    )
    submitted.refresh_from_db()
    assert submitted.evidence_rating == ""


def test_the_page_shows_the_reviewed_rating_its_justification_and_the_self_assessment(
    anonymous, rated
):
    text = anonymous.get(rated.get_absolute_url()).text
    assert "Strong evidence" in text
    assert "An external evaluation (2022) found fewer incidents" in text
    assert "The city's self-assessment: Externally evaluated" in text


def test_a_practice_not_rated_yet_shows_self_assessed(anonymous, unrated):
    text = anonymous.get(unrated.get_absolute_url()).text
    assert "Self-assessed" in text


def test_cards_show_the_rating_or_self_assessed(anonymous, rated, unrated):
    text = anonymous.get(reverse("practices:list")).text
    assert '<span class="evidence-badge">Strong evidence</span>' in text
    assert '<span class="evidence-badge self-assessed">Self-assessed</span>' in text


def test_the_list_counts_and_filters_by_reviewed_rating(anonymous, rated, unrated):
    PracticeFactory(title="Another unrated")
    text = anonymous.get(reverse("practices:list")).text
    assert 'Strong evidence <span class="count">(1)</span>' in text
    assert 'Self-assessed <span class="count">(2)</span>' in text
    assert 'Promising <span class="count">(0)</span>' in text

    strong = anonymous.get(reverse("practices:list"), {"rating": "strong"}).text
    assert "Rated walks" in strong and "Unrated cafés" not in strong
    assert "Reviewed evidence: Strong evidence" in strong  # the chip
    self_assessed = anonymous.get(reverse("practices:list"), {"rating": "self_assessed"}).text
    assert "Unrated cafés" in self_assessed and "Rated walks" not in self_assessed


def test_the_rating_facet_counts_search_results_too(anonymous, rated, unrated):
    text = anonymous.get(reverse("practices:list"), {"q": "walks"}).text
    assert 'Strong evidence <span class="count">(1)</span>' in text
    assert 'Self-assessed <span class="count">(0)</span>' in text


def test_an_unknown_rating_is_ignored_with_a_message(anonymous, rated):
    response = anonymous.get(reverse("practices:list"), {"rating": "excellent"})
    assert response.status_code == 200
    assert "<code>rating</code>" in response.text


def test_open_data_has_the_rating_justification_and_self_assessment(anonymous, rated, unrated):
    response = anonymous.get(reverse("practices:open_data_json"))
    rows = {row["slug"]: row for row in json.loads(b"".join(response.streaming_content))}
    assert rows[rated.slug]["evidence_rating"] == "strong"
    assert rows[rated.slug]["evidence_justification"] == JUSTIFICATION
    assert rows[rated.slug]["evidence"] == "externally_evaluated"
    assert rows[unrated.slug]["evidence_rating"] == "self_assessed"
    assert rows[unrated.slug]["evidence_baseline"] is False


def test_a_rating_does_not_make_a_waiting_revision_stale(staff_user, rated):
    before = rated.updated_at
    rated.rate_evidence(rating="evaluated", justification="Re-read.", by=staff_user)
    rated.refresh_from_db()
    assert rated.updated_at == before


def test_the_admin_rates_with_a_justification_and_records_who(staff, staff_user, unrated):
    url = reverse("admin:practices_practice_change", args=[unrated.pk])
    data = {
        "title": unrated.title,
        "slug": unrated.slug,
        "city": unrated.city.pk,
        "summary": unrated.summary,
        "lessons": [Lesson.objects.get(number=1).pk],
        "start_year": unrated.start_year,
        "language": "en",
        "evidence": "not_evaluated",
        "evidence_rating": "promising",
        **empty_inline("links"),
        **empty_inline("status_changes"),
        **empty_inline("event_links"),
    }
    refused = staff.post(url, data)
    assert refused.status_code == 200
    assert "Say in a sentence or two why" in refused.text

    staff.post(url, {**data, "evidence_justification": "Well described, not evaluated yet."})

    unrated.refresh_from_db()
    assert (unrated.evidence_rating, unrated.evidence_rated_by) == ("promising", staff_user)


def test_with_a_language_chosen_the_rating_facet_counts_that_language_only(
    anonymous, rated, unrated
):
    PracticeFactory(title="Unrated, in French", language="fr")
    text = anonymous.get(reverse("practices:list"), {"language": "en"}).text
    assert 'Self-assessed <span class="count">(1)</span>' in text
    assert 'French <span class="count">(1)</span>' in text  # the other language's count stays


def test_with_a_rating_chosen_the_language_facet_counts_that_rating_only(anonymous, rated, unrated):
    PracticeFactory(title="Unrated, in French", language="fr")
    text = anonymous.get(reverse("practices:list"), {"rating": "strong"}).text
    assert 'English <span class="count">(1)</span>' in text
    assert 'French <span class="count">(0)</span>' in text
    assert 'Self-assessed <span class="count">(2)</span>' in text
