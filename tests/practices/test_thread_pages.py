"""A long thread comes in pages of conversations (practices/threads.py): a page shows at most
PER_PAGE top-level comments with all their replies, later pages are `?comments=N`, a comment's
lasting address `/comments/<id>/` finds its page, and each page is kept and made stale on its
own."""

import re
from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from practices.models import Comment, Practice
from practices.threads import PER_PAGE
from tests.conftest import signed_in
from tests.factories import PracticeFactory, UserFactory

pytestmark = pytest.mark.django_db

START = timezone.now() - timedelta(days=30)
# The thread's pagination below it.
THREAD_NAV = '<nav class="pagination" aria-label="Pages of the discussion">'


def said(practice, author, body, *, parent=None, minute, **fields):
    """A comment as bulk_create writes it (past save()): its HTML, at START + `minute`."""
    return Comment(
        practice=practice,
        author=author,
        parent=parent,
        body=body,
        body_html=f"<p>{body}</p>",
        created_at=START + timedelta(minutes=minute),
        **fields,
    )


def conversations(practice, count, author=None):
    """`count` top-level comments "Root 0" … oldest first, a minute apart."""
    author = author or UserFactory(display_name="Ana")
    roots = Comment.objects.bulk_create(
        said(practice, author, f"Root {i}", minute=i) for i in range(count)
    )
    recount(practice)
    return roots


def chain(root, length, author=None, minute=10_000):
    """Replies to `root`, each answering the one before, posted after every top-level one."""
    author = author or UserFactory(display_name="Olav")
    replies, parent = [], root
    for level in range(length):
        parent = Comment.objects.bulk_create(
            [
                said(
                    root.practice,
                    author,
                    f"Reply {root.pk}.{level}",
                    parent=parent,
                    minute=minute + level,
                )
            ]  # fmt: skip
        )[0]
        replies.append(parent)
    recount(root.practice)
    return replies


def recount(practice):
    Practice.objects.filter(pk=practice.pk).recount_comments()


def shown(page):
    """The ids of the comments a page shows, in its order."""
    return [int(pk) for pk in re.findall(r'<li class="comment depth-\d+" id="comment-(\d+)"', page)]


def ids(comments):
    return [comment.pk for comment in comments]


def test_a_page_shows_its_conversations_whole_and_the_next_ones_wait(anonymous, published):
    roots = conversations(published, 2 * PER_PAGE + 10)
    # The last conversation of page 1 goes on long after page 2's began: it stays whole.
    replies = chain(roots[PER_PAGE - 1], 8)
    url = published.get_absolute_url()

    first = anonymous.get(url).text
    second = anonymous.get(url, {"comments": 2}).text
    third = anonymous.get(url, {"comments": "3"}).text

    assert shown(first) == ids(roots[:PER_PAGE]) + ids(replies)
    assert shown(second) == ids(roots[PER_PAGE : 2 * PER_PAGE])
    assert shown(third) == ids(roots[2 * PER_PAGE :])
    # Every page counts the whole thread.
    for page in (first, second, third):
        assert f"({2 * PER_PAGE + 18} comments)" in page


def test_the_pages_are_linked_below_the_thread_for_every_reader(anonymous, published):
    conversations(published, 2 * PER_PAGE + 1)
    url = published.get_absolute_url()

    page = anonymous.get(url, {"comments": 2}).text

    nav = page[page.index(THREAD_NAV) :]
    nav = nav[: nav.index("</nav>")]
    assert page.index('id="comment-') < page.index(THREAD_NAV)
    assert " of 3<" not in nav  # numbered, not "Page 2 of 3" as a list's
    assert f'<a rel="prev" href="{url}#comments">Earlier comments</a>' in nav
    assert f'<a rel="next" href="{url}?comments=3#comments">Later comments</a>' in nav
    assert f'<a href="{url}?comments=2#comments" aria-current="page">' in nav
    assert f'<a href="{url}#comments"><span class="visually-hidden">Page </span>1</a>' in nav
    assert nav.count("<li>") == 3
    # Each page is its own address, page 1 the practice's (the only one in the sitemap).
    assert f'<link rel="canonical" href="http://testserver{url}?comments=2">' in page
    assert f"<title>{published.title} · comments, page 2 · " in page
    first = anonymous.get(url).text
    assert f'<link rel="canonical" href="http://testserver{url}">' in first
    assert 'rel="prev"' not in first and "comments, page" not in first


