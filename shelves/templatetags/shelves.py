"""For the practice page's save form (shelves/includes/_save.html): the member's collections."""

from django import template
from django.db.models import Exists, OuterRef

from shelves.models import Collection, CollectionItem

register = template.Library()


@register.simple_tag
def collections_of(user, practice):
    """The member's collections, each with `holds`: whether `practice` is in it. One query."""
    if not user.is_authenticated:
        return []
    holds = CollectionItem.objects.filter(collection=OuterRef("pk"), practice=practice)
    return list(
        Collection.objects.filter(owner=user).annotate(holds=Exists(holds)).only("pk", "title")
    )
