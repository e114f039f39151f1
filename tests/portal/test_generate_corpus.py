"""`manage.py generate_corpus`: the benchmark corpus, the same for the same seed."""

import pytest
from django.core.management import CommandError, call_command

from events.models import Event, EventPractice
from practices.models import Comment, Practice

TINY = {
    "practices": 40,
    "comments": 90,
    "cities": 6,
    "members": 8,
    "events": 3,
    "hot_comments": 25,
}


def generate(seed=7, **options):
    call_command("generate_corpus", seed=seed, verbosity=0, **{**TINY, **options})


def fingerprint():
    return (
        list(Practice.objects.order_by("slug").values_list("slug", "summary", "city__name")),
        list(Comment.objects.order_by("body").values_list("body", flat=True)),
        list(Event.objects.order_by("slug").values_list("slug", "title")),
    )


def test_corpus_has_the_requested_counts_and_a_hot_practice(db):
    generate()

    assert Practice.objects.count() == 40
    assert Comment.objects.count() == 90
    assert Event.objects.count() == 3
    assert EventPractice.objects.count() == 3 * 12
    hot = Practice.objects.order_by("-comment_count").first()
    assert Comment.objects.filter(practice=hot).count() == 25
    # What save() keeps on the rows, written in bulk here: counts and rendered Markdown.
    assert hot.comment_count == Comment.objects.visible().filter(practice=hot).count() > 0
    assert hot.rendered["approach"] == f"<p>{hot.approach}</p>"
    assert all(comment.body_html == f"<p>{comment.body}</p>" for comment in Comment.objects.all())
    assert hot.is_published
    assert all(practice.lessons.exists() for practice in Practice.objects.all())


def test_same_seed_gives_the_same_corpus_and_another_seed_another(db):
    generate(seed=7)
    first = fingerprint()

    generate(seed=7, replace=True)
    assert fingerprint() == first

    generate(seed=8, replace=True)
    assert fingerprint() != first


def test_refuses_a_database_that_holds_practices(db):
    generate()

    with pytest.raises(CommandError, match="--replace"):
        generate()
    assert Practice.objects.count() == 40


def test_generated_practices_are_found_by_search(anonymous):
    generate()
    practice = Practice.objects.published().first()
    word = practice.title.split()[0]

    response = anonymous.get("/practices/", {"q": word})

    assert practice.title in response.text
