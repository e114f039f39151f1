"""What a page tells the sites it is shared on: its canonical address, Open Graph and Twitter
card tags (templates/includes/_share_meta.html)."""

from django import template

register = template.Library()

# Open Graph names a language with its territory.
LOCALES = {"en": "en_GB", "fr": "fr_FR"}


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    """`path` as a full address on the host the page was asked for."""
    return context["request"].build_absolute_uri(path)


@register.simple_tag
def og_locale(language):
    return LOCALES.get(language, LOCALES["en"])


@register.simple_tag
def og_alternate_locales(language):
    return [locale for code, locale in LOCALES.items() if code != language]
