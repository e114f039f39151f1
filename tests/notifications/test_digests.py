"""Digests: one e-mail per member and period with everything new, grouped, in the member's
language; nothing when nothing is new; never an item twice; a missed run caught up."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from notifications import digests
from notifications.digests import send_due
from notifications.models import Frequency, Kind, Preference
from practices import hooks
from practices.models import Comment, ThreadSubscription
from tests.factories import PracticeFactory, UserFactory
from tests.jobs import delivered, run_jobs

pytestmark = pytest.mark.django_db


@pytest.fixture
def weekly_reader(city_a):
    reader = UserFactory(email="reader@example.org", confirmed=True)
    Preference.objects.create(user=reader, kind=Kind.COMMENT, frequency=Frequency.WEEKLY)
    return reader


def comments(practice, count, writer):
    for number in range(count):
        Comment.objects.create(practice=practice, author=writer, body=f"Comment number {number}")
        # What post_comment() sends, so the test is about digests, not about posting.
        hooks.comment_posted.send(sender=Comment, comment=Comment.objects.latest("id"))
    run_jobs()


def test_a_week_of_30_comments_is_one_e_mail_per_member_with_all_30(
    weekly_reader, city_a, member_user
):
    other = UserFactory(email="other@example.org", confirmed=True)
    Preference.objects.create(user=other, kind=Kind.COMMENT, frequency=Frequency.WEEKLY)
    practices = [PracticeFactory(city=city_a, title=t) for t in ["Youth panels", "Mediators"]]
    for practice in practices:
        for reader in [weekly_reader, other]:
            ThreadSubscription.objects.create(user=reader, practice=practice)
    comments(practices[0], 20, member_user)
    comments(practices[1], 10, member_user)
    assert [m for m in mail.outbox if m.to in (["reader@example.org"], ["other@example.org"])] == []

    assert send_due() == 2
    by_reader = {tuple(m.to): m for m in delivered()}
    for address in ["reader@example.org", "other@example.org"]:
        digest = by_reader[(address,)]
        assert "Your weekly digest: 30 new items" in digest.subject
        assert all(f"Comment number {n}" in digest.body for n in range(20))
        # Grouped by thread: the 10 on "Mediators" come under one heading, before the others.
        assert digest.body.count("\nMediators\n") == 1
        assert digest.body.index("Mediators") < digest.body.index("Youth panels")
        assert "List-Unsubscribe" in digest.extra_headers


def test_nothing_new_sends_nothing_and_nothing_is_sent_twice(weekly_reader, published, member_user):
    ThreadSubscription.objects.create(user=weekly_reader, practice=published)
    assert send_due() == 0
    comments(published, 2, member_user)

    assert send_due() == 1
    assert send_due() == 0  # the same run again: not due, and nothing left
    later = timezone.now() + timedelta(days=8)
    assert send_due(now=later) == 0  # due, but nothing new


def test_a_weekly_digest_waits_a_week_and_a_missed_run_is_caught_up(
    weekly_reader, published, member_user
):
    ThreadSubscription.objects.create(user=weekly_reader, practice=published)
    comments(published, 1, member_user)
    send_due()
    comments(published, 3, member_user)

    assert send_due(now=timezone.now() + timedelta(days=3)) == 0  # not a week yet
    # The cron job was down for a fortnight: the next run sends all three, once.
    assert send_due(now=timezone.now() + timedelta(days=15)) == 1
    [last] = [m for m in delivered() if m.to == [weekly_reader.email]][-1:]
    assert "3 new items" in last.subject


def test_a_daily_digest_is_in_the_members_language(published, member_user):
    reader = UserFactory(language="fr", confirmed=True)
    Preference.objects.create(user=reader, kind=Kind.COMMENT, frequency=Frequency.DAILY)
    ThreadSubscription.objects.create(user=reader, practice=published)
    comments(published, 2, member_user)

    out = io.StringIO()
    call_command("send_digests", stdout=out)
    assert out.getvalue() == "digests sent: 1\n"

    [digest] = [m for m in delivered() if m.to == [reader.email]]
    assert "Votre résumé quotidien\u00a0: 2 nouveaux éléments" in digest.subject
    assert "Nouveaux commentaires dans les discussions" in digest.body
    assert "://127.0.0.1:8000/fr/comments/" in digest.body


def test_a_digests_unsubscribe_link_turns_off_what_it_gathers(
    anonymous, weekly_reader, published, member_user
):
    ThreadSubscription.objects.create(user=weekly_reader, practice=published)
    comments(published, 1, member_user)
    send_due()
    [digest] = [m for m in delivered() if m.to == [weekly_reader.email]]
    link = (
        digest.extra_headers["List-Unsubscribe"].strip("<>").removeprefix("https://127.0.0.1:8000")
    )
    assert link.startswith(reverse("notifications:unsubscribe", args=["x"])[:-2])

    anonymous.post(link, {"List-Unsubscribe": "One-Click"})

    assert Preference.objects.frequency(weekly_reader, Kind.COMMENT) == Frequency.OFF


def test_a_run_killed_halfway_sends_each_digest_once_in_all(
    weekly_reader, published, member_user, monkeypatch
):
    second = UserFactory(email="second@example.org", confirmed=True)
    Preference.objects.create(user=second, kind=Kind.COMMENT, frequency=Frequency.WEEKLY)
    for reader in [weekly_reader, second]:
        ThreadSubscription.objects.create(user=reader, practice=published)
    comments(published, 3, member_user)

    real_send = digests.send

    def dies_at_the_second(user, *args):
        if user == second:
            raise SystemExit("killed")
        return real_send(user, *args)

    monkeypatch.setattr(digests, "send", dies_at_the_second)
    with pytest.raises(SystemExit):
        send_due()
    monkeypatch.setattr(digests, "send", real_send)
    assert send_due() == 1  # the second member's, whole; not the first one's again

    for reader in [weekly_reader, second]:
        [digest] = [m for m in delivered() if m.to == [reader.email]]
        assert "3 new items" in digest.subject
