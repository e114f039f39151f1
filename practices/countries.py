"""Country names for the ISO 3166-1 alpha-2 codes cities are stored with.

The names, and their translations, come from django-countries; this module only adds the two
things the portal's pages need: a name that falls back to the code, and a reader's sort order.
"""

import unicodedata
from functools import lru_cache

from django.utils.translation import get_language
from django_countries import countries


def country_name(code):
    """The country's name in the active language, or the code when it is not a known one."""
    return translated_name(code, get_language())


@lru_cache(maxsize=1024)
def translated_name(code, language):
    # django-countries looks a name up through its whole translated table each time: the list's
    # country facet asks for sixty names a page.
    return countries.name(code) or code


def name_order(code):
    """A key that sorts codes by their country's name as a reader expects: "Équateur" with
    the E's, not after "Zambie"."""
    name = unicodedata.normalize("NFKD", str(country_name(code)))
    return "".join(ch for ch in name if not unicodedata.combining(ch)).casefold()
