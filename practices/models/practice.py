"""The good practices cities publish, their links and their history.

A practice moves through a small workflow (draft -> submitted -> changes requested / published ->
archived). The transitions live on the model (`practice.publish(by=user)`) and each one records a
StatusChange, so the history is complete whichever screen caused it.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItem

from practices import hooks
from practices.markup import render_markdown
from practices.models.comments import Comment, ThreadSubscription
from practices.models.reference import City, Lesson
from practices.search import CONFIGS, SECTION_FIELDS, refresh_vectors, title_vector

# Changing any of these changes what a search finds.
SEARCHED_FIELDS = {"title", "summary", "language", "city", *SECTION_FIELDS}
RELATED_COUNT = 5
# How many recent practices sharing a tag, and sharing a lesson, compete to be related.
RELATED_CANDIDATES = 50
# Written in Markdown; rendered and sanitised when saved (`rendered`), never when shown.
MARKDOWN_FIELDS = {*SECTION_FIELDS, "contact"}
# The long columns a practice card never shows.
CARD_DEFERRED = (*MARKDOWN_FIELDS, "rendered", "search_vector")


def stale_cutoff(now=None):
    """Practices last confirmed before this are stale."""
    return (now or timezone.now()) - settings.PRACTICE_CONFIRM_AFTER - settings.PRACTICE_STALE_AFTER


class PracticeQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Practice.Status.PUBLISHED)

    def featured(self):
        return self.filter(featured=True)

    # Freshness: how long since a city's team last said the practice still runs as described.

    def due_for_reminder(self, now=None):
        """Published practices last confirmed CONFIRM_AFTER ago or more whose editors were not
        reminded since."""
        cutoff = (now or timezone.now()) - settings.PRACTICE_CONFIRM_AFTER
        return (
            self.published()
            .filter(confirmed_at__lte=cutoff)
            .filter(Q(reminded_at__isnull=True) | Q(reminded_at__lt=F("confirmed_at")))
        )

    def stale(self, now=None):
        """Not confirmed for CONFIRM_AFTER plus STALE_AFTER: shown as "not confirmed since"."""
        return self.filter(confirmed_at__lt=stale_cutoff(now))

    def confirmed(self, now=None):
        """The others: confirmed since, or never (a practice published by the release before
        this one, during a rolling deploy), as `is_stale` counts them."""
        return self.filter(Q(confirmed_at__gte=stale_cutoff(now)) | Q(confirmed_at__isnull=True))

    def adapted_elsewhere(self):
        """Practices another city has published an adaptation of."""
        return self.filter(
            Exists(
                Practice.objects.published()
                .filter(adapted_from=OuterRef("pk"))
                .exclude(city=OuterRef("city"))
            )
        )

    def for_lesson(self, number):
        return self.filter(lessons__number=number)

    def in_country(self, code):
        return self.filter(city__country=code.upper())

    def for_viewer(self, user):
        """With what a practice's page asks about `user`, if signed in, read in the same query:
        whether they may edit it, have commented on it, follow its thread. can_edit(),
        has_comment_by() and is_followed_by() answer from there for that user, and ask the
        database for anyone else."""
        if not user.is_authenticated:
            return self
        here = OuterRef("pk")
        return self.annotate(
            # Whom the answers are about: they are never taken for anyone else.
            viewer_id=Value(user.pk),
            viewer_edits=Exists(City.objects.editable_by(user).filter(pk=OuterRef("city_id"))),
            viewer_commented=Exists(Comment.objects.filter(practice=here, author=user)),
            viewer_follows=Exists(
                ThreadSubscription.objects.filter(practice=here, user=user, following=True)
            ),
        )

    def for_cards(self):
        """As practice cards show them (_practice_card.html): with their city and lessons, and
        without the long texts a card never shows."""
        return self.select_related("city").prefetch_related("lessons").defer(*CARD_DEFERRED)

    def in_order(self, ids):
        """These practices, in the order of `ids` (a ranking, a page of a list)."""
        found = self.in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]

    def recount_comments(self):
        """Set `comment_count` of these practices to their visible comments now, and
        `conversation_count` to their top-level ones. Their rows are locked first, so two
        comments posted at once on PostgreSQL each count the other."""

        def counted(comments):
            per_practice = comments.filter(practice=OuterRef("pk")).order_by().values("practice")
            return Coalesce(Subquery(per_practice.annotate(n=Count("pk")).values("n")), 0)

        with transaction.atomic(savepoint=False):
            list(self.select_for_update().values_list("pk", flat=True))
            return self.update(
                comment_count=counted(Comment.objects.visible()),
                conversation_count=counted(Comment.objects.filter(parent=None)),
            )

    def render_markdown(self):
        """Render every practice's Markdown again: after a change of Markdown or sanitiser
        (`manage.py render_markdown`), or of rows written with update()."""
        for practice in self.only("pk", *MARKDOWN_FIELDS).iterator(chunk_size=500):
            practice.render()
            Practice.objects.filter(pk=practice.pk).update(rendered=practice.rendered)


class Practice(models.Model):
    """A good practice (case study) a city shares, tagged to one or more of the nine lessons."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for review")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    class Evidence(models.TextChoices):
        NOT_EVALUATED = "not_evaluated", _("Not evaluated")
        INTERNALLY_REVIEWED = "internally_reviewed", _("Internally reviewed")
        EXTERNALLY_EVALUATED = "externally_evaluated", _("Externally evaluated")

    class EvidenceRating(models.TextChoices):
        """The portal's own rating, set by a reviewer against the criteria on /evidence/."""

        PROMISING = "promising", _("Promising")
        EVALUATED = "evaluated", _("Evaluated")
        STRONG = "strong", _("Strong evidence")

    class Language(models.TextChoices):
        ENGLISH = "en", _("English")
        FRENCH = "fr", _("French")

    # Which status each workflow step may start from.
    TRANSITIONS = {
        Status.SUBMITTED: {Status.DRAFT, Status.CHANGES_REQUESTED},
        Status.CHANGES_REQUESTED: {Status.SUBMITTED, Status.PUBLISHED},
        # Staff may publish a draft they wrote themselves in the admin.
        Status.PUBLISHED: {
            Status.DRAFT,
            Status.SUBMITTED,
            Status.CHANGES_REQUESTED,
            Status.ARCHIVED,
        },
        Status.ARCHIVED: {
            Status.DRAFT,
            Status.SUBMITTED,
            Status.CHANGES_REQUESTED,
            Status.PUBLISHED,
        },
    }

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    city = models.ForeignKey(
        City, verbose_name=_("city"), on_delete=models.PROTECT, related_name="practices"
    )
    summary = models.TextField(
        _("summary"), help_text=_("Two or three sentences: what the city did and why.")
    )

    # Structured sections, as prevention databases describe a practice. Markdown.
    context = models.TextField(_("context and problem"), blank=True)
    approach = models.TextField(_("approach and activities"), blank=True)
    target_groups = models.TextField(_("target groups"), blank=True)
    partners = models.TextField(_("partners"), blank=True)
    results = models.TextField(_("results"), blank=True)
    challenges = models.TextField(_("challenges and lessons learned"), blank=True)
    evaluation = models.TextField(_("evaluation"), blank=True)
    resources = models.TextField(_("resources and budget"), blank=True)
    contact = models.TextField(
        _("contact"),
        blank=True,
        help_text=_("Names, e-mails, phone numbers. Shown only to signed-in members."),
    )

    lessons = models.ManyToManyField(Lesson, verbose_name=_("lessons"), related_name="practices")
    tags = TaggableManager(_("tags"), blank=True)

    start_year = models.PositiveSmallIntegerField(_("start year"))
    end_year = models.PositiveSmallIntegerField(
        _("end year"), null=True, blank=True, help_text=_("Leave empty if the practice is ongoing.")
    )
    ongoing = models.BooleanField(_("ongoing"), default=False)
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.ENGLISH
    )
    # The same practice written up in the other language; the page links both ways.
    translation = models.ForeignKey(
        "self",
        verbose_name=_("translation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="translated_from",
        help_text=_("The same practice, published on the portal in the other language."),
    )
    evidence = models.CharField(
        _("evidence level"),
        max_length=30,
        choices=Evidence.choices,
        default=Evidence.NOT_EVALUATED,
    )
    # The rest of the city's self-assessment, a checklist beside `evidence` (who evaluated it).
    evidence_baseline = models.BooleanField(
        _("a baseline was measured before the practice started"), default=False, db_default=False
    )
    evidence_published = models.BooleanField(
        _("the evaluation was published"), default=False, db_default=False
    )
    evidence_repeated = models.BooleanField(
        _("the practice has been repeated elsewhere"), default=False, db_default=False
    )
    # The portal's rating, by a reviewer; empty while only the city's self-assessment exists.
    evidence_rating = models.CharField(
        _("reviewed evidence rating"),
        max_length=20,
        choices=EvidenceRating.choices,
        blank=True,
        default="",
        db_default="",
    )
    evidence_justification = models.TextField(
        _("why this rating"), blank=True, default="", db_default=""
    )
    evidence_rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("rated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    evidence_rated_at = models.DateTimeField(_("rated"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    featured = models.BooleanField(_("featured"), default=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submitted_practices",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # When the city's team last said it still runs as described (or that it ended): set on
    # publication and by confirm(). A year on, its editors are reminded (reminded_at).
    confirmed_at = models.DateTimeField(_("last confirmed"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("editors reminded"), null=True, blank=True, editable=False)
    # The practice this one adapts, in another city or the city's own earlier one.
    adapted_from = models.ForeignKey(
        "self",
        verbose_name=_("adapts"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="adaptations",
        help_text=_("A published practice this one takes up, here or in another city."),
    )
    adaptation_changes = models.TextField(
        _("what was changed"),
        blank=True,
        default="",
        db_default="",
        max_length=2000,
        help_text=_("What you did differently from the practice you adapted, and why."),
    )
    # Kept current by save() and by the tag and city signals (practices/search.py explains).
    search_vector = SearchVectorField(null=True, editable=False)
    # What the Markdown fields show, rendered by save(): {field name: sanitised HTML}. Columns
    # added after launch carry a database default too, so the previous release's code still
    # inserts rows while a rolling deploy has both releases running against the new schema.
    rendered = models.JSONField(default=dict, db_default={}, editable=False)
    # Visible comments, for the cards: kept by Comment.save() and the comments' admin.
    comment_count = models.PositiveIntegerField(
        _("comments"), default=0, db_default=0, editable=False
    )
    # Top-level comments, removed and hidden ones too: the thread's pages are counted in them
    # (practices/threads.py). Kept like comment_count.
    conversation_count = models.PositiveIntegerField(
        _("conversations"), default=0, db_default=0, editable=False
    )

    objects = PracticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")
        ordering = ["-published_at", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_year__gte=1900) & Q(start_year__lte=2100),
                name="practice_start_year_plausible",
                violation_error_message=_("The start year must be between 1900 and 2100."),
            ),
            models.CheckConstraint(
                condition=Q(end_year__isnull=True) | Q(end_year__gte=F("start_year")),
                name="practice_end_not_before_start",
                violation_error_message=_("The end year cannot be before the start year."),
            ),
            models.CheckConstraint(
                condition=Q(ongoing=False) | Q(end_year__isnull=True),
                name="practice_ongoing_has_no_end",
                violation_error_message=_("An ongoing practice has no end year."),
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="practice_published_has_date",
                violation_error_message=_("A published practice needs a publication date."),
            ),
            models.CheckConstraint(
                condition=~Q(adapted_from=F("pk")),
                name="practice_does_not_adapt_itself",
                violation_error_message=_("A practice cannot adapt itself."),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="practice_status_pub_idx"),
            models.Index(fields=["status", "featured"], name="practice_status_feat_idx"),
            # The list's title sort and its language and evidence filters.
            models.Index(fields=["status", "title"], name="practice_status_title_idx"),
            models.Index(fields=["status", "language"], name="practice_status_lang_idx"),
            models.Index(fields=["status", "evidence"], name="practice_status_evid_idx"),
            models.Index(fields=["status", "evidence_rating"], name="practice_status_rating_idx"),
            # What the counts beside the list and the home page's chart read of every published
            # practice, so that they scan this index instead of the wide rows (at 100,000
            # practices the table is 586 MB): the first list after a change 750 -> 315 ms.
            models.Index(
                fields=[
                    "id",
                    "city",
                    "language",
                    "evidence_rating",
                    "published_at",
                    "start_year",
                    "end_year",
                    "ongoing",
                ],
                condition=Q(status="published"),
                name="practice_published_facets_idx",
            ),
            # The sitemap index's date: the latest update of a published practice, read off
            # the index's end instead of every row.
            models.Index(fields=["status", "updated_at"], name="practice_status_updated_idx"),
            # The API lists' Last-Modified (api/changes.py): the latest change of any practice.
            models.Index(fields=["updated_at"], name="practice_updated_idx"),
            # The reminders' and the "confirmed" filter's dates.
            models.Index(fields=["status", "confirmed_at"], name="practice_status_confirm_idx"),
            # Created on PostgreSQL only (migration 0003); SQLite searches without it.
            GinIndex(fields=["search_vector"], name="practice_search_idx"),
            # A search with more matches than it ranks finds the title matches through these
            # (practices/search.py); also PostgreSQL only (migration 0008).
            *[
                GinIndex(
                    title_vector(config),
                    condition=Q(language=code),
                    name=f"practice_title_{code}_idx",
                )
                for code, config in CONFIGS.items()
            ],
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or MARKDOWN_FIELDS.intersection(update_fields):
            self.render()
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "rendered"}
        super().save(*args, **kwargs)
        if update_fields is None or SEARCHED_FIELDS.intersection(update_fields):
            refresh_vectors(Practice.objects.filter(pk=self.pk))

    def get_absolute_url(self):
        return reverse("practices:detail", args=[self.slug])

    def clean(self):
        super().clean()
        if self.translation_id and (
            self.translation_id == self.pk or self.translation.language == self.language
        ):
            raise ValidationError(
                {"translation": _("A translation is a practice in the other language.")}
            )
        if self.evidence_rating and not self.evidence_justification.strip():
            raise ValidationError(
                {
                    "evidence_justification": _(
                        "Say in a sentence or two why the practice gets this rating."
                    )
                }
            )
        if self.adapted_from_id:
            self.clean_adapted_from()

    def clean_adapted_from(self):
        """The source is published, not this practice, and not one that adapts this one
        (directly or through others): a chain of adaptations never loops."""
        if self.pk is not None and self.adapted_from_id == self.pk:
            raise ValidationError({"adapted_from": _("A practice cannot adapt itself.")})
        stored = Practice.objects.filter(pk=self.pk).values_list("adapted_from_id", flat=True)
        if self.pk is not None and self.adapted_from_id == stored.first():
            # Kept as it was: a source archived since does not stop the practice's edits.
            return
        source = Practice.objects.filter(pk=self.adapted_from_id).first()
        if source is None or not source.is_published:
            raise ValidationError(
                {"adapted_from": _("Choose a practice that is published on the portal.")}
            )
        # Up the chain of what the source adapts: meeting this practice would close a circle.
        seen, ancestor_id = set(), source.adapted_from_id
        while self.pk is not None and ancestor_id is not None and ancestor_id not in seen:
            if ancestor_id == self.pk:
                raise ValidationError(
                    {
                        "adapted_from": _(
                            "“%(source)s” already adapts this practice, directly or through "
                            "others: adaptations cannot go round in a circle."
                        )
                        % {"source": source.title}
                    }
                )
            seen.add(ancestor_id)
            ancestor_id = (
                Practice.objects.filter(pk=ancestor_id)
                .values_list("adapted_from_id", flat=True)
                .first()
            )

    @property
    def published_source(self):
        """The practice this one adapts, if it is published (its page shows the link)."""
        source = self.adapted_from
        return source if source is not None and source.is_published else None

    def read_linked(self):
        """Read, in one query, the published practices its page links to besides its source:
        `shown_adaptations`, those that adapt this one, by city name; `shown_translations`,
        this one in another language, linked either way."""
        linked = list(
            Practice.objects.published()
            .filter(Q(adapted_from=self) | Q(pk=self.translation_id) | Q(translation=self))
            .select_related("city")
            .defer(*CARD_DEFERRED)
            .order_by("city__name", "title")
        )
        self.shown_adaptations = [other for other in linked if other.adapted_from_id == self.pk]
        self.shown_translations = sorted(
            (
                other
                for other in linked
                if (other.translation_id == self.pk or other.pk == self.translation_id)
                and other.language != self.language
            ),
            key=lambda other: (other.language, other.title),
        )

    def related(self):
        """Up to RELATED_COUNT published practices sharing the most tags, then lessons, with
        this one. They are chosen among the latest tagged with one of its tags, or if too few
        are, the latest sharing one of its lessons, so the page costs the same with 1,000
        practices or 100,000. Reads the practice's lessons and tags: prefetch them."""
        lesson_ids = [lesson.pk for lesson in self.lessons.all()]
        tag_ids = [tag.pk for tag in self.tags.all()]
        tagged = TaggedItem.objects.filter(
            content_type=ContentType.objects.get_for_model(Practice), tag__in=tag_ids
        )
        in_lessons = Practice.lessons.through.objects.filter(lesson__in=lesson_ids)
        candidates = set()
        if tag_ids:
            candidates.update(
                tagged.exclude(object_id=self.pk)
                .order_by("-object_id")
                .values_list("object_id", flat=True)[:RELATED_CANDIDATES]
            )
        # A practice sharing a tag ranks above any sharing only lessons: those are looked for
        # only when too few share a tag (some may be unpublished).
        if lesson_ids and len(candidates) < 2 * RELATED_COUNT:
            candidates.update(
                Practice.objects.published()
                .exclude(pk=self.pk)
                .filter(lessons__in=lesson_ids)
                .order_by("-published_at")
                .values_list("pk", flat=True)[:RELATED_CANDIDATES]
            )
        # Counted per candidate through the indexes, rather than by joining every link.
        shared_tags = tagged.filter(object_id=OuterRef("pk")).order_by().values("object_id")
        shared_lessons = in_lessons.filter(practice=OuterRef("pk")).order_by().values("practice")
        return (
            Practice.objects.published()
            .filter(pk__in=candidates)
            .annotate(
                shared_tags=Coalesce(Subquery(shared_tags.annotate(n=Count("pk")).values("n")), 0),
                shared_lessons=Coalesce(
                    Subquery(shared_lessons.annotate(n=Count("pk")).values("n")), 0
                ),
            )
            .select_related("city")
            .defer(*CARD_DEFERRED)
            .order_by("-shared_tags", "-shared_lessons", "-published_at")[:RELATED_COUNT]
        )

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    @property
    def is_stale(self):
        return self.confirmed_at is not None and self.confirmed_at < stale_cutoff()

    @property
    def confirmation_due(self):
        return (
            self.is_published
            and self.confirmed_at is not None
            and self.confirmed_at <= timezone.now() - settings.PRACTICE_CONFIRM_AFTER
        )

    SECTION_FIELDS = SECTION_FIELDS

    def render(self):
        self.rendered = {name: render_markdown(getattr(self, name)) for name in MARKDOWN_FIELDS}

    def html(self, name):
        """The Markdown field `name` as sanitised HTML, as rendered when the practice was saved."""
        return mark_safe(self.rendered.get(name, ""))  # noqa: S308 - sanitised by render()

    @property
    def sections(self):
        """(field name, heading, HTML) for each structured section that is written, in reading
        order; the page's table of contents links to each by its field name."""
        return [
            (name, self._meta.get_field(name).verbose_name, self.html(name))
            for name in self.SECTION_FIELDS
            if self.rendered.get(name)
        ]

    @property
    def contact_html(self):
        return self.html("contact")

    @property
    def period(self):
        if self.ongoing:
            return _("%(start)s – ongoing") % {"start": self.start_year}
        if self.end_year and self.end_year != self.start_year:
            return f"{self.start_year}–{self.end_year}"
        return str(self.start_year)

    # Permissions: staff curate every practice; a city's approved editors edit its practices.

    def can_edit(self, user):
        if not user.is_authenticated:
            return False
        if user.is_staff:
            return True
        if self._read_for(user):
            return self.viewer_edits
        # By the city's id: the practice's page does not read its city.
        return City.objects.editable_by(user).filter(pk=self.city_id).exists()

    def can_view(self, user):
        return self.is_published or self.can_edit(user)

    # What the thread shows a member depends on these (practices/threads.py).

    def has_comment_by(self, user):
        if not user.is_authenticated:
            return False
        if self._read_for(user):
            return self.viewer_commented
        return self.comments.filter(author=user).exists()

    def is_followed_by(self, user):
        if not user.is_authenticated:
            return False
        if self._read_for(user):
            return self.viewer_follows
        return self.subscriptions.filter(user=user, following=True).exists()

    def _read_for(self, user):
        """Whether the practice was read `for_viewer(user)`, with the answers about `user`."""
        return getattr(self, "viewer_id", None) == user.pk

    # Workflow. Each step checks where it may start from and records itself in the history.

    def submit(self, *, by, message=""):
        self._move_to(self.Status.SUBMITTED, by=by, message=message)

    def publish(self, *, by, message=""):
        self._move_to(self.Status.PUBLISHED, by=by, message=message)

    def request_changes(self, *, by, message):
        if not message.strip():
            raise ValidationError(_("Say what should change, so the author knows what to do."))
        self._move_to(self.Status.CHANGES_REQUESTED, by=by, message=message)

    def archive(self, *, by, message=""):
        self._move_to(self.Status.ARCHIVED, by=by, message=message)

    @transaction.atomic
    def confirm(self, *, by, ended_in=None):
        """The city's team says the practice still runs as described, or that it ended in
        `ended_in`; the history records who said so."""
        self.confirmed_at = timezone.now()
        # Not `updated_at`: a confirmation is not an edit, and leaves a waiting revision current.
        update_fields = ["confirmed_at"]
        if ended_in is not None:
            self.ongoing = False
            self.end_year = ended_in
            update_fields += ["ongoing", "end_year"]
            message = gettext("Confirmed: ended in %(year)s") % {"year": ended_in}
        else:
            message = gettext("Confirmed: still running")
        self.save(update_fields=update_fields)
        self.status_changes.create(
            from_status=self.status, to_status=self.status, changed_by=by, message=message
        )

    @property
    def evidence_label(self):
        """What cards and the page say of the evidence: the reviewed rating, or that the city's
        own assessment is all there is so far."""
        if self.evidence_rating:
            return self.get_evidence_rating_display()
        return gettext("Self-assessed")

    def rate_evidence(self, *, rating, justification, by):
        """A reviewer's rating, with its public justification. It leaves `updated_at` alone:
        a rating is not an edit, and must not make a waiting revision stale."""
        if rating and not justification.strip():
            raise ValidationError(_("Say in a sentence or two why the practice gets this rating."))
        self.evidence_rating = rating
        self.evidence_justification = justification.strip() if rating else ""
        self.evidence_rated_by = by if rating else None
        self.evidence_rated_at = timezone.now() if rating else None
        self.save(
            update_fields=[
                "evidence_rating",
                "evidence_justification",
                "evidence_rated_by",
                "evidence_rated_at",
            ]
        )

    def can_move_to(self, status):
        return self.status in self.TRANSITIONS.get(status, set())

    @transaction.atomic
    def _move_to(self, status, *, by, message):
        if not self.can_move_to(status):
            raise ValidationError(
                _("A practice that is “%(current)s” cannot become “%(target)s”.")
                % {
                    "current": self.get_status_display(),
                    "target": self.Status(status).label,
                }
            )
        previous = self.status
        self.status = status
        update_fields = ["status", "updated_at"]
        if status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
            update_fields.append("published_at")
        if status == self.Status.PUBLISHED:
            self.confirmed_at = timezone.now()
            update_fields.append("confirmed_at")
        self.save(update_fields=update_fields)
        change = self.status_changes.create(
            from_status=previous, to_status=status, changed_by=by, message=message
        )
        hooks.status_changed.send(sender=StatusChange, change=change)


class PracticeLink(models.Model):
    """A web page about a practice: a report, an evaluation, the project's own site."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="links")
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("address"), max_length=500)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")
        ordering = ["position", "id"]

    def __str__(self):
        return self.title


class StatusChange(models.Model):
    """One step of a practice's history: who moved it, when, from what to what, and why."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(
        _("from"), max_length=20, choices=Practice.Status.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=20, choices=Practice.Status.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    message = models.TextField(_("message"), blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.practice}: {self.from_status or '—'} → {self.to_status}"
