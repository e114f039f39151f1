"""Reading a page's addresses off its <head> as a search engine does: its canonical address and
its alternates in each language."""

import html
import re


def canonical(page_html):
    """The page's <link rel="canonical"> addresses."""
    links = re.findall(r'<link rel="canonical" href="([^"]+)">', page_html)
    return [html.unescape(url) for url in links]


def alternates(page_html):
    """The page's <link rel="alternate" hreflang> addresses, by language."""
    links = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]*)">', page_html)
    return {code: html.unescape(url) for code, url in links}
