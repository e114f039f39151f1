"""The sitemap's sections: the main pages, published practices, lessons, cities and events.

Every page is listed in English and in French, each entry naming the other (and the English one
as x-default) as its alternates.
"""

from django.contrib.sitemaps import Sitemap as BaseSitemap
from django.db.models import Exists, OuterRef
from django.urls import reverse

from events.models import Event
from practices.models import City, Lesson, Practice


class Sitemap(BaseSitemap):
    i18n = True
    alternates = True
    x_default = True


class PracticeSitemap(Sitemap):
    def items(self):
        # A location needs the slug, lastmod the update time; the long texts stay in the database.
        return (
            Practice.objects.published().only("slug", "updated_at").order_by("-published_at", "-id")
        )

    def lastmod(self, practice):
        return practice.updated_at


class LessonSitemap(Sitemap):
    def items(self):
        return Lesson.objects.order_by("number")

    def location(self, lesson):
        return reverse("practices:lesson", args=[lesson.number])


class CitySitemap(Sitemap):
    def items(self):
        # A city without a published practice has an empty page: nothing to offer a search.
        has_published = Exists(Practice.objects.published().filter(city=OuterRef("pk")))
        return City.objects.filter(has_published).only("slug").order_by("name", "id")

    def location(self, city):
        return reverse("practices:city", args=[city.slug])


class EventSitemap(Sitemap):
    def items(self):
        return Event.objects.only("slug").order_by("-starts_at", "-id")


class StaticSitemap(Sitemap):
    """Pages that exist once: the home page and the lists."""

    def items(self):
        return [
            "home",
            "practices:list",
            "practices:lessons",
            "practices:cities",
            "events:list",
            "practices:open_data",
        ]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": StaticSitemap,
    "practices": PracticeSitemap,
    "lessons": LessonSitemap,
    "cities": CitySitemap,
    "events": EventSitemap,
}
