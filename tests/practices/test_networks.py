"""Networks as places: each network's page with its member cities and their practices, and
the network filter of the list."""

import pytest
from django.urls import reverse

from tests.cards import card_titles
from tests.factories import CityFactory, NetworkFactory, PracticeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def nordic(db):
    network = NetworkFactory(
        name="Nordic Safe Cities",
        slug="nordic-safe-cities",
        description="Nordic cities working together against polarisation.",
        description_fr="Des villes nordiques unies contre la polarisation.",
        website="https://nordicsafecities.org",
    )
    for name in ["Oslo", "Aarhus"]:
        city = CityFactory(name=name)
        city.networks.add(network)
        PracticeFactory(title=f"{name} practice", city=city)
    PracticeFactory(title="Outside practice", city=CityFactory(name="Lyon"))
    return network


def test_a_network_page_shows_its_description_cities_and_their_practices(anonymous, nordic):
    text = anonymous.get(reverse("practices:network", args=[nordic.slug])).text
    assert "<h1>Nordic Safe Cities</h1>" in text
    assert "Nordic cities working together against polarisation." in text
    assert "2 member cities" in text
    assert ">Aarhus</a></li><li><a" in text and ">Oslo</a>" in text
    assert set(card_titles(text)) == {"Oslo practice", "Aarhus practice"}
    assert 'href="/practices/?network=nordic-safe-cities"' in text


def test_a_network_page_in_french_shows_the_french_description(anonymous, nordic):
    text = anonymous.get("/fr/networks/nordic-safe-cities/").text
    assert "Des villes nordiques unies contre la polarisation." in text


def test_an_unknown_network_is_404(anonymous):
    assert anonymous.get("/networks/nowhere/").status_code == 404


def test_the_list_filters_by_network_and_counts_each(anonymous, nordic):
    response = anonymous.get("/practices/", {"network": "nordic-safe-cities"})
    assert set(card_titles(response.text)) == {"Oslo practice", "Aarhus practice"}
    assert "Network: Nordic Safe Cities" in response.text
    everything = anonymous.get("/practices/").text
    assert (
        '<label for="network-nordic-safe-cities">Nordic Safe Cities '
        '<span class="count">(2)</span></label>'
    ) in everything


def test_city_and_practice_pages_link_to_the_network(anonymous, nordic):
    city = nordic.cities.get(name="Oslo")
    link = 'href="/networks/nordic-safe-cities/"'
    assert link in anonymous.get(city.get_absolute_url()).text
    assert link in anonymous.get(city.practices.get().get_absolute_url()).text


def test_the_network_page_costs_a_bounded_number_of_queries(
    anonymous, nordic, django_assert_max_num_queries
):
    for _ in range(25):
        city = CityFactory()
        city.networks.add(nordic)
        PracticeFactory(city=city)
    with django_assert_max_num_queries(8):
        assert anonymous.get(reverse("practices:network", args=[nordic.slug])).status_code == 200


def test_the_networks_page_lists_each_network_with_its_counts(
    anonymous, nordic, staff_user, django_assert_max_num_queries
):
    NetworkFactory(name="Strong Cities Network", slug="strong-cities")
    draft = PracticeFactory(title="Oslo draft", city=nordic.cities.get(name="Oslo"), draft=True)
    url = reverse("practices:networks")
    with django_assert_max_num_queries(3):
        text = anonymous.get(url).text
    assert f'<a href="{nordic.get_absolute_url()}">Nordic Safe Cities</a>' in text
    # Two cities, two published practices: the draft does not count until it is published.
    assert "2 member cities · 2 published practices" in text
    assert "0 member cities · 0 published practices" in text
    assert text.index("Nordic Safe Cities") < text.index("Strong Cities Network")

    draft.publish(by=staff_user)
    assert "2 member cities · 3 published practices" in anonymous.get(url).text


def test_the_networks_page_in_french(anonymous, nordic):
    text = anonymous.get("/fr" + reverse("practices:networks")).text
    assert "Réseaux de villes" in text
    assert "Des villes nordiques unies contre la polarisation." in text


def test_a_city_joining_a_network_shows_in_its_counts_at_once(anonymous, nordic):
    lyon = CityFactory(name="Lyon-Villeurbanne")
    PracticeFactory(title="Lyon practice", city=lyon)
    before_list = anonymous.get("/networks/").text
    before_facet = anonymous.get("/practices/").text
    assert "2 member cities · 2 published practices" in before_list

    lyon.networks.add(nordic)

    assert "3 member cities · 3 published practices" in anonymous.get("/networks/").text
    assert '<span class="count">(2)</span>' in before_facet
    assert (
        '<label for="network-nordic-safe-cities">Nordic Safe Cities '
        '<span class="count">(3)</span></label>'
    ) in anonymous.get("/practices/").text
