"""The coverage matrix: published practices by country, or city, and lesson.

Its point is the empty cells: they show where no city has shared experience yet. The counts come
from two grouped queries, city by city, whichever countries a reader opened (a country's are
its cities' added up), never one per cell, so the page costs the same for ten practices or ten
thousand.

A practice can address several lessons: it counts once in each of its lessons' columns but
only once in the total, which is why a row's total can be less than the sum of its cells.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count
from django.urls import reverse
from django.utils.http import urlencode

from practices import caching
from practices.countries import country_name, name_order
from practices.models import City, Practice

EXPAND_ALL = "ALL"


@dataclass
class Cell:
    count: int
    url: str

    @property
    def level(self):
        """How dark the cell is shaded: 1 for one practice, 2 for two to four, 3 for more."""
        return 0 if not self.count else 1 if self.count == 1 else 2 if self.count <= 4 else 3


@dataclass
class Row:
    """A country, or one of its cities, with a cell per lesson and its total."""

    name: str
    cells: list[Cell]
    total: Cell
    code: str = ""
    slug: str = ""
    city_count: int = 0
    expanded: bool = False
    toggle_url: str = ""
    cities: list["Row"] = field(default_factory=list)


@dataclass
class Matrix:
    rows: list[Row]
    totals: Row
    all_expanded: bool
    any_expanded: bool


def build(lessons, requested):
    """The matrix for `lessons`, with the cities shown for the country codes in `requested`
    (or for every country when it holds "ALL")."""
    numbers = [lesson.number for lesson in lessons]
    list_url = reverse("practices:list")
    # Counted city by city over every published practice, whichever countries are open, and
    # kept like the list's counts (practices/caching.py). A country's counts are its cities'
    # added up: each practice is in one city.
    cities = caching.cached("coverage-cities", {}, city_totals)
    by_city = caching.cached("coverage-by-city", {}, lambda: _counts(_published(), "city_id"))

    cities_of = {}
    for pk, name, slug, country, total in cities:
        cities_of.setdefault(country, []).append((pk, name, slug, total))
    country_of = {pk: country for pk, _name, _slug, country, _total in cities}
    by_country = Counter()
    for (pk, number), n in by_city.items():
        by_country[country_of.get(pk), number] += n

    codes = sorted(cities_of, key=name_order)
    expanded = set(codes) if EXPAND_ALL in requested else set(codes) & requested
    rows = []
    for code in codes:
        city_rows = [
            _row(
                name,
                [by_city.get((pk, n), 0) for n in numbers],
                total,
                numbers,
                list_url,
                city=slug,
                slug=slug,
            )
            for pk, name, slug, total in (cities_of[code] if code in expanded else [])
        ]
        row = _row(
            country_name(code),
            [by_country[code, n] for n in numbers],
            sum(total for *_, total in cities_of[code]),
            numbers,
            list_url,
            country=code,
            code=code,
            city_count=len(cities_of[code]),
            expanded=code in expanded,
            toggle_url=coverage_url(expanded ^ {code}, anchor=f"country-{code}"),
            cities=city_rows,
        )
        rows.append(row)

    # Each practice is in one country, so the columns add up exactly.
    column_totals = [sum(row.cells[i].count for row in rows) for i in range(len(numbers))]
    totals = _row("", column_totals, sum(row.total.count for row in rows), numbers, list_url)
    return Matrix(
        rows=rows,
        totals=totals,
        all_expanded=bool(codes) and expanded == set(codes),
        any_expanded=bool(expanded),
    )


# Two grouped queries, each one scan of the published practices, kept for every set of open
# countries: counting by country and then again by city for the countries opened took four
# scans (0.7 s of the first view's 1.8 s at 100,000 practices; these two take 0.35 s), and
# two more for each other set of countries.
# The totals are grouped over the practices alone rather than cities joined to all their
# practices and counted distinct: at 100,000 practices the country totals took 470 ms that
# way, 255 ms this way.


def city_totals():
    """[(id, name, slug, country code, published practices)] of every city, by name."""
    totals = dict(_published().values_list("city").annotate(n=Count("pk")))
    cities = City.objects.order_by("name").values_list("pk", "name", "slug", "country")
    return [(pk, name, slug, country, totals.get(pk, 0)) for pk, name, slug, country in cities]


def coverage_url(codes, anchor=""):
    """The coverage page with the cities of `codes` shown."""
    url = reverse("practices:coverage")
    if codes:
        url += "?" + urlencode([("expand", code) for code in sorted(codes)])
    return f"{url}#{anchor}" if anchor else url


def _published():
    return Practice.objects.published().order_by()


def _counts(practices, place):
    """{(place, lesson number): number of practices}, from one grouped query. A practice
    meets each of its lessons once (the link is unique), so no count needs to be distinct."""
    grouped = practices.values_list(place, "lessons__number").annotate(n=Count("pk"))
    return {(key, number): n for key, number, n in grouped if number is not None}


def _row(name, counts, total, numbers, list_url, *, country="", city="", **extra):
    """A row whose cells link to the practice list (at `list_url`) filtered by its place and
    the lesson: "?country=NO&lesson=3", or "?lesson=3" for the totals. The place's part is
    encoded once for the row, not once a cell (22,000 of them with every country open)."""
    place = urlencode([("country", country)] if country else [("city", city)] if city else [])
    total_url = f"{list_url}?{place}" if place else list_url
    lesson_url = f"{total_url}&lesson=" if place else f"{list_url}?lesson="
    cells = [
        Cell(count, f"{lesson_url}{number}") for count, number in zip(counts, numbers, strict=True)
    ]
    return Row(name=name, cells=cells, total=Cell(total, total_url), **extra)
