"""Admin curation of lessons, networks, cities and practices.

Changelists annotate and prefetch what their columns show, so a page of 100 rows costs the same
few queries as a page of 10. Status only changes through the workflow actions, which record who
did what in the practice's history.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Count, Max, Q
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin
from taggit.models import Tag

from practices import tagging
from practices.models import (
    City,
    CityRequest,
    Comment,
    CommentReport,
    Lesson,
    Membership,
    Network,
    Practice,
    PracticeLink,
    PracticeRevision,
    ReportedComment,
    StatusChange,
)
from practices.models.revision import practice_values


def apply_step(model_admin, request, queryset, step, done_message, **kwargs):
    """Run a model's workflow step (publish, approve, ...) on each selected object, as the
    signed-in curator; report how many moved, and why each of the others could not."""
    moved = 0
    for obj in queryset:
        try:
            getattr(obj, step)(by=request.user, **kwargs)
        except ValidationError as error:
            model_admin.message_user(
                request, f"{obj}: {' '.join(error.messages)}", messages.WARNING
            )
        else:
            moved += 1
    if moved:
        model_admin.message_user(request, done_message(moved), messages.SUCCESS)


@admin.register(Lesson)
class LessonAdmin(TranslationAdmin):
    list_display = ["number", "title", "published_practices"]
    list_display_links = ["number", "title"]
    search_fields = ["title_en", "title_fr", "summary_en", "summary_fr"]
    ordering = ["number"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                published_count=Count(
                    "practices", filter=Q(practices__status=Practice.Status.PUBLISHED)
                )
            )
        )

    @admin.display(description=_("published practices"), ordering="published_count")
    def published_practices(self, lesson):
        return lesson.published_count

    def get_readonly_fields(self, request, obj=None):
        # The nine lessons are fixed by the 2022 talks: their numbers cannot be edited.
        return ["number"] if obj else []

    def has_add_permission(self, request):
        return Lesson.objects.count() < 9

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Network)
class NetworkAdmin(TranslationAdmin):
    list_display = ["name", "website", "city_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(city_count=Count("cities"))

    @admin.display(description=_("cities"), ordering="city_count")
    def city_count(self, network):
        return network.city_count


class CountryFilter(admin.SimpleListFilter):
    title = _("country")
    parameter_name = "country"
    # The lookup names the field the filter applies to, so it serves cities and practices alike.
    field = "country"

    def lookups(self, request, model_admin):
        codes = City.objects.order_by("country").values_list("country", flat=True).distinct()
        return [(code, code) for code in codes]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(**{self.field: self.value()})
        return queryset


class PracticeCountryFilter(CountryFilter):
    field = "city__country"


@admin.register(City)
class CityAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "region", "population", "practice_count"]
    list_filter = [CountryFilter, "networks"]
    search_fields = ["name", "region", "country"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["networks"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(practice_count=Count("practices"))

    @admin.display(description=_("practices"), ordering="practice_count")
    def practice_count(self, city):
        return city.practice_count


class PracticeLinkInline(admin.TabularInline):
    model = PracticeLink
    extra = 1
    fields = ["title", "url", "position"]


class StatusChangeInline(admin.TabularInline):
    """The practice's history, read-only: it is written by the workflow, not by hand."""

    model = StatusChange
    extra = 0
    can_delete = False
    fields = ["created_at", "from_status", "to_status", "changed_by", "message"]
    readonly_fields = fields
    verbose_name_plural = _("history")

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("changed_by")


