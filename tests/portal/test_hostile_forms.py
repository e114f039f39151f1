"""Whatever is posted to a form of the site (any text, control characters, right-to-left
overrides, huge values, fields left out), the answer is a page, a form error or a redirect,
never a server error, and nothing is saved by halves: when the answer is not a success, the
database holds what it held before.

Hypothesis makes the posts: each field is left out, given a valid value or given a hostile
one, so some posts succeed and the checks on a success run too. Each example runs in a
transaction rolled back afterwards. Settings profiles (examples per test, derandomized in CI)
are in tests/conftest.py.
"""

from contextlib import contextmanager

import pytest
from allauth.account.models import EmailAddress
from django.core.cache import cache
from django.db import transaction
from django.forms.models import model_to_dict
from hypothesis import event, given
from hypothesis import strategies as st
from taggit.models import TaggedItem

from accounts.models import User
from notifications.models import Follow
from practices.models import Comment, CommentReport, Membership, Practice, PracticeLink
from shelves.models import Collection
from tests.factories import MembershipFactory, PracticeFactory, UserFactory

pytestmark = pytest.mark.django_db

HOSTILE = st.one_of(
    # Any text: every code point but surrogates, NUL and controls included.
    st.text(max_size=200),
    st.sampled_from(
        [
            "",
            " ",
            "\x00",
            "a\x00b",
            "\u202eevil\u202c",
            "\ufeff",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "-1",
            "0",
            "99999999999999999999999",
            "1e400",
            "NaN",
            "%00",
            "../../etc/passwd",
        ]
    ),
    # Huge values, in one- to four-byte characters.
    st.builds(
        lambda char, times: char * times,
        st.sampled_from(["x", "é", "漢", "\U0001f600", "\u202e"]),
        st.integers(1_000, 120_000),
    ),
)


def fields(valid):
    """Form data: the valid values with a few fields left out or made hostile (sometimes
    none, so that posts succeed too), or every field at random."""
    value = st.one_of(HOSTILE, st.lists(HOSTILE, max_size=3))
    few_changes = st.dictionaries(st.sampled_from(list(valid)), st.none() | value, max_size=3)
    any_fields = st.fixed_dictionaries({}, optional=dict.fromkeys(valid, value))
    return st.one_of(st.just(valid), st.builds(changed, st.just(valid), few_changes), any_fields)


def changed(valid, changes):
    data = valid | {name: value for name, value in changes.items() if value is not None}
    return {name: value for name, value in data.items() if changes.get(name, "") is not None}


@contextmanager
def rolled_back():
    """One example's requests, undone afterwards; rate-limit counts start afresh."""
    cache.clear()
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def post(client, url, data):
    response = client.post(url, data)
    # `pytest --hypothesis-show-statistics` counts the answers: some posts must succeed.
    event(f"{url.split('/')[1]}: {response.status_code}")
    return response


def snapshot(instance):
    instance.refresh_from_db()
    return model_to_dict(instance)


@pytest.fixture(autouse=True)
def no_comment_limit(settings):
    settings.COMMENTS_PER_MINUTE = 1_000_000


@pytest.fixture
def comment(published, member_user):
    return Comment.objects.create(practice=published, author=member_user, body="Useful.")


PRACTICE = {
    "city": None,  # city A's id, filled in by the tests
    "title": "Night walks with youth workers",
    "summary": "Youth workers walk the centre on Friday nights.",
    "lessons": ["2", "5"],
    "tags": "youth, night",
    "approach": "Pairs of youth workers.",
    "contact": "Kari, kari@example.org",
    "start_year": "2023",
    "end_year": "",
    "ongoing": "on",
    "language": "en",
    "evidence": "not_evaluated",
    "action": "save",
    "token": "4f1c",
    "links-TOTAL_FORMS": "1",
    "links-INITIAL_FORMS": "0",
    "links-0-title": "Report",
    "links-0-url": "https://example.org/report",
}


SIGNUP = {
    "email": "amira@city.example",
    "display_name": "Amira Haddad",
    "password1": "quiet harbour lamps",
    "password2": "quiet harbour lamps",
}
PASSWORD_CHANGE = {
    "oldpassword": "correct horse battery staple",
    "password1": "quiet harbour lamps",
    "password2": "quiet harbour lamps",
}


def practice_rows():
    return (
        Practice.objects.count(),
        PracticeLink.objects.count(),
        Practice.lessons.through.objects.count(),
        TaggedItem.objects.count(),
    )


@given(data=st.data())
def test_new_practice_is_saved_whole_or_not_at_all(editor, city_a, data):
    form = data.draw(fields(PRACTICE | {"city": str(city_a.pk)}))
    with rolled_back():
        before = practice_rows()
        response = post(editor, "/practices/new/", form)
        created = Practice.objects.count() - before[0]

        assert response.status_code in (200, 302)
        if response.status_code == 200:
            assert practice_rows() == before
        else:
            assert created == 1
            practice = Practice.objects.latest("pk")
            assert practice.lessons.exists()
            assert practice.city == city_a


