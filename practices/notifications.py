"""E-mails about practices, city teams and comments: the author hears of every review decision,
the member of every decision on their request, a city's managers of every new request, and
members of new comments in the threads that concern them.

Each is sent after the transaction that caused it has committed, so nobody is told about a
change that was rolled back, and as a "robust" on-commit callback: a mail server or database
that fails at that moment is logged and costs the e-mail, never the saved change's answer.
No one is e-mailed about their own action. Each recipient reads the e-mail, and follows its
links, in the language they chose on their profile.
"""

import re
from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sites.models import Site
from django.core import signing
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation


def _send(template, context, recipients):
    """One e-mail per language to the given users, rendered (links included) in that language."""
    by_language = defaultdict(set)
    for user in recipients:
        if user.email:
            by_language[user.language or settings.LANGUAGE_CODE].add(user.email)
    if not by_language:
        return
    site = Site.objects.get_current()
    # Development serves plain http on 127.0.0.1, so the links in var/mail/ open there too.
    scheme = "http" if settings.DEBUG else "https"
    context = {**context, "site": site, "site_url": f"{scheme}://{site.domain}"}
    for language, addresses in sorted(by_language.items()):
        with translation.override(language):
            subject = render_to_string(f"practices/email/{template}_subject.txt", context)
            body = render_to_string(f"practices/email/{template}.txt", context)
        # One line, keeping the no-break spaces French puts before its colons.
        subject = re.sub(r"[ \t\r\n]+", " ", subject).strip()
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, sorted(addresses))


def status_changed(change):
    """Tell the practice's author that a reviewer published, returned or archived it."""
    practice = change.practice
    author = practice.submitted_by
    if author is None or author == change.changed_by:
        return
    _send("status_changed", {"change": change, "practice": practice}, [author])


def membership_requested(membership):
    """Tell the city's managers (or, when it has none, the staff) that someone asks to join."""
    managers = [
        m.user
        for m in membership.city.memberships.approved()
        .filter(role="manager")
        .select_related("user")
    ]
    if not managers:
        managers = get_user_model().objects.filter(is_staff=True, is_active=True)
    _send("membership_requested", {"membership": membership}, managers)


def membership_decided(membership):
    """Tell the member what was decided on their request or place."""
    if membership.decided_by == membership.user:
        return
    _send("membership_decided", {"membership": membership}, [membership.user])


UNSUBSCRIBE_SALT = "practices.comments.unsubscribe"


def unsubscribe_token(user, practice):
    """A signed token that mutes one thread for one member, usable without logging in."""
    return signing.dumps({"user": user.pk, "practice": practice.pk}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token):
    """(user id, practice id), or None for a token that was altered or made up."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        return int(data["user"]), int(data["practice"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def comment_posted(comment):
    """Tell who should hear of a new comment: the city's editors of a new top-level comment,
    a comment's author of a reply to it, and the thread's followers of any. Never the writer,
    never someone who muted the thread."""
    practice = comment.practice
    subscriptions = {s.user_id: s for s in practice.subscriptions.select_related("user")}
    recipients = {s.user for s in subscriptions.values() if s.following}
    if comment.parent_id is None:
        recipients |= {m.user for m in practice.city.memberships.approved().select_related("user")}
    elif not comment.parent.is_removed:
        recipients.add(comment.parent.author)
    for user in recipients:
        muted = user.pk in subscriptions and not subscriptions[user.pk].following
        if user == comment.author or muted or not user.is_active:
            continue
        is_reply_to_them = comment.parent_id is not None and comment.parent.author == user
        _send(
            "comment_posted",
            {
                "comment": comment,
                "practice": practice,
                "recipient": user,
                "is_reply_to_them": is_reply_to_them,
                "unsubscribe_token": unsubscribe_token(user, practice),
            },
            [user],
        )
