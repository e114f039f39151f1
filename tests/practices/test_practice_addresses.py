"""The practice form names another practice (its translation, the practice it adapts) by the
address of its page or by its slug, not from a list of every published practice."""

import html

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from practices.models import Practice
from tests.factories import CityFactory, PracticeFactory
from tests.practices.test_submit import NEW, practice_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def malmo_desk(db):
    malmo = CityFactory(name="Malmö", slug="malmo", country="SE")
    return PracticeFactory(city=malmo, slug="rumour-desk", title="Rumour desk", language="fr")


def posted(city, **fields):
    return practice_data(city, title="Our rumour desk", **fields)


@pytest.mark.parametrize(
    "address",
    [
        "http://127.0.0.1:8000/practices/rumour-desk/",
        "https://portal.example.org/practices/rumour-desk",
        "127.0.0.1:8000/practices/rumour-desk/",
        "/practices/rumour-desk/",
        "practices/rumour-desk",
        "http://127.0.0.1:8000/fr/practices/rumour-desk/",
        "/fr/practices/rumour-desk",
        "/practices/rumour-desk/?lesson=2#approach",
        "rumour-desk",
        "  rumour-desk  ",
    ],
)
def test_an_address_or_a_slug_names_the_practice(editor, city_a, malmo_desk, address):
    response = editor.post(NEW, posted(city_a, adapted_from=address, translation=address))
    assert response.status_code == 302
    practice = Practice.objects.get(title="Our rumour desk")
    assert practice.adapted_from == malmo_desk
    assert practice.translation == malmo_desk


@pytest.mark.parametrize(
    "address",
    [
        "nowhere",
        "/practices/nowhere/",
        "/practices/rumour-desk/edit/",
        "/practices/new/",
        "/cities/malmo/",
        "/en/practices/rumour-desk/",
        "/de/practices/rumour-desk/",
        "http://[::1/practices/rumour-desk/",
        "rumour desk",
        "rumour-desk\x00",
        "/practices/" + "x" * 600 + "/",
    ],
)
def test_an_address_of_no_practice_is_a_form_error(editor, city_a, malmo_desk, address):
    response = editor.post(NEW, posted(city_a, adapted_from=address, translation=address))
    assert response.status_code == 200
    text = html.unescape(response.text)
    assert "Some fields need your attention" in text
    assert not Practice.objects.filter(title="Our rumour desk").exists()


def test_the_error_says_what_to_paste(editor, city_a):
    response = editor.post(NEW, posted(city_a, adapted_from="/practices/nowhere/"))
    assert "No practice on the portal has this address" in response.text
    # What was typed is kept, to be corrected.
    assert 'name="adapted_from" value="/practices/nowhere/"' in response.text


def test_an_unpublished_practice_is_refused(editor, city_a, malmo_desk):
    malmo_desk.status = Practice.Status.DRAFT
    malmo_desk.published_at = None
    malmo_desk.save()
    response = editor.post(NEW, posted(city_a, adapted_from="rumour-desk"))
    assert "Choose a practice that is published on the portal" in response.text
    response = editor.post(NEW, posted(city_a, translation="rumour-desk"))
    assert "Choose a practice that is published on the portal" in response.text
    assert not Practice.objects.filter(title="Our rumour desk").exists()


def test_a_translation_unpublished_since_does_not_stop_edits(editor, city_a, malmo_desk):
    ours = PracticeFactory(city=city_a, translation=malmo_desk, draft=True)
    malmo_desk.status = Practice.Status.ARCHIVED
    malmo_desk.save()
    form = editor.get(f"/practices/{ours.slug}/edit/").text
    assert 'name="translation" value="/practices/rumour-desk/"' in form
    assert "(not published)" in form
    data = posted(city_a, translation="/practices/rumour-desk/")
    assert editor.post(f"/practices/{ours.slug}/edit/", data).status_code == 302
    ours.refresh_from_db()
    assert ours.translation == malmo_desk


