"""Briefings: a practice and the filtered list download as PDF, in the page's language, with
the portal's address of each practice; WeasyPrint fetches nothing but our static files."""

import pytest
from django.urls import reverse

from practices import briefings, search
from tests.factories import PracticeFactory
from tests.pdf import pdf_text

pytestmark = pytest.mark.django_db


def test_a_practices_pdf_holds_its_title_sections_and_address(anonymous, published):
    published.context = "Young people felt *unheard* by the council."
    published.save()
    page = anonymous.get(published.get_absolute_url()).content.decode()
    url = reverse("practices:briefing", args=[published.slug])
    assert f'href="{url}"' in page

    response = anonymous.get(url)
    text = pdf_text(response)

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="published-a.pdf"'
    assert "Youth councils" in text
    assert "Aarhus, Denmark" in text
    assert "Context" in text and "Young people felt unheard by the council." in text
    assert "Approach" in text and "Monthly meetings with local partners." in text
    assert "http://testserver/practices/published-a/" in text
    assert "1. " in text  # its lesson, by number


def test_the_pdf_is_in_the_pages_language(anonymous, published):
    text = pdf_text(anonymous.get("/fr" + reverse("practices:briefing", args=[published.slug])))
    assert "Sur le portail" in text
    assert "Danemark" in text
    assert "http://testserver/fr/practices/published-a/" in text


def test_an_unpublished_practice_has_no_pdf(anonymous, city_a):
    draft = PracticeFactory(city=city_a, draft=True, slug="draft")
    assert anonymous.get(reverse("practices:briefing", args=[draft.slug])).status_code == 404


def test_the_lists_pdf_follows_its_filters(anonymous, city_a, city_b):
    PracticeFactory(city=city_a, title="Danish one", slug="dk")
    PracticeFactory(city=city_b, title="French one", slug="fr-one")
    # Where the visitor came from is no part of what the PDF holds, nor of its address.
    page = anonymous.get("/practices/?utm_source=newsletter&country=FR&fbclid=x").text
    assert 'href="/practices/briefing.pdf?country=FR"' in page
    assert "Download as PDF (at most 20 practices)" in page

    text = pdf_text(anonymous.get(reverse("practices:list_briefing"), {"country": "FR"}))

    assert "French one" in text
    assert "Danish one" not in text
    assert "France" in text


def test_the_lists_pdf_holds_at_most_the_limit_and_says_so(anonymous, city_a, monkeypatch):
    monkeypatch.setattr(briefings, "LIST_LIMIT", 2)
    for n in range(3):
        PracticeFactory(city=city_a, title=f"Listed {n}", slug=f"listed-{n}")

    text = pdf_text(anonymous.get(reverse("practices:list_briefing"), {"sort": "title"}))

    assert "The first 2 of 3 practices that match." in text
    assert "Listed 0" in text and "Listed 1" in text and "Listed 2" not in text


def test_bad_filters_still_give_a_pdf(anonymous, published):
    response = anonymous.get(reverse("practices:list_briefing"), {"year": "soon", "lesson": "x"})
    assert response.status_code == 200
    assert "Youth councils" in pdf_text(response)


def test_a_public_pdf_is_kept_by_the_page_cache(anonymous, published, settings):
    settings.PAGE_CACHE_SECONDS = 60
    url = reverse("practices:briefing", args=[published.slug])
    first = anonymous.get(url)
    published.title = "Renamed"
    published.save()
    assert "Renamed" in pdf_text(anonymous.get(url))
    assert "Cache-Control" not in first


def test_only_our_static_files_are_fetched():
    fetcher = briefings.StaticOnly()
    style = fetcher.fetch("http://testserver/static/css/briefing.css")
    assert b"@page" in style.read()
    for url in (
        "https://example.org/tracker.png",
        "file:///etc/passwd",
        "http://testserver/static/../portal/settings.py",
        "http://testserver/admin/",
    ):
        with pytest.raises(ValueError):
            fetcher.fetch(url)


def test_a_briefing_asks_for_nothing_but_our_static_files(anonymous, published, monkeypatch):
    published.approach = (
        "See ![map](https://example.org/map.png) and [the site](https://example.org/)"
    )
    published.save()
    asked = []
    original = briefings.StaticOnly.fetch

    def fetch(self, url, headers=None):
        asked.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(briefings.StaticOnly, "fetch", fetch)
    response = anonymous.get(reverse("practices:briefing", args=[published.slug]))

    assert response.status_code == 200
    assert asked  # the style sheet and its fonts
    assert all(url.startswith("http://testserver/static/") for url in asked)


def test_pages_print_with_their_own_style_sheet(anonymous, published):
    page = anonymous.get(published.get_absolute_url()).content.decode()
    assert '<link rel="stylesheet" href="/static/css/print.css" media="print">' in page
    address = "On the portal: http://testserver/practices/published-a/"
    assert f'<p class="print-only">{address}</p>' in page


def test_a_search_past_its_count_says_more_than(anonymous, city_a, monkeypatch):
    monkeypatch.setattr(briefings, "LIST_LIMIT", 1)
    monkeypatch.setattr(search, "MAX_RESULTS", 2)
    for n in range(3):
        PracticeFactory(city=city_a, title=f"Mediators {n}", slug=f"mediators-{n}")

    text = pdf_text(anonymous.get(reverse("practices:list_briefing"), {"q": "mediators"}))

    assert "The first 1 of more than 2 practices that match." in text


def test_past_the_pdfs_a_minute_a_visitor_is_told_how_long_to_wait(
    anonymous, published, settings, monkeypatch
):
    settings.PDFS_PER_MINUTE = 2
    laid_out = []
    monkeypatch.setattr(briefings, "render_pdf", lambda *args, **kwargs: laid_out.append(1) or b"")
    practice_pdf = reverse("practices:briefing", args=[published.slug])
    list_pdf = reverse("practices:list_briefing")

    answers = [anonymous.get(practice_pdf), anonymous.get(list_pdf), anonymous.get(practice_pdf)]

    assert [answer.status_code for answer in answers] == [200, 200, 429]
    assert len(laid_out) == 2  # the refused one took no layout
    refused = answers[-1]
    assert 1 <= int(refused["Retry-After"]) <= 60
    page = refused.content.decode()
    assert "Too many PDFs at once" in page and "Try again in" in page
    # Another address has its own count, and the page itself is never limited.
    assert anonymous.get(practice_pdf, REMOTE_ADDR="192.0.2.9").status_code == 200
    assert anonymous.get(published.get_absolute_url()).status_code == 200
