"""The home page's chart of published practices per lesson: inline SVG, readable without it."""

import re

import pytest
from django.urls import reverse

from tests.factories import PracticeFactory
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


def chart_of(text):
    return re.search(r"<svg .*?</svg>", text, re.S).group(0)


def bars_of(svg):
    """(lesson label, bar width, count shown) for each bar, top to bottom."""
    return re.findall(
        r'<text class="bar-chart-label"[^>]*>([^<]*)</text>\s*'
        r'<rect class="bar-chart-bar"[^>]* width="([^"]*)"[^>]*>.*?</rect>\s*'
        r'<text class="bar-chart-count"[^>]*>([^<]*)</text>',
        svg,
        re.S,
    )


def test_chart_is_an_accessible_svg_image_with_title_and_description(anonymous):
    svg = chart_of(anonymous.get("/").text)
    assert 'role="img"' in svg
    assert 'aria-labelledby="lesson-chart-title lesson-chart-desc"' in svg
    assert '<title id="lesson-chart-title">Published practices per lesson</title>' in svg
    assert '<desc id="lesson-chart-desc">' in svg
    assert "style=" not in svg


def test_chart_has_a_bar_per_lesson_with_its_published_count(anonymous):
    PracticeFactory(lessons=[2])
    PracticeFactory(lessons=[2, 5])
    PracticeFactory(lessons=[5], draft=True)

    bars = bars_of(chart_of(anonymous.get("/").text))

    assert [label for label, _, _ in bars] == [f"Lesson {n}" for n in range(1, 10)]
    assert [int(count) for _, _, count in bars] == [0, 2, 0, 0, 1, 0, 0, 0, 0]
    widths = [float(width) for _, width, _ in bars]
    # The longest bar is the lesson with the most practices; the others are in proportion.
    assert widths[1] == max(widths) > 0
    assert widths[4] == pytest.approx(widths[1] / 2)
    assert widths[0] == 0


def test_counts_follow_publishing_and_a_change_of_lessons(anonymous, staff_user):
    """The counts are kept between views (practices/caching.py) until practices change."""
    draft = PracticeFactory(lessons=[2], draft=True)
    anonymous.get("/")

    draft.publish(by=staff_user)
    assert [int(count) for _, _, count in bars_of(chart_of(anonymous.get("/").text))][1] == 1

    draft.lessons.set([])
    draft.lessons.add(3)
    counts = [int(count) for _, _, count in bars_of(chart_of(anonymous.get("/").text))]
    assert counts[1:3] == [0, 1]


def test_chart_description_reads_out_every_count(anonymous):
    PracticeFactory(lessons=[3])
    desc = re.search(r"<desc [^>]*>(.*?)</desc>", anonymous.get("/").text, re.S).group(1)
    assert "Lesson 3: 1 practice." in desc
    assert "Lesson 4: 0 practices." in desc


def test_chart_numbers_are_also_given_as_a_table(anonymous):
    PracticeFactory(lessons=[7])
    text = anonymous.get("/").text
    table = re.search(r'<details class="chart-data">(.*?)</details>', text, re.S).group(1)
    assert "<caption>Published practices per lesson</caption>" in table
    assert table.count('<th scope="row">') == 9
    assert "<td>1</td>" in table


def test_chart_coordinates_use_a_decimal_point_in_french(anonymous):
    for _ in range(3):
        PracticeFactory(lessons=[1])
    PracticeFactory(lessons=[2])
    svg = chart_of(anonymous.get("/fr/").text)
    widths = [width for _, width, _ in bars_of(svg)]
    assert all(re.fullmatch(r"\d+(\.\d+)?", width) for width in widths), widths
    assert "," not in re.search(r'viewBox="([^"]*)"', svg).group(1)


def test_home_links_to_coverage_and_cities(anonymous):
    text = anonymous.get("/").text
    assert f'href="{reverse("practices:coverage")}"' in text
    assert f'href="{reverse("practices:cities")}"' in text


def test_chart_adds_no_query_whatever_the_number_of_practices(anonymous):
    PracticeFactory.create_batch(3, lessons=[1, 2])
    few = count_queries(anonymous, "/")
    PracticeFactory.create_batch(27, lessons=[3, 4])
    assert count_queries(anonymous, "/") == few <= 8
