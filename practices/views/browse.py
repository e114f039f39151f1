"""Browsing practices: the list with its filters and search, and a practice's page."""

import uuid

from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.views.decorators.http import require_safe

from practices import briefings, caching, search, threads
from practices import filters as practice_filters
from practices.forms import CommentForm
from practices.models import Practice
from practices.models.practice import MARKDOWN_FIELDS
from practices.paging import PAGE_SIZE, page_address, paginate


def cards(ids, snippets=None):
    """The practices `ids`, in that order, as their cards show them (_practice_card.html), with
    their search snippets, read when a template first draws them: not at all when the fragment
    that shows them is kept."""

    def read():
        practices = Practice.objects.for_cards().in_order(ids)
        for practice in practices:
            practice.snippet = (snippets or {}).get(practice.pk)
        return practices

    return SimpleLazyObject(read)


def paged_cards(request, published, kind, params):
    """A page of the practices `published` (ordered), 20 to a page, as cards: how many, and
    which fill the page, kept like the counts under `kind` and `params`; the cards read only
    when the fragment that shows them is drawn again."""
    page = paginate(
        request,
        published.values_list("pk", flat=True),
        count=caching.cached(f"{kind}-count", params, published.count),
    )
    ids = caching.cached(
        f"{kind}-page", {**params, "page": page.number}, lambda: list(page.object_list)
    )
    page.object_list = cards(ids)
    return page


@require_safe
def practice_list(request):
    """Anyone: published practices, with combinable filters, facet counts and search."""
    form = practice_filters.PracticeFilterForm.for_list(request.GET)
    filters = form.filters
    base = Practice.objects.published()
    listed = practice_filters.found(base, filters, form.ordering)
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

    def page_cards():
        # Which practices fill the page, and their snippets, are kept like the counts.
        ids, snippets = caching.cached(
            "page-rows", {**filters, "sort": form.ordering, "page": page.number}, page_rows
        )
        return cards(ids, snippets)

    # The list below the search box is the same for every reader of the address: kept as a
    # fragment (practice_list.html), so what it shows is read only when it is drawn again.
    page.object_list = SimpleLazyObject(page_cards)
    # The filters asked for, less anything else (where the visitor came from, say) and those it
    # could not use: what its canonical address, its links to its other pages, its chips' links,
    # its PDF and the search to follow keep; the page tells which it ignored.
    shown = form.shown_params()
    context = {
        "form": form,
        "filters": filters,
        "page": page,
        # Its canonical address, named by its alternates too (base.html): the filters and the
        # page's number.
        "page_address": page_address(reverse("practices:list"), page, shown),
        "more_than": search.MAX_RESULTS if listed.more else None,
        "page_query": urlencode(shown),
        "ordering": form.ordering,
        "sort_choices": [
            (value, label)
            for value, label in practice_filters.Sort.choices
            if value != practice_filters.Sort.RELEVANCE or filters.get("q")
        ],
        "chips": SimpleLazyObject(lambda: practice_filters.chips(shown, filters)),
        "ignored": form.ignored(),
        "facets": practice_filters.Facets(base, filters),
        "briefing_limit": briefings.LIST_LIMIT,
    }
    return render(request, "practices/practice_list.html", context)


# What a practice's page reads of the practice: its row with its city, and its Markdown as
# rendered when saved (not its source, nor its search vector).
PRACTICE_PAGE = Practice.objects.select_related("city").defer(*MARKDOWN_FIELDS, "search_vector")
# What the page's kept fragments show besides (practice_detail.html).
SHOWN_WITH = [
    "city__networks",
    "lessons",
    "tags",
    "links",
    "files",
    "adapted_from__city",
]


@require_safe
def practice_detail(request, slug):
    """Anyone: one published practice with its lessons, tags, links, events and related ones."""
    # With whether a signed-in reader may edit it, has commented and follows its thread.
    practice = get_object_or_404(PRACTICE_PAGE.published().for_viewer(request.user), slug=slug)
    return practice_page(request, practice)


def practice_page(request, practice, *, preview=False):
    """The practice's page, for readers, and for its editors as a preview before publication."""
    can_edit = preview or practice.can_edit(request.user)

    def shown():
        prefetch_related_objects([practice], *SHOWN_WITH)
        practice.read_linked()
        return practice

    # The parts every reader sees alike are kept as fragments: what they show is read only
    # when they are drawn again.
    shown = SimpleLazyObject(shown)
    context = {
        "practice": practice,
        "shown": shown,
        "preview": preview,
        "can_edit": can_edit,
        "event_links": SimpleLazyObject(
            lambda: practice.event_links.select_related("event").order_by("event__starts_at")
        ),
        "related": SimpleLazyObject(lambda: list(shown.related())),
        # Editors of the city and staff see how the practice got here.
        "history": practice.status_changes.select_related("changed_by") if can_edit else None,
        # Editors and staff see that an edit waits, while readers see the published version.
        "waiting_revision": (
            practice.revisions.pending().only("pk").first() if can_edit and not preview else None
        ),
    }
    if not preview:
        # A long thread comes in pages of its conversations; one past the end is a 404.
        comment_page = paginate(
            request,
            range(practice.conversation_count),
            per_page=threads.PER_PAGE,
            param=threads.PAGE_PARAM,
        )
        context |= {
            "comment_page": comment_page,
            # Each page of the thread is its own address (the sitemap lists the first only).
            "page_address": threads.page_url(practice, comment_page.number, anchor=""),
            # Drawn only when the thread's fragment is not in the cache (_thread.html).
            "thread": SimpleLazyObject(
                lambda: threads.thread(practice, request.user, comment_page.number)
            ),
            "audience": threads.audience(practice, request.user),
            "comment_form": CommentForm(),
            "comment_token": uuid.uuid4().hex,
            "following": threads.is_following(practice, request.user),
        }
    return render(request, "practices/practice_detail.html", context)
