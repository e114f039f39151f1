"""Members ask to join a city's team; its managers and staff decide, and everyone hears."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains

from practices.models import Membership
from tests.factories import MembershipFactory, UserFactory
from tests.jobs import delivered

pytestmark = pytest.mark.django_db


def join(client, city, reason="I coordinate prevention work in the city."):
    return client.post(reverse("practices:join_city", args=[city.slug]), {"reason": reason})


def test_a_confirmed_member_asks_and_the_managers_are_told(
    member, member_user, city_a, manager_user, sent
):
    with sent():
        response = join(member, city_a)
    assert response.status_code == 302
    membership = Membership.objects.get(user=member_user)
    assert membership.status == Membership.Status.PENDING
    assert mail.outbox[0].to == [manager_user.email]
    assert "I coordinate prevention work" in mail.outbox[0].body


def test_without_managers_the_staff_are_told(member, city_a, staff_user, sent):
    with sent():
        join(member, city_a)
    assert mail.outbox[0].to == [staff_user.email]


def test_an_unconfirmed_member_is_asked_to_confirm_and_sent_a_new_link(
    newcomer, newcomer_user, city_a
):
    response = join(newcomer, city_a)

    assert response.status_code == 200
    assertContains(response, "<h1>Confirm your e-mail address</h1>", html=True)
    assert not Membership.objects.exists()
    [message] = delivered()
    assert message.to == [newcomer_user.email]


def test_asking_twice_makes_one_request(member, member_user, city_a):
    join(member, city_a)
    join(member, city_a)
    assert Membership.objects.filter(user=member_user).count() == 1


def test_a_reason_is_required(member, city_a):
    response = join(member, city_a, reason="")
    assert response.status_code == 200
    assert "This field is required." in response.text


def test_a_manager_approves_and_the_member_can_write(manager, member, member_user, city_a, sent):
    join(member, city_a)
    membership = Membership.objects.get(user=member_user)
    delivered().clear()  # the managers heard of the request

    with sent():
        response = manager.post(
            reverse("practices:decide_membership", args=[membership.pk]), {"decision": "approve"}
        )

    membership.refresh_from_db()
    assert response.status_code == 302
    assert membership.status == Membership.Status.APPROVED
    assert membership.decided_by.email == "manager@aarhus.example"
    assert membership.decided_at is not None
    assert mail.outbox[0].to == [member_user.email]
    assert "You are now an editor for Aarhus" in mail.outbox[0].body
    assert "Aarhus (DK)" in member.get("/practices/new/").text


def test_a_manager_declines_with_a_message(manager, member, member_user, city_a, sent):
    join(member, city_a)
    membership = Membership.objects.get(user=member_user)
    delivered().clear()  # the managers heard of the request
    with sent():
        manager.post(
            reverse("practices:decide_membership", args=[membership.pk]),
            {"decision": "decline", "message": "Please ask your head of unit."},
        )
    membership.refresh_from_db()
    assert membership.status == Membership.Status.DECLINED
    assert "Please ask your head of unit." in mail.outbox[-1].body


def test_a_manager_removes_an_editor_who_then_cannot_edit(manager, editor, editor_user, city_a):
    membership = editor_user.memberships.get()
    manager.post(
        reverse("practices:decide_membership", args=[membership.pk]), {"decision": "remove"}
    )
    membership.refresh_from_db()
    assert membership.status == Membership.Status.REMOVED
    assert editor.get("/practices/new/").status_code == 302


def test_the_team_page_lists_requests_and_editors(
    manager, editor_user, city_a, django_assert_max_num_queries
):
    MembershipFactory(city=city_a, status=Membership.Status.PENDING, user__email="new@x.example")
    with django_assert_max_num_queries(8):
        response = manager.get(reverse("practices:city_team", args=[city_a.slug]))
    assert "new@x.example" in response.text
    assert "Ebba Lund" in response.text


def test_an_editor_of_another_city_cannot_decide(other_editor, city_a):
    pending = MembershipFactory(city=city_a, status=Membership.Status.PENDING)
    response = other_editor.post(
        reverse("practices:decide_membership", args=[pending.pk]), {"decision": "approve"}
    )
    assert response.status_code == 404
    pending.refresh_from_db()
    assert pending.status == Membership.Status.PENDING


def test_staff_approve_in_the_admin(staff, staff_user, city_a):
    pending = MembershipFactory(city=city_a, status=Membership.Status.PENDING)
    staff.post(
        reverse("admin:practices_membership_changelist"),
        {"action": "approve", "_selected_action": [pending.pk]},
    )
    pending.refresh_from_db()
    assert pending.status == Membership.Status.APPROVED
    assert pending.decided_by == staff_user


def test_a_profile_shows_teams_and_practices_by_who_looks(
    editor, editor_user, member, city_a, django_assert_max_num_queries
):
    from tests.factories import PracticeFactory

    PracticeFactory(city=city_a, submitted_by=editor_user, title="Public one")
    PracticeFactory(city=city_a, submitted_by=editor_user, title="Secret draft", draft=True)
    url = reverse("accounts:profile", args=[editor_user.pk])

    with django_assert_max_num_queries(6):
        own = editor.get(url).text
    other = member.get(url).text

    assert "Aarhus" in own and "Aarhus" in other
    assert "Public one" in own and "Public one" in other
    assert "Secret draft" in own
    assert "Secret draft" not in other


def test_the_team_page_never_shows_a_deciders_address(manager, city_a):
    reviewer = UserFactory(email="reviewer@portal.example", display_name="")
    MembershipFactory(
        city=city_a,
        status=Membership.Status.APPROVED,
        user__display_name="Lars Dahl",
        decided_by=reviewer,
        decided_at=timezone.now(),
    )
    page = manager.get(reverse("practices:city_team", args=[city_a.slug])).text
    assert "Lars Dahl" in page
    assert "reviewer@portal.example" not in page
    assert "approved by Unnamed member" in page
