"""The forms of collections: a collection's title, description and sharing; a practice's note;
and the choice, when saving a practice, of one of the member's collections or a new one."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.forms import PortalForm, PortalModelForm
from shelves.models import Collection, CollectionItem

NEW = "new"


class CollectionForm(PortalModelForm):
    class Meta:
        model = Collection
        fields = ["title", "description", "shared"]
        help_texts = {
            "description": _("Plain text, for you and whoever you share it with."),
            "shared": _(
                "Anyone with the link can read the collection, under your display name, and "
                "download it as PDF; nobody can change it but you. Stop sharing, and the link "
                "stops working for good."
            ),
        }

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner = owner
        self.instance.owner = owner

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        others = Collection.objects.filter(owner=self.owner, title__iexact=title)
        if others.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("You already have a collection with this title."))
        return title

    def save(self, commit=True):
        # Sharing again after stopping gives a new link (Collection.share).
        shared = self.cleaned_data["shared"]
        self.instance.shared = self.initial.get("shared", False)
        collection = super().save(commit=commit)
        if commit:
            collection.share() if shared else collection.stop_sharing()
        return collection


class NoteForm(PortalModelForm):
    class Meta:
        model = CollectionItem
        fields = ["note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}


class SaveForm(PortalForm):
    """Which of the member's collections to save a practice to, or a new one by its title."""

    collection = forms.ChoiceField(label=_("Collection"))
    title = forms.CharField(
        label=_("Title of the new collection"), max_length=120, required=False, strip=True
    )

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner = owner
        # The member's own collections only: an id of anyone else's is not a valid choice.
        self.collections = {str(c.pk): c for c in Collection.objects.filter(owner=owner)}
        choices = [(pk, c.title) for pk, c in self.collections.items()]
        self.fields["collection"].choices = [*choices, (NEW, _("A new collection"))]
        self.fields["collection"].initial = next(iter(self.collections), NEW)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("collection") == NEW:
            title = cleaned.get("title", "")
            if not title:
                self.add_error("title", _("Give the new collection a title."))
            elif Collection.objects.filter(owner=self.owner, title__iexact=title).exists():
                self.add_error("title", _("You already have a collection with this title."))
        return cleaned

    def save(self):
        """The chosen collection, created if it is a new one."""
        choice = self.cleaned_data["collection"]
        if choice == NEW:
            return Collection.objects.create(owner=self.owner, title=self.cleaned_data["title"])
        return self.collections[choice]
