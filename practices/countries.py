"""Country names for the ISO 3166-1 alpha-2 codes cities are stored with.

Django ships no list of countries, and a full one (with its politics) is more than the portal
needs: this holds Europe, North America, Oceania and the other countries whose cities take part
in the networks the portal serves. A code missing from it is shown as the code itself.
"""

import unicodedata

from django.utils.translation import gettext_lazy as _

NAMES = {
    # Europe
    "AD": _("Andorra"),
    "AL": _("Albania"),
    "AM": _("Armenia"),
    "AT": _("Austria"),
    "AZ": _("Azerbaijan"),
    "BA": _("Bosnia and Herzegovina"),
    "BE": _("Belgium"),
    "BG": _("Bulgaria"),
    "BY": _("Belarus"),
    "CH": _("Switzerland"),
    "CY": _("Cyprus"),
    "CZ": _("Czechia"),
    "DE": _("Germany"),
    "DK": _("Denmark"),
    "EE": _("Estonia"),
    "ES": _("Spain"),
    "FI": _("Finland"),
    "FO": _("Faroe Islands"),
    "FR": _("France"),
    "GB": _("United Kingdom"),
    "GE": _("Georgia"),
    "GL": _("Greenland"),
    "GR": _("Greece"),
    "HR": _("Croatia"),
    "HU": _("Hungary"),
    "IE": _("Ireland"),
    "IS": _("Iceland"),
    "IT": _("Italy"),
    "LI": _("Liechtenstein"),
    "LT": _("Lithuania"),
    "LU": _("Luxembourg"),
    "LV": _("Latvia"),
    "MC": _("Monaco"),
    "MD": _("Moldova"),
    "ME": _("Montenegro"),
    "MK": _("North Macedonia"),
    "MT": _("Malta"),
    "NL": _("Netherlands"),
    "NO": _("Norway"),
    "PL": _("Poland"),
    "PT": _("Portugal"),
    "RO": _("Romania"),
    "RS": _("Serbia"),
    "RU": _("Russia"),
    "SE": _("Sweden"),
    "SI": _("Slovenia"),
    "SK": _("Slovakia"),
    "SM": _("San Marino"),
    "TR": _("Türkiye"),
    "UA": _("Ukraine"),
    "VA": _("Vatican City"),
    "XK": _("Kosovo"),
    # North America and Oceania
    "AU": _("Australia"),
    "CA": _("Canada"),
    "NZ": _("New Zealand"),
    "US": _("United States"),
    # Elsewhere, where member networks have cities
    "BR": _("Brazil"),
    "ID": _("Indonesia"),
    "IN": _("India"),
    "JO": _("Jordan"),
    "JP": _("Japan"),
    "KE": _("Kenya"),
    "LB": _("Lebanon"),
    "MA": _("Morocco"),
    "MX": _("Mexico"),
    "NG": _("Nigeria"),
    "PH": _("Philippines"),
    "TN": _("Tunisia"),
    "ZA": _("South Africa"),
}


def country_name(code):
    """The country's name in the active language, or the code when the portal has no name."""
    return NAMES.get(code, code)


def name_order(code):
    """A key that sorts codes by their country's name as a reader expects: "Équateur" with
    the E's, not after "Zambie"."""
    name = unicodedata.normalize("NFKD", str(country_name(code)))
    return "".join(ch for ch in name if not unicodedata.combining(ch)).casefold()
