"""Members discuss a practice in a thread: posting, replying, editing, removing, the sanitiser,
notifications, and the limits that keep a thread usable."""

import datetime as dt
import io
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from practices import threads
from practices.models import Comment, Practice, ThreadSubscription
from practices.threads import unsubscribe_token
from tests.conftest import signed_in
from tests.factories import PracticeFactory, UserFactory
from tests.jobs import delivered

pytestmark = pytest.mark.django_db


def post(client, practice, body, **extra):
    return client.post(reverse("practices:comment", args=[practice.slug]), {"body": body, **extra})


def comment(practice, author, body="A comment", parent=None, **fields):
    return Comment.objects.create(
        practice=practice, author=author, body=body, parent=parent, **fields
    )


def test_anonymous_readers_are_invited_to_sign_in_and_come_back(anonymous, published):
    page = anonymous.get(published.get_absolute_url()).text
    assert f'href="/accounts/login/?next=/practices/{published.slug}/%23comments"' in page
    response = post(anonymous, published, "Hello")
    assert response["Location"].startswith("/accounts/login/")
    assert not Comment.objects.exists()


def test_an_unconfirmed_member_is_asked_to_confirm_and_sent_a_new_link(
    newcomer, newcomer_user, published
):
    response = post(newcomer, published, "Hello")

    assert response.status_code == 200
    assertContains(response, "<h1>Confirm your e-mail address</h1>", html=True)
    assertContains(response, "We have sent a confirmation link to newcomer@example.org")
    assert not Comment.objects.exists()
    [message] = delivered()
    assert message.to == [newcomer_user.email]


def test_an_unconfirmed_member_gets_no_reply_form(newcomer, published, member_user):
    theirs = comment(published, member_user)

    response = newcomer.get(reverse("practices:comment_reply", args=[theirs.pk]))

    assertContains(response, "Confirm your e-mail address")
    assertNotContains(response, 'name="body"')


def test_a_confirmed_member_posts_and_everyone_reads_it(member, published, anonymous):
    response = post(member, published, "We tried this in *Malmö* too.")
    new = Comment.objects.get()
    assert response["Location"] == f"/practices/{published.slug}/#comment-{new.pk}"
    page = anonymous.get(published.get_absolute_url()).text
    assert "We tried this in <em>Malmö</em> too." in page
    assert f'id="comment-{new.pk}"' in page
    assert "1 comment" in page


def test_comments_on_drafts_are_refused(member, city_a):
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
def test_no_script_survives_the_sanitiser(member, published, anonymous, payload):
    post(member, published, f"Look {payload} here")
    body = anonymous.get(published.get_absolute_url()).text
    thread = body[body.index('id="comments"') :]
    for forbidden in ["<script", "onerror", "onload", "javascript:", "data:text", "<iframe",
                      "<svg", "style=", "<math"]:  # fmt: skip
        assert forbidden not in thread.lower(), forbidden


def test_user_links_are_marked_nofollow(member, published, anonymous):
    post(member, published, "See [the report](https://example.org/r)")
    page = anonymous.get(published.get_absolute_url()).text
    assert '<a href="https://example.org/r" rel="nofollow ugc noopener">the report</a>' in page


def test_replies_nest_and_deep_ones_say_whom_they_answer(
    anonymous, published, member_user, django_assert_max_num_queries
):
    other = UserFactory(display_name="Olav Berg")
    parent = comment(published, other, "Level 0")
    for level in range(1, 7):
        parent = comment(published, other if level % 2 else member_user, f"Level {level}", parent)
    # Whom each deep reply answers is read with the page, not a query per reply.
    with django_assert_max_num_queries(12):
        page = anonymous.get(published.get_absolute_url())
    depths = [int(depth) for depth in re.findall(r'class="comment depth-(\d+)"', page.text)]
    assert depths == [0, 1, 2, 3, 4, 4, 4]
    assert "in reply to Olav Berg" in page.text


