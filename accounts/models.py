"""The portal's user: e-mail is the login; a display name and a short profile are what other
members see."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Length, Lower
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class EmailUserManager(UserManager):
    """UserManager without usernames: accounts are created from an e-mail address."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not extra_fields["is_staff"] or not extra_fields["is_superuser"]:
            raise ValueError("A superuser must have is_staff=True and is_superuser=True.")
        return self._create_user(email, password, **extra_fields)


BIO_MAX_LENGTH = 1000


class User(AbstractUser):
    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = models.CharField(
        _("display name"),
        max_length=100,
        blank=True,
        help_text=_("How your name appears to other members, e.g. “Amira Haddad”."),
    )
    job_title = models.CharField(
        _("role or job title"),
        max_length=150,
        blank=True,
        help_text=_("For example “Prevention coordinator”."),
    )
    # Free text on purpose: accounts depends on no other app, so the user's cities (a relation
    # owned by practices) are shown next to this, not stored in it.
    organisation = models.CharField(
        _("city or organisation"),
        max_length=150,
        blank=True,
        help_text=_("For example “City of Aarhus, Crime Prevention Unit”."),
    )
    bio = models.TextField(
        _("short bio"),
        max_length=BIO_MAX_LENGTH,
        blank=True,
        help_text=_(
            "A few lines about your work, up to 1,000 characters. Plain text: line breaks are kept."
        ),
    )
    # The language of the e-mails the portal sends them; set at sign-up from the page's language.
    language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the e-mails the portal sends you."),
    )
    # Set by a moderator who stops a member from commenting; who and when are kept.
    commenting_blocked_at = models.DateTimeField(
        _("stopped from commenting"), null=True, blank=True
    )
    commenting_blocked_by = models.ForeignKey(
        "self",
        verbose_name=_("stopped by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = EmailUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]
        constraints = [
            # "Ana@City.se" and "ana@city.se" are the same person: one account.
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("bio"), BIO_MAX_LENGTH),
                name="user_bio_max_length",
            ),
        ]

    def __str__(self):
        return self.display_name or self.email

    def get_absolute_url(self):
        return reverse("accounts:profile", args=[self.pk])

    @property
    def public_name(self):
        """The name shown to other members and readers: never the e-mail address."""
        return self.display_name or gettext("Unnamed member")

    def get_full_name(self):
        return self.display_name or self.email

    def get_short_name(self):
        return self.display_name or self.email.split("@")[0]
