"""A member asks to join a city's team (`Membership.request`), whichever page asks for them."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from practices.models import Membership
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_a_request_waits_for_a_decision_and_the_managers_hear_of_it(
    member_user, city_a, manager_user, sent
):
    with sent():
        membership = Membership.request(user=member_user, city=city_a, reason="I run the council.")

    assert membership.status == Membership.Status.PENDING
    assert membership.reason == "I run the council."
    assert city_a.memberships.pending().get() == membership
    [message] = mail.outbox
    assert message.to == [manager_user.email]
    assert "I run the council." in message.body


def test_the_managers_hear_only_once_the_request_is_committed(
    member_user, city_a, manager_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        Membership.request(user=member_user, city=city_a, reason="I run the council.")
    # Nothing is sent before the commit, so a request rolled back tells nobody.
    assert mail.outbox == []

    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1


def test_a_second_open_request_for_the_same_city_is_refused(member_user, city_a, sent):
    MembershipFactory(user=member_user, city=city_a, status=Membership.Status.PENDING)

    with sent(), pytest.raises(ValidationError, match="already waiting for a decision"):
        Membership.request(user=member_user, city=city_a, reason="Again.")

    assert city_a.memberships.filter(user=member_user).count() == 1
    assert mail.outbox == []


def test_a_member_declined_before_may_ask_again(member_user, city_a):
    MembershipFactory(user=member_user, city=city_a, status=Membership.Status.DECLINED)

    membership = Membership.request(user=member_user, city=city_a, reason="Now I lead it.")

    assert membership.status == Membership.Status.PENDING
