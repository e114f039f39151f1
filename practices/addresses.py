"""A practice named by its address on the portal, as an editor pastes it from their browser
(`https://…/practices/rumour-desk/`, `/fr/practices/rumour-desk/`) or by its slug alone.

The practice form's links to another practice (its translation, the practice it adapts) are
typed this way: a list of every published practice would be a select of 100,000 options.
"""

from urllib.parse import unquote, urlsplit

from django import forms
from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from practices.models import Practice

# The one page whose address names a practice.
DETAIL_VIEW = "practices:detail"


def slug_in(text):
    """The practice slug `text` gives, as an address of the detail page or a bare slug; None
    when it is the address of any other page, or no address at all."""
    try:
        parts = urlsplit(text)
    except ValueError:  # a broken host, such as "http://[::1"
        return None
    path = parts.path
    if not parts.scheme and not parts.netloc and "/" in path and not path.startswith("/"):
        # "127.0.0.1:8000/practices/…" or "portal.example.org/practices/…": a host first,
        # unless it is a path typed without its first slash ("practices/…").
        first, _slash, rest = path.partition("/")
        path = f"/{rest}" if ("." in first or ":" in first) else f"/{path}"
    if "/" not in path:
        return path or None  # a slug alone
    path = unquote(path)
    if not path.endswith("/"):
        path += "/"
    # The language prefix (/fr/) decides which language's patterns the path is resolved with.
    language = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
    with translation.override(language):
        try:
            match = resolve(path)
        except Resolver404:
            return None
    if match.view_name != DETAIL_VIEW:
        return None
    return match.kwargs["slug"]


def practice_at(text):
    """The practice, with its city, that an address or slug names; None if none does."""
    slug = slug_in(text)
    if slug is None:
        return None
    return Practice.objects.select_related("city").filter(slug=slug).first()


class PracticeAddressField(forms.CharField):
    """A text input whose cleaned value is the practice it names (or None when left empty),
    as a ModelChoiceField's would be. Its initial value may be the practice or its id."""

    default_error_messages = {
        "unknown": _(
            "No practice on the portal has this address: paste the address of a practice's "
            "page, or its slug."
        ),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 500)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.widget.attrs.update({"autocomplete": "off", "spellcheck": "false"})

    def prepare_value(self, value):
        if isinstance(value, Practice):
            return value.get_absolute_url()
        return "" if value is None else value

    def clean(self, value):
        # The text's own checks first (its length, no NUL byte) so the lookup gets a clean one.
        text = super().clean(value)
        if not text:
            return None
        practice = practice_at(text)
        if practice is None:
            raise forms.ValidationError(self.error_messages["unknown"], code="unknown")
        return practice

    def has_changed(self, initial, data):
        try:
            practice = self.clean(data)
        except forms.ValidationError:
            return True
        initial_pk = initial.pk if isinstance(initial, Practice) else initial
        return (practice.pk if practice else None) != (initial_pk or None)
