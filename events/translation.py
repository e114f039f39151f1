"""Event text translated into every language of the site (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from events.models import AgendaItem, Event, EventPractice, Speaker


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    required_languages = ("en",)


@register(EventPractice)
class EventPracticeTranslationOptions(TranslationOptions):
    fields = ("note",)


@register(AgendaItem)
class AgendaItemTranslationOptions(TranslationOptions):
    fields = ("title", "details")
    required_languages = ("en",)


@register(Speaker)
class SpeakerTranslationOptions(TranslationOptions):
    fields = ("role",)
