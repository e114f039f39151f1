"""The nine lessons: the list, a lesson's page, and the coverage matrix."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from practices import cards, counts
from practices import coverage as coverage_matrix
from practices.models import Lesson
from practices.views.browse import paginate


@require_safe
def lesson_list(request):
    """Anyone: the nine lessons with their number of published practices."""
    lessons = counts.lessons_with_counts()
    return render(request, "practices/lesson_list.html", {"lessons": lessons})


@require_safe
def lesson_detail(request, number):
    """Anyone: a lesson's summary, its published practices and the events that addressed it."""
    lesson = get_object_or_404(Lesson, number=number)
    published = lesson.practices.published().order_by("-published_at", "-id")
    page = paginate(
        request,
        published.values_list("pk", flat=True),
        count=counts.published_per_lesson().get(lesson.pk, 0),
    )
    # Which practices fill the page is kept like the counts; their cards are kept too.
    ids = counts.cached(
        "lesson-page", {"lesson": lesson.pk, "page": page.number}, lambda: list(page.object_list)
    )
    page.object_list = cards.drawn(ids)
    return render(
        request,
        "practices/lesson_detail.html",
        {"lesson": lesson, "page": page, "events": lesson.events.order_by("-starts_at")},
    )


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
