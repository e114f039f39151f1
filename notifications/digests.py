"""Daily and weekly digests: one e-mail per member and period, with everything they chose to
hear of that way since their last one, grouped by kind and then by thread or city.

`send_due()` (run by `manage.py send_digests`, hourly from cron) sends each member the digests
that are due: a daily one 23 hours after the last, a weekly one 7 days after (less an hour, so
a run at the same time every day stays on time). A notification waits until a digest takes it,
so a run that was missed (the machine down, the cron job stopped) is caught up by the next;
each member's digest is written, and its notifications marked as sent, in one transaction, so a
run killed halfway sends that member's digest again in full on the next run, never twice.
Nothing is sent to a member with nothing new.
"""

from datetime import timedelta
from itertools import groupby

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from notifications.emails import send
from notifications.models import Digest, Frequency, Kind, Notification, Preference

DUE_AFTER = {
    Digest.Period.DAILY: timedelta(hours=23),
    Digest.Period.WEEKLY: timedelta(days=7) - timedelta(hours=1),
}


def kinds_by_period(user):
    """{period: kinds} as the member chose; a kind left at "immediately" whose notifications
    are still waiting (they were made while it was set to a digest) goes in the daily one."""
    chosen = dict(Preference.objects.filter(user=user).values_list("kind", "frequency"))
    periods = {Digest.Period.DAILY: set(), Digest.Period.WEEKLY: set()}
    for kind in Kind.values:
        frequency = chosen.get(kind, Frequency.IMMEDIATELY)
        if frequency == Frequency.WEEKLY:
            periods[Digest.Period.WEEKLY].add(kind)
        elif frequency != Frequency.OFF:
            periods[Digest.Period.DAILY].add(kind)
    return periods


def is_due(user, period, now):
    last = (
        Digest.objects.filter(user=user, period=period)
        .order_by("-sent_at")
        .values_list("sent_at", flat=True)
        .first()
    )
    return last is None or now - last >= DUE_AFTER[period]


def send_due(now=None):
    """Send every digest that is due; how many were sent."""
    now = now or timezone.now()
    waiting = Notification.objects.pending().values_list("user", flat=True).distinct()
    sent = 0
    for user in get_user_model().objects.filter(pk__in=waiting, is_active=True).order_by("pk"):
        for period, kinds in kinds_by_period(user).items():
            if kinds and is_due(user, period, now):
                sent += send_digest(user, period, kinds, now)
    return sent


@transaction.atomic
def send_digest(user, period, kinds, now):
    items = list(
        Notification.objects.select_for_update()
        .pending()
        .filter(user=user, kind__in=kinds, created_at__lte=now)
        .order_by("kind", "group", "created_at", "id")
    )
    if not items:
        return 0
    sections = [
        {
            "kind": Kind(kind),
            "groups": [
                {"name": group, "items": list(entries)}
                for group, entries in groupby(in_kind, key=lambda n: n.group)
            ],
        }
        for kind, in_kind in groupby(items, key=lambda n: n.kind)
    ]
    # Its unsubscribe link turns off every kind the member gets in this period's digest.
    send(
        user,
        f"digest-{period}",
        "digest",
        {"period": Digest.Period(period), "sections": sections, "count": len(items)},
    )
    Notification.objects.filter(pk__in=[n.pk for n in items]).update(emailed_at=now)
    Digest.objects.create(user=user, period=period, sent_at=now, items=len(items))
    return 1
