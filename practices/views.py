"""Public pages for practices and lessons. Only published practices are shown here."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from practices.models import Lesson, Practice

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


@require_safe
def lesson_list(request):
    """Anyone: the nine lessons with their number of published practices."""
    lessons = Lesson.objects.annotate(
        published_count=Count("practices", filter=Q(practices__status=Practice.Status.PUBLISHED))
    )
    return render(request, "practices/lesson_list.html", {"lessons": lessons})


@require_safe
def lesson_detail(request, number):
    """Anyone: a lesson's summary, its published practices and the events that addressed it."""
    lesson = get_object_or_404(Lesson, number=number)
    page = paginate(request, practice_cards(lesson.practices).order_by("-published_at", "-id"))
    return render(
        request,
        "practices/lesson_detail.html",
        {"lesson": lesson, "page": page, "events": lesson.events.order_by("-starts_at")},
    )
