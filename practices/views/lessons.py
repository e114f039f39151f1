"""The nine lessons: the list, a lesson's page, and the coverage matrix."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_safe

from practices import caching
from practices import coverage as coverage_matrix
from practices.models import Lesson
from practices.paging import PAGE_SIZE, page_address, paginate
from practices.views.browse import cards


@require_safe
def lesson_list(request):
    """Anyone: the nine lessons with their number of published practices."""
    lessons = Lesson.objects.with_published_counts()
    return render(request, "practices/lesson_list.html", {"lessons": lessons})


@require_safe
def lesson_detail(request, number):
    """Anyone: a lesson's summary, its published practices and the events that addressed it."""
    lesson = get_object_or_404(Lesson, number=number)
    published = lesson.practices.published()
    count = caching.cached("lesson-count", {"lesson": lesson.pk}, published.count)
    page = paginate(request, range(count))
    start = (page.number - 1) * PAGE_SIZE

    def page_rows():
        newest = published.order_by("-published_at", "-id")
        return list(newest.values_list("pk", flat=True)[start : start + PAGE_SIZE])

    # Which practices fill the page is kept like the counts, and their cards as a fragment.
    page.object_list = SimpleLazyObject(
        lambda: cards(
            caching.cached("lesson-page", {"lesson": lesson.pk, "page": page.number}, page_rows)
        )
    )
    events = lesson.events.order_by("-starts_at")
    context = {
        "lesson": lesson,
        "page": page,
        "events": events,
        # Its canonical address, this page's, named by its alternates too (base.html).
        "page_address": page_address(reverse("practices:lesson", args=[lesson.number]), page),
    }
    return render(request, "practices/lesson_detail.html", context)


@require_safe
def coverage(request):
    """Anyone: published practices by country (or city) and lesson, gaps marked."""
    lessons = list(Lesson.objects.all())
    requested = {code.upper() for code in request.GET.getlist("expand")}
    # The table is kept as a fragment for the countries opened (with 2,000 cities' rows its
    # first view takes 0.65 s, half of it two scans of the practices; once kept, 23 ms); the
    # matrix is built only when it is drawn again.
    context = {
        "lessons": lessons,
        "matrix": SimpleLazyObject(lambda: coverage_matrix.build(lessons, requested)),
        "opened": ",".join(sorted(requested)),
    }
    return render(request, "practices/coverage.html", context)
