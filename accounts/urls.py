"""Member profiles. Sign-up, sign-in, password and e-mail pages are allauth's, at /accounts/."""

from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("members/<int:pk>/", views.profile, name="profile"),
    path("my/profile/", views.edit_profile, name="edit_profile"),
]
