"""Keep search vectors current when a practice's tags change (they are saved after the practice)."""

from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from taggit.models import TaggedItem

from practices.models import Practice
from practices.search import refresh_vectors


@receiver(m2m_changed, sender=TaggedItem)
def refresh_after_tagging(sender, instance, action, **kwargs):
    if isinstance(instance, Practice) and action in {"post_add", "post_remove", "post_clear"}:
        refresh_vectors(Practice.objects.filter(pk=instance.pk))
