"""Public pages for events and the practices presented at them."""

from django.db.models import F, prefetch_related_objects
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_safe

from events.models import Event, EventPractice
from practices.models import Practice
from practices.models.practice import CARD_DEFERRED
from practices.paging import page_address, paginate


@require_safe
def event_list(request):
    """Anyone: upcoming events soonest first, then past events newest first, 20 a page; the
    upcoming ones on the first page only."""
    past = paginate(request, Event.objects.past())
    upcoming = Event.objects.upcoming() if past.number == 1 else Event.objects.none()
    return render(
        request,
        "events/event_list.html",
        {
            "upcoming": upcoming,
            "past": past,
            "page": past,
            # Each page is its own canonical address, named by its alternates too (base.html).
            "page_address": page_address(reverse("events:list"), past),
        },
    )


@require_safe
def event_detail(request, slug):
    """Anyone: an event's date in its own time zone, whether it is past, its agenda, speakers,
    organisers, lessons, recording and the practices presented, as cards."""
    event = get_object_or_404(Event, slug=slug)

    def shown():
        prefetch_related_objects([event], "organisers", "lessons", "agenda", "speakers")
        return event

    # Only published practices are public; each is shown as a card, with its lessons.
    practice_links = (
        EventPractice.objects.filter(event=event, practice__status=Practice.Status.PUBLISHED)
        .select_related("event", "practice__city")
        .prefetch_related("practice__lessons")
        .defer(*(f"practice__{name}" for name in CARD_DEFERRED))
        # In the order of the recording; those with no time in it after.
        .order_by(F("recording_time").asc(nulls_last=True), "id")
    )
    # The page is the same for every reader: kept as a fragment (event_detail.html), so what it
    # shows is read only when it is drawn again; the event's state (coming, happening, past) is
    # part of the fragment's key, so the page changes when the event starts and ends.
    context = {
        "event": event,
        # Its canonical address, named by its alternates in each language too (base.html).
        "page_address": event.get_absolute_url(),
        "state": event.state(),
        "shown": SimpleLazyObject(shown),
        "practice_links": practice_links,
    }
    return render(request, "events/event_detail.html", context)
