"""Comment threads: reading one as a tree, and the rules for posting (reporting is
`Comment.report()`; both refuse with `Refused`, from the models).

A long thread comes in pages of PER_PAGE conversations: top-level comments, oldest first, each
with all its replies, so a conversation is never split. The pages count every top-level comment,
removed or hidden ones too: a comment's page is the same for every reader and never moves when
others are removed, so a link to it stays right (page_of(); `/comments/<id>/` sends a reader
there). How many pages there are comes from the practice's row (its conversation_count, kept
by Comment.save()); a page of any size is read in two queries (the page's comments with their
authors, found from its top-level ones through Comment.parent by one recursive query however
deep the replies go; and the authors' city teams) and arranged in Python. Drawing it through
the template still takes milliseconds, so the page keeps each drawn page of the thread as a
`{% cache %}` fragment for each audience() that sees the same one
(templates/practices/includes/_thread.html).
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, connection, transaction
from django.db.models import Count, Exists, Min, OuterRef, Prefetch, Q
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.translation import gettext as _

from practices import hooks, paging
from practices.models import Comment, Membership, Practice, Refused, ThreadSubscription

# Replies deeper than this are drawn at this depth; they still say whom they answer.
MAX_DEPTH = 4
# Conversations (top-level comments with their replies) on a page of the thread: a long read
# already, and few enough to draw in milliseconds. In the bench's corpus every practice but the
# hot one has at most 17, so its thread stays on one page; the hot one's 338 make 7 pages, of
# 132 comments (117 kB) down to 40 (45 kB), where its one page had all 500 (405 kB).
PER_PAGE = 50
# The query parameter of the thread's pages (page 1 is the practice's address alone): "comments"
# says what it pages, and leaves "page" free for anything else the practice's page may list.
PAGE_PARAM = "comments"


@dataclass
class Entry:
    """A comment as the thread shows it."""

    comment: Comment
    depth: int
    shown_depth: int
    placeholder: str = ""  # "comment removed" / "comment hidden by a moderator", or ""


def top_level(practice):
    return practice.comments.filter(parent=None).order_by("created_at", "pk")


def with_replies(roots):
    """SQL for the ids of the comments `roots` (a queryset of ids) and of every reply under
    them, however deep: one recursive query, on PostgreSQL and SQLite alike. UNION, not UNION
    ALL, so even a loop of parents (only the admin could make one) ends."""
    sql, params = roots.query.sql_with_params()
    table = connection.ops.quote_name(Comment._meta.db_table)
    return RawSQL(
        f"WITH RECURSIVE conversation(id) AS (SELECT * FROM ({sql}) AS roots UNION "
        f"SELECT reply.id FROM {table} AS reply "
        "JOIN conversation ON reply.parent_id = conversation.id) SELECT id FROM conversation",
        params,
    )


def thread(practice, viewer, page=1):
    """The page `page` of the practice's thread: its top-level comments there, oldest first,
    with all their replies under what they answer, as a flat list of entries with their depth.
    Removed or hidden comments keep their place only where replies hang from them; the author
    of a hidden comment and staff still see it."""
    start = (page - 1) * PER_PAGE
    roots = top_level(practice).values("pk")[start : start + PER_PAGE]
    comments = list(
        practice.comments.filter(pk__in=with_replies(roots))
        .select_related("author")
        .prefetch_related(
            Prefetch(
                "author__memberships",
                queryset=Membership.objects.approved().select_related("city"),
                to_attr="teams",
            )
        )
    )
    # A reply's parent is on the same page (a conversation is never split): it is taken from
    # there rather than joined again, for the "in reply to" of replies drawn deeper than MAX_DEPTH.
    by_pk = {comment.pk: comment for comment in comments}
    # Replies moved to another practice (only the admin can) hang from nothing here: only what
    # the page's top-level comments reach is drawn, as when the whole thread was read.
    children = {}
    for comment in comments:
        if comment.parent_id in by_pk:
            comment.parent = by_pk[comment.parent_id]
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


def page_of(comment):
    """The page of its thread that shows `comment`: its conversation's, counted by the
    top-level comments posted before the one it hangs from. Two queries for a reply (its
    top-level comment, found by one recursive query however deep it is), one for the rest, none
    for a comment post_comment() has just posted (it knows its page)."""
    if getattr(comment, "thread_page", None) is not None:
        return comment.thread_page
    root = comment
    if comment.parent_id is not None:
        table = connection.ops.quote_name(Comment._meta.db_table)
        up = RawSQL(
            f"WITH RECURSIVE up(id, parent_id) AS (SELECT id, parent_id FROM {table} "
            "WHERE id = %s UNION SELECT answered.id, answered.parent_id FROM "
            f"{table} AS answered JOIN up ON answered.id = up.parent_id) SELECT id FROM up",
            (comment.parent_id,),
        )
        root = Comment.objects.filter(pk__in=up, parent=None).only("created_at").first()
        if root is None:  # a loop of parents, which only the admin could make
            return 1
    earlier = Q(created_at__lt=root.created_at) | Q(created_at=root.created_at, pk__lt=root.pk)
    before = top_level(comment.practice).filter(earlier).count()
    return before // PER_PAGE + 1


def page_url(practice, number, anchor="comments"):
    """The address of the page `number` of the practice's thread, at `anchor` (none if "")."""
    return paging.page_url(practice.get_absolute_url(), number, param=PAGE_PARAM, anchor=anchor)


