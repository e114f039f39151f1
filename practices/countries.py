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


# French puts an article before most country names and contracts it with "de" and "à": "du
# Canada", "de la Suède", "de l'Islande", "des Pays-Bas"; "au Canada", "en Suède", "aux
# Pays-Bas". Most names ending in -e are feminine; these are the exceptions, by code.
FRENCH_MASCULINE_IN_E = {"BZ", "KH", "MX", "MZ", "ZW", "SR", "GB", "VA"}
FRENCH_PLURAL = {"NL", "US", "AE", "PH", "KM", "MV", "SC", "BS", "FJ", "UM", "VI", "VG", "KY"}
FRENCH_PLURAL |= {"MH", "SB", "TC", "FO", "FK", "CK", "CC", "CX", "AX", "MP", "HM", "BV", "PN"}
# Islands and city states named without an article: "de Cuba", "à Cuba", "d'Israël".
FRENCH_NO_ARTICLE = {"CU", "SG", "MC", "MT", "CY", "MG", "MU", "BH", "DJ", "HT", "IL", "OM"}
FRENCH_NO_ARTICLE |= {"SM", "LC", "NR", "TO", "WS", "TW", "HK", "MO", "PR", "JE", "GG", "GI"}
FRENCH_NO_ARTICLE |= {"IM", "KN", "VC", "TT", "AG", "DM", "GD", "BB", "JM", "ST", "CV", "KI"}
FRENCH_NO_ARTICLE |= {"TV", "PW", "VU", "NU", "RE", "YT", "GP", "MQ", "PM", "BL", "MF", "AW"}
FRENCH_VOWELS = "aeiouyâàäéèêëîïôöûüœ"


def in_french():
    return (get_language() or "").startswith("fr")


def de(name):
    """ "de Lyon", "d'Aarhus": French "de" before a name without article."""
    return f"d'{name}" if name[:1].lower() in FRENCH_VOWELS else f"de {name}"


def french_article(code, name):
    """(article, name) as French says the country: ("le ", "Canada"), ("l'", "Islande")."""
    if code in FRENCH_NO_ARTICLE:
        return "", name
    if code in FRENCH_PLURAL:
        return "les ", name
    if name[:1].lower() in FRENCH_VOWELS:
        return "l'", name
    first_word = name.replace("-", " ").split()[0]
    feminine = first_word.endswith("e") and code not in FRENCH_MASCULINE_IN_E
    return ("la " if feminine else "le "), name


def of_city(name):
    """A city's name as French says it after "de" (its translations drop their own "de"):
    "d'Aarhus"; other languages get the name."""
    return de(name) if in_french() else name


def of_country(code):
    """A country's name as French says it after "de": "du Canada", "de la Suède", "des
    Pays-Bas", "de Cuba"; other languages get the name."""
    name = str(country_name(code))
    if not in_french():
        return name
    article, name = french_article(code, name)
    if not article:
        return de(name)
    return {"le ": "du ", "les ": "des ", "la ": "de la ", "l'": "de l'"}[article] + name


def in_country(code):
    """A country's name as French says it after "in": "au Canada", "en Suède", "aux
    Pays-Bas", "à Cuba", "en Israël"; other languages get the name."""
    name = str(country_name(code))
    if not in_french():
        return name
    article, name = french_article(code, name)
    if not article:
        return f"en {name}" if name[:1].lower() in FRENCH_VOWELS else f"à {name}"
    return {"le ": "au ", "les ": "aux ", "la ": "en ", "l'": "en "}[article] + name
