"""City teams: who may write a city's practices, and who decides on who joins."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from practices import hooks


class Decision(models.Model):
    """Who decided on a member's request, when, and what they told the member."""

    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_message = models.TextField(_("message to the member"), blank=True)

    class Meta:
        abstract = True


class MembershipQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Membership.Status.APPROVED)

    def pending(self):
        return self.filter(status=Membership.Status.PENDING)


class Membership(Decision):
    """A member's place in a city's team: asked for, then approved or declined, later perhaps
    removed. Editors write the city's practices; managers also decide on who joins."""

    class Role(models.TextChoices):
        EDITOR = "editor", _("Editor")
        MANAGER = "manager", _("Manager")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a decision")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")
        REMOVED = "removed", _("Removed")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    city = models.ForeignKey(
        "practices.City",
        verbose_name=_("city"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.EDITOR)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    reason = models.TextField(
        _("why you are asking"),
        max_length=2000,
        help_text=_("Your role in the city's work on safety and prevention."),
    )
    created_at = models.DateTimeField(_("asked"), default=timezone.now)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("city membership")
        verbose_name_plural = _("city memberships")
        ordering = ["-created_at"]
        constraints = [
            # One open request or one place per member and city; past ones stay as history.
            models.UniqueConstraint(
                fields=["user", "city"],
                condition=Q(status__in=["pending", "approved"]),
                name="membership_one_open_per_city",
                violation_error_message=_("You have already asked to join this city's team."),
            ),
        ]

    def __str__(self):
        return f"{self.user} · {self.city} ({self.get_status_display()})"

    @classmethod
    def request(cls, *, user, city, reason):
        """`user` asks to join `city`'s team; its managers (or staff, if it has none) are told
        (hooks.membership_requested). The same request posted twice at once makes one: the second
        is refused with a ValidationError."""
        try:
            with transaction.atomic():
                membership = cls.objects.create(user=user, city=city, reason=reason)
                hooks.membership_requested.send(sender=cls, membership=membership)
        except IntegrityError:
            raise ValidationError(_("Your request is already waiting for a decision.")) from None
        return membership

    def can_decide(self, user):
        return self.city.is_managed_by(user)

    def approve(self, *, by, message=""):
        self._decide(self.Status.APPROVED, {self.Status.PENDING}, by=by, message=message)

    def decline(self, *, by, message=""):
        self._decide(self.Status.DECLINED, {self.Status.PENDING}, by=by, message=message)

    def remove(self, *, by, message=""):
        self._decide(self.Status.REMOVED, {self.Status.APPROVED}, by=by, message=message)

    @transaction.atomic
    def _decide(self, status, allowed_from, *, by, message):
        if self.status not in allowed_from:
            raise ValidationError(
                _("This request is “%(status)s”: it cannot be changed that way.")
                % {"status": self.get_status_display()}
            )
        self.status = status
        self.decided_by = by
        self.decided_at = timezone.now()
        self.decision_message = message
        self.save(update_fields=["status", "decided_by", "decided_at", "decision_message"])
        hooks.membership_decided.send(sender=type(self), membership=self)


class CityRequest(Decision):
    """A member asks for their city, not yet on the portal, to be added. Staff add it (the member
    becomes the first manager of its team) or decline; either way the member hears by e-mail."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a decision")
        APPROVED = "approved", _("City added")
        DECLINED = "declined", _("Declined")

    name = models.CharField(_("city"), max_length=150)
    country = CountryField(_("country"))
    website = models.URLField(_("the city's website"), blank=True)
    reason = models.TextField(
        _("why you are asking"),
        max_length=2000,
        help_text=_("Your role in the city's work on safety and prevention."),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by"),
        on_delete=models.CASCADE,
        related_name="city_requests",
    )
    created_at = models.DateTimeField(_("asked"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    city = models.ForeignKey(
        "practices.City",
        verbose_name=_("city added"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("request for a new city")
        verbose_name_plural = _("requests for new cities")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["requested_by", "name", "country"],
                condition=Q(status="pending"),
                name="city_request_one_pending",
                violation_error_message=_("You have already asked for this city."),
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.country}) · {self.requested_by}"

    @classmethod
    def ask(cls, *, user, name, country, website="", reason):
        """`user` asks for a city; staff are told (hooks.city_requested). A city already on the
        portal, or the same request twice, is refused with a ValidationError."""
        # Imported here: practices.models.reference imports this module.
        from practices.models.reference import City

        if City.objects.named(name, country).exists():
            raise ValidationError(
                _("%(city)s is already on the portal: ask to join its team from its page.")
                % {"city": name}
            )
        try:
            with transaction.atomic():
                request = cls.objects.create(
                    requested_by=user, name=name, country=country, website=website, reason=reason
                )
                hooks.city_requested.send(sender=cls, city_request=request)
        except IntegrityError:
            raise ValidationError(_("You have already asked for this city.")) from None
        return request

    @transaction.atomic
    def approve(self, *, by, message=None):
        """Add the city, with the member as the first manager of its team. The message to the
        member is `message`, or the one saved on the request (the admin's change page)."""
        from practices.models.reference import City  # see ask()

        self._check_pending()
        if City.objects.named(self.name, self.country).exists():
            raise ValidationError(
                _("%(city)s is already on the portal: decline this request, or rename it.")
                % {"city": self.name}
            )
        self.city = City.objects.create(
            name=self.name,
            slug=City.free_slug(self.name),
            country=self.country,
            website=self.website,
        )
        now = timezone.now()
        Membership.objects.create(
            user=self.requested_by,
            city=self.city,
            role=Membership.Role.MANAGER,
            status=Membership.Status.APPROVED,
            reason=self.reason,
            decided_by=by,
            decided_at=now,
        )
        self._decide(self.Status.APPROVED, by=by, message=message, at=now)

    @transaction.atomic
    def decline(self, *, by, message=None):
        self._check_pending()
        self._decide(self.Status.DECLINED, by=by, message=message, at=timezone.now())

    def _check_pending(self):
        if self.status != self.Status.PENDING:
            raise ValidationError(
                _("This request is “%(status)s”: it cannot be changed that way.")
                % {"status": self.get_status_display()}
            )

    def _decide(self, status, *, by, message, at):
        self.status = status
        self.decided_by = by
        self.decided_at = at
        if message is not None:
            self.decision_message = message
        self.save()
        hooks.city_request_decided.send(sender=type(self), city_request=self)
