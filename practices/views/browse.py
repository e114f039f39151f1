"""Browsing practices: the list with its filters and search, and a practice's page."""

import functools
import hashlib
import uuid

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connection
from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from practices import cards, counts, pages, search, threads
from practices import filters as practice_filters
from practices.cache_versions import kept
from practices.forms import CommentForm
from practices.models import Practice

PAGE_SIZE = 20


def paginate(request, rows, per_page=PAGE_SIZE, count=None):
    """The requested page of a list (`rows`: a queryset, or range(count) for a view that finds
    the page's rows itself); a page that does not exist is a 404, not an error. `count`, when
    known already, spares counting the whole list again."""
    paginator = Paginator(rows, per_page)
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
    listed = practice_filters.found(base, filters, form.ordering)
    # Only the page's number is worked out here. Which practices fill it, and their search
    # snippets, are kept like the counts: a search by relevance ranked its matches at once
    # (practices/search.py); ordering the others is cheap, and the cards are kept drawn
    # (practices/cards.py).
    page = paginate(request, range(listed.count))
    start = (page.number - 1) * PAGE_SIZE

    def page_rows():
        if listed.ranked is not None:
            ids = listed.ranked[start : start + PAGE_SIZE]
        else:
            results = practice_filters.apply(base, filters)
            results = practice_filters.ordered(results, form.ordering)
            ids = list(results.values_list("pk", flat=True)[start : start + PAGE_SIZE])
        # Snippets are computed for the 20 rows shown, never for the whole result set.
        return ids, search.headlines([Practice(pk=pk) for pk in ids], filters.get("q", ""))

    ids, snippets = counts.cached(
        "page-rows", {**filters, "sort": form.ordering, "page": page.number}, page_rows
    )

    def draw():
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
            # The sidebar is drawn again only when the counts or the filters change, for
            # another page of the same list too.
            "counts_version": counts.VERSION.current(),
            "counts_seconds": counts.COUNTS_SECONDS,
            "LANGUAGE_CODE": get_language(),
        }
        return render_to_string("practices/includes/_list.html", context)

    # What the list shows is the same for every reader of the address: drawn once and kept by
    # each process under what it shows, the counts, the names in its chips (the pages' version)
    # and its cards' versions. Not in the shared cache: it is put together again from the cards
    # kept there.
    shown = (
        request.META.get("QUERY_STRING", ""),
        counts.VERSION.current(),
        pages.VERSION.current(),
        cards.stamps(ids),
    )
    key = hashlib.sha256(repr(shown).encode()).hexdigest()
    content = kept(
        f"practice-list:{get_language()}:{key}", draw, counts.COUNTS_SECONDS, shared=False
    )
    context = {"filters": filters, "content": content}
    return render(request, "practices/practice_list.html", context)


# A practice's page reads of the practice only what it shows around the shared parts (drawn
# from the whole practice, practices/pages.py), with the summary of its comments, the drawn
# thread's key: its 30 columns and its city cost 0.4 ms of a 3.3 ms view. Compiling the
# query to SQL took as long as running it, so it is compiled once for the database in use and
# run with the slug asked for (an index scan on the slug and one on the practice's comments).
PRACTICE_PAGE = threads.with_summary(
    Practice.objects.published()
    .only(*("title", "slug", "summary", "contact", "language", "status", "city"))
    .order_by()
)
# Stands for the slug while the SQL is compiled, to find the slug's place among its parameters.
SLUG_STAND_IN = uuid.uuid4().hex


@functools.cache
def practice_page_sql(vendor):
    sql, params = PRACTICE_PAGE.filter(slug=SLUG_STAND_IN).query.sql_with_params()
    return sql, params, params.index(SLUG_STAND_IN)


def published_practice(slug):
    """The published practice at `slug`, as its page reads it; a 404 if there is none."""
    sql, params, at = practice_page_sql(connection.vendor)
    found = list(Practice.objects.raw(sql, [*params[:at], slug, *params[at + 1 :]]))
    if not found:
        raise Http404("No such practice.")
    return found[0]


@require_safe
def practice_detail(request, slug):
    """Anyone: one published practice with its lessons, tags, links, events and related ones."""
    practice = published_practice(slug)
    can_edit = practice.can_edit(request.user)
    drawn_thread, comment_count = threads.drawn(practice, request.user)
    response = render(
        request,
        "practices/practice_detail.html",
        {
            "practice": practice,
            "parts": pages.practice_parts(practice),
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
