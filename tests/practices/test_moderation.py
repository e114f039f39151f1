"""Moderators work from the admin's queue of reported comments; every action says who and when."""

import pytest
from django.contrib.admin.models import LogEntry

from practices.models import Comment, CommentReport
from tests.factories import PracticeFactory, UserFactory

pytestmark = pytest.mark.django_db

QUEUE = "/admin/practices/reportedcomment/"
ALL = "/admin/practices/comment/"


@pytest.fixture
def reported():
    practice = PracticeFactory(title="Youth councils")
    older = Comment.objects.create(practice=practice, author=UserFactory(), body="Older offence")
    newer = Comment.objects.create(practice=practice, author=UserFactory(), body="Newer offence")
    Comment.objects.create(practice=practice, author=UserFactory(), body="Fine comment")
    older.report(reporter=UserFactory(), reason="Insult")
    newer.report(reporter=UserFactory(), reason="Threat")
    return older, newer


def act(client, action, comments, url=QUEUE):
    return client.post(url, {"action": action, "_selected_action": [c.pk for c in comments]})


def test_the_queue_lists_reported_comments_newest_first(
    staff, reported, django_assert_max_num_queries
):
    older, newer = reported
    with django_assert_max_num_queries(20):
        page = staff.get(QUEUE).text
    assert page.index("Newer offence") < page.index("Older offence")
    assert "Fine comment" not in page


def test_hiding_resolves_the_reports_and_records_the_moderator(
    staff, staff_user, reported, anonymous
):
    older, _ = reported
    act(staff, "hide", [older])
    older.refresh_from_db()
    assert older.hidden_by == staff_user and older.hidden_at is not None
    report = older.reports.get()
    assert (report.resolution, report.resolved_by) == (CommentReport.Resolution.HIDDEN, staff_user)
    assert "Older offence" not in anonymous.get(older.practice.get_absolute_url()).text
    assert "Older offence" not in staff.get(QUEUE).text


def test_restoring_shows_the_comment_again(staff, reported, anonymous):
    older, _ = reported
    act(staff, "hide", [older])
    # Hidden comments leave the queue; the list of all comments filters them.
    assert "Older offence" in staff.get(ALL, {"hidden_at__isnull": "False"}).text
    act(staff, "restore", [older], url=ALL)
    older.refresh_from_db()
    assert not older.is_hidden
    assert "Older offence" in anonymous.get(older.practice.get_absolute_url()).text


def test_dismissing_reports_empties_the_queue(staff, staff_user, reported):
    older, newer = reported
    act(staff, "dismiss_reports", [older, newer])
    assert not CommentReport.objects.open().exists()
    assert CommentReport.objects.filter(resolved_by=staff_user).count() == 2


def test_stopping_an_author_records_who_and_when(staff, staff_user, reported):
    older, _ = reported
    act(staff, "stop_author", [older])
    older.author.refresh_from_db()
    assert older.author.commenting_blocked_at is not None
    assert older.author.commenting_blocked_by == staff_user


def test_a_comment_hidden_by_reports_is_restored_from_the_queue(staff, reported, anonymous):
    older, _ = reported
    for _ in range(2):
        older.report(reporter=UserFactory(), reason="Insult")
    older.refresh_from_db()
    assert older.is_hidden
    act(staff, "restore", [older])
    older.refresh_from_db()
    assert not older.is_hidden
    assert not older.reports.open().exists()


def test_every_action_is_kept_in_the_comments_history(staff, staff_user, reported):
    older, _ = reported
    act(staff, "hide", [older])
    act(staff, "restore", [older], url=ALL)
    messages = list(
        LogEntry.objects.filter(object_id=str(older.pk), user=staff_user)
        .order_by("action_time")
        .values_list("change_message", flat=True)
    )
    assert messages == ["Hidden by a moderator", "Restored by a moderator"]