def comment_url(comment):
    """Where `comment` is: its thread's page, at the comment."""
    return page_url(comment.practice, page_of(comment), f"comment-{comment.pk}")


def audience(practice, viewer):
    """Who sees the same thread as `viewer`: the links beside a comment depend on whether the
    viewer is signed in, wrote it, or is staff, and its author and staff see a hidden one."""
    if not viewer.is_authenticated:
        return "anonymous"
    if practice.has_comment_by(viewer):
        return f"author-{viewer.pk}"
    return "staff" if viewer.is_staff else "member"


def placeholder_for(comment, viewer):
    if comment.is_removed:
        return _("Comment removed")
    if comment.is_hidden and not (viewer == comment.author or viewer.is_staff):
        return _("Comment hidden by a moderator")
    return ""


def open_to_post(author):
    """The practices `author` may comment on (the published ones), read as post_comment() needs
    them: their address and title (the form shows them again when it refuses a post), and, in
    the same query, whether the author has a say about the thread already, following or muted
    (`has_subscription`)."""
    theirs = ThreadSubscription.objects.filter(practice=OuterRef("pk"), user=author)
    return (
        Practice.objects.published()
        .only("pk", "slug", "title")
        .annotate(has_subscription=Exists(theirs))
    )


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
            # Whoever comments hears of the answers, unless they muted the thread: a row where
            # none is, in one statement with no savepoint (rather than get_or_create()'s read,
            # savepoint and insert), and no statement where open_to_post() found theirs.
            if not getattr(practice, "has_subscription", False):
                ThreadSubscription.objects.bulk_create(
                    [ThreadSubscription(user=author, practice=practice)], ignore_conflicts=True
                )
            # Saving it counts it on the practice's row, locked from then until the commit: only
            # the job that tells the thread's followers is written after it.
            comment = Comment.objects.create(
                practice=practice, author=author, parent=parent, body=body, form_token=token
            )
            hooks.comment_posted.send(sender=Comment, comment=comment)
    except IntegrityError:
        # The same form posted twice at the same moment: the first one won.
        return Comment.objects.get(author=author, form_token=token)
    if parent is None:
        # Posted just now, it is the thread's newest conversation: its page is the last, from
        # the count its practice's row gave back as saving it added one, with no COUNT. (Two
        # posted at the same moment are counted in the order they locked the row, which may
        # not be the order of their times; at a page's end one may then land a page off, as
        # with a COUNT after the commit, which misses a comment posted before but not yet
        # committed.)
        comment.thread_page = (practice.conversation_count - 1) // PER_PAGE + 1
    return comment


def set_following(practice, user, following):
    ThreadSubscription.objects.update_or_create(
        user=user, practice=practice, defaults={"following": following}
    )


def is_following(practice, user):
    return practice.is_followed_by(user)


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
