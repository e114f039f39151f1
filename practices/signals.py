"""Keep search vectors current when a practice's tags change (they are saved after the practice),
forget the cached counts (practices/counts.py) whenever what they count changes, and the drawn
comment threads (practices/threads.py), the shared parts of practice and event pages
(practices/pages.py) and practice cards (practices/cards.py) whenever what they show changes."""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from taggit.models import Tag, TaggedItem

from practices import cards, counts, pages, threads
from practices.models import City, Comment, Lesson, Membership, Network, Practice, PracticeLink
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

# A comment, its author's name, their city team and its city's name show in a drawn thread.
for sender in (Comment, Membership, City):
    post_save.connect(threads.invalidate, sender=sender, dispatch_uid=f"threads-save-{sender}")
    post_delete.connect(threads.invalidate, sender=sender, dispatch_uid=f"threads-del-{sender}")

# A practice's page shows its city, networks, lessons, tags, links and events, its translation
# and related practices; an event's page its lessons, organisers and practices with their city.
# (The event's own lessons and organisers: events/apps.py.)
for sender in (
    *(Practice, PracticeLink, City, Network, Lesson, Tag, TaggedItem),
    *("events.Event", "events.EventPractice"),
):
    post_save.connect(pages.invalidate, sender=sender, dispatch_uid=f"pages-save-{sender}")
    post_delete.connect(pages.invalidate, sender=sender, dispatch_uid=f"pages-delete-{sender}")
for sender in (Practice.lessons.through, City.networks.through, TaggedItem):
    m2m_changed.connect(pages.invalidate, sender=sender, dispatch_uid=f"pages-m2m-{sender}")


@receiver(post_save, sender=get_user_model(), dispatch_uid="threads-member")
def member_saved(sender, update_fields=None, **kwargs):
    """A sign-in (last_login) or a new password changes nothing a thread shows."""
    if update_fields is None or set(update_fields) - {"last_login", "password"}:
        threads.invalidate()


# Lesson titles (the home page's tiles, the list's lesson facet) are kept with the counts.
post_save.connect(counts.invalidate, sender=Lesson, dispatch_uid="counts-save-lesson")

# Lesson titles and city names show on every card.
for sender in (Lesson, City):
    post_save.connect(cards.invalidate, sender=sender, dispatch_uid=f"cards-save-{sender}")
    post_delete.connect(cards.invalidate, sender=sender, dispatch_uid=f"cards-del-{sender}")


@receiver(post_save, sender=Practice, dispatch_uid="cards-practice")
def practice_saved(sender, instance, **kwargs):
    cards.forget([instance.pk])


@receiver(m2m_changed, sender=Practice.lessons.through, dispatch_uid="cards-lessons")
def lessons_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    if not reverse:
        cards.forget([instance.pk])
    elif pk_set is None:
        # A lesson's practices cleared: every one of them had it.
        cards.invalidate()
    else:
        cards.forget(pk_set)


@receiver([post_save, post_delete], sender=Comment, dispatch_uid="cards-comment")
def comment_changed(sender, instance, **kwargs):
    """The card shows how many comments a practice has."""
    cards.forget([instance.practice_id])