def test_a_reply_through_the_reply_page(member, published):
    first = comment(published, UserFactory(display_name="Olav Berg"), "First")
    reply_page = member.get(reverse("practices:comment_reply", args=[first.pk]))
    assert "Reply to Olav Berg" in reply_page.text
    post(member, published, "An answer", parent=first.pk)
    assert Comment.objects.get(body="An answer").parent == first


def test_a_reply_to_a_comment_of_another_practice_is_refused(member, published):
    elsewhere = comment(PracticeFactory(), UserFactory())
    assert post(member, published, "Answer", parent=elsewhere.pk).status_code == 404
    assert post(member, published, "Answer", parent="abc").status_code == 404


def test_the_author_edits_within_the_time_and_it_shows_as_edited(member, member_user, published):
    mine = comment(published, member_user, "Frist draft")
    url = reverse("practices:comment_edit", args=[mine.pk])
    member.post(url, {"body": "First draft"})
    mine.refresh_from_db()
    assert mine.body == "First draft"
    assert "edited" in member.get(published.get_absolute_url()).text


def test_editing_after_the_time_is_refused(member, member_user, published):
    old = comment(published, member_user, created_at=timezone.now() - dt.timedelta(hours=1))
    assert member.get(reverse("practices:comment_edit", args=[old.pk])).status_code == 403


def test_others_cannot_edit_or_remove_but_staff_can_remove(editor, staff, member_user, published):
    theirs = comment(published, member_user)
    assert editor.get(reverse("practices:comment_edit", args=[theirs.pk])).status_code == 403
    assert editor.post(reverse("practices:comment_delete", args=[theirs.pk])).status_code == 403
    staff.post(reverse("practices:comment_delete", args=[theirs.pk]))
    theirs.refresh_from_db()
    assert theirs.is_removed


def test_a_removed_comment_with_replies_keeps_its_place(member, member_user, published, anonymous):
    first = comment(published, member_user, "Regrettable words")
    comment(published, UserFactory(), "A reply", first)
    lonely = comment(published, member_user, "Nobody answered")
    member.post(reverse("practices:comment_delete", args=[first.pk]))
    member.post(reverse("practices:comment_delete", args=[lonely.pk]))
    page = anonymous.get(published.get_absolute_url()).text
    assert "Comment removed" in page
    assert "Regrettable words" not in page
    assert "A reply" in page
    assert "Nobody answered" not in page
    assert page.count("Comment removed") == 1


def test_three_reports_hide_a_comment_for_everyone_but_its_author(published, member_user, client):
    bad = comment(published, member_user, "Something hateful")
    comment(published, UserFactory(), "A reply to it", bad)
    for _ in range(3):
        client.force_login(UserFactory())
        client.post(reverse("practices:comment_report", args=[bad.pk]), {"reason": "Hate"})
    bad.refresh_from_db()
    assert bad.is_hidden and bad.hidden_by is None

    client.force_login(UserFactory())
    page = client.get(published.get_absolute_url()).text
    assert "Something hateful" not in page
    assert "Comment hidden by a moderator" in page
    client.force_login(member_user)
    assert "Something hateful" in client.get(published.get_absolute_url()).text


def test_one_report_per_member(member, published):
    theirs = comment(published, UserFactory())
    url = reverse("practices:comment_report", args=[theirs.pk])
    member.post(url, {"reason": "Spam"})
    response = member.post(url, {"reason": "Spam again"}, follow=True)
    assert theirs.reports.count() == 1
    assert "already reported" in response.text


def test_authors_cannot_report_themselves(member, member_user, published):
    mine = comment(published, member_user)
    assert member.get(reverse("practices:comment_report", args=[mine.pk])).status_code == 403


@override_settings(COMMENTS_PER_MINUTE=2)
def test_the_rate_limit_refuses_and_keeps_the_text(member, published):
    post(member, published, "One")
    post(member, published, "Two")
    response = post(member, published, "Three, typed with care")
    assert response.status_code == 429
    assert "Wait a moment and post again." in response.text
    assert "Three, typed with care" in response.text
    assert Comment.objects.count() == 2


