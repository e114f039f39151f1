from django.urls import path

from notifications import views

app_name = "notifications"

urlpatterns = [
    path("my/notifications/", views.preferences, name="settings"),
    path(
        "my/notifications/threads/<int:pk>/unfollow/",
        views.unfollow_thread,
        name="unfollow_thread",
    ),
    path("my/follows/", views.follow, name="follow"),
    path("my/follows/<int:pk>/unfollow/", views.unfollow, name="unfollow"),
    path("notifications/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
