"""Adaptations: a practice names the published practice it adapts and what was changed; both
pages link to each other, the list finds the ones adapted elsewhere, the open data carries the
link, and no practice adapts itself or goes round in a circle."""

import html
import json

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from practices.models import Practice
from tests.factories import CityFactory, PracticeFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member", "editor", "other_editor", "staff"]


@pytest.fixture
def malmo_desk(db):
    malmo = CityFactory(name="Malmö", slug="malmo", country="SE")
    return PracticeFactory(city=malmo, slug="rumour-desk", title="Rumour desk")


def form_data(city, **extra):
    return {
        "city": city.pk,
        "title": "Our rumour desk",
        "summary": "A desk that answers rumours.",
        "lessons": [1],
        "start_year": 2022,
        "language": "en",
        "evidence": "not_evaluated",
        "links-TOTAL_FORMS": 0,
        "links-INITIAL_FORMS": 0,
        "action": "save",
        **extra,
    }


def lesson_ids():
    from practices.models import Lesson

    return [Lesson.objects.get(number=1).pk]


def test_an_editor_says_what_their_practice_adapts(city_a, editor, malmo_desk):
    data = form_data(
        city_a,
        lessons=lesson_ids(),
        adapted_from=f"http://testserver{malmo_desk.get_absolute_url()}",
        adaptation_changes="Run by young volunteers instead of city staff.",
    )
    response = editor.post("/practices/new/", data)
    assert response.status_code == 302
    practice = Practice.objects.get(title="Our rumour desk")
    assert practice.adapted_from == malmo_desk
    assert practice.city == city_a


@pytest.mark.parametrize("role", ROLES)
def test_both_pages_show_the_link(request, role, city_a, city_b, malmo_desk):
    PracticeFactory(
        city=city_a,
        title="Aarhus rumour desk",
        adapted_from=malmo_desk,
        adaptation_changes="Volunteers answer.",
    )
    PracticeFactory(city=city_b, title="Bordeaux rumour desk", adapted_from=malmo_desk)
    client = request.getfixturevalue(role)
    source = client.get(malmo_desk.get_absolute_url()).text
    assert "Adapted in" in source
    assert ">Aarhus</a> and <a" in source and ">Bordeaux</a>" in source
    adapted = Practice.objects.get(title="Aarhus rumour desk")
    adapted = html.unescape(client.get(adapted.get_absolute_url()).text)
    assert "Adapted from Malmö's" in adapted
    assert "“Rumour desk”" in adapted
    assert "Volunteers answer." in adapted


def test_an_unpublished_adaptation_is_not_shown_on_the_source(anonymous, city_a, malmo_desk):
    PracticeFactory(city=city_a, title="Aarhus desk", adapted_from=malmo_desk, draft=True)
    assert "Adapted in" not in anonymous.get(malmo_desk.get_absolute_url()).text


def test_an_unpublished_practice_cannot_be_the_source(city_a, editor):
    draft = PracticeFactory(city=city_a, draft=True, title="Draft desk")
    response = editor.post(
        "/practices/new/", form_data(city_a, lessons=lesson_ids(), adapted_from=draft.slug)
    )
    assert response.status_code == 200
    assert "Choose a practice that is published on the portal" in response.text
    assert not Practice.objects.filter(title="Our rumour desk").exists()


@pytest.mark.parametrize("value", ["999999", "nonsense", str(2**70), "/practices/nowhere/"])
def test_an_unknown_address_cannot_be_the_source(city_a, editor, value):
    response = editor.post(
        "/practices/new/", form_data(city_a, lessons=lesson_ids(), adapted_from=value)
    )
    assert response.status_code == 200
    assert "No practice on the portal has this address" in response.text


def test_adaptations_cannot_go_round_in_a_circle(city_a, editor, malmo_desk):
    ours = PracticeFactory(city=city_a, title="Aarhus desk", adapted_from=malmo_desk)
    middle = PracticeFactory(city=city_a, title="Second desk", adapted_from=ours)
    malmo_desk.adapted_from = middle
    with pytest.raises(ValidationError, match="round in a circle"):
        malmo_desk.full_clean()
    # Through the form: Aarhus may not adapt the one that adapts it.
    data = form_data(city_a, lessons=lesson_ids(), title="Aarhus desk", adapted_from=middle.slug)
    response = editor.post(f"/practices/{ours.slug}/edit/", data)
    assert response.status_code == 200
    assert "adaptations cannot go round in a circle" in response.text
    ours.refresh_from_db()
    assert ours.adapted_from == malmo_desk


def test_a_practice_cannot_adapt_itself(malmo_desk):
    malmo_desk.adapted_from = malmo_desk
    with pytest.raises(ValidationError, match="cannot adapt itself"):
        malmo_desk.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        Practice.objects.filter(pk=malmo_desk.pk).update(adapted_from=malmo_desk.pk)


