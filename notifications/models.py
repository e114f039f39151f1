"""What the portal tells its members, and how each member wants to hear of it.

- `Email`: every e-mail the portal sends, stored when it is written (in the transaction of the
  change that caused it) and sent by a job, tried again with backoff when sending fails, and
  kept as failed, for staff to send again from the admin, once it is out of tries.
- `Preference`: a member's choice for one kind of notification: at once, in a daily or weekly
  digest, or not at all. No row means the kind's default.
- `Notification`: one thing one member is to hear of. Made once (a job run twice makes no
  second one), then e-mailed at once or gathered into the member's next digest.
- `Follow`: a lesson, city, country, tag or saved search a member follows.
- `Digest`: a digest sent, so the next one of its period is sent when it is due.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Email(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    to = models.JSONField(_("to"), default=list)
    subject = models.CharField(_("subject"), max_length=300)
    # What the message is made of (sender, recipients, headers, body, HTML alternative).
    message = models.JSONField(editable=False, default=dict)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("e-mail")
        verbose_name_plural = _("e-mails")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return self.subject

    def backoff(self):
        """How long to wait before the next try: 1, 4, 16, 64... minutes."""
        return timedelta(minutes=4 ** max(self.attempts - 1, 0))

    def send_again(self):
        """Staff's retry of a failed e-mail: a fresh set of tries, starting now."""
        from notifications.mail import deliver

        with transaction.atomic():
            self.status = self.Status.QUEUED
            self.attempts = 0
            self.save(update_fields=["status", "attempts"])
            deliver.enqueue(self.pk)


class Kind(models.TextChoices):
    """What a member may hear of; each has its own setting on /my/notifications/."""

    SUBMISSION = "submission", _("Practices submitted for review (reviewers)")
    HIDDEN_COMMENT = "hidden_comment", _("Comments hidden after reports (moderators)")
    REVIEW = "review", _("Review decisions on your practices")
    TEAM = "team", _("City teams: requests to join, and decisions on yours")
    COMMENT = "comment", _("New comments in threads you follow or that concern you")
    NEW_PRACTICE = "new_practice", _("New practices on what you follow")
    CONFIRMATION = "confirmation", _("Your city's practices to confirm as still running (editors)")


class Frequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("Immediately")
    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")
    OFF = "off", _("Off")


class PreferenceQuerySet(models.QuerySet):
    def frequency(self, user, kind):
        found = self.filter(user=user, kind=kind).values_list("frequency", flat=True).first()
        return found or Frequency.IMMEDIATELY


class Preference(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    frequency = models.CharField(
        _("how often"), max_length=20, choices=Frequency.choices, default=Frequency.IMMEDIATELY
    )

    objects = PreferenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification setting")
        verbose_name_plural = _("notification settings")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_setting_per_kind"),
        ]

    def __str__(self):
        return f"{self.user}: {self.kind} {self.frequency}"


class NotificationQuerySet(models.QuerySet):
    def pending(self):
        """Not e-mailed yet: waiting for the member's next digest."""
        return self.filter(emailed_at__isnull=True)


class Notification(models.Model):
    """One thing one member hears of, with the line a digest shows for it, written in the
    member's language when it was made."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # What it is about ("comment:12"): a job that runs twice makes no second notification.
    key = models.CharField(max_length=100)
    # The heading a digest groups it under (a thread, a city), and its line and link.
    group = models.CharField(max_length=300)
    text = models.CharField(max_length=500)
    url = models.CharField(max_length=500)
    created_at = models.DateTimeField(default=timezone.now)
    emailed_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "key"], name="notified_once"),
        ]
        indexes = [models.Index(fields=["user", "emailed_at"])]

    def __str__(self):
        return f"{self.user}: {self.text}"


class Digest(models.Model):
    """One digest e-mailed to one member: when their next one of that period is due."""

    class Period(models.TextChoices):
        DAILY = "daily", _("Daily digest")
        WEEKLY = "weekly", _("Weekly digest")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    period = models.CharField(max_length=10, choices=Period.choices)
    sent_at = models.DateTimeField(default=timezone.now)
    items = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("digest")
        verbose_name_plural = _("digests")
        indexes = [models.Index(fields=["user", "period", "sent_at"])]

    def __str__(self):
        return f"{self.user} {self.period} {self.sent_at:%Y-%m-%d}"


class Follow(models.Model):
    """A member follows a lesson, a city, a country, a tag or a saved search of the practice
    list, to hear of newly published practices that match. Each is stored as the list's
    filters it stands for (`value` holds the lesson's number, the city's slug, the country's
    code, the tag's slug, or the search's query string)."""

    class Target(models.TextChoices):
        LESSON = "lesson", _("Lesson")
        CITY = "city", _("City")
        COUNTRY = "country", _("Country")
        TAG = "tag", _("Tag")
        SEARCH = "search", _("Saved search")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    target = models.CharField(_("follows"), max_length=10, choices=Target.choices)
    value = models.CharField(max_length=500)
    # What the settings page and the e-mails call it, written when it was followed.
    label = models.CharField(_("name"), max_length=300)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        ordering = ["target", "label"]
        constraints = [
            models.UniqueConstraint(fields=["user", "target", "value"], name="followed_once"),
        ]

    def __str__(self):
        return f"{self.user} follows {self.target} {self.value}"
