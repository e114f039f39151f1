"""The practice list: filters that combine, facet counts, chips, sorting and bad input."""

import html
import re

import pytest

from tests.cards import card_titles
from tests.factories import EventPracticeFactory, PracticeFactory
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

URL = "/practices/"


def titles(response):
    return card_titles(response.text)


def result_count(response):
    """The number of practices the heading above the results announces."""
    heading = re.search(r'<h2 class="result-count"[^>]*>\s*(\d+) practices?\s*</h2>', response.text)
    return int(heading[1])


FACET = re.compile(r'<label for="(\w+)-([\w-]+)">[^<]*<span class="count">\((\d+)\)</span>')


def facet_counts(response, facet):
    """{choice: count} as the filter `facet` ("lesson", "country", "language") shows them."""
    return {
        choice: int(count) for name, choice, count in FACET.findall(response.text) if name == facet
    }


CHIP = re.compile(r'<a href="([^"]*)" class="chip">(.*?) <span aria-hidden="true">')


def chips(response):
    """{label: address that removes it} for the chips of the active filters."""
    return {html.unescape(label): html.unescape(url) for url, label in CHIP.findall(response.text)}


def test_lesson_and_country_combine(anonymous, oslo, lyon):
    PracticeFactory(title="Oslo youth councils", city=oslo, lessons=[3])
    PracticeFactory(title="Oslo fact checks", city=oslo, lessons=[2])
    PracticeFactory(title="Lyon assemblies", city=lyon, lessons=[3])

    response = anonymous.get(URL, {"lesson": 3, "country": "no"})

    assert titles(response) == ["Oslo youth councils"]


def test_repeated_lessons_mean_any_of_them(anonymous):
    PracticeFactory(title="On two", lessons=[2])
    PracticeFactory(title="On three", lessons=[3])
    PracticeFactory(title="On both", lessons=[2, 3])
    PracticeFactory(title="On four", lessons=[4])

    response = anonymous.get(URL, {"lesson": [2, 3], "sort": "title"})

    assert titles(response) == ["On both", "On three", "On two"]


def test_city_tag_event_language_evidence_and_year_filters(anonymous, oslo):
    wanted = PracticeFactory(
        title="Wanted",
        city=oslo,
        tags=["Media literacy"],
        language="fr",
        evidence="externally_evaluated",
        start_year=2019,
        end_year=2022,
    )
    link = EventPracticeFactory(practice=wanted)
    PracticeFactory(title="Other city", tags=["Media literacy"], language="fr")
    PracticeFactory(title="Other tag", city=oslo, tags=["youth"], start_year=2023, ongoing=True)

    for params in [
        {"city": "oslo", "tag": "media-literacy"},
        {"event": link.event.slug},
        {"language": "fr", "evidence": "externally_evaluated"},
        {"year": 2021, "city": "oslo"},
    ]:
        assert titles(anonymous.get(URL, params)) == ["Wanted"], params

    assert titles(anonymous.get(URL, {"year": 2023, "city": "oslo"})) == ["Other tag"]


def test_drafts_are_never_listed(anonymous):
    PracticeFactory(title="Draft one", draft=True)
    response = anonymous.get(URL)
    assert "Draft one" not in response.text
    assert result_count(response) == 0


def test_counts_and_pages_follow_every_change(anonymous, oslo, lyon, staff_user):
    """Counts and the page's practices are kept between views (practices/caching.py), and any
    change to the practices shows on the next view."""
    first = PracticeFactory(title="Oslo youth councils", city=oslo, lessons=[3])
    anonymous.get(URL, {"lesson": 3})

    PracticeFactory(title="Lyon assemblies", city=lyon, lessons=[3])
    response = anonymous.get(URL, {"lesson": 3})
    assert sorted(titles(response)) == ["Lyon assemblies", "Oslo youth councils"]
    assert facet_counts(response, "country") == {"FR": 1, "NO": 1}

    first.archive(by=staff_user)
    response = anonymous.get(URL, {"lesson": 3})
    assert titles(response) == ["Lyon assemblies"]
    assert result_count(response) == 1

    lyon.country = "BE"
    lyon.save()
    assert facet_counts(anonymous.get(URL), "country") == {"BE": 1}


def test_facets_count_what_each_choice_would_give(anonymous, oslo, lyon):
    PracticeFactory(city=oslo, lessons=[3])
    PracticeFactory(city=oslo, lessons=[3, 4], language="fr")
    PracticeFactory(city=lyon, lessons=[4])

    response = anonymous.get(URL, {"country": "NO"})

    lessons = facet_counts(response, "lesson")
    assert (lessons["3"], lessons["4"], lessons["5"]) == (2, 1, 0)
    # The country facet ignores the country filter itself, so every country stays choosable.
    assert facet_counts(response, "country") == {"FR": 1, "NO": 2}
    assert facet_counts(response, "language") == {"en": 1, "fr": 1}
    assert 'for="lesson-3">3. Inclusion is key to strengthening local democracies' in (
        response.text
    )


