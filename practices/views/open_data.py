"""Open data: every published practice as CSV or JSON, and the page that explains both.

The files are streamed: rows are read from the database in chunks and written out as they come,
so an export of 100,000 practices never sits in memory. They hold the public fields only; a
practice's contact details are for signed-in members and never leave through here.
"""

import csv
import json
from collections import defaultdict
from itertools import islice

from django.contrib.contenttypes.models import ContentType
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from taggit.models import TaggedItem

from practices.filters import SELF_ASSESSED
from practices.models import Lesson, Practice

CHUNK_SIZE = 2000
SLUG_MARK = "slug-of-the-practice"
LIST_SEPARATOR = ";"
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

# (column, meaning), in file order. The page's table and both files are built from this list.
COLUMNS = [
    ("slug", _("The practice's identifier on the portal; it does not change.")),
    ("url", _("The address of the practice's page.")),
    ("title", _("The title, in the practice's language.")),
    ("city", _("The city that carried out and published the practice.")),
    ("city_slug", _("The city's identifier on the portal.")),
    ("country", _("The city's country, as an ISO 3166-1 alpha-2 code such as NO or FR.")),
    ("language", _("The language the practice is written in: en (English) or fr (French).")),
    (
        "evidence",
        _(
            "How far the results were evaluated: not_evaluated, internally_reviewed or "
            "externally_evaluated."
        ),
    ),
    (
        "evidence_baseline",
        _("The city's self-assessment: whether a baseline was measured before it started."),
    ),
    ("evidence_published", _("The city's self-assessment: whether the evaluation was published.")),
    (
        "evidence_repeated",
        _("The city's self-assessment: whether the practice was repeated elsewhere."),
    ),
    (
        "evidence_rating",
        _(
            "The portal's reviewed rating (see /evidence/): promising, evaluated or strong; "
            "self_assessed while no reviewer has rated it."
        ),
    ),
    ("evidence_justification", _("The reviewer's reasons for the rating; empty if not rated.")),
    ("start_year", _("The year the practice started.")),
    ("end_year", _("The year it ended; empty (null in JSON) if it has not ended.")),
    ("ongoing", _("Whether the practice is still running: true or false.")),
    ("lessons", _("The numbers (1 to 9) of the key lessons it illustrates.")),
    ("tags", _("Its keywords.")),
    ("events", _("The identifiers (slugs) of the events where it was presented.")),
    ("summary", _("Two or three sentences: what the city did and why.")),
    ("published_at", _("When it was published, as ISO 8601 date and time in UTC.")),
    ("updated_at", _("When it was last changed, as ISO 8601 date and time in UTC.")),
]


def exported_practices():
    """Published practices as plain rows of exactly what a file holds, in publication order."""
    return (
        Practice.objects.published()
        .order_by("published_at", "id")
        .values(
            "id",
            "slug",
            "title",
            "summary",
            "language",
            "evidence",
            "evidence_baseline",
            "evidence_published",
            "evidence_repeated",
            "evidence_rating",
            "evidence_justification",
            "start_year",
            "end_year",
            "ongoing",
            "published_at",
            "updated_at",
            "city__name",
            "city__slug",
            "city__country",
        )
    )


def grouped(pairs):
    """{key: [values]} from (key, value) pairs."""
    found = defaultdict(list)
    for key, value in pairs:
        found[key].append(value)
    return found


def practice_rows(request):
    """One dict per published practice, keyed by COLUMNS, read in chunks from the database.
    Plain values, not model instances: 100,000 practices with their lessons, tags and events
    would otherwise cost several minutes of building objects that are thrown away at once."""
    # Every page address has the same shape: built once, the slug put in per row.
    url = request.build_absolute_uri(reverse("practices:detail", args=[SLUG_MARK]))
    content_type = ContentType.objects.get_for_model(Practice)
    # Events through the reverse relation: practices never imports the events app.
    event_link = Practice._meta.get_field("event_links").related_model
    rows = exported_practices().iterator(chunk_size=CHUNK_SIZE)
    while chunk := list(islice(rows, CHUNK_SIZE)):
        ids = [row["id"] for row in chunk]
        lessons = grouped(
            Practice.lessons.through.objects.filter(practice__in=ids).values_list(
                "practice", "lesson__number"
            )
        )
        tags = grouped(
            TaggedItem.objects.filter(content_type=content_type, object_id__in=ids).values_list(
                "object_id", "tag__name"
            )
        )
        events = grouped(
            event_link.objects.filter(practice__in=ids)
            .order_by("recording_time", "id")
            .values_list("practice", "event__slug")
        )
        for row in chunk:
            yield {
                "slug": row["slug"],
                "url": url.replace(SLUG_MARK, row["slug"]),
                "title": row["title"],
                "city": row["city__name"],
                "city_slug": row["city__slug"],
                "country": row["city__country"],
                "language": row["language"],
                "evidence": row["evidence"],
                "evidence_baseline": row["evidence_baseline"],
                "evidence_published": row["evidence_published"],
                "evidence_repeated": row["evidence_repeated"],
                "evidence_rating": row["evidence_rating"] or SELF_ASSESSED,
                "evidence_justification": row["evidence_justification"],
                "start_year": row["start_year"],
                "end_year": row["end_year"],
                "ongoing": row["ongoing"],
                "lessons": sorted(lessons[row["id"]]),
                "tags": sorted(tags[row["id"]]),
                "events": events[row["id"]],
                "summary": row["summary"],
                "published_at": row["published_at"].isoformat(),
                "updated_at": row["updated_at"].isoformat(),
            }


def csv_cell(value):
    """A value as spreadsheets should read it: lists joined, and never as a formula."""
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(str(item) for item in value)
    elif isinstance(value, bool):
        value = "true" if value else "false"
    elif value is None:
        value = ""
    value = str(value)
    if value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class Echo:
    """A file-like object whose write() hands the line back, so csv.writer can stream."""

    def write(self, value):
        return value


def csv_lines(rows):
    writer = csv.writer(Echo())
    yield writer.writerow([name for name, _meaning in COLUMNS])
    for row in rows:
        yield writer.writerow([csv_cell(row[name]) for name, _meaning in COLUMNS])


def json_array(rows):
    yield "["
    separator = "\n"
    for row in rows:
        yield separator + json.dumps(row, ensure_ascii=False)
        separator = ",\n"
    yield "\n]\n"


def download(content, *, content_type, filename):
    response = StreamingHttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def open_data(request):
    """Anyone: the licence, the two formats and what each column means."""
    return render(
        request,
        "practices/open_data.html",
        {"columns": COLUMNS, "lessons": Lesson.objects.all()},
    )


@require_safe
def practices_csv(request):
    """Anyone: every published practice as CSV, streamed."""
    return download(
        csv_lines(practice_rows(request)),
        content_type="text/csv; charset=utf-8",
        filename="practices.csv",
    )


@require_safe
def practices_json(request):
    """Anyone: every published practice as a JSON array of objects, streamed."""
    return download(
        json_array(practice_rows(request)),
        content_type="application/json",
        filename="practices.json",
    )
