"""Following a lesson, a city, a country, a tag or a saved search of the practice list: members
hear of newly published practices that match, once each; bad targets are refused clearly."""

import html
import re

import pytest
from django.urls import reverse

from notifications.models import Follow
from tests.factories import CityFactory, PracticeFactory
from tests.jobs import delivered

pytestmark = pytest.mark.django_db

FOLLOW = "/my/follows/"


def follow(client, target, value):
    return client.post(FOLLOW, {"target": target, "value": value})


def to(user):
    return [message for message in delivered() if message.to == [user.email]]


def publish(staff_user, **fields):
    practice = PracticeFactory(draft=True, **fields)
    practice.submit(by=staff_user)
    practice.publish(by=staff_user)
    return practice


@pytest.mark.parametrize(
    "target, value, fields",
    [
        ("lesson", "3", {"lessons": [3]}),
        ("city", "aarhus", {}),
        ("country", "dk", {}),
        ("tag", "youth", {"tags": ["Youth"]}),
        ("search", "lesson=3&lesson=5&language=en", {"lessons": [5], "language": "en"}),
    ],
)
def test_a_follower_hears_of_a_new_practice_that_matches(
    member, member_user, staff_user, city_a, target, value, fields
):
    PracticeFactory(city=city_a, tags=["Youth"])  # the tag exists before it is followed
    response = follow(member, target, value)
    assert response.status_code == 302
    assert "You follow" in member.get(response["Location"], follow=True).text

    publish(staff_user, city=city_a, title="Street mediators", **fields)

    [message] = to(member_user)
    assert "New practice on" in message.subject
    assert "Street mediators" in message.subject
    assert "List-Unsubscribe" in message.extra_headers


def test_a_practice_elsewhere_tells_nobody(member, member_user, staff_user, city_a):
    follow(member, "city", "aarhus")
    publish(staff_user, city=CityFactory(name="Oslo", country="NO"))
    assert to(member_user) == []


def test_a_practice_matching_two_follows_is_told_once_and_again_never(
    member, member_user, staff_user, city_a
):
    follow(member, "city", "aarhus")
    follow(member, "lesson", "2")
    practice = publish(staff_user, city=city_a, lessons=[2])
    assert len(to(member_user)) == 1

    practice.archive(by=staff_user)
    practice.publish(by=staff_user)  # published again: not new
    assert len(to(member_user)) == 1


def test_one_filter_from_the_list_is_followed_as_that_thing(member, member_user, city_a):
    follow(member, "search", "country=DK&page=2")
    assert Follow.objects.get(user=member_user).target == "country"


def test_the_list_page_offers_to_follow_its_search(member):
    page = member.get("/practices/?lesson=3&q=youth").text
    assert 'name="value" value="lesson=3&amp;q=youth"' in page
    assert "Follow new practices that match this search" in page


def test_a_search_reached_from_a_campaign_s_link_can_be_followed(member, member_user):
    # The list reads only its own filters; so does the search it offers to follow.
    page = member.get("/practices/?utm_source=newsletter&lesson=3&q=youth&gclid=x").text
    [value] = re.findall(r'<input type="hidden" name="value" value="([^"]*)">', page)

    assert html.unescape(value) == "lesson=3&q=youth"
    assert follow(member, "search", html.unescape(value)).status_code == 302
    assert Follow.objects.get(user=member_user).value == "lesson=3&q=youth"


@pytest.mark.parametrize(
    "asked, value, target",
    [
        ("?year=abc&q=youth", "q=youth", "search"),
        ("?lesson=99&q=youth&lesson=2", "q=youth", "search"),
        ("?lesson=99&city=aarhus&sort=random", "city=aarhus", "city"),
    ],
)
def test_a_search_with_a_filter_the_list_ignored_follows_what_the_list_shows(
    member, member_user, city_a, asked, value, target
):
    # The list tells which filters it could not use and shows the practices of the others: the
    # search it offers to follow is that one.
    page = member.get(f"/practices/{asked}").text
    assert "could not be used and were ignored" in page
    [offered] = re.findall(r'<input type="hidden" name="value" value="([^"]*)">', page)

    assert html.unescape(offered) == value
    assert follow(member, "search", html.unescape(offered)).status_code == 302
    assert Follow.objects.get(user=member_user).target == target


def test_a_list_whose_only_filter_was_ignored_offers_nothing_to_follow(member):
    page = member.get("/practices/?lesson=99").text
    assert "could not be used and were ignored" in page
    assert "Follow new practices that match this search" not in page


def test_follows_are_listed_and_unfollowed_from_the_settings(member, member_user, city_a):
    follow(member, "city", "aarhus")
    page = member.get("/my/notifications/").text
    assert "Unfollow “Aarhus”" in page
    followed = Follow.objects.get(user=member_user)

    response = member.post(reverse("notifications:unfollow", args=[followed.pk]))

    assert response.status_code == 302
    assert not Follow.objects.exists()


@pytest.mark.parametrize(
    "target, value",
    [("lesson", "12"), ("lesson", "x"), ("city", "atlantis"), ("country", "ZZ"), ("tag", "none")],
)
def test_an_unknown_target_is_a_404(member, city_a, target, value):
    assert follow(member, target, value).status_code == 404
    assert not Follow.objects.exists()


@pytest.mark.parametrize(
    "target, value",
    [
        ("gossip", "x"),
        ("search", ""),
        ("search", "page=2&sort=title"),
        ("search", "lesson=99"),
        ("search", "country=Denmark"),
        ("search", "year=abc&q=youth"),
        ("search", "colour=blue&q=youth"),
    ],
)
def test_an_odd_search_is_a_400(member, target, value):
    assert follow(member, target, value).status_code == 400
    assert not Follow.objects.exists()
