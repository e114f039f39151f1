"""Remind cities' editors of their practices last confirmed a year ago or more
(notifications/jobs.py). Run it hourly from cron, beside send_digests; running it more often
reminds nobody twice."""

from django.core.management.base import BaseCommand

from notifications.jobs import send_confirmation_reminders


class Command(BaseCommand):
    help = "Ask cities' editors to confirm the practices last confirmed a year ago or more."

    def handle(self, **options):
        sent = send_confirmation_reminders()
        self.stdout.write(f"confirmation reminders: {sent}")