@given(data=st.data())
def test_practice_edit_changes_nothing_unless_it_succeeds(editor, editor_user, city_a, data):
    form = data.draw(fields(PRACTICE | {"city": str(city_a.pk)}))
    with rolled_back():
        draft = PracticeFactory(city=city_a, submitted_by=editor_user, draft=True, lessons=[1])
        before = (snapshot(draft), practice_rows())
        response = post(editor, f"/practices/{draft.slug}/edit/", form)

        assert response.status_code in (200, 302)
        if response.status_code == 200:
            assert (snapshot(draft), practice_rows()) == before


@given(data=st.data())
def test_a_comment_is_posted_whole_or_not_at_all(member, published, comment, data):
    form = data.draw(
        fields({"body": "Thank you, *this* helps.", "parent": str(comment.pk), "token": "a1b2"})
    )
    with rolled_back():
        before = Comment.objects.count()
        response = post(member, f"/practices/{published.slug}/comments/", form)

        assert response.status_code in (302, 400, 404)
        assert Comment.objects.count() == before + (response.status_code == 302)


@given(data=st.data())
def test_reply_page_and_edit_keep_the_comment_unless_they_succeed(member, comment, data):
    form = data.draw(fields({"body": "Corrected: *Friday* nights."}))
    with rolled_back():
        before = snapshot(comment)
        assert post(member, f"/comments/{comment.pk}/reply/", form).status_code == 200
        response = post(member, f"/comments/{comment.pk}/edit/", form)

        assert response.status_code in (200, 302)
        if response.status_code == 200:
            assert snapshot(comment) == before


@given(data=st.data())
def test_a_report_is_filed_whole_or_not_at_all(editor, comment, data):
    form = data.draw(fields({"reason": "Names a private person."}))
    with rolled_back():
        before = CommentReport.objects.count()
        response = post(editor, f"/comments/{comment.pk}/report/", form)

        assert response.status_code in (200, 302)
        assert CommentReport.objects.count() == before + (response.status_code == 302)


@given(data=st.data())
def test_profile_changes_nothing_unless_it_succeeds(member, member_user, data):
    valid = {
        "display_name": "Kari N.",
        "job_title": "Analyst",
        "organisation": "Oslo",
        "bio": "Works on *trust*.",
    }
    form = data.draw(fields(valid))
    with rolled_back():
        before = snapshot(member_user)
        response = post(member, "/my/profile/", form)

        assert response.status_code in (200, 302)
        if response.status_code == 200:
            assert snapshot(member_user) == before


@given(data=st.data())
def test_a_request_to_join_is_saved_whole_or_not_at_all(member, city_a, data):
    form = data.draw(fields({"reason": "I run the city's prevention team."}))
    with rolled_back():
        before = Membership.objects.count()
        response = post(member, f"/cities/{city_a.slug}/join/", form)

        assert response.status_code in (200, 302)
        assert Membership.objects.count() == before + (response.status_code == 302)


@given(data=st.data())
def test_a_review_decision_changes_nothing_unless_it_succeeds(staff, editor_user, city_a, data):
    form = data.draw(fields({"decision": "request_changes", "message": "Add the results."}))
    with rolled_back():
        submitted = PracticeFactory(city=city_a, draft=True)
        submitted.submit(by=editor_user)
        before = (snapshot(submitted), submitted.status_changes.count())
        response = post(staff, f"/practices/{submitted.slug}/review/", form)

        assert response.status_code in (302, 400)
        if response.status_code == 400:
            assert (snapshot(submitted), submitted.status_changes.count()) == before


@given(data=st.data())
def test_a_membership_decision_is_recorded_whole_or_not_at_all(staff, staff_user, city_a, data):
    form = data.draw(fields({"decision": "approve", "message": "Welcome."}))
    with rolled_back():
        pending = MembershipFactory(city=city_a, status=Membership.Status.PENDING)
        before = snapshot(pending)
        response = post(staff, f"/memberships/{pending.pk}/decide/", form)

        # The team page says what happened, in a message, whatever it was.
        assert response.status_code == 302
        after = snapshot(pending)
        if after != before:
            assert after["status"] != Membership.Status.PENDING
            assert after["decided_by"] == staff_user.pk


@given(data=st.data())
def test_sign_up_creates_an_account_whole_or_not_at_all(anonymous, data):
    form = data.draw(fields(SIGNUP))
    with rolled_back():
        before = (User.objects.count(), EmailAddress.objects.count())
        response = post(anonymous, "/accounts/signup/", form)

        assert response.status_code in (200, 302)
        added = 1 if response.status_code == 302 else 0
        assert (User.objects.count(), EmailAddress.objects.count()) == (
            before[0] + added,
            before[1] + added,
        )


