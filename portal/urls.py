"""Root URLs: site-wide pages here, each app's pages under its own namespace.

Every page a person reads is in English at its path and in French under /fr/ (i18n_patterns);
what machines fetch (health check, robots.txt, the sitemap) and the language switch stay
unprefixed.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from portal import languages, views
from portal.robots import robots_txt
from portal.sitemaps import SITEMAPS

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", robots_txt, name="robots"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("language/<str:code>/", languages.switch_language, name="switch_language"),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("", include("accounts.urls")),
    path("", include("practices.urls")),
    path("events/", include("events.urls")),
    prefix_default_language=False,
)

handler500 = "portal.views.server_error"

if settings.BENCH_BASELINE:
    urlpatterns.append(path("bench/baseline/", views.bench_baseline, name="bench_baseline"))
