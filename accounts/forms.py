"""Forms a member fills in about themselves: sign-up (allauth's form plus a display name) and
the profile."""

from allauth.account import forms as allauth_forms
from django import forms
from django.contrib.auth.password_validation import (
    MinimumLengthValidator,
    get_default_password_validators,
)
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from accounts.models import User


def password_rule():
    """The rules of AUTH_PASSWORD_VALIDATORS in one sentence, instead of a line for each."""
    validators = get_default_password_validators()
    lengths = [v.min_length for v in validators if isinstance(v, MinimumLengthValidator)]
    return _(
        "At least %(length)s characters, not only digits, and neither a common password nor "
        "one close to your name or address."
    ) % {"length": max(lengths, default=1)}


class PortalVoice:
    """allauth's forms as the portal's other forms read: labels without a colon, no
    placeholder repeating the label, the password rules in one sentence."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        for name, field in self.fields.items():
            field.widget.attrs.pop("placeholder", None)
            if name == "password1":
                field.help_text = password_rule()
        if "remember" in self.fields:
            self.fields["remember"].label = _("Keep me signed in on this device")


class LoginForm(PortalVoice, allauth_forms.LoginForm):
    pass


class ResetPasswordForm(PortalVoice, allauth_forms.ResetPasswordForm):
    pass


class ResetPasswordKeyForm(PortalVoice, allauth_forms.ResetPasswordKeyForm):
    pass


class ChangePasswordForm(PortalVoice, allauth_forms.ChangePasswordForm):
    pass


class SignupForm(PortalVoice, allauth_forms.SignupForm):
    """allauth's sign-up form, also asking for the name other members will see."""

    display_name = User._meta.get_field("display_name").formfield(
        required=True, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )

    field_order = ["email", "display_name", "password1", "password2"]

    def signup(self, request, user):
        user.display_name = self.cleaned_data["display_name"]
        # Whoever signs up on the French pages gets their e-mails in French.
        user.language = translation.get_supported_language_variant(translation.get_language())
        user.save(update_fields=["display_name", "language"])


class MultilineField(forms.CharField):
    """Counts a line break as one character, as the browser's own length check does: browsers
    send "\\r\\n", which would otherwise make a bio that fitted on screen too long here."""

    def to_python(self, value):
        return super().to_python(value).replace("\r\n", "\n")


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "job_title", "organisation", "bio", "language"]
        field_classes = {"bio": MultilineField}
        widgets = {
            "display_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "job_title": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "bio": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Blank only for accounts made in the admin; a member always gives a name.
        self.fields["display_name"].required = True
