"""Every e-mail goes through the job queue: `QueuedEmailBackend` (the EMAIL_BACKEND) stores each
message as an `Email` row and enqueues `deliver` for it, in the transaction of whatever wrote
it, so the e-mail exists exactly when the change that caused it does. The worker's `deliver`
sends it with MAIL_DELIVERY_BACKEND (SMTP, or files in development); a send that fails is
tried again later with a growing wait, and after MAIL_TRIES tries the e-mail is kept as failed
for staff to send again from the admin.

Sending is at least once: a worker killed after the mail server took the message but before
its commit sends it again when its job is queued again (`requeue_stuck_jobs`); the repeat has
the same Message-ID.

Callers need not know: Django's `send_mail`, allauth's e-mails and the portal's own all end here.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import make_msgid
from django.core.mail.utils import DNS_NAME
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from notifications.models import Email

logger = logging.getLogger(__name__)


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        with transaction.atomic():
            for message in email_messages:
                email = Email.objects.create(
                    to=list(message.to),
                    subject=str(message.subject)[:300],
                    message=as_json(message),
                )
                deliver.enqueue(email.pk)
        return len(email_messages)


def as_json(message):
    # Its Message-ID is fixed now, so a send repeated (a worker killed between the mail
    # server's "ok" and the commit that records it) is the same message, which mail programs
    # show once.
    headers = {"Message-ID": make_msgid(domain=DNS_NAME), **message.extra_headers}
    return {
        "subject": str(message.subject),
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": headers,
        "alternatives": [
            [content, mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
    }


def from_json(data):
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    return message


@task()
def deliver(email_id):
    """Send one stored e-mail, or plan its next try. Its row stays locked while it is sent, so
    two workers never send it twice; one already sent (or given up on) is left alone."""
    with transaction.atomic():
        email = Email.objects.select_for_update().filter(pk=email_id).first()
        if email is None or email.status != Email.Status.QUEUED:
            return "nothing to send"
        email.attempts += 1
        try:
            connection = get_connection(settings.MAIL_DELIVERY_BACKEND)
            connection.send_messages([from_json(email.message)])
        except Exception as error:
            email.last_error = f"{type(error).__name__}: {error}"[:2000]
            if email.attempts >= settings.MAIL_TRIES:
                email.status = Email.Status.FAILED
                logger.error("E-mail %s failed %s times: %s", email.pk, email.attempts, error)
            else:
                deliver.using(run_after=timezone.now() + email.backoff()).enqueue(email.pk)
                logger.warning("E-mail %s failed, trying again later: %s", email.pk, error)
            email.save(update_fields=["attempts", "last_error", "status"])
            return email.status
        email.status = Email.Status.SENT
        email.sent_at = timezone.now()
        email.save(update_fields=["attempts", "status", "sent_at"])
        return email.status
