"""Every e-mail goes through the job queue: the job commits with the change that causes it (or
neither does), the request never waits for the mail server, a failed send is tried again, and
one out of tries stays failed in the admin until staff send it again."""

import io
import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends import locmem
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from notifications.mail import deliver
from notifications.models import Email
from tests.factories import PracticeFactory
from tests.jobs import delivered, run_jobs, waiting_jobs

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(city_a, editor_user):
    return PracticeFactory(
        city=city_a, submitted_by=editor_user, title="Youth panels", slug="youth-panels", draft=True
    )


@pytest.fixture
def flaky_mail_server(monkeypatch):
    """A mail server that refuses the first three sends, then accepts."""
    refusals = {"left": 3}
    accept = locmem.EmailBackend.send_messages

    def send_messages(self, messages):
        if refusals["left"]:
            refusals["left"] -= 1
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return accept(self, messages)

    monkeypatch.setattr(locmem.EmailBackend, "send_messages", send_messages)


def test_a_submission_enqueues_the_reviewers_job_in_its_transaction(editor, draft, staff_user):
    editor.post(reverse("practices:submit", args=[draft.slug]))

    # The request has answered; nothing is sent yet, the job waits for the worker.
    assert mail.outbox == []
    assert waiting_jobs() == ["notifications.jobs.status_changed"]
    [message] = delivered()
    assert message.to == [staff_user.email]


def test_a_rolled_back_submission_enqueues_nothing(draft, editor_user, staff_user):
    with pytest.raises(RuntimeError), transaction.atomic():
        draft.submit(by=editor_user)
        raise RuntimeError("the rest of the transaction failed")

    assert waiting_jobs() == []
    assert delivered() == []
    assert not Email.objects.exists()


def test_a_mail_server_failing_three_times_then_up_delivers_exactly_one_e_mail(
    draft, editor_user, staff_user, flaky_mail_server
):
    draft.submit(by=editor_user)
    run_jobs()

    [message] = mail.outbox
    assert message.to == [staff_user.email]
    email = Email.objects.get()
    assert email.status == Email.Status.SENT
    assert email.attempts == 4


def test_a_failed_send_is_planned_for_later_not_retried_at_once(
    draft, editor_user, staff_user, mail_server_down
):
    draft.submit(by=editor_user)
    run_jobs(limit=2)  # the job that writes the e-mail, then the first try

    email = Email.objects.get()
    assert email.status == Email.Status.QUEUED
    assert email.attempts == 1
    assert "SMTPServerDisconnected" in email.last_error
    assert waiting_jobs() == ["notifications.mail.deliver"]


def test_past_its_tries_an_e_mail_stays_failed_and_staff_send_it_again(
    draft, editor_user, staff, staff_user, mail_server_down, monkeypatch, settings
):
    draft.submit(by=editor_user)
    run_jobs()

    email = Email.objects.get()
    assert email.status == Email.Status.FAILED
    assert email.attempts == settings.MAIL_TRIES
    assert waiting_jobs() == []
    listing = staff.get(reverse("admin:notifications_email_changelist") + "?status=failed")
    assert "To review: “Youth panels” (Aarhus)" in listing.text

    monkeypatch.undo()  # the mail server is back
    response = staff.post(
        reverse("admin:notifications_email_changelist"),
        {"action": "send_again", "_selected_action": [email.pk]},
    )
    assert response.status_code == 302
    [message] = delivered()
    assert message.to == [staff_user.email]
    email.refresh_from_db()
    assert email.status == Email.Status.SENT


def test_account_e_mails_go_through_the_queue_too(anonymous):
    anonymous.post(
        "/accounts/signup/",
        {
            "email": "new@example.org",
            "display_name": "New",
            "password1": "a long enough passphrase",
            "password2": "a long enough passphrase",
        },
    )
    assert mail.outbox == []
    assert waiting_jobs() == ["notifications.mail.deliver"]
    [message] = delivered()
    assert message.to == ["new@example.org"]


def test_a_job_left_running_by_a_dead_worker_is_queued_again_and_sends_once(
    draft, editor_user, staff_user
):
    draft.submit(by=editor_user)
    run_jobs(limit=1)  # writes the reviewer's e-mail and queues its delivery
    job = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    job.claim("a worker that is then killed")
    DBTaskResult.objects.filter(pk=job.pk).update(started_at=timezone.now() - timedelta(hours=1))
    out = io.StringIO()

    call_command("requeue_stuck_jobs", stdout=out)

    assert out.getvalue() == "jobs queued again: 1\n"
    [message] = delivered()
    assert message.to == [staff_user.email]
    assert delivered() == [message]


def test_a_repeated_send_is_the_same_message(draft, editor_user, staff_user):
    """A worker killed after the mail server's "ok" sends again: the repeat has the same
    Message-ID, so the member's mailbox shows it once."""
    draft.submit(by=editor_user)
    run_jobs()
    email = Email.objects.get()
    # As after a kill between the send and its commit: still waiting, its job queued again.
    Email.objects.filter(pk=email.pk).update(status=Email.Status.QUEUED)
    deliver.enqueue(email.pk)
    run_jobs()

    first, repeat = mail.outbox
    assert first.message()["Message-ID"] == repeat.message()["Message-ID"]