def test_a_member_stopped_by_a_moderator_cannot_post(member, member_user, published):
    member_user.commenting_blocked_at = timezone.now()
    member_user.save()
    response = post(member, published, "Still here")
    assert "A moderator has stopped you from commenting." in response.text
    assert "Still here" in response.text
    assert not Comment.objects.exists()


def test_a_double_submitted_form_makes_one_comment(member, published):
    first = post(member, published, "Once", token="t-1")
    second = post(member, published, "Once", token="t-1")
    assert Comment.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_posting_costs_a_fixed_number_of_queries(
    member, member_user, published, django_assert_max_num_queries
):
    post(member, published, "A first comment follows the thread")
    assert ThreadSubscription.objects.get(user=member_user, practice=published).following
    # The member's session and account, their confirmed address; the practice with whether
    # they follow its thread; their posts of the last minute and this form's; then, in one
    # transaction, the comment, the practice's counts (which give its page back), the job that
    # tells the followers.
    with django_assert_max_num_queries(10):
        response = post(member, published, "Another one", token="t-2")
    assert response.status_code == 302
    # A member who has not commented here yet: one more, to follow the thread.
    newcomer = UserFactory(confirmed=True)
    client = signed_in(newcomer)
    with django_assert_max_num_queries(11):
        assert post(client, published, "Hello").status_code == 302
    assert ThreadSubscription.objects.get(user=newcomer, practice=published).following
    assert Practice.objects.get(pk=published.pk).comment_count == 3


def test_empty_and_too_long_comments_are_explained(member, published):
    assert "Write something before you post." in post(member, published, "   ").text
    too_long = post(member, published, "x" * 5001)
    assert "at most 5000 characters" in too_long.text
    assert not Comment.objects.exists()


def test_a_top_level_comment_tells_the_city_editors_not_the_writer(
    member, published, editor_user, sent
):
    with sent():
        post(member, published, "A question for the city")
    assert [m.to for m in mail.outbox] == [[editor_user.email]]
    assert "A question for the city" in mail.outbox[0].body
    assert "/comments/unsubscribe/" in mail.outbox[0].body


def test_a_comment_is_kept_and_shown_when_the_mail_server_fails(
    member, published, editor_user, sent, mail_server_down, caplog
):
    with sent():
        response = post(member, published, "Posted while the mail server is down")
    assert response.status_code == 302
    assert Comment.objects.get().body == "Posted while the mail server is down"
    assert "Posted while the mail server is down" in member.get(response.url).text
    assert "Connection unexpectedly closed" in caplog.text


def test_a_reply_tells_the_parents_author(member, published, editor_user, sent):
    other = UserFactory(email="olav@example.org", confirmed=True)
    first = comment(published, other, "First")
    with sent():
        post(member, published, "Answer", parent=first.pk)
    assert [m.to for m in mail.outbox] == [["olav@example.org"]]
    assert "replied to you" in mail.outbox[0].subject


def test_followers_hear_of_every_comment_and_can_stop(member, published, sent):
    follower = UserFactory(email="follower@example.org")
    ThreadSubscription.objects.create(user=follower, practice=published)
    with sent():
        post(member, published, "News")
    assert ["follower@example.org"] in [m.to for m in mail.outbox]


def test_the_unsubscribe_link_works_without_logging_in(anonymous, published, editor_user, sent):
    url = reverse("practices:unsubscribe", args=[unsubscribe_token(editor_user, published)])
    assert "Stop these e-mails" in anonymous.get(url).text
    anonymous.post(url)
    with sent():
        threads.post_comment(practice=published, author=UserFactory(confirmed=True), body="Hello")
    assert mail.outbox == []


def test_a_forged_unsubscribe_link_is_404(anonymous):
    assert anonymous.get("/comments/unsubscribe/not-a-token/").status_code == 404


