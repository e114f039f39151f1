"""Practice cards: every change a reader would notice on a card shows on the next request, on
every page that shows cards, in both languages, and for anonymous and signed-in readers alike;
a page of cards reads a few queries whatever the number of practices."""

import pytest
from django.urls import reverse
from django.utils import timezone

from practices.models import Comment, Lesson, Practice
from tests.cards import card_titles, lesson_chips
from tests.factories import CityFactory, PracticeFactory, UserFactory

pytestmark = pytest.mark.django_db

LIST = "/practices/"


@pytest.fixture
def oslo():
    return CityFactory(name="Oslo", slug="oslo", country="NO")


@pytest.fixture
def youth(oslo):
    return PracticeFactory(title="Youth councils", city=oslo, lessons=[3], featured=True)


@pytest.fixture
def other(oslo):
    return PracticeFactory(title="Fact checks", city=oslo, lessons=[2, 3], featured=True)


def card_of(page_html, title):
    """The HTML of the card titled `title` on the page."""
    start = page_html.index(f">{title}</a></h3>")
    return page_html[
        page_html.rindex('<article class="card">', 0, start) : page_html.index("</article>", start)
    ]


def pages_with_cards(practice):
    return [
        "/",
        LIST,
        f"/lessons/{practice.lessons.first().number}/",
        f"/cities/{practice.city.slug}/",
    ]


def comment(practice, **fields):
    return Comment.objects.create(practice=practice, author=UserFactory(), body="Hi", **fields)


def test_a_comment_posted_shows_in_the_card_count_at_once(anonymous, member, youth, other):
    for url in pages_with_cards(youth):
        assert "comment" not in card_of(anonymous.get(url).text, "Youth councils"), url

    comment(youth)
    for url in pages_with_cards(youth):
        assert ">1 comment</a>" in card_of(anonymous.get(url).text, "Youth councils"), url
        assert ">1 comment</a>" in card_of(member.get(url).text, "Youth councils"), url

    comment(youth)
    assert ">2 comments</a>" in card_of(anonymous.get(LIST).text, "Youth councils")
    assert ">2 commentaires</a>" in card_of(anonymous.get("/fr" + LIST).text, "Youth councils")
    assert "comment" not in card_of(anonymous.get(LIST).text, "Fact checks")


def test_removed_and_hidden_comments_leave_the_count(anonymous, member, staff, youth):
    first, second, third = comment(youth), comment(youth), comment(youth)
    assert ">3 comments</a>" in anonymous.get(LIST).text

    first.remove()
    assert ">2 comments</a>" in anonymous.get(LIST).text

    second.hide(by=None)
    assert ">1 comment</a>" in anonymous.get(LIST).text

    # The moderators' bulk action writes with update(), which sends no signal.
    staff.post("/admin/practices/comment/", {"action": "hide", "_selected_action": [third.pk]})
    third.refresh_from_db()
    assert third.is_hidden
    assert "comment" not in card_of(anonymous.get(LIST).text, "Youth councils")
    assert "comment" not in card_of(member.get(LIST).text, "Youth councils")


def test_a_lesson_title_edited_in_the_admin_shows_on_cards_and_tiles(anonymous, staff, youth):
    for url in ["/", LIST, "/fr" + LIST, LIST + "?lesson=3"]:
        anonymous.get(url)
    lesson = Lesson.objects.get(number=3)
    response = staff.post(
        f"/admin/practices/lesson/{lesson.pk}/change/",
        {
            "slug": lesson.slug,
            "title_en": "Inclusion, renamed",
            "title_fr": "L'inclusion, renommée",
            "short_title_en": "Inclusion now",
            "short_title_fr": "Inclusion désormais",
            "summary_en": lesson.summary_en,
            "summary_fr": lesson.summary_fr,
        },
    )
    assert response.status_code == 302

    for url in pages_with_cards(youth):
        assert lesson_chips(anonymous.get(url).text) == [
            ("Inclusion, renamed", "Lesson 3 Inclusion now")
        ]
    french = lesson_chips(anonymous.get("/fr" + LIST).text)
    assert french == [("L'inclusion, renommée", "Leçon 3 Inclusion désormais")]
    # The home page's tiles and the list's lesson filter show it too.
    assert '<span class="lesson-title">Inclusion, renamed</span>' in anonymous.get("/").text
    assert "3. Inclusion, renamed" in anonymous.get(LIST).text
    assert "Lesson 3: Inclusion, renamed" in anonymous.get(LIST, {"lesson": 3}).text


def test_french_pages_show_french_cards_and_english_pages_english_ones(anonymous, oslo):
    PracticeFactory(title="Conseils de jeunes", city=oslo, lessons=[3], language="fr")
    comment(Lesson.objects.get(number=3).practices.get())
    comment(Lesson.objects.get(number=3).practices.get())
    english = card_of(anonymous.get(LIST).text, "Conseils de jeunes")
    french = card_of(anonymous.get("/fr" + LIST).text, "Conseils de jeunes")
    assert "Oslo, Norway" in english and "Oslo, Norvège" in french
    assert "· French</p>" in english and "· Français" not in french
    assert 'title="Inclusion is key to strengthening local democracies"' in english
    assert 'href="/lessons/3/"' in english and 'href="/fr/lessons/3/"' in french
    assert "Inclusion is key" not in french
    assert ">2 comments</a>" in english and ">2 commentaires</a>" in french
    assert 'href="/fr/practices/' in french and 'href="/practices/' in english


