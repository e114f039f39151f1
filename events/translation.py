"""Event text translated into every language of the site (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from events.models import Event, EventPractice


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    required_languages = ("en",)


@register(EventPractice)
class EventPracticeTranslationOptions(TranslationOptions):
    fields = ("note",)
