"""The read-only JSON API, /api/v1/: published practices, lessons, cities, networks, events.

django-ninja builds the OpenAPI description (/api/v1/openapi.json) from the schemas in
api/schemas.py and serves its documentation page (/api/v1/docs) from our own static files.
The practice list takes the list page's filters and search, read by practices/filters.py as
the page reads them; a value that cannot be read is a 400 naming it. Every answer goes through
api/conditional.py (ETag, Last-Modified as api/changes.py dates it, 304) and the per-address
limit of api/limits.py.
"""

from django.db.models import Count, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.text import capfirst
from django.views.decorators.http import require_safe
from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import ValidationError

from api import changes, cursors, schemas
from api.conditional import answer
from api.limits import PerClientAddress
from events.models import Event, EventPractice
from practices import filters as practice_filters
from practices.models import City, Lesson, Network, Practice
from practices.models.practice import MARKDOWN_FIELDS

DEFAULT_LIMIT = 20
MAX_LIMIT = 100

api = NinjaAPI(
    title="Together for Safety practices",
    version="1",
    description=(
        "The published practices of the Together for Safety portal, read-only, as JSON. "
        "No key is needed; each client address may make a limited number of requests a minute "
        "(429 with Retry-After past it). Every answer has an ETag, and the practices, events, "
        "cities and networks a Last-Modified (a list's is the last change anywhere in the "
        "list, so a page's moves when a row leaves it; an empty page has none): ask again with "
        "If-None-Match (or If-Modified-Since) for a 304 when nothing changed. Lists come a "
        "page at a time: a page's next_cursor is for the list that gave it, and another "
        "list's is a 400. Any site may fetch it (Access-Control-Allow-Origin: *). Texts are "
        "under CC BY 4.0: credit the city and link to the practice's page."
    ),
    urls_namespace="api",
    # The description and its page are read, never posted to.
    docs_decorator=require_safe,
    throttle=[PerClientAddress()],
)


class BadParameters(Exception):
    def __init__(self, errors):
        self.errors = errors


@api.exception_handler(BadParameters)
def bad_parameters(request, exc):
    return api.create_response(
        request, {"detail": "Some parameters cannot be read.", "errors": exc.errors}, status=400
    )


def filter_errors(form):
    """{parameter: message} for each filter of the list page's that cannot be read."""
    # The API has one order, so the list page's sort is no concern of it.
    return {name: message for name, message in form.ignored() if name != "sort"}


@api.exception_handler(ValidationError)
def invalid_parameters(request, exc):
    """ninja's own parsing (a year that is not a number, say): 400, as the filters give, with
    the filters' own messages where they have one, so every bad value is named at once."""
    errors = {str(error["loc"][-1]): error["msg"] for error in exc.errors if error.get("loc")}
    if request.resolver_match and request.resolver_match.url_name == "practices":
        errors |= filter_errors(practice_filters.PracticeFilterForm(request.GET))
    return bad_parameters(request, BadParameters(errors or {"": "Invalid request."}))


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": str(exc) or "Not found."}, status=404)


def practices_url(request, **filters):
    """The address of the API's practice list with these filters."""
    return request.build_absolute_uri(f"{reverse('api:practices')}?{urlencode(filters)}")


# What a list item reads: the row with its city, lessons and tags; never the long texts.
LISTED = (
    Practice.objects.select_related("city")
    .prefetch_related("lessons", "tags")
    .defer(*MARKDOWN_FIELDS, "rendered", "search_vector")
)


def listed(filters):
    """The published practices the filters leave. A search is bounded as the list page's is:
    its matches (at most search.MAX_RESULTS, found through the search index and kept like the
    page's) among those the other filters leave, so a common word costs what a rare one does."""
    if "q" not in filters:
        return practice_filters.apply(LISTED.published(), filters)
    ids, _more = practice_filters.matches(Practice.objects.published(), filters)
    return LISTED.filter(pk__among=ids)


