"""A member asks to join a city's team (`Membership.request`), whichever page asks for them."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction

from practices.models import Membership
from tests.factories import MembershipFactory
from tests.jobs import delivered, waiting_jobs

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


def test_the_managers_job_commits_with_the_request_or_not_at_all(member_user, city_a, manager_user):
    with pytest.raises(RuntimeError), transaction.atomic():
        Membership.request(user=member_user, city=city_a, reason="I run the council.")
        raise RuntimeError("something later in the same transaction fails")
    # The request was rolled back, and its job with it: nobody is told.
    assert waiting_jobs() == []
    assert delivered() == []

    Membership.request(user=member_user, city=city_a, reason="I run the council.")
    assert waiting_jobs() == ["notifications.jobs.membership_requested"]
    assert len(delivered()) == 1


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
