"""Collections: a member saves practices to named collections, orders and annotates them, keeps
them private or shares them by link; nobody else can read a private one or change any."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from practices.models import Practice
from shelves.models import Collection, CollectionItem
from tests.factories import PracticeFactory

pytestmark = pytest.mark.django_db


def titles_in_order(response):
    return re.findall(
        r'<h2 class="card-title"[^>]*><a [^>]*>([^<]+)</a>', response.content.decode()
    )


def test_a_member_saves_a_practice_from_its_page_to_a_new_collection(member, published):
    page = member.get(published.get_absolute_url())
    assert 'action="/my/collections/save/published-a/"' in page.content.decode()

    response = member.post(
        reverse("shelves:save", args=[published.slug]),
        {"collection": "new", "title": "For the council", "next": published.get_absolute_url()},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == published.get_absolute_url()
    assert "Saved to “For the council”." in response.content.decode()
    mine = member.get(reverse("shelves:list"))
    assert "For the council" in mine.content.decode()
    assert "1 practice" in mine.content.decode()


def test_saving_to_an_existing_collection_adds_at_the_end_once(member, collection, city_a):
    other = PracticeFactory(city=city_a, title="Street mediators", slug="street")
    url = reverse("shelves:save", args=[other.slug])
    member.post(url, {"collection": collection.pk})
    response = member.post(url, {"collection": collection.pk}, follow=True)

    assert "Already in “Youth work”." in response.content.decode()
    page = member.get(collection.get_absolute_url())
    assert titles_in_order(page) == ["Youth councils", "Street mediators"]


def test_a_card_leads_to_the_page_to_choose_a_collection(member, collection, published):
    cards = member.get(reverse("practices:list")).content.decode()
    assert f'href="{reverse("shelves:save", args=[published.slug])}"' in cards

    page = member.get(reverse("shelves:save", args=[published.slug]))

    assert page.status_code == 200
    assert f'<option value="{collection.pk}"' in page.content.decode()
    assert "A new collection" in page.content.decode()


def test_signing_in_comes_first_for_an_anonymous_reader(anonymous, published):
    response = anonymous.get(reverse("shelves:save", args=[published.slug]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_new_collection_needs_a_title_and_a_new_one(member, collection, published):
    url = reverse("shelves:save", args=[published.slug])

    untitled = member.post(url, {"collection": "new", "title": "  "})
    twice = member.post(url, {"collection": "new", "title": "youth WORK"})
    nonsense = member.post(url, {"collection": "not-a-number"})

    assert untitled.status_code == 400
    assert "Give the new collection a title." in untitled.content.decode()
    assert "You already have a collection with this title." in twice.content.decode()
    assert "Select a valid choice" in nonsense.content.decode()
    assert Collection.objects.count() == 1


def test_an_unpublished_practice_cannot_be_saved(member, collection, city_a):
    draft = PracticeFactory(city=city_a, draft=True, slug="draft")
    response = member.post(
        reverse("shelves:save", args=[draft.slug]), {"collection": collection.pk}
    )
    assert response.status_code == 404
    assert collection.items.count() == 1


def test_nobody_saves_to_another_members_collection(editor, collection, city_a):
    other = PracticeFactory(city=city_a, slug="other")
    response = editor.post(
        reverse("shelves:save", args=[other.slug]), {"collection": collection.pk}
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not collection.items.filter(practice=other).exists()


def test_up_and_down_buttons_reorder_the_practices(member, member_user, five):
    collection = Collection.objects.create(owner=member_user, title="Five")
    for practice in five:
        collection.add(practice)
    items = list(collection.items.all())

    member.post(reverse("shelves:move", args=[items[0].pk]), {"direction": "down"})
    member.post(reverse("shelves:move", args=[items[4].pk]), {"direction": "up"})
    member.post(reverse("shelves:move", args=[items[4].pk]), {"direction": "sideways"})
    member.post(reverse("shelves:move", args=[items[1].pk]), {"direction": "up"})
    member.post(reverse("shelves:move", args=[items[1].pk]), {"direction": "up"})  # first: stays

    page = member.get(collection.get_absolute_url())
    assert titles_in_order(page) == [
        "Practice 1", "Practice 0", "Practice 2", "Practice 4", "Practice 3"
    ]  # fmt: skip


def test_a_note_on_a_practice_is_kept_and_a_long_one_refused(member, collection):
    item = collection.items.get()
    url = reverse("shelves:note", args=[item.pk])
    field = f"item-{item.pk}-note"

    member.post(url, {field: "Ask Aarhus about the budget."})
    too_long = member.post(url, {field: "x" * 1001})

    assert too_long.status_code == 400
    assert "Ensure this value has at most 1000 characters" in too_long.content.decode()
    page = member.get(collection.get_absolute_url()).content.decode()
    assert "Ask Aarhus about the budget." in page


def test_a_practice_is_removed_from_the_collection_not_the_portal(member, collection, published):
    item = collection.items.get()
    member.post(reverse("shelves:remove", args=[item.pk]))
    assert not collection.items.exists()
    assert Practice.objects.filter(pk=published.pk).exists()


def test_a_private_collection_is_a_404_to_everyone_else(collection, editor, staff, anonymous):
    urls = [
        reverse("shelves:detail", args=[collection.pk]),
        reverse("shelves:edit", args=[collection.pk]),
        reverse("shelves:delete", args=[collection.pk]),
        reverse("shelves:briefing", args=[collection.pk]),
        reverse("shelves:shared", args=[collection.token]),
        reverse("shelves:shared_briefing", args=[collection.token]),
    ]
    for url in urls:
        assert editor.get(url).status_code == 404, url
        assert staff.get(url).status_code == 404, url
    assert anonymous.get(urls[4]).status_code == 404


def test_members_cannot_change_another_members_collection(collection, editor):
    item = collection.items.get()
    answers = [
        editor.post(reverse("shelves:edit", args=[collection.pk]), {"title": "Mine now"}),
        editor.post(reverse("shelves:delete", args=[collection.pk])),
        editor.post(reverse("shelves:move", args=[item.pk]), {"direction": "up"}),
        editor.post(reverse("shelves:note", args=[item.pk]), {f"item-{item.pk}-note": "Hi"}),
        editor.post(reverse("shelves:remove", args=[item.pk])),
    ]
    assert [answer.status_code for answer in answers] == [404] * 5
    collection.refresh_from_db()
    assert collection.title == "Youth work"
    assert CollectionItem.objects.get(pk=item.pk).note == ""


def test_a_shared_link_shows_the_collection_read_only(member, collection, anonymous, editor):
    member.post(
        reverse("shelves:edit", args=[collection.pk]),
        {"title": "Youth work", "description": "For the council.", "shared": "on"},
    )
    collection.refresh_from_db()
    shared_url = collection.get_shared_url()
    assert shared_url in member.get(collection.get_absolute_url()).content.decode()

    for reader in (anonymous, editor):
        page = reader.get(shared_url)
        html = page.content.decode()
        assert page.status_code == 200
        assert "Youth councils" in html and "For the council." in html
        assert '<form method="post"' not in html.split("<main")[1]
        assert 'name="robots" content="noindex"' in html


def test_a_forged_or_withdrawn_link_is_a_404(member, collection, anonymous):
    collection.share()
    old = collection.get_shared_url()
    assert (
        anonymous.get(reverse("shelves:shared", args=["x" + collection.token])).status_code == 404
    )
    assert anonymous.get(reverse("shelves:shared", args=["not-a-token"])).status_code == 404

    member.post(reverse("shelves:edit", args=[collection.pk]), {"title": "Youth work"})
    assert anonymous.get(old).status_code == 404
    collection.refresh_from_db()
    collection.share()
    assert collection.get_shared_url() != old
    assert anonymous.get(old).status_code == 404


def test_unpublished_practices_are_hidden_from_the_shared_view(member, collection, city_a):
    later = PracticeFactory(city=city_a, title="Archived later", slug="later")
    collection.add(later)
    collection.share()
    later.status = Practice.Status.ARCHIVED
    later.save()

    shared = anonymous_page = member.get(collection.get_shared_url()).content.decode()
    own = member.get(collection.get_absolute_url()).content.decode()

    assert "Archived later" not in shared and "Youth councils" in anonymous_page
    assert "Archived later" in own and "No longer published" in own


def test_the_edit_form_shows_errors_rather_than_failing(member, member_user, collection):
    Collection.objects.create(owner=member_user, title="Other")
    url = reverse("shelves:edit", args=[collection.pk])

    empty = member.post(url, {"title": ""})
    taken = member.post(url, {"title": "other"})
    long = member.post(url, {"title": "x" * 121, "description": "y" * 2001})

    assert empty.status_code == taken.status_code == long.status_code == 200
    assert "This field is required." in empty.content.decode()
    assert "You already have a collection with this title." in taken.content.decode()
    assert "at most 2000 characters" in long.content.decode()


def test_deleting_a_collection_asks_first(member, collection):
    url = reverse("shelves:delete", args=[collection.pk])
    assert "Delete this collection?" in member.get(url).content.decode()
    response = member.post(url)
    assert response["Location"] == reverse("shelves:list")
    assert not Collection.objects.exists()


def test_the_collection_page_does_a_bounded_number_of_queries(
    member, member_user, five, django_assert_max_num_queries
):
    collection = Collection.objects.create(owner=member_user, title="Five")
    for practice in five:
        collection.add(practice)
    with django_assert_max_num_queries(8):
        member.get(collection.get_absolute_url())


def test_the_save_form_costs_one_query_however_many_collections(member, member_user, five):
    def queries():
        with CaptureQueriesContext(connection) as context:
            member.get(five[0].get_absolute_url())
        return len(context)

    Collection.objects.create(owner=member_user, title="First")
    queries()  # the page's shared fragments kept
    one = queries()
    for n in range(10):
        Collection.objects.create(owner=member_user, title=f"More {n}")
    assert queries() == one


def test_saving_goes_back_only_to_a_page_of_this_site(member, collection, published):
    url = reverse("shelves:save", args=[published.slug])
    away = member.post(url, {"collection": collection.pk, "next": "https://example.org/"})
    sideways = member.post(url, {"collection": collection.pk, "next": "//example.org/"})
    named = member.post(url, {"collection": collection.pk, "next": "home"})
    back = member.post(url, {"collection": collection.pk, "next": "/practices/?lesson=1"})
    for answer in (away, sideways, named):
        assert answer["Location"] == published.get_absolute_url()
    assert back["Location"] == "/practices/?lesson=1"
