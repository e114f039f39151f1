"""The sitemap's sections: the main pages, published practices, lessons, cities, tags, networks
and events.

Every page is listed in English and in French, each entry naming the other (and the English one
as x-default) as its alternates. `/sitemap.xml` is an index of the sections; a section longer
than its `limit` of addresses is split into pages (`?p=2`), each read from the database on its
own.
"""

from django.contrib.sitemaps import Sitemap as BaseSitemap
from django.core.paginator import Paginator
from django.db.models import Exists, Max, OuterRef, QuerySet
from django.urls import reverse
from taggit.models import Tag

from events.models import Event
from practices import tagging
from practices.models import City, Lesson, Network, Practice


class InEveryLanguage:
    """The (item, language) pairs Django's i18n sitemap paginates, counted and sliced in the
    database: Django's own `_items()` builds the pairs of every row on every page. Every item
    is in every language (no section overrides `get_languages_for_item`)."""

    def __init__(self, items, languages):
        self.items = items
        self.languages = languages

    def count(self):
        rows = self.items.count() if isinstance(self.items, QuerySet) else len(self.items)
        return rows * len(self.languages)

    def __len__(self):
        return self.count()

    def __getitem__(self, pairs):
        per_item = len(self.languages)
        first, skip = divmod(pairs.start, per_item)
        rows = self.items[first : -(-pairs.stop // per_item)]
        every = [(item, language) for item in rows for language in self.languages]
        return every[skip : skip + pairs.stop - pairs.start]


class Sitemap(BaseSitemap):
    i18n = True
    alternates = True
    x_default = True
    # <url> entries a page lists: one per page of the site per language (the alternates inside
    # an entry do not count), so 5,000 practices. The protocol allows 50,000, but Django builds a
    # page whole in memory, ~4 kB and ~0.3 ms an entry at `large`: a smaller page keeps a
    # worker's memory and time low (~45 MB, ~3 s), and the index lists a few more pages.
    limit = 10_000

    @property
    def paginator(self):
        return Paginator(InEveryLanguage(self.items(), self._languages()), self.limit)

    def _location(self, item, force_lang_code=None):
        # Django asks for an item's address in one language up to five times (the entry itself,
        # the alternates of both entries, x-default), each a reverse(): find each once.
        thing, language = item
        if getattr(self, "_located_thing", None) is not thing:
            self._located_thing, self._located = thing, {}
        language = force_lang_code or language
        if language not in self._located:
            self._located[language] = super()._location(item, force_lang_code)
        return self._located[language]


class PracticeSitemap(Sitemap):
    def items(self):
        # A location needs the slug, lastmod the update time; the long texts stay in the
        # database. In order of creation, so a new practice lands on the last page and the
        # others keep theirs.
        return Practice.objects.published().only("slug", "updated_at").order_by("id")

    def lastmod(self, practice):
        return practice.updated_at

    def get_latest_lastmod(self):
        # For the index; Django's default reads every practice to find it.
        return Practice.objects.published().aggregate(latest=Max("updated_at"))["latest"]


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


class TagSitemap(Sitemap):
    def items(self):
        # Only tags with a published practice have a page.
        published = Practice.objects.published().filter(pk=OuterRef("object_id"))
        tagged = tagging.practice_items().filter(tag=OuterRef("pk")).filter(Exists(published))
        return Tag.objects.filter(Exists(tagged)).only("slug").order_by("name", "id")

    def location(self, tag):
        return reverse("practices:tag", args=[tag.slug])


class NetworkSitemap(Sitemap):
    def items(self):
        return Network.objects.only("slug").order_by("name", "id")


class EventSitemap(Sitemap):
    def items(self):
        return Event.objects.only("slug").order_by("id")


class StaticSitemap(Sitemap):
    """Pages that exist once: the home page and the lists."""

    def items(self):
        return [
            "home",
            "practices:list",
            "practices:lessons",
            "practices:cities",
            "practices:tags",
            "practices:networks",
            "events:list",
            "practices:open_data",
            "practices:evidence",
            "about",
            "privacy",
            "contact",
        ]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": StaticSitemap,
    "practices": PracticeSitemap,
    "lessons": LessonSitemap,
    "cities": CitySitemap,
    "tags": TagSitemap,
    "networks": NetworkSitemap,
    "events": EventSitemap,
}
