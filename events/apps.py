from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from django.db.models.signals import m2m_changed

        from events.models import Event
        from practices import pages

        # The event's page, and the pages of its practices, are kept until what they show
        # changes (the rest of their senders: practices/signals.py).
        for through in (Event.lessons.through, Event.organisers.through):
            m2m_changed.connect(pages.invalidate, sender=through, dispatch_uid=f"pages-{through}")
