"""Charts drawn on the server as inline SVG: geometry here, markup in the templates.

Sizes are in the SVG's own units (its viewBox), so the chart scales with the page. Positions
are computed here and written as SVG attributes because a strict Content-Security-Policy rules
out inline styles, and no JavaScript is needed to read the chart.

The chart is as narrow as a phone's column (375 px window, 335 px of text): the stylesheet never
draws it wider than its viewBox, so its 14-unit labels stay 14 px on a desktop and shrink only
on narrower phones (12 px at 320 px). A wider viewBox shrank them to 7 px on a phone.
"""

from dataclasses import dataclass

WIDTH = 320
LABEL_WIDTH = 80  # "Lesson 9" (about 62 units), right-aligned before the bars
COUNT_WIDTH = 40  # the count written after the longest bar
ROW_HEIGHT = 32
BAR_HEIGHT = 20
PADDING = 8


@dataclass(frozen=True)
class Bar:
    number: int
    title: str
    count: int
    y: float
    width: float
    text_y: float
    count_x: float


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    bar_x: int
    label_x: int
    bar_height: int
    bars: list[Bar]


def lesson_chart(lessons):
    """A horizontal bar per lesson, from lessons annotated with `published_count`; the longest
    bar is the lesson with the most practices."""
    lessons = list(lessons)
    most = max((lesson.published_count for lesson in lessons), default=0) or 1
    room = WIDTH - LABEL_WIDTH - COUNT_WIDTH
    bars = []
    for index, lesson in enumerate(lessons):
        y = PADDING + index * ROW_HEIGHT
        width = round(room * lesson.published_count / most, 1)
        bars.append(
            Bar(
                number=lesson.number,
                title=lesson.title,
                count=lesson.published_count,
                y=y,
                width=width,
                text_y=y + BAR_HEIGHT / 2,
                count_x=LABEL_WIDTH + width + 6,
            )
        )
    return BarChart(
        width=WIDTH,
        height=2 * PADDING + len(lessons) * ROW_HEIGHT - (ROW_HEIGHT - BAR_HEIGHT),
        bar_x=LABEL_WIDTH,
        label_x=LABEL_WIDTH - 8,
        bar_height=BAR_HEIGHT,
        bars=bars,
    )
