"""Members discuss practices: comments in threads, reports of abuse, and who follows a thread.

A comment is never deleted outright: a removed or hidden comment keeps its place so replies
still read in context, and the thread shows "comment removed" or "comment hidden by a
moderator" there instead of the text.
"""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, connections, models, router, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from practices import hooks
from practices.markup import render_markdown

MAX_COMMENT_LENGTH = 5000
# Saving these changes whether readers see the comment, hence its practice's comment count.
VISIBILITY_FIELDS = {"deleted_at", "hidden_at", "practice"}


class Refused(Exception):
    """Something the thread's rules refuse (a second report, a post too many); the message says
    why, for the member."""


class CommentQuerySet(models.QuerySet):
    def visible(self):
        """Comments readers see: neither removed by their author nor hidden by a moderator."""
        return self.filter(deleted_at__isnull=True, hidden_at__isnull=True)


class Comment(models.Model):
    practice = models.ForeignKey(
        "practices.Practice",
        verbose_name=_("practice"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="comments",
        # Indexed with the time instead (Meta.indexes), for the posting limit.
        db_index=False,
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("in reply to"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
    )
    body = models.TextField(_("comment"), max_length=MAX_COMMENT_LENGTH)
    # The body as sanitised HTML, rendered by save().
    body_html = models.TextField(editable=False, default="", db_default="")
    # A token from the form, so the same form posted twice makes one comment.
    form_token = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("posted"), default=timezone.now)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("removed by its author"), null=True, blank=True)
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hidden by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty when the comment was hidden automatically after reports."),
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["practice", "created_at"]),
            # A member's comments of the last minute, counted on every post.
            models.Index(fields=["author", "created_at"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "form_token"],
                condition=~Q(form_token=""),
                name="comment_posted_once_per_form",
            ),
        ]

    def __str__(self):
        return f"{self.author}: {self.body[:60]}"

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "body" in update_fields:
            self.body_html = render_markdown(self.body)
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "body_html"}
        created = self._state.adding
        using = kwargs.get("using") or router.db_for_write(type(self), instance=self)
        # Inside a caller's transaction (posting one), no savepoint of its own: one fewer round
        # trip each way, and the practice's row is locked for less time.
        with transaction.atomic(using=using, savepoint=False):
            super().save(*args, **kwargs)
            if created:
                self.count_on_practice(using)
            elif update_fields is None or VISIBILITY_FIELDS.intersection(update_fields):
                practices = self._meta.get_field("practice").related_model.objects
                practices.filter(pk=self.practice_id).recount_comments()

    def get_absolute_url(self):
        """The comment's lasting address (e-mails, the admin): it sends the reader to the page
        of the thread that shows it (practices/threads.py), wherever that is by then."""
        return reverse("practices:comment_link", args=[self.pk])

    @property
    def html(self):
        return mark_safe(self.body_html)  # noqa: S308 - sanitised by save()

    @property
    def is_removed(self):
        return self.deleted_at is not None

    @property
    def is_hidden(self):
        return self.hidden_at is not None

    @property
    def was_edited(self):
        return self.edited_at is not None

    def edit_deadline(self):
        return self.created_at + timedelta(minutes=settings.COMMENT_EDIT_MINUTES)

    def can_edit(self, user):
        return (
            user == self.author
            and not self.is_removed
            and not self.is_hidden
            and timezone.now() <= self.edit_deadline()
        )

    def can_delete(self, user):
        return (
            user.is_authenticated and not self.is_removed and (user == self.author or user.is_staff)
        )

    def can_report(self, user):
        return user.is_authenticated and user != self.author and not self.is_removed

    def edit(self, body):
        """The author's new text; the thread says the comment was edited."""
        self.body = body
        self.edited_at = timezone.now()
        self.save(update_fields=["body", "edited_at"])

    def report(self, *, reporter, reason):
        """Record a member's report, or refuse a second one from the same member; enough
        reports from different members hide the comment until a moderator looks."""
        try:
            with transaction.atomic():
                report = self.reports.create(reporter=reporter, reason=reason)
        except IntegrityError:
            raise Refused(_("You have already reported this comment.")) from None
        reporters = self.reports.open().values("reporter").distinct().count()
        if not self.is_hidden and reporters >= settings.COMMENT_HIDE_AFTER_REPORTS:
            with transaction.atomic():
                self.hide(by=None)
                hooks.comment_hidden.send(sender=Comment, comment=self)
        return report

    def remove(self):
        self.deleted_at = timezone.now()
        self.save(update_fields=["deleted_at"])

    def hide(self, *, by):
        self.hidden_at = timezone.now()
        self.hidden_by = by
        self.save(update_fields=["hidden_at", "hidden_by"])

    def restore(self, *, by):
        """A moderator found nothing wrong: the comment shows again and its reports close."""
        with transaction.atomic():
            self.hidden_at = None
            self.hidden_by = None
            self.save(update_fields=["hidden_at", "hidden_by"])
            self.reports.open().update(
                resolved_at=timezone.now(),
                resolved_by=by,
                resolution=CommentReport.Resolution.DISMISSED,
            )

    def count_on_practice(self, using):
        """A new comment adds one to its practice's counts: one UPDATE, which locks the row (so
        posts at once each count) and gives the counts back, set on the practice this comment
        holds, if it holds one: who posted it learns the thread's pages without a query."""
        practice_meta = self._meta.get_field("practice").related_model._meta
        quote = connections[using].ops.quote_name
        comments, conversations = (
            quote(practice_meta.get_field(name).column)
            for name in ("comment_count", "conversation_count")
        )
        # queryset.update() returns no row: written out, for PostgreSQL and SQLite alike.
        with connections[using].cursor() as cursor:
            cursor.execute(
                f"UPDATE {quote(practice_meta.db_table)} SET {comments} = {comments} + %s, "
                f"{conversations} = {conversations} + %s WHERE {quote(practice_meta.pk.column)} "
                f"= %s RETURNING {comments}, {conversations}",
                [
                    int(not (self.is_removed or self.is_hidden)),
                    int(self.parent_id is None),
                    self.practice_id,
                ],
            )
            counts = cursor.fetchone()
        if counts is not None and Comment.practice.is_cached(self):
            self.practice.comment_count, self.practice.conversation_count = counts


class CommentReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)


class CommentReport(models.Model):
    """A member's report that a comment breaks the rules. One per member and comment."""

    class Resolution(models.TextChoices):
        HIDDEN = "hidden", _("Comment hidden")
        DISMISSED = "dismissed", _("Report dismissed")

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    reason = models.TextField(_("reason"), max_length=1000)
    created_at = models.DateTimeField(_("reported"), default=timezone.now)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resolved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    resolution = models.CharField(
        _("resolution"), max_length=10, choices=Resolution.choices, blank=True
    )

    objects = CommentReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment report")
        verbose_name_plural = _("comment reports")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "reporter"],
                name="comment_report_once_per_member",
                violation_error_message=_("You have already reported this comment."),
            ),
        ]

    def __str__(self):
        return f"{self.reporter} → {self.comment_id}"


class ReportedComment(Comment):
    """The moderators' queue in the admin: comments with open reports."""

    class Meta:
        proxy = True
        verbose_name = _("reported comment")
        verbose_name_plural = _("reported comments")


class ThreadSubscription(models.Model):
    """A member's choice about one practice's thread: follow it (e-mail on every new comment)
    or mute it (no e-mail about it at all, whatever else would have sent one)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="thread_subscriptions"
    )
    practice = models.ForeignKey(
        "practices.Practice", on_delete=models.CASCADE, related_name="subscriptions"
    )
    following = models.BooleanField(default=True)

    class Meta:
        verbose_name = _("thread subscription")
        verbose_name_plural = _("thread subscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "practice"], name="one_subscription_per_thread"
            ),
        ]

    def __str__(self):
        return f"{self.user} {'follows' if self.following else 'muted'} {self.practice_id}"
