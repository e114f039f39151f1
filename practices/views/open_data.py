"""Open data: published practices as CSV or JSON, their Table Schema, and the page that explains
them.

The columns are those of practices/columns.py, the one registry the files, the schema and the
page's table are built from. The files take the practice list's filters and search (the same
query string as /practices/, read by practices/filters.py), so a list a reader narrowed down can
be downloaded as it is; a filter value that cannot be read is a 400 that says which, rather
than a file of every practice.

The files are streamed: rows are read from the database in chunks and written out as they come,
so an export of 100,000 practices never sits in memory. They hold the public fields only; a
practice's contact details are for signed-in members and never leave through here.
"""

import csv
import json

from django.http import HttpResponseBadRequest, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from practices import columns as registry
from practices import filters as practice_filters
from practices.models import Lesson, Practice

# Sections make a row several kilobytes: a chunk of 500 keeps the worker's memory flat.
CHUNK_SIZE = 500
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# The page's example of a narrowed download.
EXAMPLE_FILTERS = {"lesson": 2, "country": "NO", "q": "youth"}


def exported_practices(filters):
    """The published practices the filters leave, in publication order."""
    found = practice_filters.apply(Practice.objects.published(), filters)
    return found.order_by("published_at", "id")


def csv_cell(value):
    """A value as spreadsheets should read it: lists joined, and never as a formula."""
    if isinstance(value, list):
        value = registry.LIST_SEPARATOR.join(str(item) for item in value)
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
    names = [column.name for column in registry.COLUMNS]
    yield writer.writerow(names)
    for row in rows:
        yield writer.writerow([csv_cell(row[name]) for name in names])


def json_array(rows):
    yield "["
    separator = "\n"
    for row in rows:
        yield separator + json.dumps(row, ensure_ascii=False)
        separator = ",\n"
    yield "\n]\n"


def bad_filters(form):
    """A 400 naming each filter that could not be read, or None if all could."""
    ignored = form.ignored()
    if not ignored:
        return None
    lines = [f"{name}: {message}" for name, message in ignored]
    return HttpResponseBadRequest(
        "\n".join([_("These filters cannot be read:"), *lines]) + "\n",
        content_type="text/plain; charset=utf-8",
    )


def download(request, content, *, content_type, filename):
    form = practice_filters.PracticeFilterForm(request.GET)
    if refused := bad_filters(form):
        return refused
    rows = registry.records(request, exported_practices(form.filters), CHUNK_SIZE)
    response = StreamingHttpResponse(content(rows), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def open_data(request):
    """Anyone: the licence, the two formats, their filters and what each column means."""
    example = reverse("practices:open_data_csv") + "?" + urlencode(EXAMPLE_FILTERS)
    context = {
        "columns": registry.COLUMNS,
        "lessons": Lesson.objects.all(),
        "list_url": reverse("practices:list"),
        "schema_url": reverse("practices:open_data_schema"),
        "example_url": request.build_absolute_uri(example),
    }
    return render(request, "practices/open_data.html", context)


@require_safe
def practices_csv(request):
    """Anyone: the published practices (all, or those the filters leave) as CSV, streamed."""
    return download(
        request, csv_lines, content_type="text/csv; charset=utf-8", filename="practices.csv"
    )


@require_safe
def practices_json(request):
    """Anyone: the published practices as a JSON array of objects, streamed."""
    return download(request, json_array, content_type="application/json", filename="practices.json")


@require_safe
def schema(request):
    """Anyone: the files' columns as a Frictionless Table Schema, in the page's language."""
    return JsonResponse(
        registry.table_schema(),
        json_dumps_params={"ensure_ascii": False, "indent": 2},
        content_type="application/json",
    )
