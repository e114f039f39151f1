from django.urls import path, register_converter
from django.urls.converters import SlugConverter

from practices import feeds
from practices.views import (
    briefings,
    browse,
    cities,
    comments,
    evidence,
    files,
    freshness,
    lessons,
    networks,
    open_data,
    review,
    submit,
    tags,
    team,
)

app_name = "practices"


class UnicodeSlugConverter(SlugConverter):
    """A slug that keeps its accents, as django-taggit makes tags' ("prévention")."""

    regex = r"[-\w]+"


register_converter(UnicodeSlugConverter, "unicode_slug")

urlpatterns = [
    path("practices/", browse.practice_list, name="list"),
    path("practices/new/", submit.practice_new, name="new"),
    path("practices/briefing.pdf", briefings.list_briefing, name="list_briefing"),
    path("practices/<slug:slug>/", browse.practice_detail, name="detail"),
    path("practices/<slug:slug>/briefing.pdf", briefings.practice_briefing, name="briefing"),
    path("practices/<slug:slug>/edit/", submit.practice_edit, name="edit"),
    path("practices/<slug:slug>/history/", submit.practice_history, name="history"),
    path("practices/<slug:slug>/preview/", submit.practice_preview, name="preview"),
    path("practices/<slug:slug>/submit/", submit.practice_submit, name="submit"),
    path("practices/<slug:slug>/review/", review.review_decide, name="review_decide"),
    path("practices/<slug:slug>/confirm/", freshness.confirm, name="confirm"),
    path("practices/<slug:slug>/files/", files.practice_files, name="files"),
    path("practices/<slug:slug>/files/<int:pk>/delete/", files.file_delete, name="file_delete"),
    path("practices/<slug:slug>/files/<int:pk>/<str:name>", files.file_download, name="file"),
    path("practices/<slug:slug>/comments/", comments.comment_post, name="comment"),
    path("practices/<slug:slug>/follow/", comments.follow, name="follow"),
    path("comments/<int:pk>/", comments.comment_link, name="comment_link"),
    path("comments/<int:pk>/reply/", comments.comment_reply, name="comment_reply"),
    path("comments/<int:pk>/edit/", comments.comment_edit, name="comment_edit"),
    path("comments/<int:pk>/delete/", comments.comment_delete, name="comment_delete"),
    path("comments/<int:pk>/report/", comments.comment_report, name="comment_report"),
    path("comments/unsubscribe/<str:token>/", comments.unsubscribe, name="unsubscribe"),
    path("my/practices/", submit.my_practices, name="mine"),
    path("review/", review.review_queue, name="review"),
    path("review/revisions/<int:pk>/", review.review_revision, name="review_revision"),
    path("lessons/", lessons.lesson_list, name="lessons"),
    path("lessons/<int:number>/", lessons.lesson_detail, name="lesson"),
    path("lessons/coverage/", lessons.coverage, name="coverage"),
    path("cities/", cities.city_list, name="cities"),
    # Before cities/<slug>/: no city takes the slug "ask" (RESERVED_CITY_SLUGS).
    path("cities/ask/", team.ask_for_city, name="ask_for_city"),
    path("cities/<slug:slug>/", cities.city_detail, name="city"),
    path("cities/<slug:slug>/join/", team.join_city, name="join_city"),
    path("cities/<slug:slug>/team/", team.city_team, name="city_team"),
    path("memberships/<int:pk>/decide/", team.decide_membership, name="decide_membership"),
    path("tags/", tags.tag_list, name="tags"),
    path("tags/<unicode_slug:slug>/", tags.tag_detail, name="tag"),
    path("networks/", networks.network_list, name="networks"),
    path("networks/<slug:slug>/", networks.network_detail, name="network"),
    path("feeds/practices/", feeds.PracticeFeed(), name="feed"),
    path("feeds/lessons/<int:number>/", feeds.LessonFeed(), name="lesson_feed"),
    path("evidence/", evidence.evidence_criteria, name="evidence"),
    path("open-data/", open_data.open_data, name="open_data"),
    path("open-data/practices.csv", open_data.practices_csv, name="open_data_csv"),
    path("open-data/practices.json", open_data.practices_json, name="open_data_json"),
    path("open-data/schema.json", open_data.schema, name="open_data_schema"),
]
