"""The public pages a newcomer reaches from the home page, with bounded queries."""

import pytest
from django.urls import reverse

from tests.factories import EventPracticeFactory, PracticeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def practices():
    """Enough published practices, across lessons, to fill more than one list page."""
    return [
        PracticeFactory(lessons=[1 + index % 9, 2], tags=["trust"], featured=index < 4)
        for index in range(25)
    ]


@pytest.mark.parametrize(
    "url",
    ["/", "/practices/", "/practices/?page=2", "/lessons/", "/lessons/2/", "/events/"],
)
def test_public_pages_load_with_bounded_queries(
    anonymous, practices, url, django_assert_max_num_queries
):
    EventPracticeFactory(practice=practices[0])
    # The list adds two facets to the others' eight: its networks and its most used tags.
    with django_assert_max_num_queries(10 if url.startswith("/practices/") else 8):
        response = anonymous.get(url)
    assert response.status_code == 200


def test_home_shows_the_nine_lessons_with_counts(anonymous):
    PracticeFactory(lessons=[2])
    PracticeFactory(lessons=[2], draft=True)
    response = anonymous.get("/")
    assert "Cities can counter disinformation by building trust and resilience" in response.text
    assert response.text.count('class="lesson-tile"') == 9
    assert "1 practice" in response.text


def test_practice_page_shows_sections_lessons_and_events(anonymous, django_assert_max_num_queries):
    practice = PracticeFactory(
        title="Youth panels", lessons=[3], tags=["youth"], results="Turnout **doubled**."
    )
    EventPracticeFactory(practice=practice, note="Presented by the City of Oslo")
    # Drawn for the first reader: the practice, the parts every reader shares (the whole
    # practice, its networks, lessons, tags, links, files, adaptations, events, its
    # translations, three small queries for related practices) and the empty thread.
    with django_assert_max_num_queries(12):
        response = anonymous.get(practice.get_absolute_url())
    assert "<h1>Youth panels</h1>" in response.text
    assert "<strong>doubled</strong>" in response.text
    assert "Inclusion is key to strengthening local democracies" in response.text
    assert "Presented by the City of Oslo" in response.text


def test_draft_practice_is_not_found(anonymous, staff):
    draft = PracticeFactory(draft=True)
    assert anonymous.get(draft.get_absolute_url()).status_code == 404
    assert draft.title not in anonymous.get("/practices/").text


def test_contact_is_shown_only_to_signed_in_members(anonymous, member):
    practice = PracticeFactory(contact="Kari Nordmann, kari@example.org")
    assert "kari@example.org" not in anonymous.get(practice.get_absolute_url()).text
    assert "Sign in</a> to see who to contact" in anonymous.get(practice.get_absolute_url()).text
    assert "kari@example.org" in member.get(practice.get_absolute_url()).text
    # The member's copy of the page is not the one anonymous readers get next, from any page
    # of the thread; signing in leads back to the contact.
    later = anonymous.get(f"{practice.get_absolute_url()}?comments=1").text
    assert "kari@example.org" not in later
    assert f'?next={practice.get_absolute_url()}%23contact">Sign in</a>' in later


def test_markdown_cannot_inject_script(anonymous):
    practice = PracticeFactory(
        approach='<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror="alert(1)">'
    )
    text = anonymous.get(practice.get_absolute_url()).text
    assert "<script>alert" not in text
    assert "javascript:" not in text
    assert "onerror" not in text


@pytest.mark.parametrize("url", ["/practices/?page=99", "/practices/?page=abc", "/lessons/10/"])
def test_pages_that_do_not_exist_are_404(anonymous, url):
    assert anonymous.get(url).status_code == 404


def test_event_page_shows_local_time_and_published_practices(
    anonymous, django_assert_max_num_queries
):
    link = EventPracticeFactory(note="Presented by the City of Aarhus")
    hidden = EventPracticeFactory(event=link.event, practice=PracticeFactory(draft=True))
    # The event, its organisers, lessons, agenda, speakers, practices and their lessons; later
    # readers make only the first.
    with django_assert_max_num_queries(7):
        response = anonymous.get(reverse("events:detail", args=[link.event.slug]))
    assert "Presented by the City of Aarhus" in response.text
    assert hidden.practice.title not in response.text
    assert "Europe/Oslo" in response.text


@pytest.mark.parametrize(("url", "queries"), [("/", 0), ("/lessons/2/", 1)])
def test_a_later_reader_of_home_or_a_lesson_reads_no_events_again(
    anonymous, practices, url, queries, django_assert_max_num_queries
):
    EventPracticeFactory(practice=practices[0]).event.lessons.add(practices[0].lessons.first())
    first = anonymous.get(url).text
    # The events, the cards and the counts are kept; a lesson's page still finds the lesson.
    with django_assert_max_num_queries(queries):
        assert anonymous.get(url).text == first
