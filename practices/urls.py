from django.urls import path

from practices import feeds
from practices.views import browse, cities, lessons, open_data

app_name = "practices"

urlpatterns = [
    path("practices/", browse.practice_list, name="list"),
    path("practices/<slug:slug>/", browse.practice_detail, name="detail"),
    path("lessons/", lessons.lesson_list, name="lessons"),
    path("lessons/<int:number>/", lessons.lesson_detail, name="lesson"),
    path("lessons/coverage/", lessons.coverage, name="coverage"),
    path("cities/", cities.city_list, name="cities"),
    path("cities/<slug:slug>/", cities.city_detail, name="city"),
    path("feeds/practices/", feeds.PracticeFeed(), name="feed"),
    path("feeds/lessons/<int:number>/", feeds.LessonFeed(), name="lesson_feed"),
    path("open-data/", open_data.open_data, name="open_data"),
    path("open-data/practices.csv", open_data.practices_csv, name="open_data_csv"),
    path("open-data/practices.json", open_data.practices_json, name="open_data_json"),
]
