"""A practice's workflow steps check where they start from and keep a history."""

import pytest
from django.core.exceptions import ValidationError

from practices.models import Practice
from tests.factories import PracticeFactory

pytestmark = pytest.mark.django_db


def test_publishing_a_submitted_practice_records_who_and_when(staff_user):
    practice = PracticeFactory(draft=True)
    practice.submit(by=practice.submitted_by)
    practice.publish(by=staff_user, message="Thank you")

    practice.refresh_from_db()
    assert practice.status == Practice.Status.PUBLISHED
    assert practice.published_at is not None
    last = practice.status_changes.last()
    assert (last.from_status, last.to_status, last.changed_by, last.message) == (
        "submitted",
        "published",
        staff_user,
        "Thank you",
    )
    assert practice.status_changes.count() == 2


def test_request_changes_needs_a_message(staff_user):
    practice = PracticeFactory(draft=True)
    practice.submit(by=None)
    with pytest.raises(ValidationError):
        practice.request_changes(by=staff_user, message="  ")
    practice.refresh_from_db()
    assert practice.status == Practice.Status.SUBMITTED


def test_a_draft_cannot_be_sent_back_for_changes(staff_user):
    practice = PracticeFactory(draft=True)
    with pytest.raises(ValidationError, match="cannot become"):
        practice.request_changes(by=staff_user, message="Add results")
    assert not practice.status_changes.exists()


def test_republishing_keeps_the_first_publication_date(staff_user):
    practice = PracticeFactory()
    first = practice.published_at
    practice.archive(by=staff_user)
    practice.publish(by=staff_user)
    practice.refresh_from_db()
    assert practice.published_at == first