def test_an_archived_practice_leaves_every_page_at_once(anonymous, staff_user, youth, other):
    for url in pages_with_cards(youth):
        assert "Youth councils" in card_titles(anonymous.get(url).text), url
    youth.archive(by=staff_user)
    for url in pages_with_cards(youth):
        titles = card_titles(anonymous.get(url).text)
        assert "Youth councils" not in titles, url
        assert "Fact checks" in titles, url


def test_an_edited_practice_and_a_renamed_city_show_at_once(anonymous, youth, oslo):
    for url in pages_with_cards(youth):
        anonymous.get(url)
    oslo.name = "Christiania"
    oslo.save()
    for url in pages_with_cards(youth):
        assert "Christiania, Norway" in card_of(anonymous.get(url).text, "Youth councils"), url

    youth.title = "Youth assemblies"
    youth.save()
    youth.lessons.add(Lesson.objects.get(number=7))
    for url in [*pages_with_cards(youth), "/lessons/7/"]:
        card = card_of(anonymous.get(url).text, "Youth assemblies")
        assert [text for _title, text in lesson_chips(card)] == [
            "Lesson 3 Inclusion",
            "Lesson 7 Network autonomy",
        ], url


def test_a_lesson_taken_off_a_practice_from_the_lesson_side_shows(anonymous, youth):
    anonymous.get(LIST)
    Lesson.objects.get(number=3).practices.remove(youth)
    youth.lessons.add(Lesson.objects.get(number=5))
    card = card_of(anonymous.get(LIST).text, "Youth councils")
    assert 'href="/lessons/5/"' in card and 'href="/lessons/3/"' not in card


def test_signed_in_readers_see_the_same_cards_and_their_own_header(
    anonymous, member, member_user, youth
):
    comment(youth)
    member_page = member.get(LIST).text
    anonymous_page = anonymous.get(LIST).text
    assert card_of(member_page, "Youth councils") == card_of(anonymous_page, "Youth councils")
    assert member_user.email not in card_of(member_page, "Youth councils")
    assert reverse("account_logout") in member_page
    assert reverse("account_logout") not in anonymous_page


def test_search_snippets_are_drawn_for_each_search(anonymous, oslo):
    PracticeFactory(title="Trust", city=oslo, summary="Rebuilding trust with young people.")
    assert "<mark>trust</mark>" in anonymous.get(LIST, {"q": "trust"}).text
    assert "<mark>young</mark>" in anonymous.get(LIST, {"q": "young"}).text
    assert "<mark>" not in anonymous.get(LIST).text


def test_an_edited_summary_changes_the_search_snippet_at_once(anonymous, oslo):
    practice = PracticeFactory(title="Trust", city=oslo, summary="Rebuilding trust with youth.")
    assert "with youth" in card_of(anonymous.get(LIST, {"q": "trust"}).text, "Trust")
    practice.summary = "Rebuilding trust with elders."
    practice.save()
    card = card_of(anonymous.get(LIST, {"q": "trust"}).text, "Trust")
    assert "with elders" in card and "youth" not in card


@pytest.mark.parametrize(
    ("url", "queries", "member_queries"),
    # The counts, which practices fill the page and the cards drawn are kept
    # (practices/caching.py and the templates' fragments): what is left is the events of the
    # home page, the lesson with its events, the city with its networks. A member's session
    # and account are read as well, and on a city's page their membership and whether they
    # manage it.
    [
        ("/", 2, 4),
        (LIST, 0, 2),
        (LIST + "?lesson=3&country=NO", 0, 2),
        ("/lessons/3/", 2, 4),
        ("/cities/oslo/", 2, 6),
    ],
)
def test_pages_of_cards_read_a_few_queries(
    anonymous, member, youth, other, url, queries, member_queries, django_assert_max_num_queries
):
    comment(youth, deleted_at=timezone.now())
    anonymous.get(url)
    with django_assert_max_num_queries(queries):
        response = anonymous.get(url)
    assert "Youth councils" in card_titles(response.text)
    with django_assert_max_num_queries(member_queries):
        assert card_of(member.get(url).text, "Youth councils") == card_of(
            response.text, "Youth councils"
        )


def test_featuring_in_the_admin_shows_on_the_home_page_at_once(staff, anonymous, youth, oslo):
    PracticeFactory(title="Street mediators", city=oslo)
    assert card_titles(anonymous.get("/").text) == ["Youth councils"]

    changelist = "/admin/practices/practice/"
    mediators = Practice.objects.get(title="Street mediators")
    staff.post(changelist, {"action": "feature", "_selected_action": [mediators.pk]})
    assert "Street mediators" in card_titles(anonymous.get("/").text)

    staff.post(changelist, {"action": "unfeature", "_selected_action": [youth.pk]})
    assert card_titles(anonymous.get("/").text) == ["Street mediators"]