def test_a_short_thread_has_no_pages(anonymous, published):
    conversations(published, PER_PAGE)
    page = anonymous.get(published.get_absolute_url()).text
    assert len(shown(page)) == PER_PAGE
    assert THREAD_NAV not in page


@pytest.mark.parametrize(
    "number", ["4", "0", "-1", "abc", "", "1.5", "2e1", "99999999999999999999", "1 OR 1=1"]
)
def test_a_page_that_does_not_exist_is_a_404(anonymous, published, number):
    conversations(published, 2 * PER_PAGE + 1)
    response = anonymous.get(published.get_absolute_url(), {"comments": number})
    assert response.status_code == 404


def test_a_thread_without_comments_has_its_first_page_only(anonymous, published):
    url = published.get_absolute_url()
    assert anonymous.get(url, {"comments": 1}).status_code == 200
    assert anonymous.get(url, {"comments": 2}).status_code == 404


def test_removed_and_hidden_comments_keep_their_page_and_their_rules(anonymous, published):
    roots = conversations(published, PER_PAGE + 3)
    author = UserFactory(display_name="Ingrid")
    later = roots[PER_PAGE:]
    Comment.objects.filter(pk=later[0].pk).update(deleted_at=timezone.now())  # with a reply
    Comment.objects.filter(pk=later[1].pk).update(deleted_at=timezone.now())  # alone
    Comment.objects.filter(pk=later[2].pk).update(hidden_at=timezone.now(), author=author)
    [reply] = chain(later[0], 1)
    url = published.get_absolute_url()

    page = anonymous.get(url, {"comments": 2}).text
    assert shown(page) == [later[0].pk, reply.pk]
    assert "Comment removed" in page and "Root 50" not in page
    own = signed_in(author).get(url, {"comments": 2}).text
    assert shown(own) == [later[0].pk, reply.pk, later[2].pk]
    assert "Hidden by a moderator: only you and the moderators see this comment." in own
    # The removed ones still count among the page's conversations: page 1 keeps its 50.
    assert shown(anonymous.get(url).text) == ids(roots[:PER_PAGE])


def test_a_page_whose_comments_were_all_removed_says_so(anonymous, published):
    roots = conversations(published, PER_PAGE + 1)
    Comment.objects.filter(pk=roots[-1].pk).update(deleted_at=timezone.now())
    page = anonymous.get(published.get_absolute_url(), {"comments": 2}).text
    assert "The comments of this page were removed." in page


def test_a_comments_address_finds_it_on_a_later_page(anonymous, published):
    roots = conversations(published, 2 * PER_PAGE + 5)
    url = published.get_absolute_url()
    target = roots[2 * PER_PAGE + 2]
    assert target.get_absolute_url() == f"/comments/{target.pk}/"

    response = anonymous.get(target.get_absolute_url())

    assert response.status_code == 302
    assert response["Location"] == f"{url}?comments=3#comment-{target.pk}"
    assert target.pk in shown(anonymous.get(url, {"comments": 3}).text)
    first = roots[0]
    assert anonymous.get(first.get_absolute_url())["Location"] == f"{url}#comment-{first.pk}"


def test_a_deep_reply_is_found_on_its_conversations_page(anonymous, published):
    roots = conversations(published, 2 * PER_PAGE)
    deepest = chain(roots[PER_PAGE + 7], 12)[-1]

    response = anonymous.get(deepest.get_absolute_url())

    assert response["Location"] == f"{published.get_absolute_url()}?comments=2#comment-{deepest.pk}"
    page = anonymous.get(response["Location"]).text
    assert f'id="comment-{deepest.pk}"' in page and "in reply to Olav" in page


