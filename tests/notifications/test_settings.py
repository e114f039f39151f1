"""/my/notifications/: how often each kind comes, what one follows (unfollowed in one click);
and the unsubscribe link and headers every notification carries, working without signing in."""

import pytest
from django.core import mail
from django.core.signing import Signer
from django.urls import reverse

from notifications.emails import unsubscribe_token
from notifications.models import Frequency, Kind, Preference
from practices.models import ThreadSubscription
from tests.conftest import signed_in
from tests.factories import PracticeFactory, UserFactory
from tests.jobs import delivered

pytestmark = pytest.mark.django_db

SETTINGS = "/my/notifications/"


def comment_on(practice, body="A new comment"):
    someone = signed_in(UserFactory(confirmed=True))
    someone.post(reverse("practices:comment", args=[practice.slug]), {"body": body})


def test_the_page_lists_each_kind_and_what_the_member_follows(
    member, member_user, city_a, django_assert_max_num_queries
):
    for title in ["Youth panels", "Street mediators"]:
        ThreadSubscription.objects.create(
            user=member_user, practice=PracticeFactory(city=city_a, title=title)
        )

    with django_assert_max_num_queries(8):
        page = member.get(SETTINGS).text

    assert "<legend>New comments in threads you follow or that concern you</legend>" in page
    assert "Daily digest" in page and "Weekly digest" in page
    assert "Practices submitted for review" not in page  # reviewers' kind: staff only
    assert page.index("Street mediators") < page.index("Youth panels")
    assert "Unfollow “Youth panels”" in page


def test_staff_also_choose_for_reviews_and_moderation(staff):
    page = staff.get(SETTINGS).text
    assert "Practices submitted for review (reviewers)" in page
    assert "Comments hidden after reports (moderators)" in page


def test_off_sends_nothing(member, member_user, published):
    ThreadSubscription.objects.create(user=member_user, practice=published)
    data = dict.fromkeys([Kind.REVIEW, Kind.TEAM, Kind.NEW_PRACTICE], Frequency.IMMEDIATELY)
    response = member.post(SETTINGS, {**data, Kind.COMMENT: Frequency.OFF})
    assert response.status_code == 302
    assert "Your notification settings have been saved." in member.get(SETTINGS).text

    comment_on(published)

    assert [m for m in delivered() if m.to == [member_user.email]] == []


def test_an_unknown_choice_is_refused_with_a_message(member, member_user):
    response = member.post(SETTINGS, {Kind.COMMENT: "hourly"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    assert not Preference.objects.filter(user=member_user).exists()


def test_unfollowing_from_the_list(member, member_user, published):
    subscription = ThreadSubscription.objects.create(user=member_user, practice=published)
    response = member.post(reverse("notifications:unfollow_thread", args=[subscription.pk]))
    assert response.status_code == 302
    assert "You no longer follow “Youth councils”." in member.get(SETTINGS).text
    subscription.refresh_from_db()
    assert not subscription.following


def test_another_members_subscription_cannot_be_unfollowed(other_editor, member_user, published):
    subscription = ThreadSubscription.objects.create(user=member_user, practice=published)
    response = other_editor.post(reverse("notifications:unfollow_thread", args=[subscription.pk]))
    assert response.status_code == 404
    subscription.refresh_from_db()
    assert subscription.following


def test_every_notification_has_an_unsubscribe_link_and_one_click_headers(
    anonymous, member_user, published
):
    ThreadSubscription.objects.create(user=member_user, practice=published)
    comment_on(published)
    [message] = [m for m in delivered() if m.to == [member_user.email]]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert f"Stop e-mails of this kind (no log-in needed): {link}" in message.body
    path = link.removeprefix("https://127.0.0.1:8000")

    # A mail program's one-click post (RFC 8058): no session, no CSRF token.
    response = anonymous.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert Preference.objects.frequency(member_user, Kind.COMMENT) == Frequency.OFF
    mail.outbox.clear()
    comment_on(published, "Another")
    assert [m for m in delivered() if m.to == [member_user.email]] == []


def test_opening_the_link_asks_before_unsubscribing(anonymous, member_user):
    path = reverse("notifications:unsubscribe", args=[unsubscribe_token(member_user, "comment")])
    page = anonymous.get(path).text
    assert '<button type="submit">Stop these e-mails</button>' in page
    assert Preference.objects.frequency(member_user, Kind.COMMENT) == Frequency.IMMEDIATELY


@pytest.mark.parametrize(
    "token",
    [
        "made-up",
        Signer(salt="something else").sign_object({"user": 1, "kind": "comment"}),
        unsubscribe_token(UserFactory.build(pk=10**9), "comment"),
    ],
)
def test_a_forged_or_stale_token_is_refused(anonymous, member_user, token):
    response = anonymous.post(reverse("notifications:unsubscribe", args=[token]))
    assert response.status_code == 404
    assert not Preference.objects.exists()


def test_a_tampered_token_is_refused(anonymous, member_user):
    token = unsubscribe_token(member_user, "comment")
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    response = anonymous.post(reverse("notifications:unsubscribe", args=[tampered]))
    assert response.status_code == 404
    assert not Preference.objects.exists()


def test_a_signed_token_for_an_unknown_kind_is_refused(anonymous, member_user):
    response = anonymous.post(
        reverse("notifications:unsubscribe", args=[unsubscribe_token(member_user, "gossip")])
    )
    assert response.status_code == 404
