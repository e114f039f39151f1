"""Browsing practices: the list with its filters and search, and a practice's page."""

import uuid

from django.core.cache import cache
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from practices import cards, counts, pages, search, threads
from practices import filters as practice_filters
from practices.forms import CommentForm
from practices.models import Practice

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


@require_safe
def practice_list(request):
    """Anyone: published practices, with combinable filters, facet counts and search."""
    form = practice_filters.PracticeFilterForm(request.GET)
    filters = form.filters
    base = Practice.objects.published()
    results = practice_filters.ordered(practice_filters.apply(base, filters), form.ordering)
    listed = practice_filters.found(base, filters, form.ordering)
    page = paginate(request, results, count=listed.count)
    # Which practices fill this page, and their search snippets, are kept like the counts: a
    # search by relevance ranked its matches at once (practices/search.py); ordering the
    # others is cheap, and the cards are kept drawn (practices/cards.py).
    start = (page.number - 1) * PAGE_SIZE

    def page_rows():
        if listed.ranked is not None:
            ids = listed.ranked[start : start + PAGE_SIZE]
        else:
            ids = list(results.values_list("pk", flat=True)[start : start + PAGE_SIZE])
        # Snippets are computed for the 20 rows shown, never for the whole result set.
        return ids, search.headlines([Practice(pk=pk) for pk in ids], filters.get("q", ""))

    ids, snippets = counts.cached(
        "page-rows", {**filters, "sort": form.ordering, "page": page.number}, page_rows
    )
    page.object_list = cards.drawn(ids, snippets)

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
        "facets": practice_filters.Facets(base, filters),
        # The sidebar is drawn again only when the counts or the filters change; each process
        # keeps its own copy (the key holds the version read from the shared cache).
        "counts_version": counts.VERSION.current(),
        "counts_seconds": counts.COUNTS_SECONDS,
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
