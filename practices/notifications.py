"""E-mails about practices and city teams: the author hears of every review decision, the
member of every decision on their request, a city's managers of every new request.

Each is sent after the transaction that caused it has committed, so nobody is told about a
change that was rolled back. No one is e-mailed about their own action.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sites.models import Site
from django.core.mail import send_mail
from django.template.loader import render_to_string


def _send(template, context, recipients):
    recipients = sorted({address for address in recipients if address})
    if not recipients:
        return
    context = {**context, "site": Site.objects.get_current()}
    subject = render_to_string(f"practices/email/{template}_subject.txt", context)
    body = render_to_string(f"practices/email/{template}.txt", context)
    send_mail(
        " ".join(subject.split()),
        body,
        settings.DEFAULT_FROM_EMAIL,
        recipients,
    )


def status_changed(change):
    """Tell the practice's author that a reviewer published, returned or archived it."""
    practice = change.practice
    author = practice.submitted_by
    if author is None or author == change.changed_by:
        return
    _send("status_changed", {"change": change, "practice": practice}, [author.email])


def membership_requested(membership):
    """Tell the city's managers (or, when it has none, the staff) that someone asks to join."""
    managers = [
        m.user.email
        for m in membership.city.memberships.approved()
        .filter(role="manager")
        .select_related("user")
    ]
    if not managers:
        managers = (
            get_user_model()
            .objects.filter(is_staff=True, is_active=True)
            .values_list("email", flat=True)
        )
    _send("membership_requested", {"membership": membership}, managers)


def membership_decided(membership):
    """Tell the member what was decided on their request or place."""
    if membership.decided_by == membership.user:
        return
    _send("membership_decided", {"membership": membership}, [membership.user.email])