def test_the_form_refuses_the_practice_itself(city_a, editor):
    ours = PracticeFactory(city=city_a, title="Aarhus desk", draft=True)
    data = form_data(city_a, lessons=lesson_ids(), title="Aarhus desk", adapted_from=ours.slug)
    response = editor.post(f"/practices/{ours.slug}/edit/", data)
    assert response.status_code == 200
    assert "A practice cannot adapt itself." in response.text
    ours.refresh_from_db()
    assert ours.adapted_from is None


def test_the_list_finds_practices_adapted_elsewhere(
    anonymous, city_a, malmo_desk, django_assert_max_num_queries
):
    PracticeFactory(city=city_a, title="Aarhus desk", adapted_from=malmo_desk)
    own = PracticeFactory(city=city_a, title="Aarhus first try")
    PracticeFactory(city=city_a, title="Aarhus second try", adapted_from=own)
    with django_assert_max_num_queries(15):
        response = anonymous.get("/practices/?adapted=1")
    assert "Rumour desk" in response.text
    # Adapted in its own city only: not "elsewhere".
    assert "Aarhus first try" not in response.text
    assert "Aarhus desk" not in response.text
    assert "Adapted elsewhere" in response.text


def test_the_open_data_carries_the_link(anonymous, city_a, malmo_desk):
    PracticeFactory(city=city_a, slug="aarhus-desk", adapted_from=malmo_desk)
    content = b"".join(anonymous.get("/open-data/practices.json").streaming_content)
    rows = {row["slug"]: row for row in json.loads(content)}
    assert rows["aarhus-desk"]["adapted_from"] == "rumour-desk"
    assert rows["rumour-desk"]["adapted_from"] is None
    csv = b"".join(anonymous.get("/open-data/practices.csv").streaming_content).decode()
    assert "adapted_from" in csv.splitlines()[0]


def test_the_page_reads_a_bounded_number_of_queries(
    anonymous, city_a, city_b, malmo_desk, django_assert_max_num_queries
):
    for city in (city_a, city_b, CityFactory(), CityFactory()):
        PracticeFactory(city=city, adapted_from=malmo_desk)
    with django_assert_max_num_queries(13):
        response = anonymous.get(malmo_desk.get_absolute_url())
    assert response.text.count("Adapted in") == 1


def test_a_source_archived_since_does_not_stop_edits(city_a, editor, malmo_desk, staff_user):
    ours = PracticeFactory(city=city_a, title="Aarhus desk", adapted_from=malmo_desk)
    malmo_desk.archive(by=staff_user)
    data = form_data(
        city_a,
        lessons=lesson_ids(),
        title="Aarhus desk, revised",
        adapted_from=malmo_desk.get_absolute_url(),
    )
    response = editor.post(f"/practices/{ours.slug}/edit/", data)
    assert response.status_code == 302
    # The edit is a revision; published, it keeps the archived source.
    ours.revisions.pending().get().publish(by=staff_user)
    ours.refresh_from_db()
    assert ours.title == "Aarhus desk, revised"
    assert ours.adapted_from == malmo_desk
    # Readers are not sent to a page they cannot open.
    assert "Adapted from" not in editor.get(ours.get_absolute_url()).text


def test_a_revision_changes_what_a_published_practice_adapts(
    city_a, editor, malmo_desk, staff, staff_user
):
    ours = PracticeFactory(city=city_a, title="Aarhus desk")
    data = form_data(
        city_a,
        lessons=lesson_ids(),
        title="Aarhus desk",
        adapted_from="http://127.0.0.1:8000/practices/rumour-desk/",
        adaptation_changes="Volunteers answer, not staff.",
    )
    assert editor.post(f"/practices/{ours.slug}/edit/", data).status_code == 302
    revision = ours.revisions.pending().get()
    # The reviewer sees the source by its title in the diff.
    page = staff.get(reverse("practices:review_revision", args=[revision.pk])).text
    assert "Rumour desk" in page and "Volunteers answer, not staff." in page

    revision.publish(by=staff_user)

    ours.refresh_from_db()
    assert ours.adapted_from == malmo_desk
    assert "Adapted from" in editor.get(ours.get_absolute_url()).text


def test_a_revision_that_would_close_a_circle_is_a_form_error(city_a, editor, malmo_desk):
    ours = PracticeFactory(city=city_a, title="Aarhus desk")
    malmo_desk.adapted_from = ours
    malmo_desk.save()
    data = form_data(
        city_a, lessons=lesson_ids(), title="Aarhus desk", adapted_from="/fr/practices/rumour-desk/"
    )
    response = editor.post(f"/practices/{ours.slug}/edit/", data)
    assert response.status_code == 200
    assert "adaptations cannot go round in a circle" in response.text
    assert not ours.revisions.exists()
