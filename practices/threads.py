"""Comment threads: reading one as a tree, and the rules for posting (reporting is
`Comment.report()`; both refuse with `Refused`, from the models).

A thread of any size is read in two queries (the comments with their authors, and the authors'
city teams) and arranged in Python, so a practice with 500 comments costs what one with 5 does.
Drawing 500 comments through the template still takes tens of milliseconds, so the page keeps
the drawn thread as a `{% cache %}` fragment for each audience() that sees the same one
(templates/practices/includes/_thread.html).
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Count, Min, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from practices import hooks
from practices.models import Comment, Membership, Refused, ThreadSubscription

# Replies deeper than this are drawn at this depth; they still say whom they answer.
MAX_DEPTH = 4


@dataclass
class Entry:
    """A comment as the thread shows it."""

    comment: Comment
    depth: int
    shown_depth: int
    placeholder: str = ""  # "comment removed" / "comment hidden by a moderator", or ""


def thread(practice, viewer):
    """The practice's comments, oldest first with replies under what they answer, as a flat
    list of entries with their depth. Removed or hidden comments keep their place only where
    replies hang from them; the author of a hidden comment and staff still see it."""
    comments = list(
        practice.comments.select_related("author", "parent__author").prefetch_related(
            Prefetch(
                "author__memberships",
                queryset=Membership.objects.approved().select_related("city"),
                to_attr="teams",
            )
        )
    )
    children = {}
    for comment in comments:
        children.setdefault(comment.parent_id, []).append(comment)

    # Depth-first order, iteratively: a long chain of replies cannot exhaust the stack.
    order = []
    stack = [(root, 0) for root in reversed(children.get(None, []))]
    while stack:
        comment, depth = stack.pop()
        order.append((comment, depth))
        stack.extend((child, depth + 1) for child in reversed(children.get(comment.pk, [])))

    # Children come after their parent in `order`: walking it backwards settles every reply
    # before the comment it answers, so a placeholder stays only where replies hang from it.
    placeholders, kept, has_replies = {}, set(), set()
    for comment, _depth in reversed(order):
        placeholders[comment.pk] = placeholder_for(comment, viewer)
        if not placeholders[comment.pk] or comment.pk in has_replies:
            kept.add(comment.pk)
            has_replies.add(comment.parent_id)
    return [
        Entry(comment, depth, min(depth, MAX_DEPTH), placeholders[comment.pk])
        for comment, depth in order
        if comment.pk in kept
    ]


def audience(practice, viewer):
    """Who sees the same thread as `viewer`: the links beside a comment depend on whether the
    viewer is signed in, wrote it, or is staff, and its author and staff see a hidden one."""
    if not viewer.is_authenticated:
        return "anonymous"
    if practice.comments.filter(author=viewer).exists():
        return f"author-{viewer.pk}"
    return "staff" if viewer.is_staff else "member"


def placeholder_for(comment, viewer):
    if comment.is_removed:
        return _("Comment removed")
    if comment.is_hidden and not (viewer == comment.author or viewer.is_staff):
        return _("Comment hidden by a moderator")
    return ""


def post_comment(*, practice, author, body, parent=None, token=""):
    """Post a comment as `author`, or say why not. The same form posted twice gives back the
    first comment instead of a second one."""
    if author.commenting_blocked_at is not None:
        raise Refused(_("A moderator has stopped you from commenting."))
    # One query for both questions: was this form posted before, and how many in a minute?
    just_now = Q(created_at__gte=timezone.now() - timedelta(minutes=1))
    posted = Q(form_token=token) if token else Q(pk__in=[])
    seen = Comment.objects.filter(just_now | posted, author=author).aggregate(
        recent=Count("pk", filter=just_now), earlier=Min("pk", filter=posted)
    )
    if seen["earlier"] is not None:
        return Comment.objects.get(pk=seen["earlier"])
    recent = seen["recent"]
    if recent >= settings.COMMENTS_PER_MINUTE:
        raise Refused(
            _(
                "You have posted %(count)s comments in the last minute. "
                "Wait a moment and post again."
            )
            % {"count": recent}
        )
    try:
        with transaction.atomic():
            # Whoever comments hears of the answers, unless they muted the thread.
            ThreadSubscription.objects.get_or_create(user=author, practice=practice)
            # Saving it counts it on the practice's row, locked from then until the commit: only
            # the job that tells the thread's followers is written after it.
            comment = Comment.objects.create(
                practice=practice, author=author, parent=parent, body=body, form_token=token
            )
            hooks.comment_posted.send(sender=Comment, comment=comment)
    except IntegrityError:
        # The same form posted twice at the same moment: the first one won.
        return Comment.objects.get(author=author, form_token=token)
    return comment


def set_following(practice, user, following):
    ThreadSubscription.objects.update_or_create(
        user=user, practice=practice, defaults={"following": following}
    )


def is_following(practice, user):
    if not user.is_authenticated:
        return False
    return ThreadSubscription.objects.filter(user=user, practice=practice, following=True).exists()


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
