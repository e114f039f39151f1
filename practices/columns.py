"""The columns of the open data files: the one registry the CSV, the JSON, their Table Schema
and the /open-data/ page's table are all built from.

A column says its name, its type (a Frictionless Table Schema type, plus the type of the items
of a list), what it means (translated), and how its value is read: from the practice's own row
(`fields`, read with .values(), and `value` to shape them) or, for what sits in other tables,
through `lookup`, one query per chunk of practices that gives {practice id: value}. A new
column is one entry in COLUMNS (as `confirmed_at` and `adapted_from` are); nothing else needs
to change.

Events sit in the events app, which practices never imports: their column reads the link
table through the reverse relation (`Practice.event_links`).
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from taggit.models import TaggedItem

from practices.filters import SELF_ASSESSED
from practices.models import Practice
from practices.search import SECTION_FIELDS

SLUG_MARK = "slug-of-the-practice"
# How lists are written in a CSV cell.
LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class Column:
    name: str
    # Table Schema type: string, integer, boolean, datetime, or list (of `item_type`).
    type: str
    description: Any
    # The practice's own fields it reads (.values() names); by default its own name.
    fields: tuple = ()
    # value(row, context) -> the value, from the row of `fields` (default: the first field).
    value: Callable | None = None
    # lookup(ids) -> {practice id: value}: for values in other tables, one query a chunk.
    lookup: Callable | None = None
    # The value when lookup has none for a practice.
    missing: Any = None
    item_type: str = "string"
    required: bool = False
    enum: tuple = ()
    extra: dict = field(default_factory=dict)

    def read_fields(self):
        if self.lookup:
            return ()
        return self.fields or (self.name,)

    def schema(self):
        """The column as a Table Schema field descriptor."""
        found = {"name": self.name, "type": self.type, "description": str(self.description)}
        if self.type == "list":
            found |= {"delimiter": LIST_SEPARATOR, "itemType": self.item_type}
        if self.enum:
            found["constraints"] = {"enum": list(self.enum)}
        if self.required:
            found.setdefault("constraints", {})["required"] = True
        return found | self.extra


def grouped(pairs):
    """{key: [values]} from (key, value) pairs."""
    found = defaultdict(list)
    for key, value in pairs:
        found[key].append(value)
    return found


def lessons_of(ids):
    through = Practice.lessons.through
    rows = through.objects.filter(practice__in=ids).values_list("practice", "lesson__number")
    return {pk: sorted(numbers) for pk, numbers in grouped(rows).items()}


def tags_of(ids):
    rows = TaggedItem.objects.filter(
        content_type=ContentType.objects.get_for_model(Practice), object_id__in=ids
    ).values_list("object_id", "tag__name")
    return {pk: sorted(names) for pk, names in grouped(rows).items()}


def events_of(ids):
    # Through the reverse relation: practices never imports the events app.
    event_link = Practice._meta.get_field("event_links").related_model
    return grouped(
        event_link.objects.filter(practice__in=ids)
        .order_by("recording_time", "id")
        .values_list("practice", "event__slug")
    )


def timestamp(row, context, name):
    return row[name].isoformat() if row[name] else None


def section_column(name):
    heading = Practice._meta.get_field(name).verbose_name
    return Column(
        name,
        "string",
        format_lazy(
            _("The section “{heading}”, in Markdown; empty if not written."), heading=heading
        ),
        extra={"format": "markdown"},
    )


COLUMNS = [
    Column(
        "slug",
        "string",
        _("The practice's identifier on the portal; it does not change."),
        required=True,
    ),
    Column(
        "url",
        "string",
        _("The address of the practice's page."),
        fields=("slug",),
        value=lambda row, context: context["url"].replace(SLUG_MARK, row["slug"]),
        extra={"format": "uri"},
    ),
    Column("title", "string", _("The title, in the practice's language."), required=True),
    Column(
        "city",
        "string",
        _("The city that carried out and published the practice."),
        fields=("city__name",),
    ),
    Column("city_slug", "string", _("The city's identifier on the portal."), ("city__slug",)),
    Column(
        "country",
        "string",
        _("The city's country, as an ISO 3166-1 alpha-2 code such as NO or FR."),
        fields=("city__country",),
    ),
    Column(
        "language",
        "string",
        _("The language the practice is written in: en (English) or fr (French)."),
        enum=tuple(Practice.Language.values),
    ),
    Column(
        "evidence",
        "string",
        _(
            "How far the results were evaluated, as the city itself says (self-assessed): "
            "not_evaluated, internally_reviewed or externally_evaluated."
        ),
        enum=tuple(Practice.Evidence.values),
    ),
    Column(
        "evidence_baseline",
        "boolean",
        _("The city's self-assessment: whether a baseline was measured before it started."),
    ),
    Column(
        "evidence_published",
        "boolean",
        _("The city's self-assessment: whether the evaluation was published."),
    ),
    Column(
        "evidence_repeated",
        "boolean",
        _("The city's self-assessment: whether the practice was repeated elsewhere."),
    ),
    Column(
        "evidence_rating",
        "string",
        _(
            "The portal's reviewed rating (see /evidence/): promising, evaluated or strong; "
            "self_assessed while no reviewer has rated it."
        ),
        value=lambda row, context: row["evidence_rating"] or SELF_ASSESSED,
        enum=(*Practice.EvidenceRating.values, SELF_ASSESSED),
    ),
    Column(
        "evidence_justification",
        "string",
        _("The reviewer's reasons for the rating; empty if not rated."),
    ),
    Column("start_year", "integer", _("The year the practice started.")),
    Column(
        "end_year", "integer", _("The year it ended; empty (null in JSON) if it has not ended.")
    ),
    Column("ongoing", "boolean", _("Whether the practice is still running: true or false.")),
    Column(
        "lessons",
        "list",
        _("The numbers (1 to 9) of the key lessons it illustrates."),
        lookup=lessons_of,
        missing=[],
        item_type="integer",
    ),
    Column("tags", "list", _("Its keywords."), lookup=tags_of, missing=[]),
    Column(
        "events",
        "list",
        _("The identifiers (slugs) of the events where it was presented."),
        lookup=events_of,
        missing=[],
    ),
    Column("summary", "string", _("Two or three sentences: what the city did and why.")),
    *[section_column(name) for name in SECTION_FIELDS],
    Column(
        "published_at",
        "datetime",
        _("When it was published, as ISO 8601 date and time in UTC."),
        value=lambda row, context: timestamp(row, context, "published_at"),
    ),
    Column(
        "updated_at",
        "datetime",
        _("When it was last changed, as ISO 8601 date and time in UTC."),
        value=lambda row, context: timestamp(row, context, "updated_at"),
    ),
    Column(
        "confirmed_at",
        "datetime",
        _(
            "When its city last confirmed it still runs as described (or that it ended), as "
            "ISO 8601 date and time in UTC."
        ),
        value=lambda row, context: timestamp(row, context, "confirmed_at"),
    ),
    Column(
        "adapted_from",
        "string",
        _(
            "The identifier (slug) of the published practice this one adapts; empty (null in "
            "JSON) if it adapts none."
        ),
        fields=("adapted_from__slug", "adapted_from__status"),
        # A source no longer published is not named: its page is not public.
        value=lambda row, context: (
            row["adapted_from__slug"]
            if row["adapted_from__status"] == Practice.Status.PUBLISHED
            else None
        ),
    ),
]


def row_fields(columns=COLUMNS):
    """The practice fields a chunk's .values() reads: each column's, once, and the id."""
    return list(dict.fromkeys(["id", *(f for column in columns for f in column.read_fields())]))


def records(request, practices, chunk_size, columns=COLUMNS):
    """One dict per practice of the queryset `practices` (ordered), keyed by column name, read
    in chunks: plain values, not model instances, and each lookup a query per chunk."""
    # Every page address has the same shape: built once, the slug put in per row.
    context = {"url": request.build_absolute_uri(reverse("practices:detail", args=[SLUG_MARK]))}
    rows = practices.values(*row_fields(columns)).iterator(chunk_size=chunk_size)
    while chunk := list(islice(rows, chunk_size)):
        ids = [row["id"] for row in chunk]
        looked_up = {column.name: column.lookup(ids) for column in columns if column.lookup}
        for row in chunk:
            record = {}
            for column in columns:
                if column.lookup:
                    record[column.name] = looked_up[column.name].get(row["id"], column.missing)
                elif column.value:
                    record[column.name] = column.value(row, context)
                else:
                    record[column.name] = row[(column.fields or (column.name,))[0]]
            yield record


def table_schema(columns=COLUMNS):
    """The files' columns as a Frictionless Table Schema."""
    return {
        "$schema": "https://datapackage.org/profiles/2.0/tableschema.json",
        "fields": [column.schema() for column in columns],
        "primaryKey": ["slug"],
        "missingValues": [""],
    }
