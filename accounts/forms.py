"""Forms a member fills in about themselves: sign-up (allauth's form plus a display name) and
the profile; and the convention for the labels of every form the site draws
(LabelsWithoutColon), here because every other app may import accounts."""

from allauth.account import forms as allauth_forms
from allauth.mfa.base import forms as mfa_forms
from allauth.mfa.totp import forms as totp_forms
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


class LabelsWithoutColon:
    """A label reads "Title", not Django's "Title:" (its default label_suffix), on every form
    the site draws: mixed into each of them, before Django's or allauth's form class
    (PortalForm, PortalModelForm, PortalVoice). The admin's forms keep Django's colons. A
    label whose own text ends in a colon, in English or French, keeps it."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class PortalForm(LabelsWithoutColon, forms.Form):
    pass


class PortalModelForm(LabelsWithoutColon, forms.ModelForm):
    pass


class PortalVoice(LabelsWithoutColon):
    """allauth's forms as the portal's other forms read: labels without a colon, no
    placeholder repeating the label, the password rules in one sentence."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
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


class ReauthenticateForm(PortalVoice, allauth_forms.ReauthenticateForm):
    pass


class SetPasswordForm(PortalVoice, allauth_forms.SetPasswordForm):
    pass


class MFAAuthenticateForm(PortalVoice, mfa_forms.AuthenticateForm):
    pass


class MFAReauthenticateForm(PortalVoice, mfa_forms.ReauthenticateForm):
    pass


class ActivateTOTPForm(PortalVoice, totp_forms.ActivateTOTPForm):
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


class ProfileForm(PortalModelForm):
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
