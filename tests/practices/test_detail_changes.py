"""A practice's page shows a change at once, in both languages, to anonymous and signed-in
readers, although its thread is kept drawn; the reader's own parts (contact, editor's link,
comment form) are never shared; and it costs the same queries however much it holds."""

import re

import pytest
from django.core.cache import caches
from django.urls import reverse
from django.utils import timezone, translation

from practices.models import Comment, Lesson, Practice
from tests.conftest import signed_in
from tests.factories import (
    CityFactory,
    EventPracticeFactory,
    NetworkFactory,
    PracticeFactory,
    UserFactory,
    attach_pdf,
)
from tests.practices.test_submit import practice_data
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


def read(client, practice, language):
    """The practice's page in `language`, read twice: the second view is served from what the
    first kept (the thread, the counts). (The French page leaves French active in the test's
    thread: hence override.)"""
    with translation.override(language):
        client.get(practice.get_absolute_url())
        response = client.get(practice.get_absolute_url())
    assert response.status_code == 200
    return response.text


def read_everywhere(practice, *clients):
    """Each client's view of the page in both languages, as one text."""
    return "\n".join(
        read(client, practice, language) for client in clients for language in ["en", "fr"]
    )


def test_an_edit_through_the_form_shows_at_once_in_both_languages(
    editor, member, anonymous, city_a, staff_user
):
    practice = PracticeFactory(city=city_a, title="Old title", approach="Old approach")
    assert "Old approach" in read_everywhere(practice, anonymous, member, editor)

    data = practice_data(
        city_a, title="New title", approach="New *approach*", **{"links-TOTAL_FORMS": "0"}
    )
    editor.post(reverse("practices:edit", args=[practice.slug]), data)
    # The edit of a published practice is a revision: shown once a reviewer publishes it.
    practice.revisions.get().publish(by=staff_user)

    for client in (anonymous, member, editor):
        for language in ("en", "fr"):
            text = read(client, practice, language)
            assert "<h1>New title</h1>" in text
            assert "New <em>approach</em>" in text
            assert "Old approach" not in text


def test_an_archived_practice_leaves_the_related_practices_of_others(anonymous, member, staff_user):
    practice = PracticeFactory(tags=["elections"])
    other = PracticeFactory(title="Soon archived", tags=["elections"])
    assert "Soon archived" in read_everywhere(practice, anonymous, member)

    other.archive(by=staff_user)

    assert "Soon archived" not in read_everywhere(practice, anonymous, member)


def rename_city(practice):
    practice.city.name = "Renamed city"
    practice.city.save()
    return "Renamed city"


def city_joins_a_network(practice):
    practice.city.networks.add(NetworkFactory(name="Harbour Cities Alliance"))
    return "Harbour Cities Alliance"


def rename_network(practice):
    network = practice.city.networks.get()
    network.name = "Renamed network"
    network.save()
    return "Renamed network"


def retitle_lesson(practice):
    lesson = practice.lessons.get()
    lesson.title_en = lesson.title_fr = "Retitled lesson"
    lesson.save()
    return "Retitled lesson"


def add_lesson(practice):
    practice.lessons.add(Lesson.objects.get(number=9))
    return reverse("practices:lesson", args=[9]).removeprefix("/")


def add_tag(practice):
    practice.tags.add("fresh-tag")
    return "fresh-tag"


def add_link(practice):
    practice.links.create(title="New report", url="https://example.org/new")
    return "New report"


def rename_event(practice):
    event = practice.event_links.get().event
    event.title_en = event.title_fr = "Renamed event"
    event.save()
    return "Renamed event"


def present_at_an_event(practice):
    EventPracticeFactory(practice=practice, event__title="Fresh event")
    return "Fresh event"


def publish_a_translation(practice):
    translation = practice.translated_from.get()
    translation.status = translation.Status.PUBLISHED
    translation.published_at = timezone.now()
    translation.save()
    return "Version française"


def retitle_a_related_practice(practice):
    related = Practice.objects.get(title="Related one")
    related.title = "Related, retitled"
    related.save()
    return "Related, retitled"


@pytest.mark.parametrize(
    "change",
    [
        rename_city,
        city_joins_a_network,
        rename_network,
        retitle_lesson,
        add_lesson,
        add_tag,
        add_link,
        rename_event,
        present_at_an_event,
        publish_a_translation,
        retitle_a_related_practice,
    ],
)
def test_what_the_page_shows_of_other_things_changes_at_once(anonymous, member, change):
    city = CityFactory()
    city.networks.add(NetworkFactory(name="Old network"))
    practice = PracticeFactory(city=city, tags=["trust"])
    EventPracticeFactory(practice=practice, event__title="Old event")
    PracticeFactory(
        language="fr", translation=practice, title="Version française", city=city, draft=True
    )
    PracticeFactory(title="Related one", tags=["trust"])
    read_everywhere(practice, anonymous, member)

    shown = change(practice)

    assert read_everywhere(practice, anonymous, member).count(shown) >= 4


def test_each_reader_keeps_their_own_parts(anonymous, member, editor, city_a):
    practice = PracticeFactory(city=city_a, contact="Kari, kari@example.org")
    url = practice.get_absolute_url()
    assert "kari@example.org" not in anonymous.get(url).text
    assert "kari@example.org" in member.get(url).text
    assert "Edit this practice" in editor.get(url).text

    text = anonymous.get(f"{url}?from=newsletter").text
    assert "kari@example.org" not in text
    assert "Edit this practice" not in text
    assert "next=%2Fpractices%2F" in text and "from%3Dnewsletter" in text
    assert "Post comment" not in text
    assert "Edit this practice" not in member.get(url).text


