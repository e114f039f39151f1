"""Running the job queue inside a test, as the worker would (django-tasks-db's own Worker runs
each job), without waiting: a job planned for later (a retry) runs now, as if the time had
come. A job that fails fails the test, with its traceback."""

from django_tasks import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

WORKER = Worker(
    queue_names=["*"],
    interval=0,
    batch=True,
    backend_name="default",
    startup_delay=False,
    max_tasks=None,
    worker_id="tests",
    excluded_queue_names=[],
)


def run_jobs(limit=None):
    """Run every waiting job, and those they enqueue, oldest first (or only the first `limit`
    of them); how many ran."""
    ran = 0
    while ran < (limit or 10_000):
        job = DBTaskResult.objects.filter(status=TaskResultStatus.READY).order_by("enqueued_at")
        job = job.first()
        if job is None:
            return ran
        job.claim(WORKER.worker_id)
        WORKER.run_task(job)
        job.refresh_from_db()
        if job.status == TaskResultStatus.FAILED:
            raise AssertionError(f"job {job.task_path} failed:\n{job.traceback}")
        ran += 1
    if limit:
        return ran
    raise AssertionError(f"more than {limit} jobs: one enqueues itself forever?")


def waiting_jobs():
    """The task paths of the jobs not run yet."""
    return sorted(
        DBTaskResult.objects.filter(status=TaskResultStatus.READY).values_list(
            "task_path", flat=True
        )
    )


def delivered():
    """mail.outbox once the waiting jobs have run: every e-mail sent so far."""
    from django.core import mail

    run_jobs()
    return mail.outbox