def summary(request, practice):
    return {
        "slug": practice.slug,
        "title": practice.title,
        "url": request.build_absolute_uri(practice.get_absolute_url()),
        "api_url": request.build_absolute_uri(reverse("api:practice", args=[practice.slug])),
        "city": {
            "slug": practice.city.slug,
            "name": practice.city.name,
            "country": str(practice.city.country),
            "url": request.build_absolute_uri(practice.city.get_absolute_url()),
        },
        "language": practice.language,
        "evidence": practice.evidence,
        "start_year": practice.start_year,
        "end_year": practice.end_year,
        "ongoing": practice.ongoing,
        "lessons": sorted(lesson.number for lesson in practice.lessons.all()),
        "tags": sorted(tag.name for tag in practice.tags.all()),
        "summary": practice.summary,
        "published_at": practice.published_at,
        "updated_at": practice.updated_at,
    }


def dump(schema, data):
    """`data` checked against and shaped by `schema`: what the description promises."""
    return schema.model_validate(data).model_dump(mode="json")


class PracticeFilters(Schema):
    """The list page's filters (practices/filters.py reads them), and the page asked for."""

    q: str | None = Field(
        None,
        description="Search words, as in the portal's search box; like it, a search finds at "
        "most 1,000 practices.",
    )
    lesson: list[int] | None = Field(None, description="A lesson number (1 to 9); repeatable.")
    country: str | None = Field(None, description="An ISO 3166-1 alpha-2 code, such as NO.")
    city: str | None = Field(None, description="A city's slug.")
    tag: str | None = Field(None, description="A tag's slug.")
    network: str | None = Field(None, description="A network's slug: its cities' practices.")
    event: str | None = Field(None, description="An event's slug: the practices shown there.")
    language: str | None = Field(None, description="en or fr.")
    evidence: str | None = Field(
        None, description="not_evaluated, internally_reviewed or externally_evaluated."
    )
    year: int | None = Field(None, description="Running in that year.")


class Paging(Schema):
    """The page of a list asked for: the rows after a cursor, so many of them."""

    cursor: str | None = Field(
        None, description="The `next_cursor` of this list's page before; another list's is a 400."
    )
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="How many per page.")


def cursor_errors(order, paging):
    """{"cursor": message} when the cursor is not one this list gave, else {}."""
    try:
        if paging.cursor:
            order.decode(paging.cursor)
    except cursors.BadCursor as error:
        if error.of:
            return {
                "cursor": f"A cursor of the {error.of} list, not of the {order.name} list: "
                "pass a page's next_cursor to the list that gave it."
            }
        if error.unnamed:
            return {
                "cursor": f"Not a cursor of the {order.name} list, or one of those given before "
                "cursors named their list, which it no longer reads: start again from its "
                "first page."
            }
        return {"cursor": "Not a cursor this API gave: pass a page's next_cursor as it is."}
    return {}


def page_of(request, order, rows, paging, item):
    """The page of `rows` after the cursor, in `order`: its results (item(request, row) for
    each), and the cursor and address of the next page, None on the last; and its rows."""
    found = list(order.after(rows, paging.cursor)[: paging.limit + 1])
    page, more = found[: paging.limit], len(found) > paging.limit
    next_cursor = order.encode(page[-1]) if more else None
    query = request.GET.copy()
    query["cursor"] = next_cursor
    data = {
        "results": [item(request, row) for row in page],
        "next_cursor": next_cursor,
        "next": request.build_absolute_uri(f"{request.path}?{query.urlencode()}") if more else None,
    }
    return data, page


def count_of(rows, field):
    """How many of `rows` point to the outer row by `field`: a subquery the database runs
    for the page's rows only, where Count() over a join would count for every row first (at
    2,000 cities, 480 ms for any page of them)."""
    per_row = rows.filter(**{field: OuterRef("pk")}).order_by().values(field)
    return Coalesce(Subquery(per_row.annotate(count=Count("pk")).values("count")), 0)


