"""Staff review submitted practices on the site; authors hear of each decision by e-mail."""

import pytest
from django.core import mail
from django.urls import reverse

from practices.models import Practice
from tests.factories import PracticeFactory
from tests.jobs import run_jobs

pytestmark = pytest.mark.django_db

QUEUE = "/review/"


@pytest.fixture
def submitted(editor_user, city_a):
    practice = PracticeFactory(
        city=city_a, submitted_by=editor_user, title="Youth panels", draft=True
    )
    practice.submit(by=editor_user)
    run_jobs()
    mail.outbox.clear()
    return practice


def decide(client, practice, **data):
    return client.post(reverse("practices:review_decide", args=[practice.slug]), data)


def test_the_queue_lists_submitted_practices_for_staff(
    staff, submitted, django_assert_max_num_queries
):
    PracticeFactory(title="Already public")
    with django_assert_max_num_queries(6):
        response = staff.get(QUEUE)
    assert "Youth panels" in response.text
    assert "Already public" not in response.text
    assert "by Ebba Lund" in response.text


def test_publishing_makes_it_public_and_tells_the_author(staff, submitted, anonymous, sent):
    with sent():
        response = decide(staff, submitted, decision="publish")
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == Practice.Status.PUBLISHED
    assert anonymous.get(submitted.get_absolute_url()).status_code == 200
    assert mail.outbox[0].to == ["editor@aarhus.example"]
    assert "Published" in mail.outbox[0].subject
    assert submitted.get_absolute_url() in mail.outbox[0].body


def test_requesting_changes_needs_a_message_and_keeps_the_queue(staff, submitted):
    response = decide(staff, submitted, decision="request_changes", message="")
    assert response.status_code == 400
    assert "Say what should change" in response.text
    submitted.refresh_from_db()
    assert submitted.status == Practice.Status.SUBMITTED
    assert mail.outbox == []


def test_a_decision_stands_when_the_mail_server_fails(
    staff, submitted, anonymous, sent, mail_server_down, caplog
):
    with sent():
        response = decide(staff, submitted, decision="publish")
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == Practice.Status.PUBLISHED
    assert anonymous.get(submitted.get_absolute_url()).status_code == 200
    assert "Connection unexpectedly closed" in caplog.text


def test_requested_changes_reach_the_author_with_the_message(staff, submitted, editor, sent):
    with sent():
        decide(staff, submitted, decision="request_changes", message="Add the budget, please.")
    submitted.refresh_from_db()
    assert submitted.status == Practice.Status.CHANGES_REQUESTED
    assert "Add the budget, please." in mail.outbox[0].body
    assert "Add the budget, please." in editor.get(reverse("practices:mine")).text


def test_archiving(staff, submitted):
    decide(staff, submitted, decision="archive")
    submitted.refresh_from_db()
    assert submitted.status == Practice.Status.ARCHIVED


def test_an_impossible_decision_is_explained(staff, submitted):
    decide(staff, submitted, decision="publish")
    response = decide(staff, submitted, decision="publish")
    assert response.status_code == 302
    assert "cannot become" in staff.get(QUEUE).text


def test_history_is_shown_to_editors_not_readers(staff, submitted, editor, member):
    decide(staff, submitted, decision="publish", message="Well written")
    url = submitted.get_absolute_url()
    assert "History" in editor.get(url).text
    assert "Well written" in editor.get(url).text
    assert "History" not in member.get(url).text


def test_links_in_e_mails_open_on_the_site(staff, submitted, sent, settings):
    settings.DEBUG = False
    with sent():
        decide(staff, submitted, decision="publish")
    assert f"https://127.0.0.1:8000{submitted.get_absolute_url()}" in mail.outbox[0].body
