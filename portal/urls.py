"""Root URLs: site-wide pages here, each app's pages under its own namespace."""

from django.contrib import admin
from django.urls import include, path

from portal import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("", include("practices.urls")),
    path("events/", include("events.urls")),
]
