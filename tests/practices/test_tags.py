"""Tags as places: /tags/ with their counts by name or by use, a page per tag, the tag facet
on the list, and staff merging near-duplicate tags in the admin."""

import html
import re

import pytest
from django.urls import reverse
from taggit.models import Tag

from tests.cards import card_titles
from tests.factories import PracticeFactory

pytestmark = pytest.mark.django_db

TAG_ROW = re.compile(r'<li><a href="/(?:fr/)?tags/[^"]+/">([^<]+)</a> <span class="count">\((\d+)')


def tag_rows(page_html):
    """(name, count) of each tag on /tags/, in order."""
    return [(html.unescape(name), int(n)) for name, n in TAG_ROW.findall(page_html)]


@pytest.fixture
def tagged(db):
    PracticeFactory(title="Rumour desk", tags=["disinformation", "élections"])
    PracticeFactory(title="Media workshops", tags=["disinformation", "Education"])
    PracticeFactory(title="Youth panel", tags=["disinformation", "youth"])
    PracticeFactory(title="Draft idea", tags=["secret plans", "youth"], draft=True)


def test_the_tag_index_lists_published_tags_alphabetically_accents_aside(anonymous, tagged):
    rows = tag_rows(anonymous.get("/tags/").text)
    assert rows == [("disinformation", 3), ("Education", 1), ("élections", 1), ("youth", 1)]


def test_the_tag_index_by_use_puts_the_most_used_first(anonymous, tagged):
    rows = tag_rows(anonymous.get("/tags/", {"sort": "use"}).text)
    assert rows[0] == ("disinformation", 3)
    assert [name for name, _ in rows[1:]] == ["Education", "élections", "youth"]


def test_the_tag_index_is_in_the_page_language(anonymous, tagged):
    text = html.unescape(anonymous.get("/fr/tags/").text)
    assert "<h1>Mots-clés</h1>" in text
    assert "(3\u00a0pratiques)" in text
    assert 'href="/fr/tags/disinformation/"' in text


def test_a_draft_tag_is_on_no_public_page(anonymous, tagged):
    assert "secret plans" not in anonymous.get("/tags/").text
    assert anonymous.get(reverse("practices:tag", args=["secret-plans"])).status_code == 404


def test_a_tag_page_lists_its_published_practices_and_links_to_the_filter(anonymous, tagged):
    response = anonymous.get(reverse("practices:tag", args=["disinformation"]))
    assert "<h1>disinformation</h1>" in response.text
    assert set(card_titles(response.text)) == {"Rumour desk", "Media workshops", "Youth panel"}
    assert 'href="/practices/?tag=disinformation"' in response.text


def test_a_tag_with_an_accent_has_a_page_and_filters_the_list(anonymous, tagged):
    slug = Tag.objects.get(name="élections").slug
    assert card_titles(anonymous.get(reverse("practices:tag", args=[slug])).text) == ["Rumour desk"]
    assert card_titles(anonymous.get("/practices/", {"tag": slug}).text) == ["Rumour desk"]


def test_the_tag_pages_cost_a_bounded_number_of_queries(anonymous, django_assert_max_num_queries):
    for number in range(25):
        PracticeFactory(tags=["trust", f"tag {number}"])
    with django_assert_max_num_queries(5):
        assert anonymous.get("/tags/").status_code == 200
    with django_assert_max_num_queries(8):
        assert anonymous.get(reverse("practices:tag", args=["trust"])).status_code == 200


def test_the_list_offers_the_most_used_tags_with_their_counts(anonymous, tagged):
    text = anonymous.get("/practices/").text
    facet = text.split("<legend>Tag</legend>", 1)[1].split("</fieldset>", 1)[0]
    labels = re.findall(r'<label for="tag-\d+">([^<]+) <span class="count">\((\d+)\)', facet)
    assert labels[0] == ("disinformation", "3")
    assert ("youth", "1") in labels
    assert "secret plans" not in facet
    assert 'href="/tags/"' in facet


def test_the_tag_facet_counts_within_the_other_filters(anonymous, tagged):
    text = anonymous.get("/practices/", {"q": "rumour"}).text
    facet = text.split("<legend>Tag</legend>", 1)[1].split("</fieldset>", 1)[0]
    assert 'disinformation <span class="count">(1)</span>' in facet
    assert "youth" not in facet


def test_staff_merge_duplicate_tags_and_the_practices_keep_one(staff, anonymous):
    both = PracticeFactory(title="Both", tags=["prevention", "prévention"])
    accented = PracticeFactory(title="Accented", tags=["prévention"])
    plain = PracticeFactory(title="Plain", tags=["prevention"])
    PracticeFactory(title="Also plain", tags=["prevention"])
    duplicates = Tag.objects.filter(name__in=["prevention", "prévention"])

    response = staff.post(
        reverse("admin:taggit_tag_changelist"),
        {"action": "merge_tags", "_selected_action": [tag.pk for tag in duplicates]},
        follow=True,
    )

    assert "Merged 1 tag into “prevention”" in html.unescape(response.text)
    assert list(Tag.objects.values_list("name", flat=True)) == ["prevention"]
    for practice in (both, accented, plain):
        assert [tag.name for tag in practice.tags.all()] == ["prevention"]
    assert tag_rows(anonymous.get("/tags/").text) == [("prevention", 4)]
    # The search follows: the merged tag's practices are found by the kept one.
    assert "Accented" in card_titles(anonymous.get("/practices/", {"q": "prevention"}).text)


def test_merging_needs_two_tags(staff):
    PracticeFactory(tags=["alone"])
    response = staff.post(
        reverse("admin:taggit_tag_changelist"),
        {"action": "merge_tags", "_selected_action": [Tag.objects.get().pk]},
        follow=True,
    )
    assert "Select two tags or more to merge." in response.text
    assert Tag.objects.count() == 1
