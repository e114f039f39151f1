"""The benchmark's steps for the notifications (issue 16), run by bench/run.py in a child process
with one corpus's settings: `python -m bench.notify_steps <step> [arguments]` prints one line of
JSON. Posting on a thread that 1,000 members follow must not wait for their e-mails; the worker
then writes and sends them."""

import json
import sys

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.urls import reverse  # noqa: E402
from django_tasks_db.models import DBTaskResult  # noqa: E402

from bench.django_steps import POSTED_PREFIX  # noqa: E402
from notifications.models import Email, Notification  # noqa: E402
from portal.management.commands.generate_corpus import MEMBER_EMAIL_DOMAIN  # noqa: E402
from practices import threads  # noqa: E402
from practices.models import Comment, Practice, ThreadSubscription  # noqa: E402


def two_threads():
    """Two published practices without comments from the bench: one stays quiet, the other
    gets the followers."""
    hot = Comment.objects.order_by("pk").values_list("practice_id", flat=True).first()
    quiet, followed = Practice.objects.published().exclude(pk=hot).order_by("pk")[1:3]
    return quiet, followed


def members():
    return get_user_model().objects.filter(email__endswith=f"@{MEMBER_EMAIL_DOMAIN}")


def author():
    """Who posts the comment the worker is timed on: never one of the followers."""
    return members().order_by("pk").first()


def threads_with_followers(count):
    """The quiet thread (no follower) and the followed one (`count` members follow it)."""
    quiet, followed = two_threads()
    ThreadSubscription.objects.filter(practice__in=[quiet, followed]).delete()
    # The last members first: past the 64 who post in the bench, where the corpus has enough.
    followers = members().exclude(pk=author().pk).order_by("-pk")[: int(count)]
    ThreadSubscription.objects.bulk_create(
        ThreadSubscription(user=user, practice=followed) for user in followers
    )
    return {
        "quiet": reverse("practices:comment", args=[quiet.slug]),
        "followed": reverse("practices:comment", args=[followed.slug]),
        "followers": followed.subscriptions.filter(following=True).count(),
    }


def clear_queue():
    """Forget every job, notification and e-mail waiting: what the posting step enqueued is
    not what the worker is timed on."""
    return {
        "jobs": DBTaskResult.objects.all().delete()[0],
        "notifications": Notification.objects.all().delete()[0],
        "emails": Email.objects.all().delete()[0],
    }


def post_one():
    """One comment on the followed thread, posted as a member who does not follow it."""
    _quiet, followed = two_threads()
    ThreadSubscription.objects.filter(practice=followed, user=author()).delete()
    comment = threads.post_comment(
        practice=followed, author=author(), body=f"{POSTED_PREFIX}for the followers"
    )
    return {"comment": comment.pk, "jobs": DBTaskResult.objects.count()}


def emails():
    """The e-mails the worker wrote, by status, and the jobs still waiting."""
    by_status = {}
    for status in Email.objects.values_list("status", flat=True):
        by_status[status] = by_status.get(status, 0) + 1
    waiting = DBTaskResult.objects.filter(status="READY").count()
    return {"emails": by_status, "jobs_waiting": waiting}


def clean_up():
    quiet, followed = two_threads()
    ThreadSubscription.objects.filter(practice__in=[quiet, followed]).delete()
    Comment.objects.filter(body__startswith=POSTED_PREFIX).delete()
    return clear_queue()


STEPS = {
    "threads": threads_with_followers,
    "clear_queue": clear_queue,
    "post_one": post_one,
    "emails": emails,
    "clean_up": clean_up,
}

if __name__ == "__main__":
    step, *arguments = sys.argv[1:]
    print(json.dumps(STEPS[step](*arguments)))
