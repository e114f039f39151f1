"""Browsing practices: the list with its filters and search, and a practice's page."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from practices.models import Practice

PAGE_SIZE = 20


def paginate(request, queryset, per_page=PAGE_SIZE):
    """The requested page of a list; a page that does not exist is a 404, not an error."""
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(request.GET.get("page", 1))
    except (EmptyPage, PageNotAnInteger):
        raise Http404("No such page.") from None


def practice_cards(queryset):
    """Published practices as the cards show them: city name and lesson numbers."""
    return queryset.published().select_related("city").prefetch_related("lessons")


@require_safe
def practice_list(request):
    """Anyone: published practices, newest first, 20 a page."""
    page = paginate(request, practice_cards(Practice.objects).order_by("-published_at", "-id"))
    return render(request, "practices/practice_list.html", {"page": page})


@require_safe
def practice_detail(request, slug):
    """Anyone: one published practice with its lessons, tags, links and events."""
    practice = get_object_or_404(
        # The page shows the city and its networks, lessons, tags and links.
        Practice.objects.published()
        .select_related("city")
        .prefetch_related("city__networks", "lessons", "tags", "links"),
        slug=slug,
    )
    # The events it was presented at, through the reverse relation (practices never imports
    # events).
    event_links = practice.event_links.select_related("event").order_by("event__starts_at")
    return render(
        request,
        "practices/practice_detail.html",
        {"practice": practice, "event_links": event_links},
    )
