"""When what an answer shows last changed: its Last-Modified (api/conditional.py).

A client that asks with If-Modified-Since gets a 304 when nothing changed since that time, so
the time an answer gives must never be older than a change of what it shows. It is the newest
of three kinds of change:

- A row's own: practices, events, cities and networks have `updated_at`, set on every save.
- A change no `updated_at` tells, recorded by kind in api.models.Change (receivers below): a
  row deleted (nothing is left to hold the time); a save of a row that has no time of its own
  (a link between an event and a practice, a city's networks, an event's lessons, a practice's
  lessons, tags and links); a save that leaves `updated_at` alone (Practice.confirm(), which
  may end a practice).
- A row leaving a page: deleted, or moved out by a new name or start, and the next row moving
  in, which may be older than anything on the page. So a page of a list gives the newest change
  of its whole list (`Sources`), not of its own rows: a change anywhere in the list moves every
  page's, which costs an IMS-only client a 200 where a 304 would do (If-None-Match still
  gets it), never a 304 where something changed.

The newest times are subqueries of the answer's own query, run once each whatever the number of
rows, so a Last-Modified costs no query. queryset.update() sends no signal and sets no
`updated_at`: code that changes what the API shows with it must set `updated_at` itself.
"""

from django.db.models import Subquery
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from api.models import Change
from events.models import Event, EventPractice
from practices.models import City, Network, Practice, PracticeLink

# The models with an `updated_at`: a deletion, or a save that leaves it alone, is a Change.
TIMED = [Practice, Event, City, Network]
# Rows with no time of their own (the last three are many-to-many tables): every save and
# deletion is a Change.
UNTIMED = [
    EventPractice,
    PracticeLink,
    Tag,
    TaggedItem,
    Event.lessons.through,
    City.networks.through,
    Practice.lessons.through,
]


def kind(model):
    return model._meta.label_lower


def record(model):
    """A change of a row of `model` now, in one query whether or not one was recorded."""
    Change.objects.bulk_create(
        [Change(kind=kind(model), at=timezone.now())],
        update_conflicts=True,
        unique_fields=["kind"],
        update_fields=["at"],
    )


def newest(model):
    return Subquery(model.objects.order_by("-updated_at").values("updated_at")[:1])


def newest_of(*times):
    """The newest of `times` that are known, None if none is."""
    return max((time for time in times if time is not None), default=None)


class Sources:
    """What a list shows: the models whose newest `updated_at` counts (`timed`) and the kinds
    of Change (`kinds`: models whose rows, deleted or saved without a time, change it)."""

    def __init__(self, *timed, kinds):
        self.timed = {f"changed_{model._meta.model_name}": model for model in timed}
        self.kinds = [kind(model) for model in kinds]
        self.names = [*self.timed, "changed_kinds"]

    def annotate(self, queryset):
        """`queryset`, each row carrying the list's newest changes (the same on every row)."""
        changes = {name: newest(model) for name, model in self.timed.items()}
        recorded = Change.objects.filter(kind__in=self.kinds).order_by("-at").values("at")
        return queryset.annotate(**changes, changed_kinds=Subquery(recorded[:1]))

    def last_modified(self, rows):
        """The newest change the first of `rows` carries; None without rows (nothing to date
        the answer by, so it gives no Last-Modified and If-Modified-Since never gets a 304)."""
        if not rows:
            return None
        return newest_of(*(getattr(rows[0], name) for name in self.names))


# A practice shows its city and its lessons, tags and links; the events it was shown at are
# read from its page's rows (api/views.py).
PRACTICE = Sources(kinds=[Practice, EventPractice, PracticeLink, Tag, TaggedItem,
                          Practice.lessons.through])  # fmt: skip
PRACTICES = Sources(Practice, City, kinds=[Practice, Tag, TaggedItem, Practice.lessons.through])
# An event shows its lessons and the published practices shown there, and their number.
EVENTS = Sources(Event, Practice, kinds=[Event, Practice, EventPractice, Event.lessons.through])
# A city shows its networks and its number of published practices.
CITIES = Sources(City, Network, Practice, kinds=[City, Network, Practice, City.networks.through])
# A network shows its cities.
NETWORKS = Sources(Network, City, kinds=[Network, City, City.networks.through])


def recorder(model):
    def deleted(**kwargs):
        record(model)

    def saved(update_fields=None, **kwargs):
        if model in UNTIMED or (update_fields is not None and "updated_at" not in update_fields):
            record(model)

    def related(action, **kwargs):
        if action in {"post_add", "post_remove", "post_clear"}:
            record(model)

    return deleted, saved, related


# The receivers, kept: signals hold them by weak reference.
receivers = []


def connect():
    """Called from ApiConfig.ready()."""
    for model in TIMED + UNTIMED:
        deleted, saved, related = recorder(model)
        receivers.extend([deleted, saved, related])
        uid = f"api-change-{kind(model)}"
        post_delete.connect(deleted, sender=model, dispatch_uid=f"{uid}-delete")
        post_save.connect(saved, sender=model, dispatch_uid=f"{uid}-save")
        # Many-to-many tables (taggit's too) tell of their rows through m2m_changed.
        m2m_changed.connect(related, sender=model, dispatch_uid=f"{uid}-m2m")
