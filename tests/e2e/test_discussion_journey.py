"""A discussion under a practice: one member comments, a second replies, a third reports the reply
and a moderator hides it from the admin's queue of reported comments. The reply is then gone for
the first member and for a reader who is not signed in, while its author and staff still see it,
marked as hidden.

Five people, five browser contexts: each signs in through the log-in form and acts only through
the pages.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e import pages
from tests.e2e.people import account_link, confirmed_member, sign_in

pytestmark = pytest.mark.e2e

COMMENT = "We copied the rumour desk for our elections: answering within the hour mattered most."
REPLY = "Cheap election adverts for your city, all channels, at ads.example.com!"
REASON = "Spam: an advert that has nothing to do with the practice."
HIDDEN_NOTICE = "Hidden by a moderator: only you and the moderators see this comment."


def heading(page):
    return page.get_by_role("heading", level=1)


def thread(page):
    return page.get_by_role("region", name=re.compile(r"^Discussion"))


def comment(page, text):
    return thread(page).locator("li.comment", has_text=text)


def test_a_reported_reply_hidden_by_a_moderator_is_gone_for_readers_but_not_for_staff(
    page, another_person
):
    commenter = confirmed_member("ingrid@kristiansand.example", "Ingrid Berg")
    replier = confirmed_member("jonas@adverts.example", "Jonas Lind")
    reporter = confirmed_member("sara@helsinki.example", "Sara Nieminen")
    moderator = confirmed_member("mona@portal.example", "Mona Moderator", staff=True)

    # The first member comments through the form at the bottom of the practice's page.
    sign_in(page, commenter)
    page.goto(pages.PRACTICE)
    page.get_by_label("Your comment").fill(COMMENT)
    page.get_by_role("button", name="Post comment").click()
    expect(page).to_have_url(re.compile(r"/practices/malmo-election-rumour-desk/#comment-\d+$"))
    expect(thread(page).get_by_role("heading", level=2)).to_have_text("Discussion (1 comment)")
    expect(comment(page, COMMENT)).to_contain_text("Ingrid Berg")

    # A second member answers it through its "Reply" link; the reply hangs under the comment.
    replier_page = another_person()
    sign_in(replier_page, replier)
    replier_page.goto(pages.PRACTICE)
    comment(replier_page, COMMENT).get_by_role("link", name="Reply to Ingrid Berg").click()
    expect(heading(replier_page)).to_have_text("Reply to Ingrid Berg")
    expect(replier_page.locator(".quoted-comment")).to_contain_text(COMMENT)
    replier_page.get_by_label("Your comment").fill(REPLY)
    replier_page.get_by_role("button", name="Post reply").click()
    expect(comment(replier_page, REPLY)).to_contain_text("Jonas Lind")
    expect(comment(replier_page, REPLY)).to_have_class(re.compile(r"\bdepth-1\b"))

    # A third member reports the reply, saying why; one report alone does not hide it.
    reporter_page = another_person()
    sign_in(reporter_page, reporter)
    reporter_page.goto(pages.PRACTICE)
    comment(reporter_page, REPLY).get_by_role("link", name="Report").click()
    expect(heading(reporter_page)).to_have_text("Report a comment")
    expect(reporter_page.locator(".quoted-comment")).to_contain_text(REPLY)
    reporter_page.get_by_label("What is wrong with this comment?").fill(REASON)
    reporter_page.get_by_role("button", name="Send the report").click()
    expect(reporter_page.locator(".messages")).to_contain_text(
        "Thank you: the moderators will look at this comment."
    )
    expect(comment(reporter_page, REPLY)).to_be_visible()

    # A moderator finds it in the admin's queue of reported comments and hides it.
    moderator_page = another_person()
    sign_in(moderator_page, moderator)
    account_link(moderator_page, "Admin").click()
    moderator_page.locator("tr.model-reportedcomment").get_by_role(
        "link", name="Reported comments"
    ).click()
    row = moderator_page.locator("#result_list tbody tr", has_text=REPLY)
    expect(row).to_contain_text("Jonas Lind")
    row.get_by_role("checkbox").check()
    moderator_page.get_by_role("combobox", name="Action").select_option(
        label="Hide the selected comments"
    )
    moderator_page.get_by_role("button", name="Go", exact=True).click()
    expect(moderator_page.locator(".messagelist")).to_contain_text("1 hidden.")
    # Hiding closed the report, so the queue is empty.
    expect(moderator_page.locator(".paginator")).to_have_text(
        re.compile(r"^\s*0 reported comments")
    )

    # The first member sees their comment, and no longer the reply.
    page.reload()
    expect(thread(page).get_by_role("heading", level=2)).to_have_text("Discussion (1 comment)")
    expect(comment(page, COMMENT)).to_be_visible()
    expect(thread(page)).not_to_contain_text(REPLY)

    # Nor does a reader who is not signed in.
    reader = another_person()
    reader.goto(pages.PRACTICE)
    expect(comment(reader, COMMENT)).to_be_visible()
    expect(thread(reader)).not_to_contain_text(REPLY)
    expect(thread(reader)).to_contain_text("Sign in to join the discussion.")

    # Staff still see the reply, marked as hidden; so does its author.
    moderator_page.goto(pages.PRACTICE)
    expect(comment(moderator_page, COMMENT)).to_be_visible()
    expect(comment(moderator_page, REPLY)).to_contain_text(HIDDEN_NOTICE)
    replier_page.reload()
    expect(comment(replier_page, REPLY)).to_contain_text(HIDDEN_NOTICE)
