"""Browsing practices: the list with its filters and search, and a practice's page."""

import uuid

from django.core.cache import cache
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from practices import counts, pages, search, threads
from practices import filters as practice_filters
from practices.forms import CommentForm
from practices.models import Lesson, Practice

PAGE_SIZE = 20


def paginate(request, queryset, per_page=PAGE_SIZE, count=None):
    """The requested page of a list; a page that does not exist is a 404, not an error.
    `count`, when known already, spares counting the whole list again."""
    paginator = Paginator(queryset, per_page)
    if count is not None:
        paginator.count = count
    try:
        return paginator.page(request.GET.get("page", 1))
    except (EmptyPage, PageNotAnInteger):
        raise Http404("No such page.") from None


def page_query(request):
    """The query string without `page`, for links to other pages of the same list."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def practice_cards(queryset):
    """Published practices as the cards show them: city name and lesson numbers."""
    return (
        queryset.published().with_comment_count().select_related("city").prefetch_related("lessons")
    )


@require_safe
def practice_list(request):
    """Anyone: published practices, with combinable filters, facet counts and search."""
    form = practice_filters.PracticeFilterForm(request.GET)
    filters = form.filters
    base = Practice.objects.published()
    results = practice_filters.ordered(practice_filters.apply(base, filters), form.ordering)
    listed = practice_filters.found(base, filters, form.ordering)
    page = paginate(request, results, count=listed.count)
    # Which practices fill this page is kept like the counts: a search by relevance ranked its
    # matches at once (practices/search.py); ordering the others is cheap, the 20 cards too.
    start = (page.number - 1) * PAGE_SIZE
    if listed.ranked is not None:
        ids = listed.ranked[start : start + PAGE_SIZE]
    else:
        ids = counts.cached(
            "page",
            {**filters, "sort": form.ordering, "page": page.number},
            lambda: list(results.values_list("pk", flat=True)[start : start + PAGE_SIZE]),
        )
    found = practice_cards(Practice.objects.all()).in_bulk(ids)
    page.object_list = [found[pk] for pk in ids if pk in found]
    # Snippets are computed for the 20 rows shown, never for the whole result set.
    snippets = search.headlines(page.object_list, filters.get("q", ""))
    for practice in page.object_list:
        practice.snippet = snippets.get(practice.pk)

    facets = practice_filters.facet_counts(base, filters)
    chosen_country = filters.get("country")
    countries = sorted({*facets["country"], *([chosen_country] if chosen_country else [])})
    context = {
        "form": form,
        "filters": filters,
        "page": page,
        "more_than": search.MAX_RESULTS if listed.more else None,
        "page_query": page_query(request),
        "ordering": form.ordering,
        "sort_choices": [
            (value, label)
            for value, label in practice_filters.Sort.choices
            if value != practice_filters.Sort.RELEVANCE or filters.get("q")
        ],
        "chips": practice_filters.chips(request.GET, filters),
        "ignored": form.ignored(),
        "lesson_facet": [
            (lesson, facets["lesson"].get(lesson.number, 0)) for lesson in Lesson.objects.all()
        ],
        "country_facet": [(code, facets["country"].get(code, 0)) for code in countries],
        "language_facet": [
            (code, label, facets["language"].get(code, 0))
            for code, label in Practice.Language.choices
        ],
    }
    return render(request, "practices/practice_list.html", context)


# A practice's page reads the practice with the summary of its comments, the drawn thread's
# key; the city serves the editor's check; the rest is in the shared parts (practices/pages.py).
# Built once: resolving the summary's aggregates cost a view more than running them.
PRACTICE_PAGE = threads.with_summary(Practice.objects.published().select_related("city"))


@require_safe
def practice_detail(request, slug):
    """Anyone: one published practice with its lessons, tags, links, events and related ones."""
    practice = get_object_or_404(PRACTICE_PAGE, slug=slug)
    can_edit = practice.can_edit(request.user)
    # The versions the thread and the shared parts are kept under, in one round trip.
    versions = cache.get_many([threads.VERSION.key, pages.VERSION.key])
    drawn_thread, comment_count = threads.drawn(practice, request.user, versions)
    response = render(
        request,
        "practices/practice_detail.html",
        {
            "practice": practice,
            "parts": pages.practice_parts(practice, versions),
            "can_edit": can_edit,
            # Editors of the city and staff see how the practice got here.
            "history": practice.status_changes.select_related("changed_by") if can_edit else None,
            "thread_mark": threads.MARK,
            "comment_count": comment_count,
            "comment_form": CommentForm(),
            "comment_token": uuid.uuid4().hex,
            "following": threads.is_following(practice, request.user),
        },
    )
    return threads.put_in(response, drawn_thread)