def test_a_translation_in_the_language_chosen_is_refused(editor, city_a, malmo_desk):
    response = editor.post(NEW, posted(city_a, language="fr", translation="rumour-desk"))
    assert "A translation is a practice in the other language." in response.text
    assert not Practice.objects.filter(title="Our rumour desk").exists()


def test_a_practice_is_not_its_own_translation_or_source(editor, city_a):
    ours = PracticeFactory(city=city_a, slug="ours", draft=True)
    data = posted(city_a, language="fr", translation="ours", adapted_from="/practices/ours/")
    text = editor.post(f"/practices/{ours.slug}/edit/", data).text
    assert "A translation is a practice in the other language." in text
    assert "A practice cannot adapt itself." in text
    ours.refresh_from_db()
    assert ours.translation is None and ours.adapted_from is None


def test_emptying_the_input_removes_the_link(editor, city_a, malmo_desk):
    ours = PracticeFactory(city=city_a, adapted_from=malmo_desk, draft=True)
    data = posted(city_a, adapted_from="", translation="")
    assert editor.post(f"/practices/{ours.slug}/edit/", data).status_code == 302
    ours.refresh_from_db()
    assert ours.adapted_from is None


def test_the_form_shows_what_is_linked_and_where_to_find_addresses(editor, city_a, malmo_desk):
    ours = PracticeFactory(city=city_a, adapted_from=malmo_desk, draft=True)
    form = html.unescape(editor.get(f"/fr/practices/{ours.slug}/edit/").text)
    adapted = form.split('for="id_adapted_from"')[1].split("</fieldset>")[0]
    assert 'name="adapted_from" value="/fr/practices/rumour-desk/"' in adapted
    assert '<a href="/fr/practices/rumour-desk/" lang="fr">Rumour desk</a>, Malmö' in adapted
    assert '<a href="/fr/practices/">' in adapted
    # Nothing is linked yet as its translation.
    translation = form.split('for="id_translation"')[1].split("</fieldset>")[0]
    assert 'name="translation" value=""' not in translation
    assert "linked-practice" not in translation


# The page's own queries (the editor, their cities, the lessons, the tags suggested, the
# linked practices...), none of them reading the practices one could link to.
MAX_QUERIES = 14


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.text


@pytest.mark.parametrize("page", ["new", "draft", "published"])
def test_the_form_reads_the_same_queries_however_many_practices(
    editor, city_a, malmo_desk, django_assert_max_num_queries, page
):
    ours = PracticeFactory(
        city=city_a, adapted_from=malmo_desk, translation=malmo_desk, draft=page == "draft"
    )
    url = NEW if page == "new" else f"/practices/{ours.slug}/edit/"
    others = PracticeFactory.create_batch(30, language="fr")
    with django_assert_max_num_queries(MAX_QUERIES):
        response = editor.get(url)
    assert not any(other.title in response.text for other in others)
    few, _ = count_queries(editor, url)
    PracticeFactory.create_batch(30, language="fr")
    many, _ = count_queries(editor, url)
    assert many == few


def test_the_inputs_suggest_practices_from_the_api_where_scripts_run(editor, city_a, malmo_desk):
    form = editor.get(NEW).text
    assert '<script src="/static/js/practice-address.js" defer></script>' in form
    assert 'data-practice-suggest="translation"' in form
    assert 'data-practice-suggest="adapted_from"' in form
    # What the script asks the API, and the address it offers: one the form accepts.
    found = editor.get("/api/v1/practices/", {"q": "rumour", "limit": 8, "language": "fr"})
    (suggestion,) = found.json()["results"]
    assert suggestion["city"]["name"] == "Malmö" and suggestion["title"] == "Rumour desk"
    response = editor.post(NEW, posted(city_a, adapted_from=suggestion["url"]))
    assert response.status_code == 302
    assert Practice.objects.get(title="Our rumour desk").adapted_from == malmo_desk
