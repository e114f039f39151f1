"""Writing a notification to one member: in their language, with links to that language's pages,
a signed link that turns that kind of e-mail off without signing in, and the List-Unsubscribe
headers (RFC 8058) that let a mail program do the same in one click.

`notify()` is where every kind passes: it makes the member's Notification (once, whatever
retries a job goes through), then e-mails it at once or leaves it for their digest, as their
setting for that kind says. No one hears of their own action.
"""

import re

from django.conf import settings
from django.contrib.sites.models import Site
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from notifications.models import Frequency, Notification, Preference

UNSUBSCRIBE_SALT = "notifications.unsubscribe"


def site_url():
    """Where e-mails link to: DJANGO_SITE_URL, else the Site's domain (over plain http in
    development, so the links in var/mail/ open there too)."""
    if settings.SITE_URL:
        return settings.SITE_URL
    scheme = "http" if settings.DEBUG else "https"
    return f"{scheme}://{Site.objects.get_current().domain}"


def unsubscribe_token(user, kind):
    """A signed token that turns one kind of notification off for one member."""
    return signing.dumps({"user": user.pk, "kind": kind}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token):
    """(user id, kind), or None for a token that was altered or made up."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        return int(data["user"]), str(data["kind"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def language_of(user):
    return user.language or settings.LANGUAGE_CODE


def render_email(user, kind, template, context):
    """(subject, body, headers) for `user`, in their language."""
    base = site_url()
    with translation.override(language_of(user)):
        unsubscribe = base + reverse(
            "notifications:unsubscribe", args=[unsubscribe_token(user, kind)]
        )
        context = {
            **context,
            "recipient": user,
            "site_url": base,
            "unsubscribe_url": unsubscribe,
            "settings_url": base + reverse("notifications:settings"),
        }
        subject = render_to_string(f"notifications/email/{template}_subject.txt", context)
        body = render_to_string(f"notifications/email/{template}.txt", context)
    # One line, keeping the no-break spaces French puts before its colons.
    subject = re.sub(r"[ \t\r\n]+", " ", subject).strip()
    headers = {
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    return subject, body, headers


def send(user, kind, template, context):
    subject, body, headers = render_email(user, kind, template, context)
    EmailMultiAlternatives(
        subject, body, settings.DEFAULT_FROM_EMAIL, [user.email], headers=headers
    ).send()


def notify(users, *, kind, key, template, context, group, text, url, actor=None):
    """Tell each of `users` (but `actor`) of one thing. `group`, `text` and `url` are what a
    digest shows for it: callables of the member, called in the member's language."""
    for user in users:
        if user == actor or not user.is_active or not user.email:
            continue
        frequency = Preference.objects.frequency(user, kind)
        if frequency == Frequency.OFF:
            continue
        with translation.override(language_of(user)):
            line = {"group": str(group(user))[:300], "text": str(text(user))[:500]}
            link = site_url() + str(url(user))
        try:
            with transaction.atomic():
                notification = Notification.objects.create(
                    user=user, kind=kind, key=key, url=link[:500], **line
                )
                if frequency == Frequency.IMMEDIATELY:
                    send(user, kind, template, context)
                    notification.emailed_at = timezone.now()
                    notification.save(update_fields=["emailed_at"])
        except IntegrityError:
            continue  # told already, by an earlier run of the same job
