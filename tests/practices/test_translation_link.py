"""A practice keeps the language it was written in, and can name its translation: the page of
each links to the other, whichever of the two named it."""

import html

import pytest
from django.core.exceptions import ValidationError

from practices.models import Practice
from tests.factories import PracticeFactory
from tests.practices.test_submit import NEW, practice_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair():
    french = PracticeFactory(
        slug="ateliers-medias", title="Des ateliers d'éducation aux médias", language="fr"
    )
    english = PracticeFactory(
        slug="media-labs", title="Media literacy labs", language="en", translation=french
    )
    return english, french


def test_each_page_links_to_its_translation_both_ways(anonymous, pair):
    english, french = pair

    on_english = html.unescape(anonymous.get("/practices/media-labs/").text)
    on_french = html.unescape(anonymous.get("/fr/practices/ateliers-medias/").text)

    assert (
        'Also available in French: <a href="/practices/ateliers-medias/" hreflang="fr" lang="fr">'
        "Des ateliers d'éducation aux médias</a>" in on_english
    )
    assert (
        'Également disponible en anglais\u00a0: <a href="/fr/practices/media-labs/" '
        'hreflang="en" lang="en">Media literacy labs</a>' in on_french
    )


def test_an_unpublished_translation_is_not_linked(anonymous, pair):
    english, french = pair
    french.status = Practice.Status.DRAFT
    french.published_at = None
    french.save()
    assert "Also available in" not in anonymous.get("/practices/media-labs/").text


def test_lists_say_which_practices_are_in_the_other_language(anonymous, pair):
    english_list = anonymous.get("/practices/").text
    assert '<h3 class="card-title" lang="fr">' in english_list
    assert "· French</p>" in english_list
    french_list = anonymous.get("/fr/practices/?language=en").text
    assert "Media literacy labs" in french_list
    assert "Des ateliers" not in french_list
    assert "· Anglais</p>" in french_list


def test_the_form_names_the_translation_by_its_address(staff, pair):
    english, french = pair
    form = html.unescape(staff.get(f"/practices/{english.slug}/edit/").text)
    assert 'name="translation" value="/practices/ateliers-medias/"' in form
    assert (
        'Linked now: <a href="/practices/ateliers-medias/" lang="fr">'
        "Des ateliers d'éducation aux médias</a>, " + french.city.name
    ) in form


def test_an_editor_names_the_translation_of_their_practice(editor, city_a):
    french = PracticeFactory(title="Une table de concertation", language="fr")
    address = f"https://portal.example.org/fr/practices/{french.slug}/"
    editor.post(NEW, practice_data(city_a, translation=address))
    assert Practice.objects.get(city=city_a).translation == french


def test_a_translation_in_the_same_language_is_refused(editor, city_a):
    english = PracticeFactory(title="Another English practice", language="en")
    response = editor.post(NEW, practice_data(city_a, translation=english.slug))
    assert response.status_code == 200
    assert "A translation is a practice in the other language." in response.text
    assert not Practice.objects.filter(city=city_a).exists()


def test_an_unpublished_translation_is_refused(editor, city_a):
    draft = PracticeFactory(title="Un brouillon", language="fr", draft=True)
    response = editor.post(NEW, practice_data(city_a, translation=draft.get_absolute_url()))
    assert response.status_code == 200
    assert "Choose a practice that is published on the portal" in response.text
    assert not Practice.objects.filter(city=city_a).exists()


def test_the_model_refuses_a_translation_in_its_own_language(pair):
    english, french = pair
    english.translation = PracticeFactory(language="en")
    with pytest.raises(ValidationError, match="other language"):
        english.full_clean()


def test_the_admin_edits_the_translation_with_autocomplete(staff, pair):
    english, _ = pair
    page = staff.get(f"/admin/practices/practice/{english.pk}/change/").text
    assert 'name="translation"' in page
    assert "admin-autocomplete" in page