def test_follow_and_unfollow_from_the_page(member, member_user, published):
    member.post(reverse("practices:follow", args=[published.slug]), {"following": "1"})
    assert ThreadSubscription.objects.get(user=member_user).following
    page = member.get(published.get_absolute_url()).text
    assert "Stop following this thread" in page
    member.post(reverse("practices:follow", args=[published.slug]), {"following": "0"})
    assert not ThreadSubscription.objects.get(user=member_user).following


def test_a_thread_of_500_comments_costs_a_constant_number_of_queries(
    anonymous, member, published, django_assert_max_num_queries
):
    authors = [UserFactory() for _ in range(20)]
    roots = Comment.objects.bulk_create(
        Comment(practice=published, author=authors[i % 20], body=f"Root {i}") for i in range(250)
    )
    Comment.objects.bulk_create(
        Comment(practice=published, author=authors[i % 20], parent=roots[i], body=f"Reply {i}")
        for i in range(250)
    )
    # Written in bulk, past save(): the rendered text and the count are brought up to date.
    call_command("render_markdown", stdout=io.StringIO())
    Practice.objects.filter(pk=published.pk).recount_comments()
    # Django keeps content types once read: read first, so the count is the page's own.
    ContentType.objects.get_for_model(Practice)
    # The practice, its networks, lessons, tags, links, files, the practices adapting or
    # translating it, two queries for related practices, and its events; the page's comments
    # with their authors, and the authors' teams.
    with django_assert_max_num_queries(12):
        response = anonymous.get(published.get_absolute_url())
    # Its first 50 conversations, each with its reply (tests/practices/test_thread_pages.py).
    assert response.text.count('class="comment depth-') == 100
    assert "(500 comments)" in response.text
    # The member's session and account (whether they may edit, have commented, follow comes
    # with the practice), their collections; the thread's first page drawn for members.
    with django_assert_max_num_queries(15):
        assert member.get(published.get_absolute_url()).status_code == 200
    # Drawn once, the thread and the parts around it are served again without reading them:
    # the practice's row is all the page reads.
    with django_assert_max_num_queries(1):
        again = anonymous.get(published.get_absolute_url())
    assert again.text.count('class="comment depth-') == 100


def test_lists_show_comment_counts_from_the_same_query(anonymous, published, member_user):
    comment(published, member_user)
    comment(published, member_user, deleted_at=timezone.now())
    page = anonymous.get("/practices/")
    assert "1 comment<" in page.text


def test_a_commenter_without_a_display_name_never_shows_their_address(anonymous, published):
    nameless = UserFactory(email="private@example.org", display_name="")
    comment(published, nameless, "Hello")
    page = anonymous.get(published.get_absolute_url()).text
    assert "private@example.org" not in page
    assert "Unnamed member" in page


def test_each_audience_sees_its_own_links_whoever_read_the_thread_first(
    anonymous, member, member_user, staff, published
):
    author = UserFactory(display_name="Ana")
    mine = comment(published, member_user, "My own words")
    theirs = comment(published, author, "Their words")
    hidden = comment(published, author, "Hidden words", hidden_at=timezone.now())
    url = published.get_absolute_url()
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


def test_a_drawn_thread_shows_edits_removals_and_new_names_at_once(anonymous, published):
    author = UserFactory(display_name="Ana")
    said = comment(published, author, "First words")
    url = published.get_absolute_url()
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


def test_a_comment_leaves_the_practice_kept_drawn(
    anonymous, published, member_user, django_assert_max_num_queries
):
    ContentType.objects.get_for_model(Practice)
    anonymous.get(published.get_absolute_url())
    Comment.objects.create(practice=published, author=member_user, body="Tried it in Bergen.")
    # The practice, and the thread again (its comments with their authors, and their teams):
    # the practice's article and its related practices were kept through the comment.
    with django_assert_max_num_queries(3):
        page = anonymous.get(published.get_absolute_url()).text
    assert "Tried it in Bergen." in page
    assert published.title in page
