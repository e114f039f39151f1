"""Admin curation of events and of the practices presented at them.

Start and end are typed in the event's own time zone (a curator copies them from the
announcement), and converted to UTC for storage. The practice admin gains an inline of the events
a practice was presented at; it is added here so that `practices` never imports `events`.
"""

from django import forms
from django.contrib import admin
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from events.models import AgendaItem, Event, EventPractice, Speaker, validate_time_zone
from practices.admin import PracticeAdmin
from practices.models import Practice


class EventAdminForm(forms.ModelForm):
    """Shows and reads start and end as wall-clock times in the event's time zone."""

    class Meta:
        model = Event
        # The admin narrows this to its fieldsets; listed here for the form's own use.
        fields = ["starts_at", "ends_at", "time_zone"]
        help_texts = {
            "starts_at": _("In the event's time zone, below."),
            "ends_at": _("In the event's time zone, below."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            for name in ("starts_at", "ends_at"):
                self.initial[name] = self._shift(
                    getattr(self.instance, name), self.instance.tz, timezone.get_current_timezone()
                )

    @staticmethod
    def _shift(value, from_zone, to_zone):
        """The same wall-clock time, read in another zone."""
        naive = timezone.make_naive(value, from_zone)
        return timezone.make_aware(naive, to_zone)

    def clean(self):
        cleaned = super().clean()
        zone_name = cleaned.get("time_zone")
        try:
            validate_time_zone(zone_name)
        except forms.ValidationError:
            return cleaned  # the field already carries the error
        event_zone = Event(time_zone=zone_name).tz
        for name in ("starts_at", "ends_at"):
            if cleaned.get(name):
                cleaned[name] = self._shift(
                    cleaned[name], timezone.get_current_timezone(), event_zone
                )
        return cleaned


class EventPracticeInline(TranslationTabularInline):
    model = EventPractice
    extra = 1
    autocomplete_fields = ["practice"]
    fields = ["practice", "note", "recording_time"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("practice")


class AgendaItemInline(TranslationTabularInline):
    model = AgendaItem
    extra = 1
    fields = ["starts_at", "title", "details"]


class SpeakerInline(TranslationTabularInline):
    model = Speaker
    extra = 1
    fields = ["position", "name", "role"]


@admin.register(Event)
class EventAdmin(TranslationAdmin):
    form = EventAdminForm
    list_display = ["title", "series", "starts_at", "time_zone", "online", "practice_count"]
    list_filter = ["series", "online", "organisers", "lessons"]
    search_fields = ["title_en", "title_fr", "series", "description_en", "description_fr"]
    prepopulated_fields = {"slug": ["title_en"]}
    filter_horizontal = ["organisers", "lessons"]
    date_hierarchy = "starts_at"
    inlines = [AgendaItemInline, SpeakerInline, EventPracticeInline]
    fieldsets = [
        (None, {"fields": ["series", "title", "slug", "description"]}),
        (_("When"), {"fields": ["starts_at", "ends_at", "time_zone"]}),
        (_("Where"), {"fields": ["online", "place", "link", "recording"]}),
        (_("About"), {"fields": ["organisers", "lessons"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(practice_count=Count("practices"))

    @admin.display(description=_("practices"), ordering="practice_count")
    def practice_count(self, event):
        return event.practice_count


class PracticeEventInline(TranslationTabularInline):
    model = EventPractice
    extra = 0
    autocomplete_fields = ["event"]
    fields = ["event", "note", "recording_time"]
    verbose_name = _("event where it was presented")
    verbose_name_plural = _("events where it was presented")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("event")


class PracticeWithEventsAdmin(PracticeAdmin):
    inlines = [*PracticeAdmin.inlines, PracticeEventInline]


admin.site.unregister(Practice)
admin.site.register(Practice, PracticeWithEventsAdmin)
