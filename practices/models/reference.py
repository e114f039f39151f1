"""The places and references practices hang on: the nine lessons, networks and cities."""

from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.functions import Now
from django.db.models.lookups import Regex
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from practices import caching
from practices.models.membership import Membership
from practices.search import refresh_vectors


class LessonQuerySet(models.QuerySet):
    def with_published_counts(self):
        """The lessons, each with `published_count`: how many published practices it has.
        The counts, over every published practice, are kept like the list's (caching.cached)."""

        def count():
            rows = (
                Lesson.practices.through.objects.filter(practice__status="published")
                .values("lesson")
                .annotate(n=Count("pk"))
                .values_list("lesson", "n")
            )
            return dict(rows)

        counts = caching.cached("lessons", {}, count)
        lessons = list(self)
        for lesson in lessons:
            lesson.published_count = counts.get(lesson.pk, 0)
        return lessons


class Lesson(models.Model):
    """One of the nine key lessons of Together for Safety 2022. Reference data: never deleted."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    # Translated into title_en/title_fr and summary_en/summary_fr by modeltranslation.
    title = models.CharField(_("title"), max_length=250)
    # What a card's chip says: two or three words.
    short_title = models.CharField(
        _("short title"),
        max_length=40,
        default="",
        db_default="",
        help_text=_("Two or three words, for the chips on practice cards."),
    )
    summary = models.TextField(_("summary"))

    objects = LessonQuerySet.as_manager()

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(
                condition=Q(number__gte=1) & Q(number__lte=9),
                name="lesson_number_between_1_and_9",
                violation_error_message=_("A lesson number is between 1 and 9."),
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"


class Network(models.Model):
    """A network or alliance of cities, such as Nordic Safe Cities or the Strong Cities Network."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    # The row's own last change (the API's Last-Modified, api/changes.py); rows that existed
    # before the column count as changed when it was added.
    updated_at = models.DateTimeField(_("last updated"), auto_now=True, db_default=Now())

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("practices:network", args=[self.slug])


# Addresses beside /cities/<slug>/ that a city's slug must not take.
RESERVED_CITY_SLUGS = {"ask"}


class CityQuerySet(models.QuerySet):
    def named(self, name, country):
        """The city of that name (whatever its case) in that country: at most one."""
        return self.filter(name__iexact=name, country=country)

    def editable_by(self, user):
        """The cities `user` is an approved editor or manager of."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            Exists(Membership.objects.approved().filter(city=OuterRef("pk"), user=user))
        )


class City(models.Model):
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    # Stored as the ISO 3166-1 alpha-2 code in capitals (NO, FR, DK); chosen by name.
    country = CountryField(_("country"))
    region = models.CharField(_("region"), max_length=150, blank=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    networks = models.ManyToManyField(
        Network, verbose_name=_("networks"), related_name="cities", blank=True
    )
    website = models.URLField(_("website"), blank=True)
    # As a network's.
    updated_at = models.DateTimeField(_("last updated"), auto_now=True, db_default=Now())

    objects = CityQuerySet.as_manager()

    class Meta:
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                # A plain regex on the stored code (CountryField's own `regex` matches names).
                condition=Regex(F("country"), r"^[A-Z]{2}$"),
                name="city_country_is_iso_alpha2",
                violation_error_message=_("Use the two capital letters of ISO 3166-1, e.g. NO."),
            ),
            models.UniqueConstraint(
                fields=["name", "country"],
                name="city_name_country_unique",
                violation_error_message=_("This city is already listed for that country."),
            ),
        ]
        indexes = [models.Index(fields=["country", "name"])]

    def __str__(self):
        return f"{self.name} ({self.country})"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # A practice is found by its city's name.
        refresh_vectors(self.practices.all())

    def get_absolute_url(self):
        return reverse("practices:city", args=[self.slug])

    @classmethod
    def free_slug(cls, name):
        """A slug for a new city named `name` that no city has yet."""
        base = slugify(name)[:140] or "city"
        slug, number = base, 1
        while slug in RESERVED_CITY_SLUGS or cls.objects.filter(slug=slug).exists():
            number += 1
            slug = f"{base}-{number}"
        return slug

    def is_editable_by(self, user):
        return City.objects.editable_by(user).filter(pk=self.pk).exists()

    def is_managed_by(self, user):
        if not user.is_authenticated:
            return False
        return (
            user.is_staff
            or self.memberships.approved().filter(user=user, role=Membership.Role.MANAGER).exists()
        )
