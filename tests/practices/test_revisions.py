"""Edits to a published practice are revisions: the published text stays public until staff
read the diff and publish it, or return it with a message; published revisions are its
history, and staff fixes in the admin are recorded there too."""

import pytest
from django.core import mail
from django.urls import reverse

from practices.models import Lesson, Practice, PracticeRevision
from practices.models.revision import practice_values
from tests.factories import PracticeFactory
from tests.practices.test_admin import empty_inline

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member", "editor", "other_editor", "staff"]


@pytest.fixture
def practice(city_a, editor_user):
    return PracticeFactory(
        city=city_a,
        slug="youth-councils",
        title="Youth councils",
        summary="Young people advise the council.",
        approach="Monthly meetings with *local partners*.",
        submitted_by=editor_user,
        tags=["youth"],
    )


def edit_data(practice, **overrides):
    data = {
        "title": practice.title,
        "summary": practice.summary,
        "lessons": [lesson.pk for lesson in practice.lessons.all()],
        "tags": ", ".join(practice.tags.names()),
        "approach": practice.approach,
        "contact": practice.contact,
        "start_year": practice.start_year,
        "end_year": "",
        "language": practice.language,
        "evidence": practice.evidence,
        "links-TOTAL_FORMS": "1",
        "links-INITIAL_FORMS": "0",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "10",
        "links-0-title": "",
        "links-0-url": "",
        "action": "save",
    }
    data.update(overrides)
    return data


def edit_url(practice):
    return reverse("practices:edit", args=[practice.slug])


def propose(client, practice, **overrides):
    return client.post(edit_url(practice), edit_data(practice, **overrides))


@pytest.fixture
def waiting(practice, editor):
    propose(
        editor,
        practice,
        title="Youth councils in every district",
        approach="Weekly meetings with *local partners* and schools.",
    )
    return practice.revisions.get()


def review_url(revision):
    return reverse("practices:review_revision", args=[revision.pk])


def test_an_editors_edit_waits_while_the_public_still_sees_the_published_text(
    editor, anonymous, practice
):
    response = propose(editor, practice, title="Youth councils in every district")

    assert response.status_code == 302
    revision = practice.revisions.get()
    assert revision.status == PracticeRevision.Status.PENDING
    page = anonymous.get(practice.get_absolute_url()).text
    assert "Youth councils" in page
    assert "in every district" not in page


@pytest.mark.parametrize(
    "role, expected", list(zip(ROLES, ["login", 403, 200, 403, 200], strict=True))
)
def test_who_may_propose_a_revision(request, practice, role, expected):
    client = request.getfixturevalue(role)
    response = propose(client, practice, title="Taken over")
    if expected == "login":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    elif expected == 200:
        assert response.status_code == 302  # proposed, back to the practice
    else:
        assert response.status_code == expected
    proposed = PracticeRevision.objects.filter(data__title="Taken over").exists()
    assert proposed == (expected == 200)


def test_an_unpublished_practice_of_another_city_is_a_404(other_editor, city_a):
    draft = PracticeFactory(city=city_a, draft=True)
    assert other_editor.get(edit_url(draft)).status_code == 404


def test_the_revision_form_starts_from_the_waiting_revision_and_updates_it(editor, waiting):
    practice = waiting.practice
    response = editor.get(edit_url(practice))
    assert "Youth councils in every district" in response.text
    assert "A revision has been waiting for review" in response.text

    propose(editor, practice, title="Youth councils in five districts")

    assert practice.revisions.get().data["title"] == "Youth councils in five districts"


def test_an_edit_that_changes_nothing_makes_no_revision(editor, practice):
    response = propose(editor, practice)
    assert response.status_code == 302
    assert not practice.revisions.exists()


def test_a_link_needs_its_text_and_its_address(editor, practice):
    response = propose(editor, practice, **{"links-0-title": "Report"})
    assert response.status_code == 200
    assert "A link needs both its text and its address." in response.text
    assert not practice.revisions.exists()


