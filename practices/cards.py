"""Practice cards (the home page, the list, a lesson's and a city's page), drawn once and kept.

Building twenty practices with their lessons and comment counts and drawing them through the
template costs most of a list page. A drawn card holds nothing about the reader, so it is kept
in Django's cache per practice, language and search snippet, and a page fetches its cards with
one get_many and draws only those missing.

A stored card carries the versions it was drawn under: its practice's own (replaced when the
practice is saved, its lessons change or a comment on it is posted, edited, removed or hidden)
and one shared by every card (replaced when a lesson's or a city's name changes). A card whose
versions are not the current ones is drawn again, so a change shows on the next request while
comments on one practice leave every other card alone (signals in practices/signals.py). A card
is kept CARD_SECONDS at most in any case, as the counts are, so app servers that do not share a
cache disagree for that long at most.
"""

import hashlib

from django.core.cache import cache
from django.template.loader import get_template
from django.urls import reverse
from django.utils.translation import get_language

from practices import cache_versions
from practices.cache_versions import CacheVersion
from practices.models import Practice

VERSION = CacheVersion("practice-cards:version")
# Signal receiver (practices/signals.py): lesson titles and city names, shown on every card.
invalidate = VERSION.replace
CARD_SECONDS = 60
# What _practice_card.html reads of a practice.
CARD_FIELDS = [
    "title",
    "slug",
    "summary",
    "language",
    "start_year",
    "end_year",
    "ongoing",
    "city__name",
    "city__country",
]


def practice_version(pk):
    return CacheVersion(f"practice-cards:version:{pk}", shared=False)


def forget(pks):
    """The cards of these practices change."""
    for pk in pks:
        practice_version(pk).replace()


def practice_cards(queryset):
    """Published practices as the cards show them: city name and lesson numbers, and none of
    the long sections or the search vector a card does not show."""
    return (
        queryset.published()
        .with_comment_count()
        .select_related("city")
        .only(*CARD_FIELDS)
        .prefetch_related("lessons")
    )


def drawn(ids, snippets=None):
    """The cards (HTML) of the practices `ids`, in that order, leaving out any no longer
    published; `snippets` ({pk: HTML}) are search snippets shown instead of the summary."""
    snippets = snippets or {}
    language = get_language()
    keys = {pk: f"practice-cards:{pk}:{language}:{digest(snippets.get(pk))}" for pk in ids}
    # The practices' own versions (unless this request read them already) and their cards in
    # one round trip.
    unread = cache_versions.unread([practice_version(pk) for pk in ids])
    found = cache.get_many([*unread, *keys.values()])
    drawn_under = stamps(ids, found)
    cards = {}
    for pk in ids:
        stamp, html = found.get(keys[pk], (None, None))
        if stamp == drawn_under[pk]:
            cards[pk] = html
    missing = [pk for pk in ids if pk not in cards]
    if missing:
        # Drawn after the versions were read: a change meanwhile leaves these stale copies
        # under versions that are no longer current.
        new = draw(missing, snippets)
        stored = {keys[pk]: (drawn_under[pk], html) for pk, html in new.items()}
        cache.set_many(stored, CARD_SECONDS)
        cards.update(new)
    return [cards[pk] for pk in ids if pk in cards]


def stamps(ids, found=None):
    """What the card of each of `ids` is drawn under, {pk: (the shared version, the practice's
    own)}, in one round trip at most; `found`: as for cache_versions.current()."""
    versions = [practice_version(pk) for pk in ids]
    shared, *own = cache_versions.current(VERSION, *versions, found=found)
    return {pk: (shared, version) for pk, version in zip(ids, own, strict=True)}


def draw(ids, snippets):
    """{pk: card HTML} for those of `ids` that are published."""
    template = get_template("practices/includes/_practice_card.html")
    lesson_urls = {}
    cards = {}
    for practice in practice_cards(Practice.objects.filter(pk__in=ids)):
        # Each card links its lessons; their addresses are worked out once a page.
        for lesson in practice.lessons.all():
            if lesson.number not in lesson_urls:
                lesson_urls[lesson.number] = reverse("practices:lesson", args=[lesson.number])
            lesson.url = lesson_urls[lesson.number]
        practice.snippet = snippets.get(practice.pk)
        cards[practice.pk] = template.render(
            {"practice": practice, "LANGUAGE_CODE": get_language()}
        )
    return cards


def digest(snippet):
    return hashlib.sha256(snippet.encode()).hexdigest()[:16] if snippet else ""
