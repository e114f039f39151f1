"""Browsing practices: the list with its filters and search, and a practice's page."""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe
from taggit.models import TaggedItem

from practices import cards, counts, search, threads
from practices import filters as practice_filters
from practices.forms import CommentForm
from practices.models import Practice

PAGE_SIZE = 20
RELATED_COUNT = 5
# How many recent practices sharing a tag, and sharing a lesson, compete to be related.
RELATED_CANDIDATES = 100


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
    page = paginate(request, results, count=counts.cached("results", filters, results.count))
    # Which practices fill this page, and their search snippets, are kept like the counts:
    # ranking every match of a search for a common word is the costly part.
    start = (page.number - 1) * PAGE_SIZE

    def page_rows():
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
        # The sidebar is drawn again only when the counts or the filters change.
        "counts_version": counts.VERSION.current(),
        "counts_seconds": counts.COUNTS_SECONDS,
    }
    return render(request, "practices/practice_list.html", context)


@require_safe
def practice_detail(request, slug):
    """Anyone: one published practice with its lessons, tags, links, events and related ones."""
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
    can_edit = practice.can_edit(request.user)
    comments_html, comment_count = threads.drawn(practice, request.user)
    return render(
        request,
        "practices/practice_detail.html",
        {
            "practice": practice,
            "event_links": event_links,
            "related": related_practices(practice),
            "can_edit": can_edit,
            # Editors of the city and staff see how the practice got here.
            "history": practice.status_changes.select_related("changed_by") if can_edit else None,
            "comments_html": comments_html,
            "comment_count": comment_count,
            "comment_form": CommentForm(),
            "comment_token": uuid.uuid4().hex,
            "following": threads.is_following(practice, request.user),
        },
    )


def related_practices(practice):
    """Up to five published practices sharing the most tags, then lessons, with this one. They
    are chosen among the latest tagged with one of its tags and the most recent sharing one of
    its lessons, so the page costs the same with 1,000 practices or 100,000."""
    lesson_ids = [lesson.pk for lesson in practice.lessons.all()]
    tag_ids = [tag.pk for tag in practice.tags.all()]
    content_type = ContentType.objects.get_for_model(Practice)
    tagged = TaggedItem.objects.filter(content_type=content_type, tag__in=tag_ids)
    in_lessons = Practice.lessons.through.objects.filter(lesson__in=lesson_ids)
    candidates = set()
    if tag_ids:
        candidates.update(
            tagged.exclude(object_id=practice.pk)
            .order_by("-object_id")
            .values_list("object_id", flat=True)[:RELATED_CANDIDATES]
        )
    if lesson_ids:
        candidates.update(
            Practice.objects.published()
            .exclude(pk=practice.pk)
            .filter(lessons__in=lesson_ids)
            .order_by("-published_at")
            .values_list("pk", flat=True)[:RELATED_CANDIDATES]
        )
    # Counted per candidate through the indexes, rather than by joining every link.
    shared_tags = tagged.filter(object_id=OuterRef("pk")).order_by().values("object_id")
    shared_lessons = in_lessons.filter(practice=OuterRef("pk")).order_by().values("practice")
    return (
        Practice.objects.published()
        .filter(pk__in=candidates)
        .annotate(
            shared_tags=Coalesce(Subquery(shared_tags.annotate(n=Count("pk")).values("n")), 0),
            shared_lessons=Coalesce(
                Subquery(shared_lessons.annotate(n=Count("pk")).values("n")), 0
            ),
        )
        .select_related("city")
        .order_by("-shared_tags", "-shared_lessons", "-published_at")[:RELATED_COUNT]
    )
