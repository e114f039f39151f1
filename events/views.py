"""Public pages for events and the practices presented at them."""

from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404, render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_safe

from events.models import Event, EventPractice
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
    event = get_object_or_404(Event, slug=slug)

    def shown():
        # The page lists the event's organisers and lessons.
        prefetch_related_objects([event], "organisers", "lessons")
        return event

    # Only published practices are public; each row shows the practice's title and city.
    practice_links = (
        EventPractice.objects.filter(event=event, practice__status=Practice.Status.PUBLISHED)
        .select_related("practice__city")
        .order_by("recording_time", "id")
    )
    # The page is the same for every reader: kept as a fragment (event_detail.html), so what it
    # shows is read only when it is drawn again.
    context = {"event": event, "shown": SimpleLazyObject(shown), "practice_links": practice_links}
    return render(request, "events/event_detail.html", context)
