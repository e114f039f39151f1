"""Send the daily and weekly digests that are due (notifications/digests.py). Run it hourly
from cron or a scheduled job; running it more often sends nothing twice."""

from django.core.management.base import BaseCommand

from notifications.digests import send_due


class Command(BaseCommand):
    help = "Send the daily and weekly notification digests that are due."

    def handle(self, **options):
        sent = send_due()
        self.stdout.write(f"digests sent: {sent}")
