"""Events, such as the Together for Safety online talks, and the practices presented there."""

import zoneinfo
from datetime import timedelta
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Now
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from practices.models import Lesson, Network, Practice

# Players that read a start time from the address's query string, as `t=620s`; any other address
# (a video file, an archive page) gets a W3C media fragment, `#t=620`, which browsers' own
# players follow.
QUERY_TIME_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be"}
# Vimeo reads it from the fragment, as `#t=620s`.
FRAGMENT_SECONDS_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}


def recording_at(url, seconds):
    """`url`, a recording, set to start `seconds` in, in the format its player reads."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if host in QUERY_TIME_HOSTS:
        query = [(key, value) for key, value in parse_qsl(parts.query) if key != "t"]
        query.append(("t", f"{seconds}s"))
        return urlunsplit(parts._replace(query=urlencode(query), fragment=""))
    if host in FRAGMENT_SECONDS_HOSTS:
        return urlunsplit(parts._replace(fragment=f"t={seconds}s"))
    return urlunsplit(parts._replace(fragment=f"t={seconds}"))


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
    class State(models.TextChoices):
        COMING = "coming", _("Coming")
        LIVE = "live", _("Happening now")
        PAST = "past", _("Past event")

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
    link = models.URLField(
        _("event page"),
        max_length=500,
        blank=True,
        help_text=_("The organisers' page about the event, if there is one."),
    )
    recording = models.URLField(
        _("recording"),
        max_length=500,
        blank=True,
        db_default="",
        help_text=_(
            "The video of the event (YouTube, Vimeo or a video file). Practices with a time "
            "in the recording link to that moment."
        ),
    )
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
    # The row's own last change (the API's Last-Modified, api/changes.py); rows that existed
    # before the column count as changed when it was added.
    updated_at = models.DateTimeField(_("last updated"), auto_now=True, db_default=Now())

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

    def state(self, now=None):
        now = now or timezone.now()
        if now < self.starts_at:
            return self.State.COMING
        if now <= self.ends_at:
            return self.State.LIVE
        return self.State.PAST


class AgendaItem(models.Model):
    """A part of an event's programme, at a time of day in the event's time zone."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="agenda"
    )
    starts_at = models.TimeField(_("time"), help_text=_("In the event's time zone, e.g. 14:10."))
    # Translated into title_en/title_fr and details_en/details_fr by modeltranslation.
    title = models.CharField(_("title"), max_length=250)
    details = models.CharField(_("details"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda")
        ordering = ["starts_at", "id"]

    def __str__(self):
        return f"{self.starts_at:%H:%M} {self.title}"

    def clean(self):
        event = getattr(self, "event", None)
        if event is None or not (event.starts_at and event.ends_at) or self.starts_at is None:
            return
        start, end = event.local_start, event.local_end
        if start.date() == end.date() and not start.time() <= self.starts_at <= end.time():
            raise ValidationError(
                {
                    "starts_at": _(
                        "The event runs from %(start)s to %(end)s (%(zone)s); "
                        "give a time within it."
                    )
                    % {"start": f"{start:%H:%M}", "end": f"{end:%H:%M}", "zone": event.time_zone}
                }
            )


class Speaker(models.Model):
    """Someone who spoke at an event, as the event page lists them."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="speakers"
    )
    name = models.CharField(_("name"), max_length=200)
    # Translated into role_en/role_fr by modeltranslation.
    role = models.CharField(
        _("role"),
        max_length=250,
        blank=True,
        help_text=_("For example “Moderator” or “Deputy Mayor of Aarhus”."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["position", "id"]

    def __str__(self):
        return self.name


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

    @property
    def recording_url(self):
        """The event's recording at this practice, if both are known."""
        if self.recording_time is None or not self.event.recording:
            return ""
        return recording_at(self.event.recording, self.recording_seconds)
