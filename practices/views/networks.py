"""Networks of cities: the list of them, and each network's page, with its member cities and
their practices."""

from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from practices.models import City, Network, Practice
from practices.views.browse import paged_cards


@require_safe
def network_list(request):
    """Anyone: the networks, each with how many member cities and published practices it has."""
    networks = Network.objects.annotate(
        city_count=Count("cities", distinct=True),
        published_count=Count(
            "cities__practices",
            filter=Q(cities__practices__status=Practice.Status.PUBLISHED),
            distinct=True,
        ),
    ).order_by("name")
    return render(request, "practices/network_list.html", {"networks": networks})


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
    return render(request, "practices/network_detail.html", {"network": network, "page": page})