def test_staff_are_told_of_a_revision(editor, practice, staff_user, sent):
    with sent():
        propose(editor, practice, title="Youth councils in every district")
    [message] = [m for m in mail.outbox if m.to == ["curator@example.org"]]
    assert "Revision to review" in message.subject
    assert review_url(practice.revisions.get()) in message.body


@pytest.mark.parametrize(
    "role, expected", list(zip(ROLES, ["login", 403, 403, 403, 200], strict=True))
)
def test_only_staff_review_a_revision(request, waiting, role, expected):
    response = request.getfixturevalue(role).get(review_url(waiting))
    if expected == "login":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    else:
        assert response.status_code == expected


def test_the_reviewer_sees_each_changed_field_as_a_diff(
    staff, waiting, django_assert_max_num_queries
):
    with django_assert_max_num_queries(15):
        response = staff.get(review_url(waiting))
    text = response.text
    assert "<dt>Title</dt>" in text
    assert "<ins>in every district</ins>" in text.replace("<ins> ", "<ins>")
    assert "<del>Monthly</del>" in text and "<ins>Weekly</ins>" in text
    assert "<dt>Summary</dt>" not in text  # unchanged fields are left out


def test_publishing_a_revision_shows_the_new_text_and_tells_the_author(
    staff, staff_user, waiting, anonymous, sent
):
    practice = waiting.practice
    with sent():
        response = staff.post(review_url(waiting), {"decision": "publish"})

    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.title == "Youth councils in every district"
    assert practice.slug == "youth-councils"  # readers' bookmarks still work
    # Rendered again when saved, and found by a search for its new words.
    assert "schools" in practice.html("approach")
    page = anonymous.get(practice.get_absolute_url()).text
    assert "Youth councils in every district" in page
    assert "Weekly meetings with <em>local partners</em> and schools." in page
    found = anonymous.get(reverse("practices:list"), {"q": "schools"}).text
    assert "Youth councils in every district" in found
    [message] = [m for m in mail.outbox if m.to == ["editor@aarhus.example"]]
    assert "published" in message.subject.lower()
    waiting.refresh_from_db()
    assert (waiting.status, waiting.decided_by) == ("published", staff_user)


def test_returning_needs_a_message(staff, waiting):
    response = staff.post(review_url(waiting), {"decision": "return", "message": " "})
    assert response.status_code == 400
    assert "Say what should change" in response.text
    waiting.refresh_from_db()
    assert waiting.is_pending


def test_a_returned_revision_keeps_the_text_and_shows_the_message(
    staff, editor, waiting, anonymous, sent
):
    practice = waiting.practice
    with sent():
        staff.post(review_url(waiting), {"decision": "return", "message": "Name the schools."})

    practice.refresh_from_db()
    assert practice.title == "Youth councils"
    [message] = [m for m in mail.outbox if m.to == ["editor@aarhus.example"]]
    assert "Name the schools." in message.body
    form = editor.get(edit_url(practice)).text
    assert "Name the schools." in form
    assert "Youth councils in every district" in form  # what they wrote is not lost


def test_a_revision_decided_already_cannot_be_decided_again(staff, waiting):
    staff.post(review_url(waiting), {"decision": "publish"})

    response = staff.post(review_url(waiting), {"decision": "return", "message": "Too late."})

    assert response.status_code == 409
    assert "This revision was already decided" in response.text
    waiting.refresh_from_db()
    assert waiting.status == PracticeRevision.Status.PUBLISHED


def test_a_stale_revision_is_refused_and_changes_nothing(staff, waiting):
    practice = waiting.practice
    Practice.objects.get(pk=practice.pk).save()  # someone changed the practice meanwhile

    response = staff.post(review_url(waiting), {"decision": "publish"})

    assert response.status_code == 409
    assert "The practice changed after this revision was written" in response.text
    practice.refresh_from_db()
    assert practice.title == "Youth councils"
    waiting.refresh_from_db()
    assert waiting.is_pending


