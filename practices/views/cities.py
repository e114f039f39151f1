"""Cities: every city by country with its number of practices, and a city's own page."""

from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import Count
from django.shortcuts import get_object_or_404, render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_safe

from practices import caching
from practices.countries import country_name, name_order
from practices.models import City, Practice
from practices.paging import page_address
from practices.views.browse import paged_cards


@dataclass
class Country:
    code: str
    cities: list = field(default_factory=list)

    @property
    def name(self):
        return country_name(self.code)

    @property
    def published_count(self):
        return sum(city.published_count for city in self.cities)


@require_safe
def city_list(request):
    """Anyone: the cities, grouped by country, with their number of published practices."""

    def grouped():
        counts = caching.cached("city-counts", {}, published_per_city)
        cities = City.objects.only("name", "slug", "country").order_by("country", "name")
        for city in cities:
            city.published_count = counts.get(city.pk, 0)
        countries = [
            Country(code, list(group)) for code, group in groupby(cities, lambda c: c.country.code)
        ]
        countries.sort(key=lambda country: name_order(country.code))
        return {"countries": countries, "city_count": len(cities)}

    # The list is drawn in a kept fragment (city_list.html): read only when it is drawn again.
    return render(request, "practices/city_list.html", {"index": SimpleLazyObject(grouped)})


def published_per_city():
    """{city id: its number of published practices}, for the cities that have one."""
    published = Practice.objects.published().order_by().values_list("city")
    return dict(published.annotate(n=Count("pk")))


@require_safe
def city_detail(request, slug):
    """Anyone: a city, its networks and its published practices, 20 a page."""
    # The page lists the city's networks.
    city = get_object_or_404(City.objects.prefetch_related("networks"), slug=slug)
    published = city.practices.published().order_by("-published_at", "-id")
    # Its cards are drawn in a kept fragment (city_detail.html).
    page = paged_cards(request, published, "city", {"city": city.pk})
    membership = None
    if request.user.is_authenticated:
        membership = city.memberships.filter(user=request.user).order_by("-created_at").first()
    return render(
        request,
        "practices/city_detail.html",
        {
            "city": city,
            "country_name": country_name(city.country.code),
            "page": page,
            # Each page is its own canonical address, named by its alternates too (base.html).
            "page_address": page_address(city.get_absolute_url(), page),
            "membership": membership,
            "manages": city.is_managed_by(request.user),
        },
    )
