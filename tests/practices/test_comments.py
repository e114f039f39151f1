"""Members discuss a practice in a thread: posting, replying, editing, removing, the sanitiser,
notifications, and the limits that keep a thread usable."""

import datetime as dt
import io

import pytest
from allauth.account.models import EmailAddress
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from practices import threads
from practices.models import Comment, Practice, ThreadSubscription
from practices.notifications import unsubscribe_token
from tests.conftest import signed_in
from tests.factories import PracticeFactory, UserFactory

pytestmark = pytest.mark.django_db


def confirm(user):
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.fixture
def practice(city_a):
    return PracticeFactory(city=city_a, title="Youth councils")


@pytest.fixture
def writer(member_user):
    return confirm(member_user)


def post(client, practice, body, **extra):
    return client.post(reverse("practices:comment", args=[practice.slug]), {"body": body, **extra})


def comment(practice, author, body="A comment", parent=None, **fields):
    return Comment.objects.create(
        practice=practice, author=author, body=body, parent=parent, **fields
    )


def test_anonymous_readers_are_invited_to_sign_in_and_come_back(anonymous, practice):
    page = anonymous.get(practice.get_absolute_url()).text
    assert f'href="/accounts/login/?next=/practices/{practice.slug}/%23comments"' in page
    response = post(anonymous, practice, "Hello")
    assert response["Location"].startswith("/accounts/login/")
    assert not Comment.objects.exists()


def test_an_unconfirmed_member_is_asked_to_confirm_first(member, practice):
    response = post(member, practice, "Hello")
    assert response["Location"] == reverse("account_email")
    assert not Comment.objects.exists()


def test_a_confirmed_member_posts_and_everyone_reads_it(member, writer, practice, anonymous):
    response = post(member, practice, "We tried this in *Malmö* too.")
    new = Comment.objects.get()
    assert response["Location"] == f"/practices/{practice.slug}/#comment-{new.pk}"
    page = anonymous.get(practice.get_absolute_url()).text
    assert "We tried this in <em>Malmö</em> too." in page
    assert f'id="comment-{new.pk}"' in page
    assert "1 comment" in page


def test_comments_on_drafts_are_refused(member, writer, city_a):
    draft = PracticeFactory(city=city_a, draft=True)
    assert post(member, draft, "Hello").status_code == 404


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        '<svg onload="alert(1)"><circle r="10"/></svg>',
        '<a href="javascript:alert(1)">x</a>',
        "<iframe src=https://evil.example></iframe>",
        '<p style="background:url(javascript:alert(1))">x</p>',
        "<scr<script>ipt>alert(1)</script>",
        '"><script>alert(1)</script>',
        "<math><mi xlink:href=javascript:alert(1)>x</mi></math>",
    ],
)
def test_no_script_survives_the_sanitiser(member, writer, practice, anonymous, payload):
    post(member, practice, f"Look {payload} here")
    body = anonymous.get(practice.get_absolute_url()).text
    thread = body[body.index('id="comments"') :]
    for forbidden in ["<script", "onerror", "onload", "javascript:", "data:text", "<iframe",
                      "<svg", "style=", "<math"]:  # fmt: skip
        assert forbidden not in thread.lower(), forbidden


def test_user_links_are_marked_nofollow(member, writer, practice, anonymous):
    post(member, practice, "See [the report](https://example.org/r)")
    page = anonymous.get(practice.get_absolute_url()).text
    assert '<a href="https://example.org/r" rel="nofollow ugc noopener">the report</a>' in page


def test_replies_nest_and_deep_ones_say_whom_they_answer(anonymous, practice, member_user):
    other = UserFactory(display_name="Olav Berg")
    parent = comment(practice, other, "Level 0")
    for level in range(1, 7):
        parent = comment(practice, other if level % 2 else member_user, f"Level {level}", parent)
    page = anonymous.get(practice.get_absolute_url())
    depths = [entry.shown_depth for entry in page.context["thread"]]
    assert depths == [0, 1, 2, 3, 4, 4, 4]
    assert "in reply to Olav Berg" in page.text


def test_a_reply_through_the_reply_page(member, writer, practice):
    first = comment(practice, UserFactory(display_name="Olav Berg"), "First")
    reply_page = member.get(reverse("practices:comment_reply", args=[first.pk]))
    assert "Reply to Olav Berg" in reply_page.text
    post(member, practice, "An answer", parent=first.pk)
    assert Comment.objects.get(body="An answer").parent == first


def test_a_reply_to_a_comment_of_another_practice_is_refused(member, writer, practice):
    elsewhere = comment(PracticeFactory(), UserFactory())
    assert post(member, practice, "Answer", parent=elsewhere.pk).status_code == 404
    assert post(member, practice, "Answer", parent="abc").status_code == 404


def test_the_author_edits_within_the_time_and_it_shows_as_edited(member, writer, practice):
    mine = comment(practice, writer, "Frist draft")
    url = reverse("practices:comment_edit", args=[mine.pk])
    member.post(url, {"body": "First draft"})
    mine.refresh_from_db()
    assert mine.body == "First draft"
    assert "edited" in member.get(practice.get_absolute_url()).text


