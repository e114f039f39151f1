"""Tags as places: every tag with its number of practices, and a tag's own page."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe
from taggit.models import Tag

from practices import tagging
from practices.models import Practice
from practices.paging import page_address
from practices.views.browse import paged_cards


@require_safe
def tag_list(request):
    """Anyone: the tags of published practices with their counts, by name or by use."""
    order = tagging.BY_USE if request.GET.get("sort") == tagging.BY_USE else tagging.BY_NAME
    tags = tagging.ordered(tagging.published_counts(), order)
    return render(request, "practices/tag_list.html", {"tags": tags, "order": order})


@require_safe
def tag_detail(request, slug):
    """Anyone: a tag and its published practices, 20 a page; 404 for a tag none has."""
    tag = get_object_or_404(Tag, slug=slug)
    published = tagging.with_tag(Practice.objects.published(), pk=tag.pk)
    published = published.order_by("-published_at", "-id")
    page = paged_cards(request, published, "tag", {"tag": tag.pk})
    if not page.paginator.count:
        raise Http404("No published practice has this tag.")
    # Each page is its own canonical address, named by its alternates too (base.html).
    address = page_address(reverse("practices:tag", args=[tag.slug]), page)
    context = {"tag": tag, "page": page, "page_address": address}
    return render(request, "practices/tag_detail.html", context)
