"""Which models make public pages stale: the one list of them (practices/caching.py explains).

A model here, saved or deleted (or a many-to-many here changed), replaces the generations named
beside it, so the next anonymous page, fragment or count is worked out afresh on every app
server. A new model a public page shows goes in this list; tests/portal/test_staleness.py saves
each one with the page cache on and reads the page again.

queryset.update() sends no signal: code that writes with it calls PAGES.replace() itself; the
admin's bulk actions are covered by portal/cache.py (any admin write replaces PAGES).
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save

from practices.caching import CATALOGUE, PAGES

BOTH = (PAGES, CATALOGUE)

# (app label, model name, generations). A comment or a team shows on pages but does not
# describe a practice; a practice's links and files do (its article shows them).
MODELS = [
    ("practices", "Practice", BOTH),
    ("practices", "PracticeLink", BOTH),
    ("practices", "PracticeFile", BOTH),
    ("practices", "Comment", (PAGES,)),
    ("practices", "City", BOTH),
    ("practices", "Lesson", BOTH),
    ("practices", "Network", BOTH),
    ("practices", "Membership", (PAGES,)),
    ("taggit", "Tag", BOTH),
    ("taggit", "TaggedItem", BOTH),
    ("events", "Event", BOTH),
    ("events", "EventPractice", BOTH),
    ("events", "AgendaItem", (PAGES,)),
    ("events", "Speaker", (PAGES,)),
]
# (app label, model name, many-to-many field, generations).
RELATIONS = [
    ("practices", "Practice", "lessons", BOTH),
    ("practices", "City", "networks", BOTH),
    ("events", "Event", "lessons", (PAGES,)),
    ("events", "Event", "organisers", (PAGES,)),
]
# A member's name shows beside their comments; signing in or a new password changes nothing
# public.
PRIVATE_USER_FIELDS = {"last_login", "password"}


def replacer(generations):
    def replace(**kwargs):
        for generation in generations:
            generation.replace()

    return replace


def member_saved(sender, update_fields=None, **kwargs):
    if update_fields is None or set(update_fields) - PRIVATE_USER_FIELDS:
        PAGES.replace()


# The receivers, kept: signals hold them by weak reference.
receivers = []


def connect():
    """Called from PortalConfig.ready()."""
    for label, name, generations in MODELS:
        model = apps.get_model(label, name)
        receivers.append(receiver := replacer(generations))
        post_save.connect(receiver, sender=model, dispatch_uid=f"stale-save-{label}.{name}")
        post_delete.connect(receiver, sender=model, dispatch_uid=f"stale-delete-{label}.{name}")
    for label, name, field, generations in RELATIONS:
        through = apps.get_model(label, name)._meta.get_field(field).remote_field.through
        receivers.append(receiver := replacer(generations))
        m2m_changed.connect(receiver, sender=through, dispatch_uid=f"stale-m2m-{name}.{field}")
    post_save.connect(member_saved, sender=get_user_model(), dispatch_uid="stale-member")