def test_editing_after_the_time_is_refused(member, writer, practice):
    old = comment(practice, writer, created_at=timezone.now() - dt.timedelta(hours=1))
    assert member.get(reverse("practices:comment_edit", args=[old.pk])).status_code == 403


def test_others_cannot_edit_or_remove_but_staff_can_remove(editor, staff, writer, practice):
    theirs = comment(practice, writer)
    assert editor.get(reverse("practices:comment_edit", args=[theirs.pk])).status_code == 403
    assert editor.post(reverse("practices:comment_delete", args=[theirs.pk])).status_code == 403
    staff.post(reverse("practices:comment_delete", args=[theirs.pk]))
    theirs.refresh_from_db()
    assert theirs.is_removed


def test_a_removed_comment_with_replies_keeps_its_place(member, writer, practice, anonymous):
    first = comment(practice, writer, "Regrettable words")
    comment(practice, UserFactory(), "A reply", first)
    lonely = comment(practice, writer, "Nobody answered")
    member.post(reverse("practices:comment_delete", args=[first.pk]))
    member.post(reverse("practices:comment_delete", args=[lonely.pk]))
    page = anonymous.get(practice.get_absolute_url()).text
    assert "Comment removed" in page
    assert "Regrettable words" not in page
    assert "A reply" in page
    assert "Nobody answered" not in page
    assert page.count("Comment removed") == 1


def test_three_reports_hide_a_comment_for_everyone_but_its_author(practice, writer, client):
    bad = comment(practice, writer, "Something hateful")
    comment(practice, UserFactory(), "A reply to it", bad)
    for _ in range(3):
        client.force_login(UserFactory())
        client.post(reverse("practices:comment_report", args=[bad.pk]), {"reason": "Hate"})
    bad.refresh_from_db()
    assert bad.is_hidden and bad.hidden_by is None

    client.force_login(UserFactory())
    page = client.get(practice.get_absolute_url()).text
    assert "Something hateful" not in page
    assert "Comment hidden by a moderator" in page
    client.force_login(writer)
    assert "Something hateful" in client.get(practice.get_absolute_url()).text


def test_one_report_per_member(member, practice):
    theirs = comment(practice, UserFactory())
    url = reverse("practices:comment_report", args=[theirs.pk])
    member.post(url, {"reason": "Spam"})
    response = member.post(url, {"reason": "Spam again"}, follow=True)
    assert theirs.reports.count() == 1
    assert "already reported" in response.text


def test_authors_cannot_report_themselves(member, member_user, practice):
    mine = comment(practice, member_user)
    assert member.get(reverse("practices:comment_report", args=[mine.pk])).status_code == 403


@override_settings(COMMENTS_PER_MINUTE=2)
def test_the_rate_limit_refuses_and_keeps_the_text(member, writer, practice):
    post(member, practice, "One")
    post(member, practice, "Two")
    response = post(member, practice, "Three, typed with care")
    assert response.status_code == 429
    assert "Wait a moment and post again." in response.text
    assert "Three, typed with care" in response.text
    assert Comment.objects.count() == 2


def test_a_member_stopped_by_a_moderator_cannot_post(member, writer, practice):
    writer.commenting_blocked_at = timezone.now()
    writer.save()
    response = post(member, practice, "Still here")
    assert "A moderator has stopped you from commenting." in response.text
    assert "Still here" in response.text
    assert not Comment.objects.exists()


def test_a_double_submitted_form_makes_one_comment(member, writer, practice):
    first = post(member, practice, "Once", token="t-1")
    second = post(member, practice, "Once", token="t-1")
    assert Comment.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_empty_and_too_long_comments_are_explained(member, writer, practice):
    assert "Write something before you post." in post(member, practice, "   ").text
    too_long = post(member, practice, "x" * 5001)
    assert "at most 5000 characters" in too_long.text
    assert not Comment.objects.exists()


def test_a_top_level_comment_tells_the_city_editors_not_the_writer(
    member, writer, practice, editor_user, sent
):
    with sent():
        post(member, practice, "A question for the city")
    assert [m.to for m in mail.outbox] == [[editor_user.email]]
    assert "A question for the city" in mail.outbox[0].body
    assert "/comments/unsubscribe/" in mail.outbox[0].body


def test_a_comment_is_kept_and_shown_when_the_mail_server_fails(
    member, writer, practice, editor_user, sent, mail_server_down, caplog
):
    with sent():
        response = post(member, practice, "Posted while the mail server is down")
    assert response.status_code == 302
    assert Comment.objects.get().body == "Posted while the mail server is down"
    assert "Posted while the mail server is down" in member.get(response.url).text
    assert "Connection unexpectedly closed" in caplog.text


def test_a_reply_tells_the_parents_author(member, writer, practice, editor_user, sent):
    other = confirm(UserFactory(email="olav@example.org"))
    first = comment(practice, other, "First")
    with sent():
        post(member, practice, "Answer", parent=first.pk)
    assert [m.to for m in mail.outbox] == [["olav@example.org"]]
    assert "replied to you" in mail.outbox[0].subject


