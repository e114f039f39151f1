"""Markdown is rendered and sanitised when a practice or comment is saved, never when a page is
shown; `manage.py render_markdown` renders everything again after the rules change."""

import io
import threading
from concurrent.futures import ThreadPoolExecutor

import nh3
import pytest
from django.core.management import call_command
from django.db import connection, connections
from django.utils import timezone

from practices import markup, threads
from practices.models import Comment, Practice
from tests.factories import PracticeFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_pages_show_what_was_rendered_when_saved(anonymous, member, monkeypatch):
    practice = PracticeFactory(approach="Walks with *parents*.", contact="Call **Kari**.")
    Comment.objects.create(practice=practice, author=UserFactory(), body="A *fine* idea.")

    def refuse(*args, **kwargs):
        raise AssertionError("Markdown sanitised while showing a page")

    monkeypatch.setattr(nh3, "clean", refuse)
    page = member.get(practice.get_absolute_url()).text
    assert "Walks with <em>parents</em>." in page
    assert "Call <strong>Kari</strong>." in page
    assert "A <em>fine</em> idea." in page
    assert "Walks with <em>parents</em>." in anonymous.get(practice.get_absolute_url()).text


def test_an_edit_renders_the_changed_text_again(anonymous):
    practice = PracticeFactory(approach="Old *way*.")
    practice.approach = "New *way*."
    practice.save(update_fields=["approach"])
    page = anonymous.get(practice.get_absolute_url()).text
    assert "New <em>way</em>." in page and "Old" not in page


def test_the_command_renders_everything_again(anonymous, monkeypatch):
    practice = PracticeFactory(approach="Walks with *parents*.")
    comment = Comment.objects.create(practice=practice, author=UserFactory(), body="*Yes*.")
    # Read once: the page keeps its article drawn.
    assert "<em>parents</em>" in anonymous.get(practice.get_absolute_url()).text
    # A stricter sanitiser: emphasis is no longer kept.
    monkeypatch.setattr(markup, "ALLOWED_TAGS", markup.ALLOWED_TAGS - {"em"})

    out = io.StringIO()
    call_command("render_markdown", stdout=out)

    assert "Rendered 1 practices and 1 comments." in out.getvalue()
    practice.refresh_from_db()
    comment.refresh_from_db()
    assert practice.html("approach") == "<p>Walks with parents.</p>"
    assert comment.body_html == "<p>Yes.</p>"
    assert "<em>" not in anonymous.get(practice.get_absolute_url()).text


def test_comment_counts_follow_posts_removals_and_hiding(anonymous):
    practice = PracticeFactory()
    first, second = (
        Comment.objects.create(practice=practice, author=UserFactory(), body=text)
        for text in ("One", "Two")
    )
    assert Practice.objects.get(pk=practice.pk).comment_count == 2
    first.remove()
    second.hide(by=None)
    assert Practice.objects.get(pk=practice.pk).comment_count == 0
    second.restore(by=None)
    assert Practice.objects.get(pk=practice.pk).comment_count == 1
    second.delete()
    assert Practice.objects.get(pk=practice.pk).comment_count == 0


def test_the_practice_a_new_comment_holds_shows_its_counts_at_once():
    practice = PracticeFactory()
    Comment.objects.create(practice=practice, author=UserFactory(), body="One")
    Comment.objects.create(
        practice=practice, author=UserFactory(), body="Two", hidden_at=timezone.now()
    )
    assert (practice.comment_count, practice.conversation_count) == (1, 2)


def test_conversations_are_counted_on_the_row_and_page_the_thread(anonymous, monkeypatch):
    """Top-level comments, removed and hidden ones too, are what the thread's pages count; a
    reply starts no conversation, a comment deleted for good counts no more."""
    monkeypatch.setattr(threads, "PER_PAGE", 2)
    practice = PracticeFactory()
    author = UserFactory()
    first, second, third = (
        Comment.objects.create(practice=practice, author=author, body=text)
        for text in ("One", "Two", "Three")
    )
    Comment.objects.create(practice=practice, author=author, body="Answer", parent=first)
    assert Practice.objects.get(pk=practice.pk).conversation_count == 3
    second.remove()
    third.hide(by=None)
    assert Practice.objects.get(pk=practice.pk).conversation_count == 3
    page = practice.get_absolute_url()
    assert anonymous.get(f"{page}?comments=2").status_code == 200
    third.delete()
    assert Practice.objects.get(pk=practice.pk).conversation_count == 2
    assert anonymous.get(f"{page}?comments=2").status_code == 404


@pytest.mark.django_db(transaction=True)
def test_comments_posted_at_the_same_moment_are_each_counted():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (run with DATABASE_URL=postgres://...)")
    practice = PracticeFactory()
    authors = [UserFactory() for _ in range(8)]
    start = threading.Barrier(len(authors))

    def post(author):
        try:
            start.wait()
            threads.post_comment(practice=practice, author=author, body="At the same moment")
        finally:
            connections.close_all()

    with ThreadPoolExecutor(len(authors)) as pool:
        list(pool.map(post, authors))
    assert Practice.objects.get(pk=practice.pk).comment_count == 8
    assert Practice.objects.get(pk=practice.pk).conversation_count == 8
    Comment.objects.filter(practice=practice).first().remove()
    assert Practice.objects.get(pk=practice.pk).comment_count == 7
