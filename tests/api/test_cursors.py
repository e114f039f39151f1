"""A cursor belongs to the list that gave it: another list's is a 400 saying whose it is, not a
position read in the wrong list. The practices' cursors given before cursors named their list
still page through the practices, as clients may have stored them."""

import base64
import datetime as dt

import pytest
from django.utils import timezone

from practices.models import Practice
from tests.factories import CityFactory, EventFactory, PracticeFactory

pytestmark = pytest.mark.django_db

LISTS = {
    "practices": "/api/v1/practices/",
    "events": "/api/v1/events/",
    "cities": "/api/v1/cities/",
}


def unnamed_cursor(practice):
    """The cursor the practice list gave for the rows after `practice` before cursors named it."""
    text = f"{practice.published_at.isoformat()}|{practice.pk}"
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def walk(client, url):
    seen = []
    while url:
        page = client.get(url).json()
        seen += [item["slug"] for item in page["results"]]
        url = page["next"]
    return seen


@pytest.fixture
def next_cursors(anonymous):
    """The first page's next_cursor of each list, with two rows in each."""
    PracticeFactory.create_batch(2)
    EventFactory.create_batch(2)
    CityFactory.create_batch(2)
    return {
        name: anonymous.get(url, {"limit": 1}).json()["next_cursor"] for name, url in LISTS.items()
    }


@pytest.mark.parametrize("given, to", [(a, b) for a in LISTS for b in LISTS if a != b])
def test_another_lists_cursor_is_a_400_saying_whose_it_is(anonymous, next_cursors, given, to):
    response = anonymous.get(LISTS[to], {"cursor": next_cursors[given]})

    assert response.status_code == 400
    assert response.json()["errors"] == {
        "cursor": f"A cursor of the {given} list, not of the {to} list: pass a page's "
        "next_cursor to the list that gave it."
    }


@pytest.mark.parametrize("name", LISTS)
def test_a_lists_own_cursor_gives_its_next_page(anonymous, next_cursors, name):
    response = anonymous.get(LISTS[name], {"limit": 1, "cursor": next_cursors[name]})

    assert response.status_code == 200
    assert len(response.json()["results"]) == 1


@pytest.mark.parametrize("to", ["events", "cities"])
def test_a_practices_cursor_from_before_is_a_400_on_the_other_lists(anonymous, to):
    EventFactory(starts_at=timezone.now())
    CityFactory()
    practice = PracticeFactory()

    response = anonymous.get(LISTS[to], {"cursor": unnamed_cursor(practice)})

    assert response.status_code == 400
    assert "start again from its first page" in response.json()["errors"]["cursor"]


def test_a_practices_cursor_from_before_still_pages_through_the_rest(anonymous):
    # Some published at the same moment: the id decides between them, in old cursors too.
    practices = PracticeFactory.create_batch(30)
    same_moment = timezone.now() - dt.timedelta(days=1)
    Practice.objects.filter(pk__in=[p.pk for p in practices[5:15]]).update(published_at=same_moment)
    first = anonymous.get(LISTS["practices"], {"limit": 10}).json()
    last_read = Practice.objects.get(slug=first["results"][-1]["slug"])

    old = walk(anonymous, f"{LISTS['practices']}?limit=7&cursor={unnamed_cursor(last_read)}")
    new = walk(anonymous, f"{LISTS['practices']}?limit=7&cursor={first['next_cursor']}")

    assert old == new
    assert len(old) == len(set(old)) == 20
    assert set(old) | {item["slug"] for item in first["results"]} == {p.slug for p in practices}
