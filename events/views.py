"""Public pages for events and the practices presented at them."""

import hashlib

from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_safe

from events.models import Event, EventPractice
from practices import pages
from practices.models import Practice


@require_safe
def event_list(request):
    """Anyone: upcoming events soonest first, then past events newest first."""
    return render(
        request,
        "events/event_list.html",
        {"upcoming": Event.objects.upcoming(), "past": Event.objects.past()},
    )


@require_safe
def event_detail(request, slug):
    """Anyone: an event's date in its own time zone, organisers, lessons and practices."""
    # Kept by the address's slug, so an event read lately costs no query; an unknown slug is a
    # 404 each time (nothing is kept for it).
    key = hashlib.sha256(slug.encode()).hexdigest()[:24]
    title, article = pages.cached("event", key, lambda: draw_event(slug))
    return render(request, "events/event_detail.html", {"title": title, "article": article})


def draw_event(slug):
    """The event's title and its page below the header, the same for every reader: kept in the
    cache until the event, its practices or what they show change (practices/pages.py)."""
    event = get_object_or_404(Event, slug=slug)
    prefetch_related_objects([event], "organisers", "lessons")
    # Only published practices are public; each row shows the practice's title and city.
    practice_links = (
        EventPractice.objects.filter(event=event, practice__status=Practice.Status.PUBLISHED)
        .select_related("practice__city")
        .order_by("recording_time", "id")
    )
    article = render_to_string(
        "events/includes/_event.html", {"event": event, "practice_links": practice_links}
    )
    return event.title, article
