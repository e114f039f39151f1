"""Counts over every published practice, kept in the cache until practices change.

The lesson tiles, the facet counts beside the list and the list's number of results each
aggregate over all published practices: with 100,000 of them that is hundreds of milliseconds a
page, for figures that change only when a practice is published, edited or re-tagged. They are
kept in Django's cache under a "version" that any such change replaces (signals in
practices/signals.py), and for at most COUNTS_SECONDS in any case, so app servers that do not
share a cache disagree for that long at most. Each app process keeps its own copy of what it
read (practices/cache_versions.py): a warm list reads its counts without a round trip.
"""

import hashlib
import json

from django.db.models import Count

from practices.cache_versions import CacheVersion, kept
from practices.models import Lesson, Practice

VERSION = CacheVersion("practice-counts:version")
# Signal receiver (practices/signals.py): any change to what the counts count.
invalidate = VERSION.replace
COUNTS_SECONDS = 60


def cached(name, params, compute):
    """compute(), or its stored value for the same name and parameters since the last change."""
    digest = hashlib.sha256(json.dumps(params, sort_keys=True, default=str).encode()).hexdigest()
    return kept(f"practice-counts:{VERSION.current()}:{name}:{digest}", compute, COUNTS_SECONDS)


def published_per_lesson():
    """{lesson id: number of published practices}, for the lesson tiles and pages."""

    def compute():
        rows = (
            Practice.lessons.through.objects.filter(practice__status=Practice.Status.PUBLISHED)
            .values("lesson")
            .annotate(n=Count("pk"))
            .values_list("lesson", "n")
        )
        return dict(rows)

    return cached("lessons", {}, compute)


def lessons_with_counts():
    """Every lesson, with `published_count` set."""
    counts = published_per_lesson()
    lessons = list(Lesson.objects.all())
    for lesson in lessons:
        lesson.published_count = counts.get(lesson.pk, 0)
    return lessons
