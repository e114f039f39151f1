"""What a practice's page shows each reader about themselves, as a table: the editor's link, the
button to follow or stop following its thread, and the links beside comments (their own to edit
and remove, others' to report, staff's to remove), the same on a second view served from what
the first kept, and whoever drew the thread before them."""

import pytest
from django.test import Client
from django.urls import reverse

from practices import threads
from practices.models import Membership, Practice
from tests.conftest import signed_in
from tests.factories import MembershipFactory, PracticeFactory, UserFactory

pytestmark = pytest.mark.django_db

FOLLOW = "Follow this thread by e-mail"
STOP = "Stop following this thread"

#                    reader:  edit link  thread button  own comment  report others  remove others
READERS = {
    "anonymous":              (False,    None,          False,       False,         False),
    "member":                 (False,    FOLLOW,        False,       True,          False),
    "commenter":              (False,    STOP,          True,        True,          False),
    "muted_commenter":        (False,    FOLLOW,        True,        True,          False),
    "follower":               (False,    STOP,          False,       True,          False),
    "editor":                 (True,     FOLLOW,        False,       True,          False),
    "manager":                (True,     FOLLOW,        False,       True,          False),
    "pending_editor":         (False,    FOLLOW,        False,       True,          False),
    "other_editor":           (False,    FOLLOW,        False,       True,          False),
    "staff":                  (True,     FOLLOW,        False,       True,          True),
    "staff_commenter":        (True,     STOP,          True,        True,          True),
}  # fmt: skip


@pytest.fixture
def practice(city_a):
    return PracticeFactory(city=city_a, title="Youth councils")


@pytest.fixture
def others_comment(practice):
    author = UserFactory(display_name="Ana", confirmed=True)
    return threads.post_comment(practice=practice, author=author, body="Ana's words")


def reader(request, role, practice):
    """The reader's client, and their comment on the practice if they wrote one. Commenting
    follows the thread, as posting does; the muted commenter stopped following since."""
    if role == "anonymous":
        return Client(), None
    if role in ("member", "editor", "manager", "other_editor", "staff"):
        return request.getfixturevalue(role), None
    if role == "pending_editor":
        user = MembershipFactory(city=practice.city, status=Membership.Status.PENDING).user
        return signed_in(user), None
    user = request.getfixturevalue("staff_user") if role == "staff_commenter" else UserFactory()
    if role == "follower":
        threads.set_following(practice, user, True)
        return signed_in(user), None
    mine = threads.post_comment(practice=practice, author=user, body="My words")
    if role == "muted_commenter":
        threads.set_following(practice, user, False)
    return signed_in(user), mine


@pytest.mark.parametrize("role", READERS)
def test_each_reader_sees_their_own_links(request, role, practice, others_comment, anonymous):
    edit_link, button, own, report, remove = READERS[role]
    client, mine = reader(request, role, practice)
    url = practice.get_absolute_url()
    # The thread drawn first for anonymous readers and for members who never commented.
    anonymous.get(url)
    signed_in(UserFactory()).get(url)

    assert (mine is not None) is own
    for page in (client.get(url).text, client.get(url).text):
        assert ("Edit this practice" in page) is edit_link
        assert (FOLLOW in page, STOP in page) == (button == FOLLOW, button == STOP)
        if own:
            assert reverse("practices:comment_edit", args=[mine.pk]) in page
            assert reverse("practices:comment_delete", args=[mine.pk]) in page
            assert reverse("practices:comment_report", args=[mine.pk]) not in page
        assert (reverse("practices:comment_report", args=[others_comment.pk]) in page) is report
        assert (reverse("practices:comment_delete", args=[others_comment.pk]) in page) is remove
        assert reverse("practices:comment_edit", args=[others_comment.pk]) not in page


def test_what_was_read_about_one_reader_is_never_said_of_another(
    practice, member_user, editor_user, other_editor_user
):
    threads.post_comment(practice=practice, author=member_user, body="Mine")
    read = Practice.objects.for_viewer(member_user).get(pk=practice.pk)

    assert not read.can_edit(member_user) and read.can_edit(editor_user)
    assert read.has_comment_by(member_user) and not read.has_comment_by(editor_user)
    assert threads.audience(read, member_user) == f"author-{member_user.pk}"
    assert threads.audience(read, editor_user) == "member"
    assert threads.is_following(read, member_user)
    assert not threads.is_following(read, other_editor_user)
    threads.set_following(practice, editor_user, True)
    assert threads.is_following(read, editor_user)
