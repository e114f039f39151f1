"""A practice's page: links onward to its tags, city and related practices."""

import html
import re

import pytest

from practices.models import Practice
from tests.factories import CityFactory, PracticeFactory

pytestmark = pytest.mark.django_db


def related_titles(page_html):
    """The titles in the page's "Related practices" box, in order."""
    box = re.search(r'<aside class="related".*?</aside>', page_html, re.S)
    if box is None:
        return []
    return [html.unescape(t) for t in re.findall(r'<li><a href="[^"]*">(.*?)</a>', box[0])]


def test_tags_lead_to_their_tag_pages_and_the_city_to_its_page(anonymous):
    practice = PracticeFactory(city=CityFactory(slug="oslo"), tags=["Media literacy"])
    text = anonymous.get(practice.get_absolute_url()).text
    assert 'href="/tags/media-literacy/">Media literacy</a>' in text
    assert 'href="/cities/oslo/"' in text


def test_related_practices_share_tags_or_lessons_best_first(
    anonymous, django_assert_max_num_queries
):
    practice = PracticeFactory(lessons=[2], tags=["elections", "trust"])
    both_tags = PracticeFactory(title="Both tags", lessons=[5], tags=["elections", "trust"])
    one_tag = PracticeFactory(title="One tag", lessons=[5], tags=["trust"])
    lesson_only = PracticeFactory(title="Same lesson", lessons=[2])
    PracticeFactory(title="Unrelated", lessons=[7], tags=["other"])
    PracticeFactory(title="Draft twin", lessons=[2], tags=["elections"], draft=True)
    for _ in range(5):
        PracticeFactory(lessons=[2])

    # The practice, the comments, then the whole practice for the shared parts, and theirs
    # (files and adaptations among them).
    with django_assert_max_num_queries(13):
        response = anonymous.get(practice.get_absolute_url())

    related = [Practice.objects.get(title=title) for title in related_titles(response.text)]
    assert len(related) == 5
    assert related[:3] == [both_tags, one_tag, related[2]]
    assert lesson_only in related or all(p.lessons.filter(number=2).exists() for p in related[2:])
    assert "Unrelated" not in response.text
    assert "Draft twin" not in response.text


def table_of_contents(page_html):
    """(target, label) of each link in the page's "On this page" list."""
    toc = re.search(r'<nav class="toc".*?</nav>', page_html, re.S)
    return re.findall(r'<a href="#([\w-]+)">(.*?)</a>', toc[0]) if toc else []


def test_a_long_practice_opens_with_a_table_of_contents_of_its_sections(anonymous):
    practice = PracticeFactory(
        context="Why.", approach="How.", results="What came of it.", evaluation=""
    )
    page = anonymous.get(practice.get_absolute_url()).text
    toc = table_of_contents(page)
    assert ("section-context", "Context and problem") in toc
    assert ("section-results", "Results") in toc
    assert "section-evaluation" not in dict(toc)  # nothing written, nothing listed
    for target, _label in toc:
        assert f'id="{target}"' in page


def test_section_headings_are_marked_in_the_readers_language(anonymous):
    practice = PracticeFactory(language="en", context="Why.", approach="How.", results="Then.")
    page = anonymous.get("/fr" + practice.get_absolute_url()).text
    assert '<article class="practice" lang="en">' in page
    assert '<h2 id="section-context" lang="fr">Contexte' in page
    assert table_of_contents(page)[0][1].startswith("Contexte")


def test_a_short_practice_has_no_table_of_contents(anonymous):
    fields = dict.fromkeys(Practice.SECTION_FIELDS, "")
    practice = PracticeFactory(**{**fields, "context": "Why.", "results": "Then."})
    assert table_of_contents(anonymous.get(practice.get_absolute_url()).text) == []
