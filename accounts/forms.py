"""Forms a member fills in about themselves: sign-up (allauth's form plus a display name) and
the profile."""

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.utils import translation

from accounts.models import User


class SignupForm(AllauthSignupForm):
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
