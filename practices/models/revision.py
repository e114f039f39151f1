"""Revisions: an edit of a published practice, waiting for a reviewer while the published text
stays public.

A revision holds the values its author proposes for every editable field (`data`, plain JSON:
lessons by number, tags by name, links as [title, address] pairs). A reviewer publishes it,
which writes the values onto the practice through its own save() (so the Markdown is rendered
and the search vectors refreshed), or returns it with a message. Published revisions are the
practice's history of edits; a staff member's direct fix in the admin is recorded as one too.
"""

import difflib
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from practices import hooks
from practices.models.practice import Practice, PracticeLink
from practices.models.reference import Lesson

# The practice's own columns a revision may change (its city and address never change).
REVISED_COLUMNS = [
    "title",
    "summary",
    *Practice.SECTION_FIELDS,
    "contact",
    "start_year",
    "end_year",
    "ongoing",
    "language",
    "translation",
    "evidence",
    "evidence_baseline",
    "evidence_published",
    "evidence_repeated",
]
# And what hangs off it.
REVISED_RELATIONS = ["lessons", "tags", "links"]
REVISED_FIELDS = [*REVISED_COLUMNS, *REVISED_RELATIONS]
# Texts are compared word by word; whitespace runs are kept as tokens so the diff reads back.
WORDS = re.compile(r"(\s+)")


def normal(value):
    """A text as a form posts it back: browsers send CRLF, and forms strip the ends."""
    return value.replace("\r\n", "\n").strip() if isinstance(value, str) else value


def practice_values(practice):
    """The practice's current values of REVISED_FIELDS, in a revision's JSON form."""
    values = {
        name: normal(getattr(practice, name)) for name in REVISED_COLUMNS if name != "translation"
    }
    values["translation"] = practice.translation_id
    values["lessons"] = sorted(lesson.number for lesson in practice.lessons.all())
    values["tags"] = sorted(tag.name for tag in practice.tags.all())
    values["links"] = [[link.title, link.url] for link in practice.links.all()]
    return values


def shown(name, value):
    """A field's value as the reviewer reads it in the diff."""
    if value is None or value == "":
        return ""
    if name == "links":
        return "\n".join(f"{title} <{url}>" for title, url in value)
    if name in ("lessons", "tags"):
        return ", ".join(str(item) for item in value)
    if name == "translation":
        found = Practice.objects.filter(pk=value).values_list("title", flat=True).first()
        return found or str(value)
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    field = Practice._meta.get_field(name)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return str(value)


def inline_diff(before, after):
    """The two texts as one, words taken out in <del> and words put in as <ins>, escaped."""
    old, new = WORDS.split(before), WORDS.split(after)
    parts = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            parts.append(escape("".join(old[i1:i2])))
            continue
        if i2 > i1:
            parts.append(f"<del>{escape(''.join(old[i1:i2]))}</del>")
        if j2 > j1:
            parts.append(f"<ins>{escape(''.join(new[j1:j2]))}</ins>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece escaped above


class RevisionQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=PracticeRevision.Status.PENDING)

    def published(self):
        return self.filter(status=PracticeRevision.Status.PUBLISHED)


