"""Who hears of what: reviewers of every submission and resubmission, moderators of a comment
hidden by reports, authors of review decisions, members of decisions on their team requests,
a thread's followers of new comments; and posting a comment follows the thread."""

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from practices import threads
from practices.models import Comment, ThreadSubscription
from tests.conftest import signed_in
from tests.factories import PracticeFactory, UserFactory
from tests.jobs import delivered, run_jobs

pytestmark = pytest.mark.django_db


def to(user):
    return [message for message in delivered() if message.to == [user.email]]


def test_reviewers_hear_of_a_submission_with_a_link_to_review_it(
    editor, editor_user, city_a, staff_user
):
    practice = PracticeFactory(city=city_a, submitted_by=editor_user, slug="youth", draft=True)
    editor.post(reverse("practices:submit", args=[practice.slug]))

    [message] = to(staff_user)
    assert "To review" in message.subject
    assert "was submitted for review" in message.body
    assert "://127.0.0.1:8000/practices/youth/review/" in message.body
    assert to(editor_user) == []  # nobody hears of their own action


@override_settings(SITE_URL="http://127.0.0.1:8031")
def test_links_go_to_the_address_the_portal_is_served_at(editor, editor_user, city_a, staff_user):
    """`make run ADDRESS=127.0.0.1:8031` sets DJANGO_SITE_URL: the worker's e-mails link there,
    unsubscribe link included."""
    practice = PracticeFactory(city=city_a, submitted_by=editor_user, slug="youth", draft=True)
    editor.post(reverse("practices:submit", args=[practice.slug]))

    [message] = to(staff_user)
    assert "http://127.0.0.1:8031/practices/youth/review/" in message.body
    assert "127.0.0.1:8000" not in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith("<http://127.0.0.1:8031/")


def test_reviewers_hear_of_a_resubmission(editor_user, city_a, staff_user):
    practice = PracticeFactory(city=city_a, submitted_by=editor_user, draft=True)
    practice.submit(by=editor_user)
    practice.request_changes(by=staff_user, message="Add the budget.")
    run_jobs()
    mail.outbox.clear()

    practice.submit(by=editor_user)

    [message] = to(staff_user)
    assert "changed as asked and submitted again" in message.body


@override_settings(COMMENT_HIDE_AFTER_REPORTS=2)
def test_moderators_hear_when_reports_hide_a_comment(published, member_user, staff_user):
    comment = Comment.objects.create(practice=published, author=member_user, body="Rude words")
    comment.report(reporter=UserFactory(), reason="Rude")
    assert to(staff_user) == []

    comment.report(reporter=UserFactory(), reason="Rude too")

    [message] = to(staff_user)
    assert "was hidden after reports" in message.subject
    assert f"/admin/practices/reportedcomment/{comment.pk}/change/" in message.body


def test_posting_a_comment_follows_the_thread_and_brings_the_answers(
    member, member_user, editor, published
):
    member.post(reverse("practices:comment", args=[published.slug]), {"body": "A question"})
    assert ThreadSubscription.objects.get(user=member_user, practice=published).following
    delivered().clear()

    someone = signed_in(UserFactory(confirmed=True, display_name="Sol"))
    someone.post(reverse("practices:comment", args=[published.slug]), {"body": "Me too"})

    [message] = to(member_user)
    assert "Sol commented on" in message.subject
    assert "Me too" in message.body


def test_a_muted_thread_stays_muted_after_commenting(member, member_user, published):
    ThreadSubscription.objects.create(user=member_user, practice=published, following=False)
    member.post(reverse("practices:comment", args=[published.slug]), {"body": "A question"})
    assert not ThreadSubscription.objects.get(user=member_user, practice=published).following


def test_a_muted_thread_stays_muted_whoever_posts_the_comment(member_user, published):
    """post_comment() called with a practice read elsewhere (not by the view, which knows the
    member's choice already) writes no second choice either."""
    ThreadSubscription.objects.create(user=member_user, practice=published, following=False)
    threads.post_comment(practice=published, author=member_user, body="A question")
    threads.post_comment(practice=published, author=UserFactory(), body="An answer")
    assert not ThreadSubscription.objects.get(user=member_user, practice=published).following
    assert ThreadSubscription.objects.filter(practice=published, following=True).count() == 1


def test_a_job_run_twice_tells_nobody_twice(member_user, published, editor_user):
    from notifications import jobs

    comment = Comment.objects.create(practice=published, author=member_user, body="Hello")
    jobs.comment_posted.call(comment.pk)
    jobs.comment_posted.call(comment.pk)

    assert len(to(editor_user)) == 1