def paged_list(request, order, paging, rows, item, schema, sources):
    """A list other than practices' (no filters), a page at a time: 400 for a bad cursor.
    Last modified when anything `sources` names last changed (api/changes.py)."""
    if errors := cursor_errors(order, paging):
        raise BadParameters(errors)

    def compute():
        data, page = page_of(request, order, sources.annotate(rows), paging, item)
        return dump(schema, data), sources.last_modified(page)

    return answer(request, compute)


@api.get(
    "/practices/",
    response={200: schemas.PracticePage, 400: schemas.Problem, 429: schemas.Problem},
    url_name="practices",
    summary="Published practices, newest first",
    tags=["practices"],
)
def practice_list(request, params: Query[PracticeFilters], paging: Query[Paging]):
    """Newest first, a page at a time: follow `next` (or pass `next_cursor` as `cursor`) until
    it is null to read every practice exactly once, even while new ones are published."""
    # Read only when the answer is not kept: building and checking the form cost more than
    # the kept answer.
    form = SimpleLazyObject(lambda: practice_filters.PracticeFilterForm(request.GET))

    def check():
        if errors := filter_errors(form) | cursor_errors(cursors.PRACTICES, paging):
            raise BadParameters(errors)

    def compute():
        rows = changes.PRACTICES.annotate(listed(form.filters))
        data, page = page_of(request, cursors.PRACTICES, rows, paging, summary)
        return dump(schemas.PracticePage, data), changes.PRACTICES.last_modified(page)

    return answer(request, compute, check)


@api.get(
    "/practices/{slug}/",
    response={200: schemas.PracticeDetail, 404: schemas.Problem, 429: schemas.Problem},
    url_name="practice",
    summary="One published practice, with all its sections",
    tags=["practices"],
)
def practice_detail(request, slug: str):
    """Its sections as the portal shows them: HTML rendered from the Markdown and sanitised
    when the practice was saved. Not the contact section, which is for signed-in members."""

    def compute():
        practice = get_object_or_404(
            changes.PRACTICE.annotate(Practice.objects.published())
            .select_related("city")
            .prefetch_related("lessons", "tags", "links")
            .defer(*MARKDOWN_FIELDS, "search_vector"),
            slug=slug,
        )
        presented = list(
            EventPractice.objects.filter(practice=practice)
            .select_related("event")
            .order_by("event__starts_at")
        )
        data = summary(request, practice) | {
            "sections": [
                {"name": name, "heading": str(capfirst(heading)), "html": str(html)}
                for name, heading, html in practice.sections
            ],
            "links": [{"title": link.title, "url": link.url} for link in practice.links.all()],
            "events": [
                {
                    "slug": link.event.slug,
                    "title": link.event.title,
                    "starts_at": link.event.starts_at,
                    "url": request.build_absolute_uri(link.event.get_absolute_url()),
                }
                for link in presented
            ],
        }
        # What it shows of others changes with them: its city, the events it was shown at.
        changed = changes.newest_of(
            practice.updated_at,
            practice.city.updated_at,
            *(link.event.updated_at for link in presented),
            changes.PRACTICE.last_modified([practice]),
        )
        return dump(schemas.PracticeDetail, data), changed

    return answer(request, compute)


@api.get(
    "/lessons/",
    response={200: list[schemas.Lesson], 429: schemas.Problem},
    url_name="lessons",
    summary="The nine key lessons, in both languages",
    tags=["reference"],
)
def lesson_list(request):
    def compute():
        data = [
            {
                "number": lesson.number,
                "slug": lesson.slug,
                "title_en": lesson.title_en,
                "title_fr": lesson.title_fr,
                "short_title_en": lesson.short_title_en or "",
                "short_title_fr": lesson.short_title_fr or "",
                "summary_en": lesson.summary_en,
                "summary_fr": lesson.summary_fr,
                "url": request.build_absolute_uri(
                    reverse("practices:lesson", args=[lesson.number])
                ),
                "practices": practices_url(request, lesson=lesson.number),
            }
            for lesson in Lesson.objects.all()
        ]
        return [dump(schemas.Lesson, row) for row in data], None

    return answer(request, compute)