@given(data=st.data())
def test_log_in_and_password_reset_answer_with_a_page(anonymous, data):
    login = data.draw(fields({"login": "kari@example.org", "password": "not the password"}))
    reset = data.draw(fields({"email": "kari@example.org"}))
    with rolled_back():
        UserFactory(email="kari@example.org")
        assert post(anonymous, "/accounts/login/", login).status_code == 200
        assert post(anonymous, "/accounts/password/reset/", reset).status_code in (200, 302)


@given(data=st.data())
def test_a_follow_is_saved_whole_or_refused_clearly(member, city_a, data):
    form = data.draw(fields({"target": "search", "value": "lesson=2&country=DK&q=trust&tag=youth"}))
    with rolled_back():
        before = Follow.objects.count()
        response = post(member, "/my/follows/", form)

        assert response.status_code in (302, 400, 404)
        assert Follow.objects.count() <= before + (response.status_code == 302)


# The same sweep on every form, without chance: each field alone gets each of these, the other
# fields staying valid (the hostile value must reach the code that uses the field).
POISON = ["a\x00b", "\u202e\u2066evil\u2069", "漢" * 100_000, ""]


@pytest.fixture
def every_form(anonymous, member, editor, staff, city_a, editor_user, published, comment):
    draft = PracticeFactory(city=city_a, submitted_by=editor_user, draft=True, lessons=[1])
    submitted = PracticeFactory(city=city_a, draft=True)
    submitted.submit(by=editor_user)
    pending = MembershipFactory(city=city_a, status=Membership.Status.PENDING)
    practice = PRACTICE | {"city": str(city_a.pk)}
    body = {"body": "Thank you, *this* helps.", "token": "a1b2"}
    collection = Collection.objects.create(owner=comment.author, title="Reading")
    item, _added = collection.add(published)
    return {
        "new practice": (editor, "/practices/new/", practice),
        "practice edit": (editor, f"/practices/{draft.slug}/edit/", practice),
        "comment": (member, f"/practices/{published.slug}/comments/", body),
        "reply": (
            member,
            f"/practices/{published.slug}/comments/",
            body | {"parent": str(comment.pk)},
        ),
        "comment edit": (member, f"/comments/{comment.pk}/edit/", body),
        "report": (editor, f"/comments/{comment.pk}/report/", {"reason": "Off topic."}),
        "profile": (member, "/my/profile/", {"display_name": "Kari N.", "bio": "*Hi*"}),
        "join city": (member, f"/cities/{city_a.slug}/join/", {"reason": "I run a team."}),
        "review": (
            staff,
            f"/practices/{submitted.slug}/review/",
            {"decision": "request_changes", "message": "Add the results."},
        ),
        "membership decision": (
            staff,
            f"/memberships/{pending.pk}/decide/",
            {"decision": "approve", "message": "Welcome."},
        ),
        "sign-up": (
            anonymous,
            "/accounts/signup/",
            {
                "email": "amira@city.example",
                "display_name": "Amira Haddad",
                "password1": "quiet harbour lamps",
                "password2": "quiet harbour lamps",
            },
        ),
        "log-in": (
            anonymous,
            "/accounts/login/",
            {"login": "member@example.org", "password": "wrong"},
        ),
        "password reset": (anonymous, "/accounts/password/reset/", {"email": "a@example.org"}),
        "password change": (member, "/accounts/password/change/", PASSWORD_CHANGE),
        "notification settings": (
            member,
            "/my/notifications/",
            dict.fromkeys(["review", "team", "comment", "new_practice"], "daily"),
        ),
        "follow": (member, "/my/follows/", {"target": "search", "value": "lesson=2&q=trust"}),
        "new collection": (
            member,
            "/my/collections/",
            {"title": "For the council", "description": "To read.", "shared": "on"},
        ),
        "collection edit": (
            member,
            f"/my/collections/{collection.pk}/edit/",
            {"title": "Renamed", "description": "", "shared": "on"},
        ),
        "save to a new collection": (
            member,
            f"/my/collections/save/{published.slug}/",
            {"collection": "new", "title": "Elections", "next": "/practices/"},
        ),
        "save to a collection": (
            member,
            f"/my/collections/save/{published.slug}/",
            {"collection": str(collection.pk), "next": "/practices/"},
        ),
        "collection note": (
            member,
            f"/my/collections/items/{item.pk}/note/",
            {f"item-{item.pk}-note": "Ask about the budget."},
        ),
        "collection order": (member, f"/my/collections/items/{item.pk}/move/", {"direction": "up"}),
    }


def test_every_field_of_every_form_takes_nul_rtl_huge_and_empty_values(every_form):
    for name, (client, url, valid) in every_form.items():
        for field in valid:
            for value in POISON:
                with rolled_back():
                    response = client.post(url, valid | {field: value})
                assert response.status_code < 500, (name, field, value[:10])
