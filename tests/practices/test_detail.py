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


def test_tags_and_city_link_to_the_filtered_list(anonymous):
    practice = PracticeFactory(city=CityFactory(slug="oslo"), tags=["Media literacy"])
    text = anonymous.get(practice.get_absolute_url()).text
    assert 'href="/practices/?tag=media-literacy"' in text
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

    # The practice, the comments, then the whole practice for the shared parts, and theirs.
    with django_assert_max_num_queries(12):
        response = anonymous.get(practice.get_absolute_url())

    related = [Practice.objects.get(title=title) for title in related_titles(response.text)]
    assert len(related) == 5
    assert related[:3] == [both_tags, one_tag, related[2]]
    assert lesson_only in related or all(p.lessons.filter(number=2).exists() for p in related[2:])
    assert "Unrelated" not in response.text
    assert "Draft twin" not in response.text