def test_followers_hear_of_every_comment_and_can_stop(member, writer, practice, sent):
    follower = UserFactory(email="follower@example.org")
    ThreadSubscription.objects.create(user=follower, practice=practice)
    with sent():
        post(member, practice, "News")
    assert ["follower@example.org"] in [m.to for m in mail.outbox]


def test_the_unsubscribe_link_works_without_logging_in(anonymous, practice, editor_user, sent):
    url = reverse("practices:unsubscribe", args=[unsubscribe_token(editor_user, practice)])
    assert "Stop these e-mails" in anonymous.get(url).text
    anonymous.post(url)
    with sent():
        threads.post_comment(practice=practice, author=confirm(UserFactory()), body="Hello")
    assert mail.outbox == []


def test_a_forged_unsubscribe_link_is_404(anonymous):
    assert anonymous.get("/comments/unsubscribe/not-a-token/").status_code == 404


def test_follow_and_unfollow_from_the_page(member, member_user, practice):
    member.post(reverse("practices:follow", args=[practice.slug]), {"following": "1"})
    assert ThreadSubscription.objects.get(user=member_user).following
    page = member.get(practice.get_absolute_url()).text
    assert "Stop following this thread" in page
    member.post(reverse("practices:follow", args=[practice.slug]), {"following": "0"})
    assert not ThreadSubscription.objects.get(user=member_user).following


def test_a_thread_of_500_comments_costs_a_constant_number_of_queries(
    anonymous, member, practice, django_assert_max_num_queries
):
    authors = [UserFactory() for _ in range(20)]
    roots = Comment.objects.bulk_create(
        Comment(practice=practice, author=authors[i % 20], body=f"Root {i}") for i in range(250)
    )
    Comment.objects.bulk_create(
        Comment(practice=practice, author=authors[i % 20], parent=roots[i], body=f"Reply {i}")
        for i in range(250)
    )
    # Written in bulk, past save(): the rendered text and the count are brought up to date.
    call_command("render_markdown", stdout=io.StringIO())
    Practice.objects.filter(pk=practice.pk).recount_comments()
    # Django keeps content types once read: read first, so the count is the page's own.
    ContentType.objects.get_for_model(Practice)
    # The practice, its networks, lessons, tags, links, two queries for related practices, its
    # translations and events; the comments with their authors, and the authors' teams.
    with django_assert_max_num_queries(11):
        response = anonymous.get(practice.get_absolute_url())
    assert response.text.count('class="comment depth-') == 500
    assert "(500 comments)" in response.text
    # The member's session and account, and whether they may edit, have commented, follow;
    # the thread drawn for members.
    with django_assert_max_num_queries(16):
        assert member.get(practice.get_absolute_url()).status_code == 200
    # Drawn once, the thread is served again without reading its comments.
    with django_assert_max_num_queries(9):
        again = anonymous.get(practice.get_absolute_url())
    assert again.text.count('class="comment depth-') == 500


def test_lists_show_comment_counts_from_the_same_query(anonymous, practice, writer):
    comment(practice, writer)
    comment(practice, writer, deleted_at=timezone.now())
    page = anonymous.get("/practices/")
    assert "1 comment<" in page.text


def test_a_commenter_without_a_display_name_never_shows_their_address(anonymous, practice):
    nameless = UserFactory(email="private@example.org", display_name="")
    comment(practice, nameless, "Hello")
    page = anonymous.get(practice.get_absolute_url()).text
    assert "private@example.org" not in page
    assert "Unnamed member" in page


def test_each_audience_sees_its_own_links_whoever_read_the_thread_first(
    anonymous, member, member_user, staff, practice
):
    author = UserFactory(display_name="Ana")
    mine = comment(practice, member_user, "My own words")
    theirs = comment(practice, author, "Their words")
    hidden = comment(practice, author, "Hidden words", hidden_at=timezone.now())
    url = practice.get_absolute_url()
    assert "Reply" not in anonymous.get(url).text
    stranger = signed_in(UserFactory()).get(url).text
    assert reverse("practices:comment_report", args=[theirs.pk]) in stranger
    assert reverse("practices:comment_edit", args=[mine.pk]) not in stranger
    assert "Hidden words" not in stranger
    own = member.get(url).text
    assert reverse("practices:comment_edit", args=[mine.pk]) in own
    assert reverse("practices:comment_report", args=[mine.pk]) not in own
    assert "Hidden words" in staff.get(url).text
    assert "Hidden words" in signed_in(author).get(url).text
    assert reverse("practices:comment_delete", args=[hidden.pk]) in signed_in(author).get(url).text


def test_a_drawn_thread_shows_edits_removals_and_new_names_at_once(anonymous, practice):
    author = UserFactory(display_name="Ana")
    said = comment(practice, author, "First words")
    url = practice.get_absolute_url()
    assert "First words" in anonymous.get(url).text
    said.body = "Second words"
    said.save()
    assert "Second words" in anonymous.get(url).text
    author.display_name = "Ana Lopez"
    author.save()
    assert "Ana Lopez" in anonymous.get(url).text
    said.remove()
    page = anonymous.get(url).text
    assert "Second words" not in page and "(0 comments)" in page
