"""What a comment does when its author edits it or members report it (`Comment.edit`,
`Comment.report`), whichever page or admin action asks."""

import pytest
from django.utils import timezone

from practices.models import Comment, Refused
from tests.factories import PracticeFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def remark(member_user):
    return Comment.objects.create(
        practice=PracticeFactory(), author=member_user, body="Frist draft"
    )


def test_an_edit_changes_the_text_and_says_when(remark):
    before = timezone.now()

    remark.edit("First draft")

    remark.refresh_from_db()
    assert remark.body == "First draft"
    assert remark.was_edited
    assert remark.edited_at >= before


def test_a_report_is_recorded_and_the_comment_stays_shown(remark):
    reporter = UserFactory()

    report = remark.report(reporter=reporter, reason="Off topic")

    assert list(remark.reports.open()) == [report]
    assert report.reporter == reporter
    assert report.reason == "Off topic"
    remark.refresh_from_db()
    assert not remark.is_hidden


def test_a_second_report_from_the_same_member_is_refused(remark):
    reporter = UserFactory()
    remark.report(reporter=reporter, reason="Off topic")

    with pytest.raises(Refused, match="You have already reported this comment."):
        remark.report(reporter=reporter, reason="Still off topic")

    assert remark.reports.count() == 1


def test_enough_reports_from_different_members_hide_it(remark, settings):
    settings.COMMENT_HIDE_AFTER_REPORTS = 2
    remark.report(reporter=UserFactory(), reason="Insult")
    assert not remark.is_hidden

    remark.report(reporter=UserFactory(), reason="Insult")

    remark.refresh_from_db()
    assert remark.is_hidden
    assert remark.hidden_by is None
