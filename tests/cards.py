"""Reading practice cards off a page as a reader sees them."""

import html
import re

CARD_TITLE = re.compile(r'<h3 class="card-title"[^>]*><a href="[^"]*">(.*?)</a></h3>', re.S)


def card_titles(page_html):
    """The titles of the practice cards on the page, in order."""
    return [html.unescape(title) for title in CARD_TITLE.findall(page_html)]


LESSON_CHIP = re.compile(r'<a class="lesson-chip" href="[^"]*" title="([^"]*)">(.*?)</a>', re.S)


def lesson_chips(page_html):
    """(full title, what a screen reader reads) of each lesson chip on the page's cards."""
    return [
        (html.unescape(title), " ".join(html.unescape(re.sub("<[^>]+>", "", text)).split()))
        for title, text in LESSON_CHIP.findall(page_html)
    ]
