"""Root URLs: site-wide pages here, each app's pages under its own namespace.

Every page a person reads is in English at its path and in French under /fr/ (i18n_patterns);
what machines fetch (health check, robots.txt, the sitemap) and the language switch stay
unprefixed.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps
from django.urls import include, path
from django.views.decorators.http import require_safe

from api.views import api
from portal import languages, views
from portal.robots import robots_txt
from portal.sitemaps import SITEMAPS

# The index names each section's pages (`?p=2` past the first) at the "sitemap_section" route.
SITEMAP_INDEX = {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"}

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", robots_txt, name="robots"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("sitemap.xml", require_safe(sitemaps.index), SITEMAP_INDEX, name="sitemap"),
    path(
        "sitemap-<section>.xml",
        require_safe(sitemaps.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path("language/<str:code>/", languages.switch_language, name="switch_language"),
    # The read-only JSON API and its documentation, for programs: in no language's path.
    path("api/v1/", api.urls),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("about/", views.about, name="about"),
    path("privacy/", views.privacy, name="privacy"),
    path("contact/", views.contact, name="contact"),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("", include("accounts.urls")),
    path("", include("practices.urls")),
    path("", include("notifications.urls")),
    path("", include("shelves.urls")),
    path("events/", include("events.urls")),
    prefix_default_language=False,
)

handler500 = "portal.views.server_error"

if settings.BENCH_BASELINE:
    urlpatterns.append(path("bench/baseline/", views.bench_baseline, name="bench_baseline"))