def comment_token(response):
    """The double-post token in the page's comment form."""
    return re.search(r'id="comment-form">.*?name="token" value="([^"]*)"', response.text, re.S)[1]


def test_each_view_gets_its_own_comment_form_token(member):
    practice = PracticeFactory()
    first = comment_token(member.get(practice.get_absolute_url()))
    second = comment_token(member.get(practice.get_absolute_url()))
    assert first and second
    assert second != first


def page_queries(client, practice):
    """The queries of the practice's page read with nothing kept (counts, the thread)."""
    for alias in caches:
        caches[alias].clear()
    return count_queries(client, practice.get_absolute_url())


def test_a_practice_page_costs_the_same_with_more_of_everything(anonymous):
    practice = PracticeFactory(lessons=[2], tags=["trust"])
    PracticeFactory(lessons=[2], tags=["trust"])
    EventPracticeFactory(practice=practice)
    Comment.objects.create(practice=practice, author=UserFactory(), body="First")
    member = signed_in(UserFactory())
    # The practice with its city; its networks, lessons, tags, links, files and adaptations;
    # two queries for the related practices and one for their rows; its translations and
    # events; the thread's top-level comments counted (its pages), the page's comments with
    # their authors, and the authors' teams. A member: their session and account (whether they
    # may edit, have commented, follow comes with the practice); their collections (the save
    # form).
    few = page_queries(anonymous, practice), page_queries(member, practice)
    assert few[0] <= 15 and few[1] <= 18

    practice.lessons.set(Lesson.objects.all())
    practice.tags.add("youth", "media", "schools")
    for n in range(5):
        practice.links.create(title=f"Report {n}", url=f"https://example.org/{n}")
        EventPracticeFactory(practice=practice)
        PracticeFactory(lessons=[2, 3], tags=["youth"])
        Comment.objects.create(practice=practice, author=UserFactory(), body=f"More {n}")
        attach_pdf(practice, title=f"Evaluation {n}")
        PracticeFactory(adapted_from=practice)
    assert (page_queries(anonymous, practice), page_queries(member, practice)) == few


def test_a_page_read_again_costs_one_query(anonymous, member):
    practice = PracticeFactory(lessons=[2], tags=["trust"])
    PracticeFactory(lessons=[2], tags=["trust"])
    EventPracticeFactory(practice=practice)
    Comment.objects.create(practice=practice, author=UserFactory(), body="Hello")
    assert page_queries(anonymous, practice) >= 10
    # The practice's row: its parts and thread are kept as fragments.
    assert count_queries(anonymous, practice.get_absolute_url()) == 1
    page = anonymous.get(practice.get_absolute_url()).text
    assert "Related practices" in page and "Hello" in page
    # A member's: the practice's row, with whether they may edit it, have commented and follow
    # its thread; their session and account; their collections, for the save form.
    member.get(practice.get_absolute_url())
    assert count_queries(member, practice.get_absolute_url()) == 4


@pytest.mark.parametrize("role", ["editor", "staff"])
def test_a_page_read_again_costs_its_editors_their_own_parts(
    request, role, city_a, django_assert_max_num_queries
):
    practice = PracticeFactory(city=city_a, lessons=[2], tags=["trust"])
    Comment.objects.create(practice=practice, author=UserFactory(), body="Hello")
    client = request.getfixturevalue(role)
    client.get(practice.get_absolute_url())
    # As a member's, whether they may edit it coming with the practice's row (staff always
    # may), and the editors' own parts: whether a revision waits, and the history.
    with django_assert_max_num_queries(6):
        page = client.get(practice.get_absolute_url()).text
    assert "Edit this practice" in page and "Hello" in page


def test_the_drawn_thread_sits_in_the_discussion_for_every_reader(anonymous, member):
    practice = PracticeFactory(title="Trust walks")
    Comment.objects.create(practice=practice, author=UserFactory(), body="Hello from Aarhus")
    for client, after in ((anonymous, "to join the discussion"), (member, "Post comment")):
        text = client.get(practice.get_absolute_url()).text
        assert text.index('id="comments-title"') < text.index("Hello from Aarhus")
        assert text.index("Hello from Aarhus") < text.index(after)
        assert text.count("Hello from Aarhus") == 1
        assert "<!-- thread" not in text


def cache_calls(client, address):
    """How many times reading `address` asks the shared cache (one round trip to Redis each,
    in production), counting the calls a call makes inside as one."""
    cache, calls, depth = caches["pages"], [], [0]

    def counted(method):
        def call(*args, **kwargs):
            if depth[0] == 0:
                calls.append(method.__name__)
            depth[0] += 1
            try:
                return method(*args, **kwargs)
            finally:
                depth[0] -= 1

        return call

    names = ("get", "get_many", "set", "set_many", "add", "get_or_set", "touch", "delete")
    originals = {name: getattr(cache, name) for name in names}
    for name, method in originals.items():
        setattr(cache, name, counted(method))
    try:
        assert client.get(address).status_code == 200
    finally:
        for name in names:
            delattr(cache, name)
    return calls


def test_a_kept_practice_page_asks_the_cache_three_times(anonymous, member):
    practice = PracticeFactory(lessons=[2], tags=["trust"])
    Comment.objects.create(practice=practice, author=UserFactory(), body="Hello")
    for client in (anonymous, member):
        client.get(practice.get_absolute_url())
        # Both generations in one round trip, then the article's fragment and the thread's.
        assert cache_calls(client, practice.get_absolute_url()) == ["get_many", "get", "get"]