def city_item(request, city):
    return {
        "slug": city.slug,
        "name": city.name,
        "country": str(city.country),
        "region": city.region,
        "website": city.website,
        "url": request.build_absolute_uri(city.get_absolute_url()),
        "networks": [network.slug for network in city.networks.all()],
        "practice_count": city.practice_count,
        "practices": practices_url(request, city=city.slug),
    }


@api.get(
    "/cities/",
    response={200: schemas.CityPage, 400: schemas.Problem, 429: schemas.Problem},
    url_name="cities",
    summary="The cities, by name, a page at a time",
    tags=["reference"],
)
def city_list(request, paging: Query[Paging]):
    """By name (then id), a page at a time: follow `next` until it is null to read every city
    exactly once, even while cities are added."""
    published = Practice.objects.filter(status=Practice.Status.PUBLISHED)
    cities = City.objects.annotate(practice_count=count_of(published, "city"))
    cities = cities.prefetch_related(Prefetch("networks", Network.objects.only("slug")))
    return paged_list(
        request, cursors.CITIES, paging, cities, city_item, schemas.CityPage, changes.CITIES
    )


@api.get(
    "/networks/",
    response={200: list[schemas.Network], 429: schemas.Problem},
    url_name="networks",
    summary="The networks of cities, by name",
    tags=["reference"],
)
def network_list(request):
    def compute():
        networks = list(
            changes.NETWORKS.annotate(Network.objects.all())
            .prefetch_related(Prefetch("cities", City.objects.only("slug").order_by("name")))
            .order_by("name")
        )
        data = [
            {
                "slug": network.slug,
                "name": network.name,
                "website": network.website,
                "description_en": network.description_en or "",
                "description_fr": network.description_fr or "",
                "url": request.build_absolute_uri(network.get_absolute_url()),
                "cities": [city.slug for city in network.cities.all()],
                "practices": practices_url(request, network=network.slug),
            }
            for network in networks
        ]
        changed = changes.NETWORKS.last_modified(networks)
        return [dump(schemas.Network, row) for row in data], changed

    return answer(request, compute)


def event_item(request, event):
    return {
        "slug": event.slug,
        "series": event.series,
        "title_en": event.title_en,
        "title_fr": event.title_fr or "",
        "starts_at": event.starts_at,
        "ends_at": event.ends_at,
        "time_zone": event.time_zone,
        "online": event.online,
        "place": event.place,
        "link": event.link,
        "url": request.build_absolute_uri(event.get_absolute_url()),
        "lessons": sorted(lesson.number for lesson in event.lessons.all()),
        "practices": [link.practice.slug for link in event.first_shown],
        "practice_count": event.practice_count,
        "practices_url": practices_url(request, event=event.slug),
    }


@api.get(
    "/events/",
    response={200: schemas.EventPage, 400: schemas.Problem, 429: schemas.Problem},
    url_name="events",
    summary="The events, latest first, with the published practices shown there",
    tags=["reference"],
)
def event_list(request, paging: Query[Paging]):
    """Latest first (by start, then id), a page at a time: follow `next` until it is null to
    read every event exactly once, even while events are added. Each names the first of the
    practices shown there (`practices`) and links to all of them (`practices_url`)."""
    shown = EventPractice.objects.filter(practice__status=Practice.Status.PUBLISHED)
    first_shown = shown.select_related("practice").only("event", "practice__slug")
    events = Event.objects.annotate(practice_count=count_of(shown, "event")).prefetch_related(
        "lessons",
        # Sliced, the prefetch takes each event's first ones (a window over the page's events).
        Prefetch(
            "practice_links", first_shown[: schemas.PRACTICES_PER_EVENT], to_attr="first_shown"
        ),
    )
    return paged_list(
        request, cursors.EVENTS, paging, events, event_item, schemas.EventPage, changes.EVENTS
    )
