"""The home page's chart: how many published practices ran in each of the last years, lesson by
lesson. The tiles above it give each lesson's total; this shows which lessons cities are
working on now and which were mostly earlier work.

It is a table shaded by count, as the coverage page is (no SVG coordinates, no script: a screen
reader reads it as a table and a phone slides it sideways). A practice runs in a year as the
list's "Running in year" filter reads it (practices/filters.py), so each count links to the list
filtered on that lesson and year, and the list finds the same practices.
"""

from dataclasses import dataclass

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from practices import caching
from practices.coverage import Cell
from practices.models import Lesson, Practice

YEARS_SHOWN = 8


@dataclass(frozen=True)
class Row:
    lesson: Lesson
    cells: list[Cell]


@dataclass(frozen=True)
class YearChart:
    years: list[int]
    rows: list[Row]

    @property
    def empty(self):
        return not any(cell.count for row in self.rows for cell in row.cells)


def runs_in(year, start, end, ongoing):
    """The list's year filter, for one practice's period."""
    return start <= year and (
        ongoing or (end is not None and end >= year) or (end is None and start == year)
    )


def periods():
    """(lesson number, start year, end year, ongoing, practices) over the published practices:
    one grouped query, as many rows as distinct periods, whatever the number of practices."""
    rows = (
        Practice.lessons.through.objects.filter(practice__status=Practice.Status.PUBLISHED)
        .order_by()
        .values_list(
            "lesson__number", "practice__start_year", "practice__end_year", "practice__ongoing"
        )
        .annotate(n=Count("pk"))
    )
    return list(rows)


def lesson_years(lessons, this_year=None):
    """The chart for `lessons`: the last YEARS_SHOWN years up to this one, a cell per lesson."""
    this_year = this_year or timezone.now().year
    years = list(range(this_year - YEARS_SHOWN + 1, this_year + 1))
    counts = {}
    for number, start, end, ongoing, n in caching.cached("lesson-years", {}, periods):
        for year in years:
            if runs_in(year, start, end, ongoing):
                counts[number, year] = counts.get((number, year), 0) + n
    list_url = reverse("practices:list")
    rows = [
        Row(
            lesson=lesson,
            cells=[
                Cell(
                    count=counts.get((lesson.number, year), 0),
                    url=f"{list_url}?{urlencode({'lesson': lesson.number, 'year': year})}",
                )
                for year in years
            ],
        )
        for lesson in lessons
    ]
    return YearChart(years=years, rows=rows)
