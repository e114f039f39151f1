"""The cities pages: every city by country with its published practices, and a city's page."""

import pytest
from django.urls import reverse

from tests.factories import CityFactory, NetworkFactory, PracticeFactory
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

MAX_QUERIES = 6


def make_cities(count, country="NO"):
    """`count` cities, each with a published practice and a network."""
    network = NetworkFactory()
    cities = []
    for _ in range(count):
        city = CityFactory(country=country)
        city.networks.add(network)
        PracticeFactory(city=city, lessons=[1, 2])
        cities.append(city)
    return cities


def test_city_list_groups_cities_under_their_country_name(anonymous):
    CityFactory(name="Oslo", slug="oslo", country="NO")
    CityFactory(name="Lyon", slug="lyon", country="FR")

    response = anonymous.get(reverse("practices:cities"))

    assert '<h2 id="country-NO">Norway</h2>' in response.text
    assert '<h2 id="country-FR">France</h2>' in response.text
    # Countries come in the order of their names: France before Norway.
    assert response.text.index("France</h2>") < response.text.index("Norway</h2>")
    assert f'<a href="{reverse("practices:city", args=["oslo"])}">Oslo</a>' in response.text


def test_city_list_counts_only_published_practices(anonymous):
    oslo = CityFactory(name="Oslo", country="NO")
    PracticeFactory(city=oslo)
    PracticeFactory(city=oslo)
    PracticeFactory(city=oslo, draft=True)

    response = anonymous.get(reverse("practices:cities"))

    assert "2 practices" in response.text
    assert "3 practices" not in response.text
    assert f'href="{reverse("practices:list")}?country=NO"' in response.text
    assert "2 published practices from Norway" in response.text


def test_city_without_practices_is_listed_with_none(anonymous):
    CityFactory(name="Tromsø", country="NO")
    PracticeFactory(city=CityFactory(name="Bergen", country="NO"), draft=True)

    response = anonymous.get(reverse("practices:cities"))

    assert "Tromsø" in response.text and "Bergen" in response.text
    assert response.text.count("0 practices") == 2
    assert "No published practice yet" in response.text


def test_unknown_country_code_is_shown_as_the_code(anonymous):
    CityFactory(name="Atlantis", country="QQ")
    assert '<h2 id="country-QQ">QQ</h2>' in anonymous.get(reverse("practices:cities")).text


def test_city_list_costs_the_same_queries_for_3_or_30_cities(anonymous):
    url = reverse("practices:cities")
    make_cities(3)
    few = count_queries(anonymous, url)
    make_cities(27, country="DK")
    assert count_queries(anonymous, url) == few <= MAX_QUERIES


def test_city_page_shows_its_facts_networks_and_published_practices(
    anonymous, django_assert_max_num_queries
):
    oslo = CityFactory(
        name="Oslo",
        slug="oslo",
        country="NO",
        region="Oslo",
        population=709037,
        website="https://www.oslo.kommune.no/",
    )
    oslo.networks.add(NetworkFactory(name="Nordic Safe Cities", slug="nordic-safe-cities"))
    PracticeFactory(city=oslo, title="Youth panels")
    PracticeFactory(city=oslo, title="Secret draft", draft=True)
    PracticeFactory(title="Elsewhere")

    with django_assert_max_num_queries(MAX_QUERIES):
        response = anonymous.get(reverse("practices:city", args=["oslo"]))

    assert "<h1>Oslo</h1>" in response.text
    assert "<dd>Norway</dd>" in response.text
    assert "709,037" in response.text
    assert 'href="https://www.oslo.kommune.no/"' in response.text
    assert "Nordic Safe Cities" in response.text
    assert "1 published practice" in response.text
    assert "Youth panels" in response.text
    assert "Secret draft" not in response.text
    assert "Elsewhere" not in response.text
    assert f'href="{reverse("practices:list")}?city=oslo"' in response.text


def test_city_page_says_when_nothing_is_published(anonymous):
    PracticeFactory(city=CityFactory(name="Tromsø", slug="tromso"), draft=True)
    response = anonymous.get(reverse("practices:city", args=["tromso"]))
    assert "0 published practices" in response.text
    assert "Tromsø has not published a practice yet." in response.text


def test_city_page_shows_20_practices_a_page(anonymous):
    city = CityFactory(slug="aarhus")
    for _ in range(21):
        PracticeFactory(city=city)
    url = reverse("practices:city", args=["aarhus"])

    first = anonymous.get(url)
    second = anonymous.get(url, {"page": 2})

    assert first.text.count('<article class="card">') == 20
    assert second.text.count('<article class="card">') == 1
    assert "Page 2 of 2" in second.text
    assert anonymous.get(url, {"page": 3}).status_code == 404


def test_city_page_costs_the_same_queries_for_3_or_30_practices(anonymous):
    city = CityFactory(slug="aarhus")
    city.networks.add(NetworkFactory(), NetworkFactory())
    url = reverse("practices:city", args=["aarhus"])
    for _ in range(3):
        PracticeFactory(city=city, lessons=[1, 4])
    few = count_queries(anonymous, url)
    for _ in range(27):
        PracticeFactory(city=city, lessons=[2, 5])
    assert count_queries(anonymous, url) == few <= MAX_QUERIES


def test_unknown_city_is_404(anonymous):
    assert anonymous.get(reverse("practices:city", args=["nowhere"])).status_code == 404
