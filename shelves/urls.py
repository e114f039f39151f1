from django.urls import path

from shelves import views

app_name = "shelves"

urlpatterns = [
    path("my/collections/", views.collection_list, name="list"),
    path("my/collections/<int:pk>/", views.collection_detail, name="detail"),
    path("my/collections/<int:pk>/edit/", views.collection_edit, name="edit"),
    path("my/collections/<int:pk>/delete/", views.collection_delete, name="delete"),
    path("my/collections/<int:pk>/briefing.pdf", views.collection_briefing, name="briefing"),
    path("my/collections/items/<int:pk>/move/", views.move, name="move"),
    path("my/collections/items/<int:pk>/note/", views.note, name="note"),
    path("my/collections/items/<int:pk>/remove/", views.remove, name="remove"),
    path("my/collections/save/<slug:slug>/", views.save, name="save"),
    path("collections/<str:token>/", views.shared, name="shared"),
    path("collections/<str:token>/briefing.pdf", views.shared_briefing, name="shared_briefing"),
]