def test_each_active_filter_is_a_chip_that_removes_only_itself(anonymous, oslo):
    PracticeFactory(city=oslo, lessons=[3], tags=["youth"])

    response = anonymous.get(URL, {"lesson": [3, 4], "city": "oslo", "tag": "youth"})

    shown = chips(response)
    assert shown["City: Oslo"] == "?lesson=3&lesson=4&tag=youth"
    assert shown["Lesson 4: Digital technology can strengthen local democracies"] == (
        "?lesson=3&city=oslo&tag=youth"
    )
    assert shown["Tag: youth"] == "?lesson=3&lesson=4&city=oslo"
    assert "(remove this filter)" in response.text


def test_a_chip_s_remove_link_keeps_the_filters_not_where_the_visitor_came_from(anonymous, oslo):
    # As the list's canonical address names it: its filters in the order asked, less tracking,
    # parameters it does not read, empty fields and the page.
    PracticeFactory(city=oslo, lessons=[3])
    asked = "/practices/?utm_source=x&lesson=3&fbclid=y&city=oslo&foo=1&q=&sort=title&page=1"

    shown = chips(anonymous.get(asked))

    assert shown["City: Oslo"] == "?lesson=3&sort=title"
    assert shown["Lesson 3: Inclusion is key to strengthening local democracies"] == (
        "?city=oslo&sort=title"
    )


def test_a_list_read_again_shows_renamed_chips_and_changed_cards_at_once(anonymous, oslo):
    """The list is drawn once for its address and kept: a change to what it shows (the names
    in its chips, a card) shows on the next view all the same."""
    practice = PracticeFactory(title="Youth panels", city=oslo, tags=["youth"])
    link = EventPracticeFactory(practice=practice, event__title="Spring talk")
    params = {"event": link.event.slug, "tag": "youth", "city": "oslo"}
    first = anonymous.get(URL, params).text
    assert anonymous.get(URL, params).text == first
    assert "Event: Spring talk" in first and "Tag: youth" in first and "City: Oslo" in first

    link.event.title_en = "Spring talk, recorded"
    link.event.save()
    assert "Event: Spring talk, recorded" in anonymous.get(URL, params).text
    tag = practice.tags.get()
    tag.name = "Young people"
    tag.save()
    assert "Tag: Young people" in anonymous.get(URL, params).text
    oslo.name = "Oslo kommune"
    oslo.save()
    assert "City: Oslo kommune" in anonymous.get(URL, params).text
    practice.title = "Youth panels in every district"
    practice.save()
    assert titles(anonymous.get(URL, params)) == ["Youth panels in every district"]


def test_tracking_variants_of_an_address_are_drawn_once(
    anonymous, oslo, django_assert_max_num_queries
):
    """The list is kept under its canonical address: where the visitor came from, a parameter
    it does not read or an empty field make no second copy of it."""
    PracticeFactory(title="Oslo youth councils", city=oslo, lessons=[2])
    asked = "?lesson=2&city=oslo&utm_source=a"
    drawn = count_queries(anonymous, URL + asked)
    kept = count_queries(anonymous, URL + asked)
    assert kept < drawn

    for variant in [
        "?lesson=2&utm_source=b&city=oslo",
        "?fbclid=x&lesson=2&city=oslo&q=&foo=1",
        "?lesson=2&city=oslo&city=&page=1",
    ]:
        with django_assert_max_num_queries(kept):
            page = anonymous.get(URL + variant)
        assert titles(page) == ["Oslo youth councils"], variant
        assert chips(page)["City: Oslo"] == "?lesson=2", variant


def test_addresses_that_show_different_lists_each_show_their_own(anonymous, oslo, lyon):
    """Visited one after the other, each address shows what it alone asks for, never a list
    kept for another: its filters, its order, its search, its ignored filters, its language."""
    import datetime as dt

    from django.utils import timezone

    now = timezone.now()
    PracticeFactory(title="Youth councils", city=oslo, lessons=[2], published_at=now)
    PracticeFactory(
        title="Assemblies", city=lyon, lessons=[2, 3], published_at=now - dt.timedelta(days=1)
    )
    for asked, shown, marker in [
        ("?lesson=2&utm_source=a", ["Youth councils", "Assemblies"], None),
        ("?lesson=3", ["Assemblies"], None),
        ("?lesson=2&sort=title", ["Assemblies", "Youth councils"], None),
        ("?lesson=2&city=oslo&city=", ["Youth councils"], None),
        ("?lesson=2&lesson=x", ["Youth councils", "Assemblies"], "x is not one of"),
        ("?lesson=2&lesson=y", ["Youth councils", "Assemblies"], "y is not one of"),
        ("?q=councils", ["Youth councils"], 'value="councils"'),
        ("?q=assemblies", ["Assemblies"], 'value="assemblies"'),
    ]:
        page = anonymous.get(URL + asked).text
        assert card_titles(page) == shown, asked
        if marker:
            assert marker in page, asked
    assert "could not be used" not in anonymous.get(URL).text
    french = anonymous.get("/fr" + URL + "?lesson=3").text
    assert card_titles(french) == ["Assemblies"]
    assert "Filtres" in french


