"""An event's page is drawn once for every reader and kept, and shows any change at once, in
both languages, to anonymous and signed-in readers."""

import pytest
from django.urls import reverse
from django.utils import translation

from practices.models import Lesson
from tests.factories import EventPracticeFactory, NetworkFactory, PracticeFactory
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


def read_everywhere(event, *clients):
    """Each client's view of the page in both languages, each read twice (the second view is
    served from what the first kept), as one text."""
    texts = []
    for client in clients:
        for language in ("en", "fr"):
            with translation.override(language):
                url = reverse("events:detail", args=[event.slug])
                client.get(url)
                response = client.get(url)
            assert response.status_code == 200
            texts.append(response.text)
    return "\n".join(texts)


def retitle_event(link):
    link.event.title_en = link.event.title_fr = "Retitled event"
    link.event.save()
    return "<h1>Retitled event</h1>"


def add_organiser(link):
    link.event.organisers.add(NetworkFactory(name="Harbour Cities Alliance"))
    return "Harbour Cities Alliance"


def add_lesson(link):
    link.event.lessons.add(Lesson.objects.get(number=9))
    return reverse("practices:lesson", args=[9]).removeprefix("/")


def link_a_practice(link):
    EventPracticeFactory(event=link.event, practice=PracticeFactory(title="Newly presented"))
    return "Newly presented"


def retitle_the_practice(link):
    link.practice.title = "Retitled practice"
    link.practice.save()
    return "Retitled practice"


def rename_the_city(link):
    link.practice.city.name = "Renamed city"
    link.practice.city.save()
    return "Renamed city"


def annotate_the_link(link):
    link.note = "Shown with the mayor"
    link.save()
    return "Shown with the mayor"


@pytest.mark.parametrize(
    "change",
    [
        retitle_event,
        add_organiser,
        add_lesson,
        link_a_practice,
        retitle_the_practice,
        rename_the_city,
        annotate_the_link,
    ],
)
def test_a_change_shows_at_once(anonymous, member, change):
    link = EventPracticeFactory()
    read_everywhere(link.event, anonymous, member)

    shown = change(link)

    assert read_everywhere(link.event, anonymous, member).count(shown) >= 4


def test_an_archived_practice_leaves_the_page(anonymous, member, staff_user):
    link = EventPracticeFactory(practice__title="Soon archived")
    assert "Soon archived" in read_everywhere(link.event, anonymous, member)

    link.practice.archive(by=staff_user)

    assert "Soon archived" not in read_everywhere(link.event, anonymous, member)


def test_an_event_page_costs_the_same_with_more_practices(anonymous):
    link = EventPracticeFactory(note="Presented by the City of Aarhus")
    link.event.organisers.add(NetworkFactory())
    url = reverse("events:detail", args=[link.event.slug])
    # The event, its organisers, its lessons, its practices with their cities.
    few = count_queries(anonymous, url)
    assert few <= 4
    for _ in range(5):
        EventPracticeFactory(event=link.event)
        link.event.organisers.add(NetworkFactory())
    assert count_queries(anonymous, url) == few
    response = anonymous.get(url)
    assert "Presented by the City of Aarhus" in response.text
    assert f"<title>{link.event.title} ·" in response.text


def test_an_unknown_event_is_a_404_every_time(anonymous):
    url = reverse("events:detail", args=["no-such-talk"])
    assert anonymous.get(url).status_code == 404
    assert anonymous.get(url).status_code == 404


def test_a_renamed_address_is_a_404_at_once_and_the_new_one_answers(anonymous):
    link = EventPracticeFactory()
    old = reverse("events:detail", args=[link.event.slug])
    assert anonymous.get(old).status_code == 200
    link.event.slug = "together-for-safety-renamed"
    link.event.save()
    assert anonymous.get(old).status_code == 404
    assert anonymous.get(reverse("events:detail", args=[link.event.slug])).status_code == 200


def test_a_practice_title_is_marked_with_its_own_language_on_a_french_page(anonymous):
    link = EventPracticeFactory(practice__title="Rumour desk", practice__language="en")
    with translation.override("fr"):
        page = anonymous.get(reverse("events:detail", args=[link.event.slug])).text
        href = link.practice.get_absolute_url()
    assert href.startswith("/fr/")
    assert f'<a href="{href}" lang="en">Rumour desk</a>' in page
