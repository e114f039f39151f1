"""Tags as places: how many published practices each tag has, in the order a reader asks for,
and merging near-duplicate tags ("prevention" and "prévention") into one.

Tags are django-taggit's: free text that editors type, in either language.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Count, Exists, OuterRef
from taggit.models import Tag, TaggedItem

from practices import caching, search
from practices.models import Practice

BY_NAME, BY_USE = "name", "use"


def practice_items():
    return TaggedItem.objects.filter(content_type=ContentType.objects.get_for_model(Practice))


# Practices are joined to their tagged items from the items' side. A join through
# `Practice.tags` casts the items' integer object_id to the practices' bigint id, and no index
# serves that: every query reads all the tagged items (300,000 at 100,000 practices).


def with_tag(practices, **tag):
    """The `practices` that have the tag `tag` names (slug=…, or pk=…)."""
    items = practice_items().filter(**{f"tag__{name}": value for name, value in tag.items()})
    return practices.filter(pk__in=items.values("object_id"))


def top_tags(practices, limit):
    """[(slug, name, count)]: the `limit` tags most of `practices` have, most first."""
    rows = (
        practice_items()
        .filter(object_id__in=practices.values("pk"))
        .values_list("tag__slug", "tag__name")
        .annotate(n=Count("object_id"))
        .order_by("-n", "tag__name")
    )
    return list(rows[:limit])


def published_counts():
    """[(slug, name, count)] for every tag of a published practice, kept like the list's
    counts (practices/caching.py)."""

    def count():
        published = Practice.objects.published().filter(pk=OuterRef("object_id"))
        rows = (
            practice_items()
            .filter(Exists(published))
            .values("tag__slug", "tag__name")
            .annotate(n=Count("pk"))
            .values_list("tag__slug", "tag__name", "n")
        )
        return list(rows)

    return caching.cached("tags", {}, count)


def name_order(name):
    """Alphabetical as a reader expects it in English and French alike: accents and case
    do not count ("Élections" between "education" and "extremism")."""
    return (search.normalise(name), name)


def ordered(tags, order):
    if order == BY_USE:
        return sorted(tags, key=lambda tag: (-tag[2], name_order(tag[1])))
    return sorted(tags, key=lambda tag: name_order(tag[1]))


@transaction.atomic
def merge(tags):
    """Merge `tags` into the one used by the most practices (the oldest of equals): every
    practice tagged with any of them keeps that one tag. Returns (kept, merged)."""
    counted = Tag.objects.filter(pk__in=[tag.pk for tag in tags]).annotate(
        uses=Count("taggit_taggeditem_items")
    )
    kept, *others = counted.order_by("-uses", "id")
    items = practice_items()
    moved = set(items.filter(tag__in=others).values_list("object_id", flat=True))
    already = set(items.filter(tag=kept).values_list("object_id", flat=True))
    content_type = ContentType.objects.get_for_model(Practice)
    TaggedItem.objects.bulk_create(
        TaggedItem(tag=kept, content_type=content_type, object_id=pk) for pk in moved - already
    )
    # Each deletion replaces the public pages' generations (portal/staleness.py).
    for other in others:
        other.delete()
    search.refresh_vectors(Practice.objects.filter(pk__in=moved))
    return kept, others