def test_french_readers_go_to_the_french_page(anonymous, published):
    roots = conversations(published, PER_PAGE + 1)
    response = anonymous.get(f"/fr/comments/{roots[-1].pk}/")
    location = f"/fr/practices/{published.slug}/?comments=2#comment-{roots[-1].pk}"
    assert response["Location"] == location
    page = anonymous.get(location).text
    assert 'aria-label="Pages de la discussion"' in page
    assert "Commentaires précédents" in page and "· commentaires, page 2 ·" in page


def test_a_hidden_comment_is_found_by_its_author_and_staff_only(anonymous, staff, published):
    roots = conversations(published, PER_PAGE)
    author = UserFactory(display_name="Ingrid")
    hidden = Comment.objects.create(
        practice=published, author=author, body="Strong words", hidden_at=timezone.now()
    )
    expected = f"{published.get_absolute_url()}?comments=2#comment-{hidden.pk}"

    assert anonymous.get(hidden.get_absolute_url()).status_code == 404
    assert signed_in(UserFactory()).get(hidden.get_absolute_url()).status_code == 404
    assert signed_in(author).get(hidden.get_absolute_url())["Location"] == expected
    assert staff.get(hidden.get_absolute_url())["Location"] == expected
    assert "Strong words" in signed_in(author).get(expected).text
    roots[0].remove()
    assert staff.get(roots[0].get_absolute_url()).status_code == 404


def test_no_address_for_comments_of_drafts_or_that_do_not_exist(anonymous, member_user, city_a):
    draft = PracticeFactory(city=city_a, draft=True)
    mine = Comment.objects.create(practice=draft, author=member_user, body="Early words")
    assert signed_in(member_user).get(mine.get_absolute_url()).status_code == 404
    assert anonymous.get("/comments/999999/").status_code == 404


def test_posting_lands_on_the_page_that_shows_the_comment(member, published):
    roots = conversations(published, 2 * PER_PAGE)
    url = published.get_absolute_url()
    comment_url = reverse("practices:comment", args=[published.slug])

    response = member.post(comment_url, {"body": "A late thought"})

    new = Comment.objects.get(body="A late thought")
    assert response["Location"] == f"{url}?comments=3#comment-{new.pk}"
    assert "A late thought" in member.get(response["Location"]).text

    response = member.post(comment_url, {"body": "An answer", "parent": roots[3].pk})
    answer = Comment.objects.get(body="An answer")
    assert response["Location"] == f"{url}#comment-{answer.pk}"
    page = member.get(url).text
    assert shown(page).index(answer.pk) == shown(page).index(roots[3].pk) + 1

    response = member.post(
        reverse("practices:comment_edit", args=[new.pk]), {"body": "A later thought"}
    )
    assert response["Location"] == f"{url}?comments=3#comment-{new.pk}"
    response = member.post(reverse("practices:comment_delete", args=[new.pk]))
    assert response["Location"] == f"{url}?comments=3#comments"


@pytest.mark.parametrize(("earlier", "page"), [(PER_PAGE - 1, 1), (PER_PAGE, 2)])
def test_a_new_comment_at_a_pages_end_lands_on_its_page(member, published, earlier, page):
    """Removed and hidden conversations keep their place, and so count for the new one."""
    roots = conversations(published, earlier)
    roots[0].remove()
    roots[1].hide(by=None)
    url = published.get_absolute_url()

    response = member.post(reverse("practices:comment", args=[published.slug]), {"body": "Last"})

    new = Comment.objects.get(body="Last")
    query = f"?comments={page}" if page > 1 else ""
    assert response["Location"] == f"{url}{query}#comment-{new.pk}"
    assert f'id="comment-{new.pk}"' in member.get(response["Location"]).text
    # Its lasting address, which counts the comments before it, agrees.
    assert anonymous_location(new) == response["Location"]


