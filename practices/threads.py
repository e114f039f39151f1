"""Comment threads: reading one as a tree, and the rules for posting (reporting is
`Comment.report()`; both refuse with `Refused`, from the models).

A thread of any size is read in two queries (the comments with their authors, and the authors'
city teams) and arranged in Python, so a practice with 500 comments costs what one with 5 does.

Drawing 500 comments through the template still takes hundreds of milliseconds, so the drawn list
is kept in Django's cache for each audience that sees the same one (anonymous readers, members,
staff; a member who commented on the practice sees their own links, so gets a copy of their
own). Its key holds a summary of the practice's comments, read with the practice (how many,
how many removed or hidden, the latest posted, edited, removed and hidden), so a comment posted,
edited, removed, hidden or restored shows at once on every app server, whatever cache they use.
Names, teams and cities are covered by a "version" that their changes replace (signals in
practices/signals.py), and by THREAD_SECONDS at most in any case, so app servers that do not
share a cache disagree on those for that long at most.
"""

import hashlib
import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, OuterRef, Prefetch, Subquery, TextField
from django.db.models.functions import JSONObject
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from practices import notifications
from practices.cache_versions import CacheVersion, kept
from practices.models import Comment, Membership, Refused, ThreadSubscription

# Replies deeper than this are drawn at this depth; they still say whom they answer.
MAX_DEPTH = 4

VERSION = CacheVersion("comment-threads:version")
# Signal receiver (practices/signals.py): names, teams and cities shown beside comments.
invalidate = VERSION.replace
THREAD_SECONDS = 60


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


# What drawn() keys a thread on: how many comments, how many removed or hidden, the latest
# posted, edited, removed and hidden.
SUMMARY = {
    "count": Count("pk"),
    # COUNT of a column counts the rows where it is set.
    "removed": Count("deleted_at"),
    "hidden": Count("hidden_at"),
    "posted": Max("created_at"),
    "edited": Max("edited_at"),
    "last_removed": Max("deleted_at"),
    "last_hidden": Max("hidden_at"),
}


def with_summary(practices):
    """`practices` with the summary of their comments (`thread_summary`), so that a page reads
    it in the same query as the practice. Worked out in a subquery over the comments alone:
    joined to the practice's row, 500 comments made 500 copies of it to sort and group."""
    summary = (
        Comment.objects.filter(practice=OuterRef("pk"))
        .order_by()
        .values("practice")
        .annotate(summary=JSONObject(**SUMMARY))
        .values("summary")
    )
    # As text: it is only compared, never read.
    return practices.annotate(thread_summary=Subquery(summary, output_field=TextField()))


def drawn(practice, viewer):
    """The thread drawn for `viewer` (the template's list of comments, as UTF-8 HTML) and how many
    comments it shows, from the cache when the same audience saw it since the last change.
    `practice` comes from with_summary()."""
    summary = hashlib.sha256(str(practice.thread_summary).encode()).hexdigest()[:16]
    # "2": kept as UTF-8 since the second version.
    key = (
        f"comment-threads:2:{VERSION.current()}:{practice.pk}:{summary}:{get_language()}:"
        f"{audience(practice, viewer)}"
    )

    def draw():
        entries = thread(practice, viewer)
        html = render_to_string(
            "practices/includes/_comments.html", {"thread": entries, "user": viewer}
        )
        return html.encode(), sum(1 for entry in entries if not entry.placeholder)

    return kept(key, draw, THREAD_SECONDS, local="local-threads")


# Where the page's template leaves the drawn thread (UTF-8, as kept) to be put into the encoded
# page by put_in(). Passed through the template instead, its 400 kB for 500 comments were
# copied into every enclosing block and encoded again on each view, which cost more than the
# rest of the page. Random for each process, so no text a member writes can stand for it.
MARK = mark_safe(f"<!-- thread {uuid.uuid4().hex} -->")  # noqa: S308 - no user input


def put_in(response, drawn_thread):
    """The page `response` with the drawn thread where its template left MARK."""
    response.content = response.content.replace(MARK.encode(), drawn_thread, 1)
    return response


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
    if token:
        earlier = Comment.objects.filter(author=author, form_token=token).first()
        if earlier is not None:
            return earlier
    a_minute_ago = timezone.now() - timedelta(minutes=1)
    recent = Comment.objects.filter(author=author, created_at__gte=a_minute_ago).count()
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
            comment = Comment.objects.create(
                practice=practice, author=author, parent=parent, body=body, form_token=token
            )
    except IntegrityError:
        # The same form posted twice at the same moment: the first one won.
        return Comment.objects.get(author=author, form_token=token)
    transaction.on_commit(lambda: notifications.comment_posted(comment), robust=True)
    return comment


def set_following(practice, user, following):
    ThreadSubscription.objects.update_or_create(
        user=user, practice=practice, defaults={"following": following}
    )


def is_following(practice, user):
    if not user.is_authenticated:
        return False
    return ThreadSubscription.objects.filter(user=user, practice=practice, following=True).exists()
