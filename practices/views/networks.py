"""Networks of cities: the list of them, and each network's page, with its member cities and
their practices."""

from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from practices import caching
from practices.models import City, Network, Practice
from practices.paging import page_address
from practices.views.browse import paged_cards


@require_safe
def network_list(request):
    """Anyone: the networks, each with how many member cities and published practices it has."""
    counts = caching.cached("network-counts", {}, network_counts)
    networks = list(Network.objects.order_by("name"))
    for network in networks:
        network.city_count, network.published_count = counts.get(network.pk, (0, 0))
    return render(request, "practices/network_list.html", {"networks": networks})


def network_counts():
    """{network id: (member cities, their published practices)}, from two grouped queries. A
    city is in a network once, so neither count needs to be distinct (that join of networks,
    cities and every practice took 270 ms at 100,000 practices)."""
    members = City.networks.through.objects.values_list("network").annotate(n=Count("pk"))
    published = (
        Practice.objects.published()
        .filter(city__networks__isnull=False)
        .values_list("city__networks")
        .annotate(n=Count("pk"))
        .order_by()
    )
    practices = dict(published)
    return {pk: (cities, practices.get(pk, 0)) for pk, cities in members.order_by()}


@require_safe
def network_detail(request, slug):
    """Anyone: a network, its member cities and their published practices, 20 a page."""
    # The page lists the member cities by name.
    network = get_object_or_404(
        Network.objects.prefetch_related(
            Prefetch("cities", City.objects.only("name", "slug", "country").order_by("name"))
        ),
        slug=slug,
    )
    published = (
        Practice.objects.published().filter(city__networks=network).order_by("-published_at", "-id")
    )
    page = paged_cards(request, published, "network", {"network": network.pk})
    # Each page is its own canonical address, named by its alternates too (base.html).
    address = page_address(network.get_absolute_url(), page)
    context = {"network": network, "page": page, "page_address": address}
    return render(request, "practices/network_detail.html", context)
