"""French says a place with its preposition: "d'Aarhus", "du Canada", "de la Suède", "aux
Pays-Bas"; the English pages keep the plain name."""

import html

import pytest
from django.utils import translation

from practices.countries import in_country, of_city, of_country
from tests.factories import CityFactory, PracticeFactory


@pytest.mark.parametrize(
    ("code", "of", "in_"),
    [
        ("CA", "du Canada", "au Canada"),
        ("DK", "du Danemark", "au Danemark"),
        ("SE", "de la Suède", "en Suède"),
        ("NO", "de la Norvège", "en Norvège"),
        ("IS", "de l'Islande", "en Islande"),
        ("NL", "des Pays-Bas", "aux Pays-Bas"),
        ("MX", "du Mexique", "au Mexique"),
        ("GB", "du Royaume-Uni", "au Royaume-Uni"),
        ("CU", "de Cuba", "à Cuba"),
        ("IL", "d'Israël", "en Israël"),
    ],
)
def test_countries_take_their_article_in_french(code, of, in_):
    with translation.override("fr"):
        assert (of_country(code), in_country(code)) == (of, in_)


@pytest.mark.parametrize(("name", "of"), [("Aarhus", "d'Aarhus"), ("Lyon", "de Lyon")])
def test_cities_elide_de_before_a_vowel_in_french(name, of):
    with translation.override("fr"):
        assert of_city(name) == of
    with translation.override("en"):
        assert of_city(name) == name


@pytest.mark.django_db
def test_french_city_pages_read_as_french(anonymous):
    aarhus = CityFactory(name="Aarhus", slug="aarhus", country="DK")
    PracticeFactory(city=aarhus)
    cities = html.unescape(anonymous.get("/fr/cities/").text)
    assert "1 pratique publiée du Danemark" in cities
    assert "de Danemark" not in cities
    city = html.unescape(anonymous.get("/fr/cities/aarhus/").text)
    assert "Filtrer et rechercher les pratiques d'Aarhus" in city
    assert "de Aarhus" not in city
    english = anonymous.get("/cities/aarhus/").text
    assert "Filter and search the practices from Aarhus" in english