def anonymous_location(comment):
    return Client().get(reverse("practices:comment_link", args=[comment.pk]))["Location"]


def test_a_thread_of_200_comments_is_read_in_as_many_queries_as_one_of_5(
    anonymous, member, published, django_assert_max_num_queries
):
    ContentType.objects.get_for_model(Practice)
    roots = conversations(published, 5)
    with django_assert_max_num_queries(12):
        assert len(shown(anonymous.get(published.get_absolute_url()).text)) == 5

    roots += conversations(published, 115, author=UserFactory())
    replies = []
    for root in roots[:5] + roots[PER_PAGE : PER_PAGE + 5]:  # 80 replies, 8 deep
        replies += chain(root, 8, author=UserFactory())
    assert published.comments.count() == 200
    url = published.get_absolute_url()
    caches["pages"].clear()
    with django_assert_max_num_queries(12):
        page = anonymous.get(url).text
    assert len(shown(page)) == PER_PAGE + 40 and "(200 comments)" in page
    # With the parts around it and the count of top-level comments kept, a page of the thread
    # is the practice's row, the page's comments with their authors (one recursive query finds
    # the replies, however deep) and the authors' teams.
    for number, count in ((2, PER_PAGE + 40), (3, 20)):
        with django_assert_max_num_queries(3):
            page = anonymous.get(url, {"comments": number}).text
        assert len(shown(page)) == count and "(200 comments)" in page
    # A member's page with nothing kept: the same, and their session, account and collections
    # (whether they may edit, have commented there, follow the thread comes with the practice).
    caches["pages"].clear()
    with django_assert_max_num_queries(16):
        assert len(shown(member.get(url, {"comments": 2}).text)) == PER_PAGE + 40


def test_each_page_is_kept_drawn_on_its_own_and_shows_a_change(anonymous, published):
    roots = conversations(published, PER_PAGE + 2)
    url = published.get_absolute_url()
    first = anonymous.get(url).text  # page 1's fragment is kept…
    second = anonymous.get(url, {"comments": 2}).text  # …and is not page 2's
    assert shown(first) == ids(roots[:PER_PAGE])
    assert shown(second) == ids(roots[PER_PAGE:])

    roots[-1].edit("Root 51, edited")

    assert "Root 51, edited" in anonymous.get(url, {"comments": 2}).text
    assert "Root 51, edited" not in anonymous.get(url).text


def test_the_page_cache_keeps_each_page_of_the_thread_and_refreshes_it(
    anonymous, published, settings, member_user, django_assert_max_num_queries
):
    settings.PAGE_CACHE_SECONDS = 60
    roots = conversations(published, PER_PAGE + 1)
    url = published.get_absolute_url()
    assert shown(anonymous.get(url, {"comments": 2}).text) == [roots[-1].pk]
    with django_assert_max_num_queries(0):
        again = anonymous.get(url, {"comments": 2}, headers={"accept-encoding": "gzip"})
    assert again["Content-Encoding"] == "gzip"
    assert anonymous.get(url).status_code == 200

    Comment.objects.create(practice=published, author=member_user, body="Hi", parent=roots[-1])

    assert "<p>Hi</p>" in anonymous.get(url, {"comments": 2}).text
    assert "<p>Hi</p>" not in anonymous.get(url).text


def test_a_thread_of_many_pages_links_the_ends_and_the_pages_around(anonymous, published):
    conversations(published, 10 * PER_PAGE + 1)
    page = anonymous.get(published.get_absolute_url(), {"comments": 6}).text
    nav = page[page.index(THREAD_NAV) :]
    nav = nav[: nav.index("</nav>")]
    numbers = re.findall(r'<span class="visually-hidden">Page </span>(\d+)</a>', nav)
    assert numbers == ["1", "4", "5", "6", "7", "8", "11"]
    assert nav.count('<span aria-hidden="true">…</span>') == 2