class PracticeRevision(models.Model):
    """Proposed values for a published practice, and what a reviewer decided about them."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        PUBLISHED = "published", _("Published")
        RETURNED = "returned", _("Returned to the author")

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="revisions")
    # {field: proposed value} for REVISED_FIELDS.
    data = models.JSONField(_("proposed values"), default=dict)
    # {field: value it replaced}, for the fields it changed: written when it is published.
    previous = models.JSONField(_("replaced values"), default=dict, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    # The reviewer's message when returning it, or a note on a staff member's direct fix.
    message = models.TextField(_("message"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    # The practice's `updated_at` the revision was written against: if the practice changed
    # since, publishing it would silently undo that change, so it is refused as stale.
    base_updated_at = models.DateTimeField(_("written against the version of"))

    objects = RevisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["practice"],
                condition=Q(status="pending"),
                name="revision_one_pending_per_practice",
                violation_error_message=_("This practice already has a revision waiting."),
            )
        ]

    def __str__(self):
        return f"{self.practice}: {self.get_status_display()} ({self.created_at:%Y-%m-%d})"

    @classmethod
    @transaction.atomic
    def propose(cls, practice, data, *, by):
        """Save `data` as the practice's waiting revision: the one already waiting, updated,
        or a new one written against the practice as it is now."""
        revision = cls.objects.select_for_update().pending().filter(practice=practice).first()
        created = revision is None
        if created:
            revision = cls(practice=practice, base_updated_at=practice.updated_at)
        revision.data = data
        revision.author = by
        revision.save()
        if created:
            hooks.revision_submitted.send(sender=cls, revision=revision)
        return revision

    @classmethod
    @transaction.atomic
    def record_direct(cls, practice, before, *, by, message=""):
        """A staff member's fix saved straight onto the practice (in the admin): recorded as a
        published revision, its values those the practice has now."""
        after = practice_values(practice)
        changed = {name: before[name] for name in REVISED_FIELDS if before[name] != after[name]}
        if not changed:
            return None
        now = timezone.now()
        return cls.objects.create(
            practice=practice,
            data=after,
            previous=changed,
            author=by,
            status=cls.Status.PUBLISHED,
            message=message,
            decided_by=by,
            decided_at=now,
            created_at=now,
            base_updated_at=practice.updated_at,
        )

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING

    @property
    def is_stale(self):
        return self.practice.updated_at != self.base_updated_at

    def changes(self, against=None):
        """(field name, label, inline diff) for each field whose proposed value differs from
        `against` (by default the practice as published now; once published, what it replaced)."""
        if against is None:
            against = self.previous if not self.is_pending else practice_values(self.practice)
        found = []
        for name in REVISED_FIELDS:
            if name not in against or against[name] == self.data.get(name):
                continue
            label = Practice._meta.get_field(name).verbose_name
            before, after = shown(name, against[name]), shown(name, self.data.get(name))
            found.append((name, label, inline_diff(before, after)))
        return found

    def check_pending(self):
        if not self.is_pending:
            raise ValidationError(
                _("This revision was already decided: it is “%(status)s”.")
                % {"status": self.get_status_display()}
            )

    @transaction.atomic
    def publish(self, *, by):
        """Write the proposed values onto the practice; refused if it changed meanwhile."""
        practice = Practice.objects.select_for_update().get(pk=self.practice_id)
        self.practice = practice
        self.check_pending()
        if self.is_stale:
            raise ValidationError(
                _(
                    "The practice changed after this revision was written, so publishing it "
                    "would undo that change. Return it to the author to redo it on the "
                    "current version."
                )
            )
        before = practice_values(practice)
        self.previous = {
            name: before[name] for name in REVISED_FIELDS if before[name] != self.data.get(name)
        }
        self.apply_to(practice)
        self.status = self.Status.PUBLISHED
        self.decided_by = by
        self.decided_at = timezone.now()
        self.save()
        hooks.revision_decided.send(sender=PracticeRevision, revision=self)

    @transaction.atomic
    def return_to_author(self, *, by, message):
        if not message.strip():
            raise ValidationError(_("Say what should change, so the author knows what to do."))
        self.check_pending()
        self.status = self.Status.RETURNED
        self.message = message.strip()
        self.decided_by = by
        self.decided_at = timezone.now()
        self.save()
        hooks.revision_decided.send(sender=PracticeRevision, revision=self)

    def apply_to(self, practice):
        data = self.data
        for name in REVISED_COLUMNS:
            if name == "translation":
                practice.translation_id = data["translation"]
            else:
                setattr(practice, name, data[name])
        practice.lessons.set(Lesson.objects.filter(number__in=data["lessons"]))
        practice.tags.set(data["tags"], clear=True)
        practice.links.all().delete()
        PracticeLink.objects.bulk_create(
            PracticeLink(practice=practice, title=title, url=url, position=position)
            for position, (title, url) in enumerate(data["links"])
        )
        # Last, a full save: Markdown rendered, search vectors refreshed, pages made stale.
        practice.save()
