"""Reference content translated into every language of the site (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from practices.models import Lesson, Network


@register(Lesson)
class LessonTranslationOptions(TranslationOptions):
    fields = ("title", "short_title", "summary")
    required_languages = ("en", "fr")


@register(Network)
class NetworkTranslationOptions(TranslationOptions):
    fields = ("description",)
