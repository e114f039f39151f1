"""The page cache for anonymous readers: a stored page is served without the database, and any
change to what it shows is visible on the next view; members never share it."""

import gzip

import pytest
from django.urls import reverse

from practices import threads
from tests.factories import EventFactory, EventPracticeFactory, PracticeFactory


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 60


def test_second_anonymous_view_is_served_without_the_database(anonymous, django_assert_num_queries):
    practice = PracticeFactory(title="Safe streets")
    assert anonymous.get(practice.get_absolute_url()).status_code == 200

    with django_assert_num_queries(0):
        response = anonymous.get(practice.get_absolute_url())

    assert response.status_code == 200
    assert "Safe streets" in response.text
    assert "Cookie" in response["Vary"]
    assert not response.cookies


def test_newly_published_practice_shows_on_cached_list_and_home(anonymous):
    PracticeFactory(title="First practice", featured=True)
    assert "First practice" in anonymous.get(reverse("practices:list")).text
    anonymous.get(reverse("home"))

    PracticeFactory(title="Second practice", featured=True)

    assert "Second practice" in anonymous.get(reverse("practices:list")).text
    assert "Second practice" in anonymous.get(reverse("home")).text


def test_unpublishing_removes_practice_from_cached_list(anonymous, staff_user):
    practice = PracticeFactory(title="Soon archived")
    assert "Soon archived" in anonymous.get(reverse("practices:list")).text

    practice.archive(by=staff_user)

    assert "Soon archived" not in anonymous.get(reverse("practices:list")).text
    assert anonymous.get(practice.get_absolute_url()).status_code == 404


def test_edited_event_shows_on_cached_event_page(anonymous):
    event = EventFactory(title="Talk one")
    EventPracticeFactory(event=event)
    assert "Talk one" in anonymous.get(event.get_absolute_url()).text

    event.title = "Talk one, renamed"
    event.save()

    assert "Talk one, renamed" in anonymous.get(event.get_absolute_url()).text


def test_new_and_removed_comments_show_on_cached_practice_page(anonymous, member_user):
    practice = PracticeFactory()
    assert "First thoughts" not in anonymous.get(practice.get_absolute_url()).text

    comment = threads.post_comment(practice=practice, author=member_user, body="First thoughts")
    assert "First thoughts" in anonymous.get(practice.get_absolute_url()).text

    comment.remove()
    assert "First thoughts" not in anonymous.get(practice.get_absolute_url()).text


def test_admin_bulk_action_refreshes_cached_home(anonymous, staff):
    practice = PracticeFactory(title="Quietly good")
    assert "Quietly good" not in anonymous.get(reverse("home")).text

    staff.post(
        reverse("admin:practices_practice_changelist"),
        {"action": "feature", "_selected_action": [practice.pk]},
    )

    assert "Quietly good" in anonymous.get(reverse("home")).text


def test_member_never_gets_the_anonymous_copy(anonymous, member):
    practice = PracticeFactory(contact="Kari Nordmann, kari@example.org")
    anonymous.get(practice.get_absolute_url())
    assert "kari@example.org" not in anonymous.get(practice.get_absolute_url()).text

    response = member.get(practice.get_absolute_url())

    assert "kari@example.org" in response.text
    assert "Post comment" in response.text


def test_member_page_is_never_stored_for_anonymous_readers(anonymous, member):
    practice = PracticeFactory(contact="Kari Nordmann, kari@example.org")
    member.get(practice.get_absolute_url())

    response = anonymous.get(practice.get_absolute_url())

    assert "kari@example.org" not in response.text
    assert "Sign in" in response.text


def test_error_pages_are_not_cached(anonymous, django_assert_max_num_queries):
    missing = reverse("practices:detail", args=["no-such-practice"])
    assert anonymous.get(missing).status_code == 404

    practice = PracticeFactory(slug="no-such-practice", title="Now it exists")

    response = anonymous.get(practice.get_absolute_url())
    assert response.status_code == 200
    assert "Now it exists" in response.text


def test_post_is_never_answered_from_the_cache(anonymous):
    assert anonymous.get(reverse("home")).status_code == 200

    assert anonymous.post(reverse("home")).status_code == 405


def test_each_language_has_its_own_copy(anonymous):
    english = anonymous.get("/lessons/")
    french = anonymous.get("/fr/lessons/")

    assert english["Content-Language"] == "en"
    assert french["Content-Language"] == "fr"
    assert english.content != french.content


