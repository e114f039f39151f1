"""Put back in the queue the jobs of a worker that died mid-job (SIGKILL, a lost machine):
django-tasks-db leaves them marked running for ever. Run it from cron every 10 minutes.

A job running longer than --minutes is taken for dead. Running one of the portal's jobs twice
tells nobody twice (a Notification is made once per member and thing; `deliver` sends only an
e-mail still waiting, its row locked while it is sent), so a slow job that was not dead after
all costs only the work.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult


class Command(BaseCommand):
    help = "Queue again the jobs left running by a worker that died."

    def add_arguments(self, parser):
        parser.add_argument("--minutes", type=int, default=30)

    def handle(self, *, minutes, **options):
        stuck = DBTaskResult.objects.running().filter(
            started_at__lt=timezone.now() - timedelta(minutes=minutes)
        )
        requeued = stuck.update(status=TaskResultStatus.READY, started_at=None)
        self.stdout.write(f"jobs queued again: {requeued}")
