"""The alternates a page names in its <head> (base.html), from portal/languages.py."""

from django import template

from portal import languages

register = template.Library()


@register.simple_tag(takes_context=True)
def alternates(context, address=""):
    """The page in each language and x-default: `address` (the page's canonical path) if given,
    else the address asked for (languages.alternates)."""
    return languages.alternates(context.get("request"), address)