def test_the_queue_lists_waiting_revisions(staff, waiting):
    response = staff.get(reverse("practices:review"))
    assert "Revision of “Youth councils”" in response.text
    assert review_url(waiting) in response.text


@pytest.mark.parametrize(
    "role, expected", list(zip(ROLES, ["login", 403, 200, 403, 200], strict=True))
)
def test_history_is_for_the_citys_editors_and_staff(request, practice, role, expected):
    response = request.getfixturevalue(role).get(reverse("practices:history", args=[practice.slug]))
    if expected == "login":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    else:
        assert response.status_code == expected


def test_history_lists_each_published_revision_with_who_approved_it(
    staff, editor, waiting, django_assert_max_num_queries
):
    staff.post(review_url(waiting), {"decision": "publish"})
    url = reverse("practices:history", args=[waiting.practice.slug])

    with django_assert_max_num_queries(12):
        response = editor.get(url)

    assert "Written by Ebba Lund, approved by" in response.text
    assert "<ins>Weekly</ins>" in response.text


def test_the_practice_page_offers_history_and_says_a_revision_waits(editor, anonymous, waiting):
    page = editor.get(waiting.practice.get_absolute_url()).text
    assert reverse("practices:history", args=[waiting.practice.slug]) in page
    assert "A revision waits for review" in page
    public = anonymous.get(waiting.practice.get_absolute_url()).text
    assert "A revision waits for review" not in public
    assert "History</a>" not in public


def test_a_staff_fix_in_the_admin_publishes_at_once_and_is_recorded(
    staff, staff_user, practice, anonymous
):
    response = staff.post(
        reverse("admin:practices_practice_change", args=[practice.pk]),
        {
            "title": "Youth councils (fixed typo)",
            "slug": practice.slug,
            "city": practice.city.pk,
            "summary": practice.summary,
            "lessons": [Lesson.objects.get(number=1).pk],
            "tags": "youth",
            "approach": practice.approach,
            "contact": practice.contact,
            "start_year": practice.start_year,
            "language": "en",
            "evidence": "not_evaluated",
            **empty_inline("links"),
            **empty_inline("status_changes"),
            **empty_inline("event_links"),
        },
    )

    assert response.status_code == 302, response.text
    assert "Youth councils (fixed typo)" in anonymous.get(practice.get_absolute_url()).text
    revision = practice.revisions.get()
    assert (revision.status, revision.author, revision.decided_by) == (
        "published",
        staff_user,
        staff_user,
    )
    assert revision.previous == {"title": "Youth councils"}


def test_a_published_revision_makes_the_cached_page_stale(settings, staff, waiting, anonymous):
    settings.PAGE_CACHE_SECONDS = 60
    url = waiting.practice.get_absolute_url()
    assert "in every district" not in anonymous.get(url).text

    staff.post(review_url(waiting), {"decision": "publish"})

    assert "Youth councils in every district" in anonymous.get(url).text


def test_publishing_applies_lessons_tags_and_links(staff_user, practice):
    data = {
        **practice_values(practice),
        "lessons": [2, 5],
        "tags": ["schools", "youth"],
        "links": [["Report", "https://example.org/report"]],
    }
    revision = PracticeRevision.propose(practice, data, by=staff_user)

    revision.publish(by=staff_user)

    assert sorted(lesson.number for lesson in practice.lessons.all()) == [2, 5]
    assert sorted(practice.tags.names()) == ["schools", "youth"]
    assert [(link.title, link.url) for link in practice.links.all()] == [
        ("Report", "https://example.org/report")
    ]


def test_my_practices_lists_my_waiting_and_returned_revisions(staff, editor, waiting):
    text = editor.get(reverse("practices:mine")).text
    assert "My edits of published practices" in text
    assert "Waiting for review" in text

    staff.post(review_url(waiting), {"decision": "return", "message": "Name the schools."})

    text = editor.get(reverse("practices:mine")).text
    assert "Returned to the author" in text
    assert "Name the schools." in text
