"""The coverage matrix: published practices by country (or city) and lesson, gaps marked."""

import re

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from practices.coverage import Cell
from tests.factories import CityFactory, PracticeFactory
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

URL = reverse("practices:coverage")
LIST = reverse("practices:list")
# Every cache empty: the lessons, the cities with their totals (two queries) and the counts by
# city and lesson, whichever countries are open.
MAX_QUERIES = 4


def row_of(text, row_id):
    """The HTML of the table row with this id."""
    return re.search(rf'<tr id="{row_id}">(.*?)</tr>', text, re.S).group(1)


def cells_of(row_html):
    """The text of each cell of a row, without the visually hidden words."""
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row_html, re.S)
    return [re.sub(r"<span class=\"visually-hidden\">.*?</span>|<[^>]+>", "", c) for c in cells]


def test_cells_count_published_practices_by_country_and_lesson(anonymous, oslo, lyon):
    PracticeFactory(city=oslo, lessons=[3])
    PracticeFactory(city=oslo, lessons=[3, 5])
    PracticeFactory(city=oslo, lessons=[3], draft=True)
    PracticeFactory(city=lyon, lessons=[1])

    text = anonymous.get(URL).text

    # Lessons 1 to 9, then the total: a practice on two lessons counts once in the total.
    assert cells_of(row_of(text, "country-NO")) == [
        "0",
        "0",
        "2",
        "0",
        "1",
        "0",
        "0",
        "0",
        "0",
        "2",
    ]
    assert cells_of(row_of(text, "country-FR")) == [
        "1",
        "0",
        "0",
        "0",
        "0",
        "0",
        "0",
        "0",
        "0",
        "1",
    ]


def test_totals_row_adds_up_the_countries(anonymous, oslo, lyon):
    PracticeFactory(city=oslo, lessons=[3, 5])
    PracticeFactory(city=lyon, lessons=[3])
    PracticeFactory(city=lyon, lessons=[9], draft=True)

    text = anonymous.get(URL).text
    footer = re.search(r"<tfoot>(.*?)</tfoot>", text, re.S).group(1)

    assert "All countries" in footer
    assert cells_of(footer) == ["0", "0", "2", "0", "1", "0", "0", "0", "0", "2"]
    assert f'href="{LIST}?lesson=3"' in footer
    assert f'href="{LIST}"' in footer


def test_drafts_do_not_fill_a_gap(anonymous, oslo):
    PracticeFactory(city=oslo, lessons=[4], draft=True)
    assert cells_of(row_of(anonymous.get(URL).text, "country-NO"))[3] == "0"


def test_empty_cells_are_marked_in_words_not_only_colour(anonymous, oslo):
    PracticeFactory(city=oslo, lessons=[1])
    row = row_of(anonymous.get(URL).text, "country-NO")
    assert row.count('class="coverage-cell coverage-empty"') == 8
    assert row.count('0<span class="visually-hidden"> (no practice yet)</span>') == 8


def test_cells_link_to_the_practice_list_filtered_by_country_and_lesson(anonymous, oslo):
    PracticeFactory(city=oslo, lessons=[3])
    row = row_of(anonymous.get(URL).text, "country-NO")
    assert f'<a href="{LIST}?country=NO&amp;lesson=3">1</a>' in row
    assert f'<a href="{LIST}?country=NO">1</a>' in row
    # An empty cell has nothing to show, so it is not a link.
    assert "lesson=4" not in row


def test_countries_are_rows_named_in_words_with_lessons_as_column_headers(anonymous, oslo, lyon):
    text = anonymous.get(URL).text
    assert "<caption" in text
    assert text.count('<th scope="col" class="coverage-lesson"') == 9
    assert "Lesson 3: Inclusion is key to strengthening local democracies" in text
    assert '<span class="coverage-place">Norway</span>' in text
    assert text.index("France</span>") < text.index("Norway</span>")


def test_cities_are_hidden_until_their_country_is_expanded(anonymous, oslo, lyon):
    CityFactory(name="Bergen", slug="bergen", country="NO")
    PracticeFactory(city=oslo, lessons=[2])

    collapsed = anonymous.get(URL).text
    expanded = anonymous.get(URL, {"expand": "NO"}).text

    assert "Oslo" not in collapsed
    assert f'href="{URL}?expand=NO#country-NO"' in collapsed
    assert "Show 2 cities" in collapsed
    assert 'class="coverage-city"' in expanded
    assert "Oslo" in expanded and "Bergen" in expanded
    assert "Lyon" not in expanded
    assert f'href="{URL}#country-NO">Hide cities' in expanded
    assert f'href="{URL}?expand=FR&amp;expand=NO#country-FR"' in expanded