class ChangesRequestedForm(forms.Form):
    message = forms.CharField(
        label=_("What should the author change?"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
    )


@admin.register(Practice)
class PracticeAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "city",
        "country",
        "lesson_numbers",
        "status",
        "evidence",
        "language",
        "featured",
        "published_at",
    ]
    list_filter = [
        "status",
        "lessons",
        "city",
        PracticeCountryFilter,
        "evidence",
        "language",
        "featured",
        "tags",
    ]
    list_select_related = ["city"]
    search_fields = ["title", "summary", "city__name"]
    autocomplete_fields = ["city", "submitted_by", "translation"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = [
        "status",
        "created_at",
        "updated_at",
        "published_at",
        "evidence_rated_by",
        "evidence_rated_at",
    ]
    date_hierarchy = "published_at"
    inlines = [PracticeLinkInline, StatusChangeInline]
    actions = ["publish", "request_changes", "archive", "feature", "unfeature"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "city", "summary", "lessons", "tags"]}),
        (
            _("The practice"),
            {"fields": [*Practice.SECTION_FIELDS, "contact"]},
        ),
        (
            _("Facts"),
            {
                "fields": [
                    ("start_year", "end_year", "ongoing"),
                    "language",
                    "translation",
                ]
            },
        ),
        (
            _("Evidence"),
            {
                "fields": [
                    "evidence",
                    ("evidence_baseline", "evidence_published", "evidence_repeated"),
                    "evidence_rating",
                    "evidence_justification",
                    ("evidence_rated_by", "evidence_rated_at"),
                ]
            },
        ),
        (
            _("Publication"),
            {
                "fields": [
                    "status",
                    "featured",
                    "submitted_by",
                    ("created_at", "updated_at", "published_at"),
                ]
            },
        ),
    ]

    def get_queryset(self, request):
        # lesson_numbers reads lessons; the tags filter and form read tags.
        return super().get_queryset(request).prefetch_related("lessons")

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "lessons":
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @admin.display(description=_("country"), ordering="city__country")
    def country(self, practice):
        return practice.city.country.code

    @admin.display(description=_("lessons"))
    def lesson_numbers(self, practice):
        return ", ".join(str(lesson.number) for lesson in practice.lessons.all())

    def save_model(self, request, obj, form, change):
        if not change and obj.submitted_by is None:
            obj.submitted_by = request.user
        if change and obj.is_published:
            # What the fix replaces, read before anything is written; recorded by save_related.
            form.replaced = practice_values(Practice.objects.get(pk=obj.pk))
        if "evidence_rating" in form.changed_data or "evidence_justification" in form.changed_data:
            obj.evidence_rated_by = request.user if obj.evidence_rating else None
            obj.evidence_rated_at = timezone.now() if obj.evidence_rating else None
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        """Staff fix a published practice directly here: the fix is published at once and
        recorded in its history as a revision they made and approved."""
        super().save_related(request, form, formsets, change)
        replaced = getattr(form, "replaced", None)
        if replaced is not None:
            PracticeRevision.record_direct(
                form.instance, replaced, by=request.user, message=str(_("Fixed in the admin."))
            )

    @admin.action(description=_("Publish the selected practices"))
    def publish(self, request, queryset):
        apply_step(
            self,
            request,
            queryset,
            "publish",
            lambda n: ngettext("%d practice published.", "%d practices published.", n) % n,
        )

    @admin.action(description=_("Archive the selected practices"))
    def archive(self, request, queryset):
        apply_step(
            self,
            request,
            queryset,
            "archive",
            lambda n: ngettext("%d practice archived.", "%d practices archived.", n) % n,
        )

    @admin.action(description=_("Request changes to the selected practices…"))
    def request_changes(self, request, queryset):
        """Ask for the reviewer's message on an intermediate page, then apply it to each."""
        form = ChangesRequestedForm(request.POST if "confirm" in request.POST else None)
        if form.is_valid():
            apply_step(
                self,
                request,
                queryset,
                "request_changes",
                lambda n: (
                    ngettext(
                        "Changes requested on %d practice.", "Changes requested on %d practices.", n
                    )
                    % n
                ),
                message=form.cleaned_data["message"],
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Request changes"),
            "opts": self.model._meta,
            "form": form,
            "practices": queryset,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/practices/request_changes.html", context)

    @admin.action(description=_("Feature the selected practices on the home page"))
    def feature(self, request, queryset):
        count = queryset.update(featured=True)
        # update() sends no signal: portal/cache.py renews the pages after any admin write.
        self.message_user(
            request, ngettext("%d practice featured.", "%d practices featured.", count) % count
        )

    @admin.action(description=_("Stop featuring the selected practices"))
    def unfeature(self, request, queryset):
        count = queryset.update(featured=False)
        # update() sends no signal: portal/cache.py renews the pages after any admin write.
        self.message_user(
            request,
            ngettext("%d practice no longer featured.", "%d practices no longer featured.", count)
            % count,
        )


@admin.register(StatusChange)
class StatusChangeAdmin(admin.ModelAdmin):
    """The review history across all practices; written by the workflow, read here."""

    list_display = ["created_at", "practice", "from_status", "to_status", "changed_by"]
    list_filter = ["to_status"]
    list_select_related = ["practice", "changed_by"]
    search_fields = ["practice__title", "message"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    """Requests to join a city's team and the teams themselves. Decisions go through the
    actions, which record who decided and when and tell the member by e-mail."""

    list_display = ["user", "city", "role", "status", "created_at", "decided_by", "decided_at"]
    list_filter = ["status", "role", "city"]
    list_select_related = ["user", "city", "decided_by"]
    search_fields = ["user__email", "user__display_name", "city__name"]
    autocomplete_fields = ["user", "city"]
    readonly_fields = ["status", "created_at", "decided_by", "decided_at"]
    fields = ["user", "city", "role", "reason", "status", "decision_message",
              "created_at", "decided_by", "decided_at"]  # fmt: skip
    actions = ["approve", "decline", "remove"]

    @admin.action(description=_("Approve the selected requests"))
    def approve(self, request, queryset):
        apply_step(
            self, request, queryset, "approve", lambda n: _("%(count)d approved.") % {"count": n}
        )

    @admin.action(description=_("Decline the selected requests"))
    def decline(self, request, queryset):
        apply_step(
            self, request, queryset, "decline", lambda n: _("%(count)d declined.") % {"count": n}
        )

    @admin.action(description=_("Remove the selected members from their city's team"))
    def remove(self, request, queryset):
        apply_step(
            self, request, queryset, "remove", lambda n: _("%(count)d removed.") % {"count": n}
        )


@admin.register(CityRequest)
class CityRequestAdmin(admin.ModelAdmin):
    """Members' requests for cities not on the portal. Correct the name, country or website if
    need be and save; then "Add the cities" creates each city with the member as the first
    manager of its team, and tells them by e-mail (with the message to the member, if one was
    saved), as "Decline" does."""

    list_display = ["name", "country", "requested_by", "status", "created_at", "city"]
    list_filter = ["status", "country"]
    list_select_related = ["requested_by", "city"]
    search_fields = ["name", "requested_by__email", "requested_by__display_name"]
    readonly_fields = ["requested_by", "created_at", "status", "city", "decided_by", "decided_at"]
    fields = ["name", "country", "website", "reason", "requested_by", "created_at", "status",
              "decision_message", "city", "decided_by", "decided_at"]  # fmt: skip
    actions = ["approve", "decline"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Add the selected cities, each asker managing its team"))
    def approve(self, request, queryset):
        apply_step(
            self,
            request,
            queryset,
            "approve",
            lambda n: _("%(count)d cities added.") % {"count": n},
        )

    @admin.action(description=_("Decline the selected requests"))
    def decline(self, request, queryset):
        apply_step(
            self, request, queryset, "decline", lambda n: _("%(count)d declined.") % {"count": n}
        )


class CommentReportInline(admin.TabularInline):
    model = CommentReport
    extra = 0
    can_delete = False
    fields = ["created_at", "reporter", "reason", "resolved_at", "resolved_by", "resolution"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("reporter", "resolved_by")


class CommentModeration:
    """The moderators' actions, shared by the queue of reported comments and all comments.
    Each records who acted and when."""

    actions = ["hide", "restore", "dismiss_reports", "stop_author"]

    @staticmethod
    def selected(queryset):
        """The selected comments without the queue's annotations, so they can be updated."""
        return Comment.objects.filter(pk__in=list(queryset.values_list("pk", flat=True)))

    def record(self, request, comments, what):
        """Keep the action in the admin's history of each comment: who, when, what."""
        for comment in comments:
            self.log_change(request, comment, what)

    @admin.action(description=_("Hide the selected comments"))
    def hide(self, request, queryset):
        queryset = self.selected(queryset)
        now = timezone.now()
        count = queryset.filter(hidden_at__isnull=True).update(
            hidden_at=now, hidden_by=request.user
        )
        # update() sends no signal: the practices' comment counts are worked out again here.
        practices = queryset.values_list("practice_id", flat=True)
        Practice.objects.filter(pk__in=set(practices)).recount_comments()
        CommentReport.objects.open().filter(comment__in=queryset).update(
            resolved_at=now, resolved_by=request.user, resolution=CommentReport.Resolution.HIDDEN
        )
        self.record(request, queryset, "Hidden by a moderator")
        self.message_user(request, _("%(count)d hidden.") % {"count": count})

    @admin.action(description=_("Restore the selected comments and dismiss their reports"))
    def restore(self, request, queryset):
        queryset = self.selected(queryset)
        for comment in queryset:
            comment.restore(by=request.user)
        self.record(request, queryset, "Restored by a moderator")
        self.message_user(request, _("%(count)d restored.") % {"count": len(queryset)})

    @admin.action(description=_("Dismiss the reports on the selected comments"))
    def dismiss_reports(self, request, queryset):
        queryset = self.selected(queryset)
        count = (
            CommentReport.objects.open()
            .filter(comment__in=queryset)
            .update(
                resolved_at=timezone.now(),
                resolved_by=request.user,
                resolution=CommentReport.Resolution.DISMISSED,
            )
        )
        self.record(request, queryset, "Reports dismissed")
        self.message_user(request, _("%(count)d reports dismissed.") % {"count": count})

    @admin.action(description=_("Stop the authors of the selected comments from commenting"))
    def stop_author(self, request, queryset):
        queryset = self.selected(queryset)
        authors = get_user_model().objects.filter(
            pk__in=queryset.values("author"), commenting_blocked_at__isnull=True
        )
        count = authors.update(
            commenting_blocked_at=timezone.now(), commenting_blocked_by=request.user
        )
        self.record(request, queryset, "Author stopped from commenting")
        self.message_user(
            request, _("%(count)d members stopped from commenting.") % {"count": count}
        )

    @admin.display(description=_("comment"))
    def excerpt(self, comment):
        return comment.body[:120]

    @admin.display(description=_("state"))
    def state(self, comment):
        if comment.is_removed:
            return _("removed by its author")
        if comment.is_hidden:
            return _("hidden")
        return _("visible")

    @admin.display(description=_("in context"))
    def context_link(self, comment):
        if not comment.practice.is_published:
            return "—"
        return format_html('<a href="{}">{}</a>', comment.get_absolute_url(), comment.practice)


@admin.register(Comment)
class CommentAdmin(CommentModeration, admin.ModelAdmin):
    list_display = ["created_at", "author", "excerpt", "context_link", "state"]
    list_select_related = ["author", "practice"]
    list_filter = ["hidden_at", "deleted_at"]
    search_fields = ["body", "author__email", "author__display_name", "practice__title"]
    date_hierarchy = "created_at"
    fields = ["practice", "author", "parent", "body", "created_at", "edited_at", "deleted_at",
              "hidden_at", "hidden_by"]  # fmt: skip
    readonly_fields = fields
    inlines = [CommentReportInline]

    def has_add_permission(self, request):
        return False


@admin.register(ReportedComment)
class ReportedCommentAdmin(CommentAdmin):
    """The queue: comments with open reports, the most recently reported first, with the
    comment it answers for context."""

    list_display = ["latest_report", "open_reports", "author", "excerpt", "in_reply_to",
                    "context_link", "state"]  # fmt: skip
    list_select_related = ["author", "practice", "parent"]
    list_filter = []
    date_hierarchy = None

    def get_queryset(self, request):
        # Built here rather than by ModelAdmin, which would order by "-latest" before the
        # annotation exists.
        open_reports = Q(reports__resolved_at__isnull=True)
        return (
            self.model._default_manager.select_related("author", "practice", "parent")
            .annotate(
                open_count=Count("reports", filter=open_reports),
                latest=Max("reports__created_at", filter=open_reports),
            )
            .filter(open_count__gt=0)
            .order_by("-latest", "-pk")
        )

    def get_ordering(self, request):
        return ["-latest", "-pk"]

    @admin.display(description=_("reported"), ordering="latest")
    def latest_report(self, comment):
        return comment.latest

    @admin.display(description=_("open reports"), ordering="open_count")
    def open_reports(self, comment):
        return comment.open_count

    @admin.display(description=_("in reply to"))
    def in_reply_to(self, comment):
        return comment.parent.body[:80] if comment.parent else "—"


# django-taggit's own admin merges through a page of its own that keeps the merged tags and
# leaves the practices' search text stale: replaced by an action that does neither.
admin.site.unregister(Tag)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "practice_count"]
    ordering = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    actions = ["merge_tags"]

    def get_queryset(self, request):
        # The column of counts, in the changelist's one query.
        return super().get_queryset(request).annotate(uses=Count("taggit_taggeditem_items"))

    @admin.display(description=_("practices"), ordering="uses")
    def practice_count(self, tag):
        return tag.uses

    @admin.action(description=_("Merge the selected tags into the most used one"))
    def merge_tags(self, request, queryset):
        tags = list(queryset)
        if len(tags) < 2:
            self.message_user(request, _("Select two tags or more to merge."), messages.WARNING)
            return
        kept, merged = tagging.merge(tags)
        self.message_user(
            request,
            ngettext(
                "Merged %(count)d tag into “%(kept)s”: its practices now carry that tag.",
                "Merged %(count)d tags into “%(kept)s”: their practices now carry that tag.",
                len(merged),
            )
            % {"count": len(merged), "kept": kept.name},
            messages.SUCCESS,
        )


@admin.register(PracticeRevision)
class PracticeRevisionAdmin(admin.ModelAdmin):
    """Revisions of published practices: proposed on the site, decided on its review page."""

    list_display = ["practice", "status", "author", "created_at", "decided_by", "decided_at"]
    list_filter = ["status"]
    list_select_related = ["practice", "author", "decided_by"]
    search_fields = ["practice__title", "message"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def view_on_site(self, revision):
        return reverse("practices:review_revision", args=[revision.pk])
