"""robots.txt: crawlers may read every public page, and are told where the sitemap is."""

from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

# The admin and the sign-in pages have nothing for a search engine, in either language; the
# language switch only redirects to pages the sitemap lists.
DISALLOWED = ["/admin/", "/accounts/", "/fr/admin/", "/fr/accounts/", "/language/"]


@require_safe
def robots_txt(request):
    """Anyone (crawlers): what not to crawl, and the sitemap's absolute address."""
    lines = [
        "User-agent: *",
        *(f"Disallow: {path}" for path in DISALLOWED),
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
