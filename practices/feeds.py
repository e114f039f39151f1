"""Atom feeds of newly published practices: all of them, and those of one lesson.

Only published practices appear, and an entry carries the practice's public fields only: never
its contact details, which are for signed-in members.
"""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from practices.models import Lesson, Practice

FEED_SIZE = 50


def feed_entries(queryset):
    """The newest published practices, with what an entry shows: city and lessons."""
    return (
        queryset.published()
        .select_related("city")
        .prefetch_related("lessons")
        .order_by("-published_at", "-id")[:FEED_SIZE]
    )


# Django's Feed answers any method; a feed is only ever read.
@method_decorator(require_safe, name="__call__")
class PracticeFeed(Feed):
    """The 50 most recently published practices."""

    feed_type = Atom1Feed
    title = _("New practices · Together for Safety practice portal")
    subtitle = _(
        "Good practices from cities on urban safety and on preventing hate, polarisation and "
        "violent extremism."
    )
    link = reverse_lazy("practices:list")

    def items(self):
        return feed_entries(Practice.objects.all())

    def item_title(self, practice):
        return practice.title

    def item_description(self, practice):
        return practice.summary

    def item_pubdate(self, practice):
        return practice.published_at

    def item_updateddate(self, practice):
        return practice.updated_at

    def item_author_name(self, practice):
        return str(practice.city)

    def item_categories(self, practice):
        return [str(practice.city), *(str(lesson) for lesson in practice.lessons.all())]


class LessonFeed(PracticeFeed):
    """The 50 most recently published practices on one of the nine lessons."""

    def get_object(self, request, number):
        return get_object_or_404(Lesson, number=number)

    def title(self, lesson):
        return _("New practices on lesson %(lesson)s · Together for Safety practice portal") % {
            "lesson": lesson
        }

    def subtitle(self, lesson):
        return lesson.summary

    def link(self, lesson):
        return reverse("practices:lesson", args=[lesson.number])

    def items(self, lesson):
        return feed_entries(Practice.objects.for_lesson(lesson.number))
