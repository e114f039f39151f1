"""Root URLs: site-wide pages here, each app's pages under its own namespace."""

from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from portal import views
from portal.robots import robots_txt
from portal.sitemaps import SITEMAPS

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", robots_txt, name="robots"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("", include("accounts.urls")),
    path("", include("practices.urls")),
    path("events/", include("events.urls")),
]

if settings.BENCH_BASELINE:
    urlpatterns.append(path("bench/baseline/", views.bench_baseline, name="bench_baseline"))
