"""The parts of a practice's page and an event's page that every reader sees alike, kept in
Django's cache.

A practice's page shows its city and networks, lessons, tags, sections in Markdown, links, the
events it was presented at, its translation and five related practices: about ten queries and
the Markdown, for what changes only when someone edits one of those. They are drawn once per
practice and language and kept under a "version" that any change to what they show replaces
(signals in practices/signals.py, and events/apps.py for an event's lessons and organisers),
and for PARTS_SECONDS at most in any case, so app servers that do not share a cache disagree
for that long at most. An event's page, a lesson with the events that addressed it and the
home page's events are kept the same way (events/views.py, practices/views/lessons.py,
portal/views.py), by address, so a page read lately costs no query. What differs between
readers (the contact, the editor's links, the comment thread and its forms) is drawn on every
request by the view.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, OuterRef, Subquery, prefetch_related_objects
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.utils.translation import get_language
from taggit.models import TaggedItem

from practices.cache_versions import CacheVersion, kept
from practices.models import Practice

VERSION = CacheVersion("practice-pages:version")
# Signal receiver (practices/signals.py, events/apps.py): anything a practice or event page shows.
invalidate = VERSION.replace
PARTS_SECONDS = 60

RELATED_COUNT = 5
# How many recent practices sharing a tag, and sharing a lesson, compete to be related.
RELATED_CANDIDATES = 100

# The practice's page around the reader's own parts: above the contact, below it, and the
# related practices after the thread.
PRACTICE_PARTS = {
    "top": "practices/includes/_practice_top.html",
    "bottom": "practices/includes/_practice_bottom.html",
    "related": "practices/includes/_related.html",
}


def cached(name, pk, draw, *, fresh=None):
    """draw(), or what it returned for the same page and language since the last change.
    `fresh`: as for kept()."""
    key = f"practice-pages:{VERSION.current()}:{name}:{pk}:{get_language()}"
    return kept(key, draw, PARTS_SECONDS, fresh=fresh)


def practice_parts(practice):
    """The shared parts of a published practice's page, as HTML, by name (PRACTICE_PARTS).
    `practice` may hold only what the page reads on every view: the rest is read to draw."""

    def draw():
        whole = Practice.objects.select_related("city").get(pk=practice.pk)
        return draw_practice_parts(whole)

    return cached("practice", practice.pk, draw)


def draw_practice_parts(practice):
    """The parts drawn now: for the cache, and for an editor's preview of a draft."""
    # The parts show the city's networks, lessons, tags and links.
    prefetch_related_objects([practice], "city__networks", "lessons", "tags", "links")
    context = {
        "practice": practice,
        "LANGUAGE_CODE": get_language(),
        "event_links": practice.event_links.select_related("event").order_by("event__starts_at"),
        "related": related_practices(practice),
    }
    return {name: render_to_string(template, context) for name, template in PRACTICE_PARTS.items()}


def related_practices(practice):
    """Up to five published practices sharing the most tags, then lessons, with this one. They
    are chosen among the latest tagged with one of its tags and the most recent sharing one of
    its lessons, so the page costs the same with 1,000 practices or 100,000."""
    lesson_ids = [lesson.pk for lesson in practice.lessons.all()]
    tag_ids = [tag.pk for tag in practice.tags.all()]
    content_type = ContentType.objects.get_for_model(Practice)
    tagged = TaggedItem.objects.filter(content_type=content_type, tag__in=tag_ids)
    in_lessons = Practice.lessons.through.objects.filter(lesson__in=lesson_ids)
    candidates = set()
    if tag_ids:
        candidates.update(
            tagged.exclude(object_id=practice.pk)
            .order_by("-object_id")
            .values_list("object_id", flat=True)[:RELATED_CANDIDATES]
        )
    if lesson_ids:
        candidates.update(
            Practice.objects.published()
            .exclude(pk=practice.pk)
            .filter(lessons__in=lesson_ids)
            .order_by("-published_at")
            .values_list("pk", flat=True)[:RELATED_CANDIDATES]
        )
    # Counted per candidate through the indexes, rather than by joining every link.
    shared_tags = tagged.filter(object_id=OuterRef("pk")).order_by().values("object_id")
    shared_lessons = in_lessons.filter(practice=OuterRef("pk")).order_by().values("practice")
    return (
        Practice.objects.published()
        .filter(pk__in=candidates)
        .annotate(
            shared_tags=Coalesce(Subquery(shared_tags.annotate(n=Count("pk")).values("n")), 0),
            shared_lessons=Coalesce(
                Subquery(shared_lessons.annotate(n=Count("pk")).values("n")), 0
            ),
        )
        # What _related.html shows: the candidates' whole rows cost 0.7 ms more at large.
        .select_related("city")
        .only("title", "slug", "language", "published_at", "city__name", "city__country")
        .order_by("-shared_tags", "-shared_lessons", "-published_at")[:RELATED_COUNT]
    )
