"""Events, such as the Together for Safety online talks, and the practices presented there."""

import zoneinfo
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from practices.models import Lesson, Network, Practice


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("“%(value)s” is not a known time zone; use a name like Europe/Oslo."),
            params={"value": value},
        )


class EventQuerySet(models.QuerySet):
    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at")

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at")


class Event(models.Model):
    series = models.CharField(
        _("series"), max_length=150, blank=True, help_text=_("For example “Together for Safety”.")
    )
    # Translated into title_en/title_fr and description_en/description_fr by modeltranslation.
    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=250, unique=True)
    description = models.TextField(_("description"), blank=True)
    # Stored in UTC like every datetime; shown in the event's own time zone.
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Europe/Copenhagen",
        validators=[validate_time_zone],
        help_text=_("The time zone the event was announced in, e.g. Europe/Oslo."),
    )
    online = models.BooleanField(_("online"), default=True)
    place = models.CharField(
        _("place"), max_length=250, blank=True, help_text=_("Venue and city, if not online.")
    )
    organisers = models.ManyToManyField(
        Network, verbose_name=_("organising networks"), related_name="events", blank=True
    )
    link = models.URLField(_("recording or page"), max_length=500, blank=True)
    lessons = models.ManyToManyField(
        Lesson, verbose_name=_("lessons addressed"), related_name="events", blank=True
    )
    practices = models.ManyToManyField(
        Practice,
        through="EventPractice",
        verbose_name=_("practices"),
        related_name="events",
        blank=True,
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=F("starts_at")),
                name="event_ends_not_before_start",
                violation_error_message=_("An event cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(online=True) | ~Q(place=""),
                name="event_in_person_has_place",
                violation_error_message=_("Say where an event that is not online takes place."),
            ),
        ]
        indexes = [models.Index(fields=["starts_at"]), models.Index(fields=["ends_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", args=[self.slug])

    @property
    def tz(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_start(self):
        return timezone.localtime(self.starts_at, self.tz)

    @property
    def local_end(self):
        return timezone.localtime(self.ends_at, self.tz)


class EventPractice(models.Model):
    """A practice presented or discussed at an event."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="practice_links"
    )
    practice = models.ForeignKey(
        Practice, verbose_name=_("practice"), on_delete=models.CASCADE, related_name="event_links"
    )
    note = models.CharField(
        _("note"),
        max_length=300,
        blank=True,
        help_text=_("For example “Presented by the city of Aarhus”."),
    )
    recording_time = models.DurationField(
        _("time in the recording"),
        null=True,
        blank=True,
        help_text=_("Where it was discussed, as hh:mm:ss, so the page can link to that moment."),
    )

    class Meta:
        verbose_name = _("practice at the event")
        verbose_name_plural = _("practices at the event")
        ordering = ["recording_time", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "practice"],
                name="event_practice_unique",
                violation_error_message=_("This practice is already linked to the event."),
            ),
            models.CheckConstraint(
                condition=Q(recording_time__isnull=True) | Q(recording_time__gte=timedelta(0)),
                name="event_practice_recording_time_not_negative",
                violation_error_message=_("The time in the recording cannot be negative."),
            ),
        ]

    def __str__(self):
        return f"{self.practice} @ {self.event}"

    @property
    def recording_seconds(self):
        if self.recording_time is None:
            return None
        return int(self.recording_time.total_seconds())
