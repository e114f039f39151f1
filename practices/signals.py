"""Keep what is stored on the rows current when a related row changes: a practice's search
vector (or SQLite's index) when its tags change (they are saved after the practice), when one of
them is renamed and when it is deleted, and its comment count when a comment is deleted
(Comment.save() keeps it otherwise). What makes public pages stale is in portal/staleness.py."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from taggit.models import Tag, TaggedItem

from practices import tagging
from practices.models import Comment, Practice
from practices.search import forget, refresh_vectors


@receiver(m2m_changed, sender=TaggedItem)
def refresh_after_tagging(sender, instance, action, **kwargs):
    if isinstance(instance, Practice) and action in {"post_add", "post_remove", "post_clear"}:
        refresh_vectors(Practice.objects.filter(pk=instance.pk))


@receiver(post_save, sender=Tag)
def refresh_after_renaming_a_tag(sender, instance, created, **kwargs):
    # A curator may correct a tag's spelling in the admin: its practices are found by the new.
    if not created:
        refresh_vectors(tagging.with_tag(Practice.objects.all(), pk=instance.pk))


@receiver(post_delete, sender=Comment)
def recount_after_delete(sender, instance, **kwargs):
    Practice.objects.filter(pk=instance.practice_id).recount_comments()


@receiver(post_delete, sender=Practice)
def forget_after_delete(sender, instance, **kwargs):
    forget(instance.pk)
