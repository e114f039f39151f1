"""The nine lessons: the list, a lesson's page, and the coverage matrix."""

from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_safe

from practices import cards, counts, pages
from practices import coverage as coverage_matrix
from practices.models import Lesson
from practices.views.browse import PAGE_SIZE, paginate


@require_safe
def lesson_list(request):
    """Anyone: the nine lessons with their number of published practices."""
    lessons = counts.lessons_with_counts()
    return render(request, "practices/lesson_list.html", {"lessons": lessons})


@require_safe
def lesson_detail(request, number):
    """Anyone: a lesson's summary, its published practices and the events that addressed it."""
    # The lesson and its events are kept like a practice's page (practices/pages.py), so a
    # lesson read lately costs no query; a number no lesson has is a 404 each time.
    lesson, events = pages.cached("lesson", number, lambda: draw_lesson(number))
    page = paginate(request, range(counts.published_per_lesson().get(lesson.pk, 0)))
    start = (page.number - 1) * PAGE_SIZE

    def page_rows():
        published = lesson.practices.published().order_by("-published_at", "-id")
        return list(published.values_list("pk", flat=True)[start : start + PAGE_SIZE])

    # Which practices fill the page is kept like the counts; their cards are kept too.
    ids = counts.cached("lesson-page", {"lesson": lesson.pk, "page": page.number}, page_rows)
    page.object_list = cards.drawn(ids)
    return render(
        request, "practices/lesson_detail.html", {"lesson": lesson, "page": page, "events": events}
    )


def draw_lesson(number):
    """The lesson, and the list of events that addressed it, newest first, drawn."""
    lesson = get_object_or_404(Lesson, number=number)
    events = lesson.events.order_by("-starts_at")
    return lesson, render_to_string("practices/includes/_lesson_events.html", {"events": events})


@require_safe
def coverage(request):
    """Anyone: published practices by country (or city) and lesson, gaps marked."""
    lessons = list(Lesson.objects.all())
    requested = {code.upper() for code in request.GET.getlist("expand")}
    return render(
        request,
        "practices/coverage.html",
        {"lessons": lessons, "matrix": coverage_matrix.build(lessons, requested)},
    )