def test_city_rows_count_their_own_practices_and_link_to_the_city_filter(anonymous, oslo):
    bergen = CityFactory(name="Bergen", slug="bergen", country="NO")
    PracticeFactory(city=oslo, lessons=[2])
    PracticeFactory(city=bergen, lessons=[2, 6])
    PracticeFactory(city=bergen, lessons=[6], draft=True)

    text = anonymous.get(URL, {"expand": "no"}).text
    city_rows = re.findall(r'<tr class="coverage-city">(.*?)</tr>', text, re.S)

    assert "Bergen" in city_rows[0] and "Oslo" in city_rows[1]
    assert cells_of(city_rows[0]) == ["0", "1", "0", "0", "0", "1", "0", "0", "0", "1"]
    assert cells_of(city_rows[1]) == ["0", "1", "0", "0", "0", "0", "0", "0", "0", "1"]
    assert f'<a href="{LIST}?city=bergen&amp;lesson=6">1</a>' in city_rows[0]
    assert f'href="{reverse("practices:city", args=["bergen"])}"' in city_rows[0]


def test_counts_kept_while_one_country_was_open_follow_a_change_in_another(anonymous, oslo, lyon):
    PracticeFactory(city=oslo, lessons=[2])
    anonymous.get(URL, {"expand": "NO"})  # keeps every city's counts, Lyon's included
    PracticeFactory(city=lyon, lessons=[5])

    text = anonymous.get(URL, {"expand": "FR"}).text
    (lyon_row,) = re.findall(r'<tr class="coverage-city">(.*?)</tr>', text, re.S)

    assert cells_of(lyon_row) == ["0", "0", "0", "0", "1", "0", "0", "0", "0", "1"]
    assert cells_of(row_of(text, "country-FR"))[4] == "1"


def test_expand_all_shows_every_country_s_cities(anonymous, oslo, lyon):
    text = anonymous.get(URL).text
    assert f'href="{URL}?expand=all"' in text

    expanded = anonymous.get(URL, {"expand": "all"}).text
    assert "Oslo" in expanded and "Lyon" in expanded
    assert "Show the cities of every country" not in expanded
    assert "Hide all cities" in expanded


def test_unknown_expand_values_are_ignored(anonymous, oslo):
    response = anonymous.get(URL, {"expand": ["ZZ", "<script>"]})
    assert response.status_code == 200
    assert "Oslo" not in response.text


def test_page_without_cities_says_so(anonymous):
    assert "No city has been added yet." in anonymous.get(URL).text


def make_practices(count):
    """`count` published practices, each in its own city, over three countries."""
    for index in range(count):
        city = CityFactory(country=["NO", "FR", "DK"][index % 3])
        PracticeFactory(city=city, lessons=[1 + index % 9, 2])
        PracticeFactory(city=city, lessons=[4], draft=True)


@pytest.mark.parametrize("params", [{}, {"expand": "NO"}, {"expand": "all"}])
def test_page_costs_the_same_queries_for_3_or_30_practices(anonymous, params):
    make_practices(3)
    few = count_queries(anonymous, URL, params)
    make_practices(27)
    assert count_queries(anonymous, URL, params) == few <= MAX_QUERIES


def test_page_loads_with_bounded_queries(anonymous, django_assert_max_num_queries):
    make_practices(12)
    with django_assert_max_num_queries(MAX_QUERIES):
        assert anonymous.get(URL, {"expand": "all"}).status_code == 200


def test_cells_are_shaded_darker_the_more_practices_they_count(anonymous, oslo):
    for _ in range(5):
        PracticeFactory(city=oslo, lessons=[1])
    for _ in range(2):
        PracticeFactory(city=oslo, lessons=[2])
    PracticeFactory(city=oslo, lessons=[3])
    row = row_of(anonymous.get(URL).text, "country-NO")
    levels = re.findall(r'<td class="coverage-cell coverage-level-(\d)">', row)
    assert levels == ["3", "2", "1"]  # 5 practices, 2, 1; the gaps and the total unshaded
    assert row.count("coverage-empty") == 6


@pytest.mark.parametrize("language", ["en", "fr"])
def test_cells_write_their_numbers_and_links_as_the_templates_do(settings, language):
    # A country's total passes 1,000 at the size of a real catalogue; with digit grouping on,
    # the cells must group them as {{ number }} does anywhere else on the site.
    settings.USE_THOUSAND_SEPARATOR = True
    cells = [Cell(1234, f"{LIST}?country=NO&lesson=1"), Cell(3, f"{LIST}?lesson=2"), Cell(0, "")]
    with translation.override(language):
        grouped = Template("{{ number }}").render(Context({"number": 1234}))
        html = Template("{% load coverage_cells %}{% coverage_cells cells total %}").render(
            Context({"cells": cells[1:], "total": cells[0]})
        )

    assert grouped != "1234"
    assert html.startswith(
        f'<td class="coverage-cell coverage-level-2"><a href="{LIST}?lesson=2">3</a></td>'
        '<td class="coverage-cell coverage-empty">0<span class="visually-hidden"> '
    )
    assert html.endswith(
        '<td class="coverage-cell coverage-total">'
        f'<a href="{LIST}?country=NO&amp;lesson=1">{grouped}</a></td>'
    )