def test_french_first_visitor_is_sent_to_french_not_served_the_cached_english(anonymous):
    assert anonymous.get("/lessons/").status_code == 200  # now cached

    response = anonymous.get("/lessons/", HTTP_ACCEPT_LANGUAGE="fr")

    assert response.status_code == 302
    assert response["Location"] == "/fr/lessons/"


def test_page_that_sets_a_cookie_is_not_stored(anonymous, rf):
    """A view that hands out a CSRF token (its cookie is set further out) stays uncached."""
    from django.http import HttpResponse
    from django.middleware.csrf import get_token

    from portal.cache import AnonymousPageCacheMiddleware

    calls = []

    def view(request):
        calls.append(request)
        return HttpResponse(get_token(request))

    middleware = AnonymousPageCacheMiddleware(view)
    for _ in range(2):
        request = rf.get("/")
        request.LANGUAGE_CODE = "en"
        response = middleware(request)
        assert response.status_code == 200

    assert len(calls) == 2


def test_zero_seconds_turns_the_cache_off(settings, anonymous):
    settings.PAGE_CACHE_SECONDS = 0
    practice = PracticeFactory(title="Uncached")
    anonymous.get(practice.get_absolute_url())

    # A plain UPDATE sends no signal: only an uncached page can show it at once.
    type(practice).objects.filter(pk=practice.pk).update(title="Uncached, renamed")

    assert "Uncached, renamed" in anonymous.get(practice.get_absolute_url()).text


def test_visitor_with_a_session_bypasses_the_cache(anonymous, member):
    practice = PracticeFactory(title="Before")
    anonymous.get(practice.get_absolute_url())
    # A plain UPDATE sends no signal, so the stored copy stays as it was.
    type(practice).objects.filter(pk=practice.pk).update(title="After")

    assert "Before" in anonymous.get(practice.get_absolute_url()).text
    assert "After" in member.get(practice.get_absolute_url()).text


def test_a_stored_page_comes_back_whole_before_sessions_and_sign_in_are_looked_at(
    anonymous, django_assert_num_queries
):
    practice = PracticeFactory(title="Same page twice")
    first = anonymous.get(practice.get_absolute_url())

    with django_assert_num_queries(0):
        again = anonymous.get(practice.get_absolute_url())

    assert again.content == first.content
    for header in ("Content-Type", "Content-Language", "Vary", "Content-Security-Policy"):
        assert again[header] == first[header]
    assert not again.cookies
    # Served before the authentication middleware: no member was even looked for.
    assert not hasattr(again.wsgi_request, "user")


def test_a_stored_page_travels_compressed_to_browsers_that_accept_gzip(anonymous):
    practice = PracticeFactory(title="Compressed thread")
    first = anonymous.get(practice.get_absolute_url(), HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    again = anonymous.get(practice.get_absolute_url(), HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert again["Content-Encoding"] == "gzip"
    assert int(again["Content-Length"]) == len(again.content) < len(first.content)
    assert gzip.decompress(again.content) == first.content
    assert "Accept-Encoding" in again["Vary"] and "Accept-Encoding" in first["Vary"]


def test_a_client_without_gzip_gets_the_stored_page_plain(anonymous):
    practice = PracticeFactory(title="Plain thread")
    first = anonymous.get(practice.get_absolute_url())

    again = anonymous.get(practice.get_absolute_url(), HTTP_ACCEPT_ENCODING="identity")

    assert not again.has_header("Content-Encoding")
    assert again.content == first.content
    assert int(again["Content-Length"]) == len(first.content)
    assert "Plain thread" in again.text


def test_pages_are_drawn_on_every_view_when_the_pages_cache_stores_nothing(settings, anonymous):
    """Debug off without REDIS_URL, the pages cache is a DummyCache: nothing is kept and no
    generation can be read, and every page is drawn afresh, changes included."""
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    practice = PracticeFactory(title="Night buses", featured=True)
    assert anonymous.get(practice.get_absolute_url()).status_code == 200

    practice.title = "Night buses, renamed"
    practice.save()

    for url in (practice.get_absolute_url(), reverse("practices:list"), reverse("home")):
        response = anonymous.get(url)
        assert response.status_code == 200
        assert "Night buses, renamed" in response.text, url
