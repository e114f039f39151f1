"""The practices app's signals, each turned into a job. A signal is sent inside the transaction
of the change, so the job's row commits with the change, or neither does."""

from django.dispatch import receiver

from notifications import jobs
from practices import hooks


@receiver(hooks.status_changed)
def on_status_changed(sender, change, **kwargs):
    jobs.status_changed.enqueue(change.pk)


@receiver(hooks.revision_submitted)
def on_revision_submitted(sender, revision, **kwargs):
    jobs.revision_changed.enqueue(revision.pk, decided=False)


@receiver(hooks.revision_decided)
def on_revision_decided(sender, revision, **kwargs):
    jobs.revision_changed.enqueue(revision.pk, decided=True)


@receiver(hooks.comment_posted)
def on_comment_posted(sender, comment, **kwargs):
    jobs.comment_posted.enqueue(comment.pk)


@receiver(hooks.comment_hidden)
def on_comment_hidden(sender, comment, **kwargs):
    jobs.comment_hidden.enqueue(comment.pk)


@receiver(hooks.membership_requested)
def on_membership_requested(sender, membership, **kwargs):
    jobs.membership_requested.enqueue(membership.pk)


@receiver(hooks.membership_decided)
def on_membership_decided(sender, membership, **kwargs):
    jobs.membership_decided.enqueue(membership.pk, membership.status)


@receiver(hooks.city_requested)
def on_city_requested(sender, city_request, **kwargs):
    jobs.city_requested.enqueue(city_request.pk)


@receiver(hooks.city_request_decided)
def on_city_request_decided(sender, city_request, **kwargs):
    jobs.city_request_decided.enqueue(city_request.pk)
