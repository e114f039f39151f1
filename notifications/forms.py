"""The member's notification settings: how often, for each kind they can receive."""

from django import forms

from accounts.forms import PortalForm
from notifications.models import Frequency, Kind, Preference

# Only reviewers and moderators (staff) hear of these.
STAFF_KINDS = {Kind.SUBMISSION, Kind.HIDDEN_COMMENT}
# Only a city's editors and managers hear of these.
EDITOR_KINDS = {Kind.CONFIRMATION}


def kinds_for(user):
    editor = user.memberships.approved().exists()
    return [
        kind
        for kind in Kind
        if (user.is_staff or kind not in STAFF_KINDS) and (editor or kind not in EDITOR_KINDS)
    ]


class PreferencesForm(PortalForm):
    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        chosen = dict(Preference.objects.filter(user=user).values_list("kind", "frequency"))
        for kind in kinds_for(user):
            self.fields[kind.value] = forms.ChoiceField(
                label=kind.label,
                choices=Frequency.choices,
                widget=forms.RadioSelect,
                initial=chosen.get(kind.value, Frequency.IMMEDIATELY),
            )

    def save(self):
        for kind, frequency in self.cleaned_data.items():
            Preference.objects.update_or_create(
                user=self.user, kind=kind, defaults={"frequency": frequency}
            )
