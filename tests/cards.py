"""Reading practice cards off a page as a reader sees them."""

import html
import re

CARD_TITLE = re.compile(r'<h3 class="card-title"[^>]*><a href="[^"]*">(.*?)</a></h3>', re.S)


def card_titles(page_html):
    """The titles of the practice cards on the page, in order."""
    return [html.unescape(title) for title in CARD_TITLE.findall(page_html)]
