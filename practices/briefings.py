"""Briefings: practices laid out as a PDF to print or pass on, by WeasyPrint.

One template (templates/practices/briefing.html, styled by static/css/briefing.css) shows N
practices, each from a new page: its title, city, period, lessons, summary, the sections as
rendered when it was saved, a member's note where a collection has one, and the address of its
page on the portal (the host the request came to). It is drawn in the request's language.

A practice's page, the list (filtered) and a collection (shelves) make their PDFs here.
WeasyPrint fetches nothing from the network: `StaticOnly` serves our own static files (the
style sheet and its fonts) and refuses every other address, so an image a practice's text
names is left out rather than fetched.
"""

from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from practices.models.practice import MARKDOWN_FIELDS

# A list's briefing holds at most this many practices (the list page says so): a page of the
# list. Laying out takes about a seventh of a second a page on these two cores, and a practice
# fills about two, so 20 practices take some 5 s of a worker's time.
LIST_LIMIT = 20
TYPES = {".css": "text/css", ".woff2": "font/woff2", ".svg": "image/svg+xml"}


def for_briefing(queryset):
    """Practices as a briefing shows them: with their city and lessons and their rendered
    Markdown, not its source nor the search vector."""
    return (
        queryset.select_related("city")
        .prefetch_related("lessons")
        .defer(*MARKDOWN_FIELDS, "search_vector")
    )


class StaticOnly(URLFetcher):
    """Our static files, read from disk; any other address is refused."""

    def fetch(self, url, headers=None):
        path = urlsplit(url).path
        if not path.startswith(settings.STATIC_URL) or ".." in path.split("/"):
            raise ValueError(f"A briefing fetches only the portal's static files, not {url}")
        name = path.removeprefix(settings.STATIC_URL)
        content_type = {"Content-Type": TYPES.get(Path(name).suffix, "application/octet-stream")}
        # Collected (in production, under their hashed names), or else still in static/.
        if staticfiles_storage.exists(name):
            with staticfiles_storage.open(name) as handle:
                return URLFetcherResponse(url, handle.read(), content_type)
        found = finders.find(name)
        if found is None:
            raise ValueError(f"No such static file: {path}")
        return URLFetcherResponse(url, Path(found).read_bytes(), content_type)


def render_pdf(request, title, entries, *, intro=""):
    """The PDF (bytes) of `entries`: (practice, note) pairs, in order, under `title`."""
    html = render_to_string(
        "practices/briefing.html",
        {
            "title": title,
            "intro": intro,
            "entries": [
                {
                    "practice": p,
                    "note": note,
                    "url": request.build_absolute_uri(p.get_absolute_url()),
                }
                for p, note in entries
            ],
            "made_at": timezone.now(),
            "site_url": request.build_absolute_uri("/"),
        },
        request=request,
    )
    document = HTML(string=html, base_url=request.build_absolute_uri("/"), url_fetcher=StaticOnly())
    return document.write_pdf()


def pdf_response(pdf, filename, *, private):
    """The PDF as a download. A private one (a member's collection) is never stored by any
    cache; a public one is left to the page cache, like the page it comes from."""
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}.pdf"'
    if private:
        response["Cache-Control"] = "private, no-store"
    return response
