"""Freshness: a practice's "last confirmed" date, the yearly reminder to its city's editors, the
one-click answer page, and what readers see once it has gone unconfirmed for fifteen months."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from notifications.models import Kind, Preference
from practices.models import Practice
from tests.factories import PracticeFactory
from tests.jobs import run_jobs

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member", "editor", "other_editor", "staff"]


def months_ago(months):
    return timezone.now() - timedelta(days=round(months * 30.5))


def confirmed(practice, months):
    Practice.objects.filter(pk=practice.pk).update(confirmed_at=months_ago(months))
    practice.refresh_from_db()
    return practice


@pytest.fixture
def old(city_a):
    """A practice of city A its team last confirmed thirteen months ago."""
    return confirmed(PracticeFactory(city=city_a, slug="old-a", title="Street mediators"), 13)


@pytest.fixture
def stale(city_a):
    """A practice of city A not confirmed for sixteen months."""
    return confirmed(PracticeFactory(city=city_a, slug="stale-a", title="Night walkers"), 16)


def remind():
    call_command("send_confirmation_reminders", verbosity=0, stdout=io.StringIO())
    run_jobs()


def test_publishing_confirms_the_practice(city_a, staff_user):
    practice = PracticeFactory(city=city_a, draft=True)
    practice.submit(by=staff_user)
    practice.publish(by=staff_user)
    assert practice.confirmed_at is not None
    assert timezone.now() - practice.confirmed_at < timedelta(minutes=1)


def test_a_year_on_the_citys_editors_are_reminded_once(
    old, editor_user, manager_user, other_editor_user, member_user
):
    remind()
    remind()  # an hour later: nobody hears twice
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([editor_user.email, manager_user.email])
    message = mail.outbox[0]
    assert "Street mediators" in message.subject
    assert f"/practices/{old.slug}/confirm/" in message.body


def test_the_reminder_is_marked_in_the_transaction_that_enqueues_it(old, editor_user):
    call_command("send_confirmation_reminders", verbosity=0, stdout=io.StringIO())
    old.refresh_from_db()
    assert old.reminded_at is not None
    assert not Practice.objects.due_for_reminder().exists()


def test_a_practice_confirmed_eleven_months_ago_is_not_reminded(city_a, editor_user):
    confirmed(PracticeFactory(city=city_a), 11)
    remind()
    assert mail.outbox == []


def test_a_draft_is_never_reminded(city_a, editor_user):
    draft = PracticeFactory(city=city_a, draft=True)
    Practice.objects.filter(pk=draft.pk).update(confirmed_at=months_ago(20))
    remind()
    assert mail.outbox == []


def test_confirming_after_a_reminder_makes_the_next_one_due_a_year_later(old, editor, editor_user):
    remind()
    editor.post(f"/practices/{old.slug}/confirm/", {"answer": "running"})
    mail.outbox.clear()
    remind()
    assert mail.outbox == []
    # A year on: the reminder was sent before the confirmation, which is a year old now.
    Practice.objects.filter(pk=old.pk).update(reminded_at=months_ago(14))
    confirmed(old, 13)
    remind()
    assert [message.to for message in mail.outbox] == [[editor_user.email]]


@pytest.mark.parametrize(
    "role, expected", list(zip(ROLES, ["login", 403, 200, 403, 200], strict=True))
)
def test_who_may_answer(request, old, role, expected):
    client = request.getfixturevalue(role)
    response = client.get(f"/practices/{old.slug}/confirm/")
    if expected == "login":
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    else:
        assert response.status_code == expected
    if expected == 200:
        assert "Does this practice still run as described?" in response.text


@pytest.mark.parametrize("role", ["member", "other_editor"])
def test_outsiders_cannot_confirm(request, old, role):
    response = request.getfixturevalue(role).post(
        f"/practices/{old.slug}/confirm/", {"answer": "running"}
    )
    assert response.status_code == 403
    old.refresh_from_db()
    assert old.confirmed_at < months_ago(12)


def test_still_running_confirms_it_today(stale, editor, anonymous):
    response = editor.post(f"/practices/{stale.slug}/confirm/", {"answer": "running"}, follow=True)
    assert "the practice is confirmed as running" in response.text
    stale.refresh_from_db()
    assert timezone.now() - stale.confirmed_at < timedelta(minutes=1)
    assert stale.status_changes.filter(message="Confirmed: still running").exists()
    assert "Not confirmed since" not in anonymous.get(stale.get_absolute_url()).text


def test_ended_records_the_end_year(old, editor):
    Practice.objects.filter(pk=old.pk).update(ongoing=True)
    editor.post(f"/practices/{old.slug}/confirm/", {"answer": "ended", "end_year": "2024"})
    old.refresh_from_db()
    assert (old.ongoing, old.end_year) == (False, 2024)
    assert timezone.now() - old.confirmed_at < timedelta(minutes=1)


@pytest.mark.parametrize(
    "year, message",
    [
        ("", "Give the year the practice ended."),
        ("2019", "It started in 2021: it cannot have ended before."),
        ("2090", "Give a year that has come"),
    ],
)
def test_ended_needs_a_plausible_year(old, editor, year, message):
    response = editor.post(f"/practices/{old.slug}/confirm/", {"answer": "ended", "end_year": year})
    assert response.status_code == 200
    assert message in response.text
    old.refresh_from_db()
    assert old.confirmed_at < months_ago(12)


def test_needs_an_update_opens_the_form_where_saving_confirms(old, editor):
    response = editor.post(f"/practices/{old.slug}/confirm/", {"answer": "update"})
    assert response["Location"] == f"/practices/{old.slug}/edit/"
    form = editor.get(response["Location"]).text
    assert "It still runs as described" in form


def test_saving_the_edit_form_ticked_confirms(old, editor, staff_user):
    data = {
        "city": old.city_id,
        "title": "Street mediators, revised",
        "summary": old.summary,
        "lessons": [lesson.pk for lesson in old.lessons.all()],
        "start_year": 2021,
        "language": "en",
        "evidence": "not_evaluated",
        "links-TOTAL_FORMS": 0,
        "links-INITIAL_FORMS": 0,
        "confirm_current": "on",
    }
    response = editor.post(f"/practices/{old.slug}/edit/", data)
    assert response.status_code == 302
    old.refresh_from_db()
    # Confirmed at once; the changed text waits for review as a revision.
    assert timezone.now() - old.confirmed_at < timedelta(minutes=1)
    assert old.title != "Street mediators, revised"
    revision = old.revisions.pending().get()
    revision.publish(by=staff_user)
    old.refresh_from_db()
    assert old.title == "Street mediators, revised"


def test_a_draft_has_nothing_to_confirm(city_a, editor):
    draft = PracticeFactory(city=city_a, draft=True, slug="draft-a")
    response = editor.get(f"/practices/{draft.slug}/confirm/")
    assert response["Location"] == f"/practices/{draft.slug}/edit/"


@pytest.mark.parametrize("role", ROLES)
def test_everyone_sees_that_a_stale_practice_is_not_confirmed(request, stale, role):
    client = request.getfixturevalue(role)
    month = stale.confirmed_at.strftime("%B %Y")
    assert f"Not confirmed since {month}" in client.get(stale.get_absolute_url()).text
    assert f"Not confirmed since {month}" in client.get("/practices/").text


def test_thirteen_months_is_not_stale_yet(old, anonymous):
    assert "Not confirmed since" not in anonymous.get(old.get_absolute_url()).text


def test_the_list_can_leave_stale_practices_out(
    stale, old, anonymous, django_assert_max_num_queries
):
    with django_assert_max_num_queries(15):
        response = anonymous.get("/practices/?confirmed=1")
    assert "Street mediators" in response.text
    assert "Night walkers" not in response.text
    assert "Confirmed as current" in response.text  # the chip
    assert "Night walkers" in anonymous.get("/practices/").text


def test_staff_find_the_stale_ones_in_the_admin(stale, old, staff):
    response = staff.get("/admin/practices/practice/?confirmation=stale")
    assert response.status_code == 200
    assert "Night walkers" in response.text
    assert "Street mediators" not in response.text
    due = staff.get("/admin/practices/practice/?confirmation=due").text
    assert "Night walkers" in due and "Street mediators" in due


@pytest.mark.parametrize(
    "role, shown", [("member", False), ("editor", True), ("other_editor", True)]
)
def test_editors_choose_how_they_hear_of_practices_to_confirm(request, role, shown):
    page = request.getfixturevalue(role).get("/my/notifications/").text
    assert ("practices to confirm as still running" in page) == shown


def test_an_editor_who_turned_reminders_off_hears_nothing(old, editor, editor_user, manager_user):
    Preference.objects.create(user=editor_user, kind=Kind.CONFIRMATION, frequency="off")
    remind()
    assert [message.to for message in mail.outbox] == [[manager_user.email]]
