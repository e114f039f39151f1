"""The home page's chart: published practices running in each of the last years, lesson by
lesson, as a shaded table whose counts lead to the list's same practices."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import PracticeFactory
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

THIS_YEAR = timezone.now().year


def chart_of(text):
    return re.search(r'<table class="coverage lesson-years".*?</table>', text, re.S).group(0)


def years_of(table):
    return [int(year) for year in re.findall(r'<th scope="col">(\d+)</th>', table)]


def counts_of(table, lesson):
    """The counts in lesson's row, oldest year first (0 for a gap)."""
    rows = re.findall(r"<tr>\s*<th scope=\"row\".*?</tr>", table, re.S)
    row = rows[lesson - 1]
    return [int(n) for n in re.findall(r'<td class="coverage-cell[^"]*">(?:<a [^>]*>)?(\d+)', row)]


def test_the_chart_has_a_row_per_lesson_and_the_last_eight_years(anonymous):
    table = chart_of(anonymous.get("/").text)
    assert years_of(table) == list(range(THIS_YEAR - 7, THIS_YEAR + 1))
    assert table.count('<th scope="row"') == 9
    assert "Countering disinformation" in table
    assert "style=" not in table


def test_a_practice_counts_in_every_year_it_ran_and_drafts_do_not(anonymous):
    PracticeFactory(lessons=[2], start_year=THIS_YEAR - 5, end_year=THIS_YEAR - 3)
    PracticeFactory(lessons=[2, 5], start_year=THIS_YEAR - 1, ongoing=True)
    PracticeFactory(lessons=[2], start_year=THIS_YEAR - 4, draft=True, ongoing=True)

    table = chart_of(anonymous.get("/").text)

    assert counts_of(table, 2) == [0, 0, 1, 1, 1, 0, 1, 1]
    assert counts_of(table, 5) == [0, 0, 0, 0, 0, 0, 1, 1]
    assert counts_of(table, 1) == [0] * 8


def test_each_count_leads_to_the_list_of_the_same_practices(anonymous):
    year = THIS_YEAR - 2
    PracticeFactory(lessons=[3], title="Still running", start_year=year - 4, ongoing=True)
    PracticeFactory(lessons=[3], title="Ran that year", start_year=year, end_year=year)
    PracticeFactory(lessons=[3], title="Ended before", start_year=year - 4, end_year=year - 1)
    PracticeFactory(lessons=[4], title="Other lesson", start_year=year, ongoing=True)

    table = chart_of(anonymous.get("/").text)
    link = f"{reverse('practices:list')}?lesson=3&amp;year={year}"
    assert f'<a href="{link}">2</a>' in table

    listed = anonymous.get(link.replace("&amp;", "&")).text
    assert "Still running" in listed and "Ran that year" in listed
    assert "Ended before" not in listed and "Other lesson" not in listed


def test_counts_follow_publishing_and_a_change_of_lessons(anonymous, staff_user):
    draft = PracticeFactory(lessons=[2], draft=True, start_year=THIS_YEAR, ongoing=True)
    anonymous.get("/")

    draft.publish(by=staff_user)
    assert counts_of(chart_of(anonymous.get("/").text), 2)[-1] == 1

    draft.lessons.set([3])
    table = chart_of(anonymous.get("/").text)
    assert counts_of(table, 2)[-1] == 0
    assert counts_of(table, 3)[-1] == 1


def test_years_are_written_without_a_thousands_separator_in_french(anonymous):
    table = chart_of(anonymous.get("/fr/").text)
    assert years_of(table)[-1] == THIS_YEAR
    assert "Désinformation" in table or "désinformation" in table


def test_home_links_to_coverage_and_cities(anonymous):
    text = anonymous.get("/").text
    assert f'href="{reverse("practices:coverage")}"' in text
    assert f'href="{reverse("practices:cities")}"' in text


def test_chart_adds_no_query_whatever_the_number_of_practices(anonymous):
    PracticeFactory.create_batch(3, lessons=[1, 2])
    few = count_queries(anonymous, "/")
    PracticeFactory.create_batch(27, lessons=[3, 4], start_year=THIS_YEAR - 3, ongoing=True)
    assert count_queries(anonymous, "/") == few <= 8
