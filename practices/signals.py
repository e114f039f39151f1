"""Keep search vectors current when a practice's tags change (they are saved after the practice),
and forget the cached counts (practices/counts.py) whenever what they count changes."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from taggit.models import TaggedItem

from practices import counts
from practices.models import City, Practice
from practices.search import refresh_vectors


@receiver(m2m_changed, sender=TaggedItem)
def refresh_after_tagging(sender, instance, action, **kwargs):
    if isinstance(instance, Practice) and action in {"post_add", "post_remove", "post_clear"}:
        refresh_vectors(Practice.objects.filter(pk=instance.pk))


# The practice list filters by event through the reverse relation: named, never imported.
for sender in (Practice, City, TaggedItem, "events.EventPractice"):
    post_save.connect(counts.invalidate, sender=sender, dispatch_uid=f"counts-save-{sender}")
    post_delete.connect(counts.invalidate, sender=sender, dispatch_uid=f"counts-delete-{sender}")
for sender in (Practice.lessons.through, TaggedItem):
    m2m_changed.connect(counts.invalidate, sender=sender, dispatch_uid=f"counts-m2m-{sender}")
