from django.urls import path

from practices.views import browse, lessons

app_name = "practices"

urlpatterns = [
    path("practices/", browse.practice_list, name="list"),
    path("practices/<slug:slug>/", browse.practice_detail, name="detail"),
    path("lessons/", lessons.lesson_list, name="lessons"),
    path("lessons/<int:number>/", lessons.lesson_detail, name="lesson"),
]