def test_sort_by_newest_and_by_title(anonymous):
    import datetime as dt

    from django.utils import timezone

    now = timezone.now()
    PracticeFactory(title="Beta", published_at=now - dt.timedelta(days=2))
    PracticeFactory(title="Alpha", published_at=now - dt.timedelta(days=1))
    PracticeFactory(title="Gamma", published_at=now)

    assert titles(anonymous.get(URL)) == ["Gamma", "Alpha", "Beta"]
    assert titles(anonymous.get(URL, {"sort": "title"})) == ["Alpha", "Beta", "Gamma"]


def test_empty_result_explains_and_offers_to_widen(anonymous):
    PracticeFactory(title="Youth councils", lessons=[3])

    response = anonymous.get(URL, {"q": "councils", "lesson": 9})

    assert response.status_code == 200
    assert "No published practice matches all of these filters." in response.text
    assert 'href="/practices/?q=councils"' in response.text
    assert 'href="/practices/">browse every practice' in response.text


def test_pages_keep_the_filters(anonymous):
    for _ in range(21):
        PracticeFactory(lessons=[2])
    response = anonymous.get(URL, {"lesson": 2})
    assert 'href="?lesson=2&amp;page=2"' in response.text
    second = anonymous.get(URL, {"lesson": 2, "sort": "title", "page": 2})
    assert len(titles(second)) == 1

    nav = second.text[second.text.index('<nav class="pagination"') :]
    nav = nav[: nav.index("</nav>")]
    # Named as pages, not as the page's follow button beside the filters.
    assert nav.startswith('<nav class="pagination" aria-label="Pages">')
    assert '<a rel="prev" href="?lesson=2&amp;sort=title&amp;page=1">Previous page</a>' in nav
    assert '<span aria-current="page">Page 2 of 2</span>' in nav
    assert 'rel="next"' not in nav and "<ol>" not in nav


@pytest.mark.parametrize(
    "params",
    [
        {"lesson": "abc"},
        {"lesson": "10"},
        {"lesson": ["2", "x", "2"]},
        {"year": "twenty"},
        {"year": "99999999999999999999"},
        {"country": "Norway"},
        {"city": "../../etc/passwd"},
        {"tag": "<script>"},
        {"evidence": "proven"},
        {"language": "xx"},
        {"sort": "random"},
        {"q": "x" * 10_000},
        {"q": "null\x00byte"},
        {"q": "\"unbalanced 'quotes \\ back\\slash"},
        {"q": "désinformation ☃ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \u202e"},
        {"q": "!!! & | <-> :* ()"},
        {"q": ["one", "two"]},
    ],
)
def test_odd_query_strings_get_a_page(anonymous, params):
    PracticeFactory(lessons=[2])
    response = anonymous.get(URL, params)
    assert response.status_code == 200


def test_ignored_filters_are_explained(anonymous):
    response = anonymous.get(URL, {"lesson": "abc", "country": "Norway"})
    assert "could not be used and were ignored" in response.text
    assert "A country is a two-letter ISO code, such as NO." in response.text


@pytest.mark.parametrize("page", ["99", "abc", "0", "-1"])
def test_a_page_past_the_end_is_404(anonymous, page):
    PracticeFactory()
    assert anonymous.get(URL, {"page": page}).status_code == 404


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": "trust"},
        {"lesson": [2, 3], "country": "NO", "tag": "trust", "language": "en", "sort": "title"},
        {"event": "event-x", "city": "oslo", "year": 2021, "evidence": "not_evaluated"},
    ],
)
def test_list_queries_do_not_grow_with_the_number_of_practices(
    anonymous, oslo, params, django_assert_max_num_queries
):
    def add(count):
        for index in range(count):
            practice = PracticeFactory(
                city=oslo, lessons=[1 + index % 9, 2], tags=["trust", f"t{index}"]
            )
            EventPracticeFactory(practice=practice)

    add(3)
    few = count_queries(anonymous, URL, params)
    add(30)
    # The cards, their lessons, the counts, the facets (lessons, countries, languages, reviewed
    # ratings, networks, tags), the lesson titles and the chips' names;
    # a search on PostgreSQL also opens a transaction to steer the planner to the text index
    # (BEGIN, SET LOCAL, COMMIT: practices/search.py) and counts three of its facets in one pass.
    with django_assert_max_num_queries(12):
        many = count_queries(anonymous, URL, params)
    assert many == few
