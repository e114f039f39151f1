"""Forms members fill in: a practice (with its links), a request to join a city's team, a
reviewer's decision and a manager's decision."""

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from accounts.forms import PortalForm, PortalModelForm
from practices.addresses import PracticeAddressField
from practices.models import (
    City,
    CityRequest,
    Lesson,
    Membership,
    Practice,
    PracticeFile,
    PracticeLink,
)
from practices.models.comments import MAX_COMMENT_LENGTH
from practices.models.revision import LINKED_COLUMNS, REVISED_COLUMNS, normal

# Under the inputs of LINKED_COLUMNS, which take a practice's address (practices/addresses.py).
ADDRESS_HELP = _(
    'Paste the address of its page, or its slug: search for it in the <a href="{list_url}">'
    "list of practices</a>, open it and copy the address from your browser."
)
UNPUBLISHED = _(
    "Choose a practice that is published on the portal: that one is not, or is not on the "
    "portal at all."
)

# Practices are planned ahead, but not by decades.
YEARS_AHEAD = 2


# The largest key a database integer column holds (64-bit signed).
LARGEST_KEY = 2**63 - 1


class LessonChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, lesson):
        return f"{lesson.number}. {lesson.title}"

    def _check_values(self, value):
        """A posted value no integer column can hold is an invalid choice, not a database error
        (SQLite raises OverflowError on it)."""
        for pk in value:
            try:
                too_large = abs(int(pk)) > LARGEST_KEY
            except (TypeError, ValueError):
                continue  # left to Django's own check, which says it is not a valid value
            if too_large:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                )
        return super()._check_values(value)


class PracticeForm(PortalModelForm):
    """Every structured field of a practice. The city is one the author edits for."""

    # Typed as an address or slug: a select would list every published practice.
    translation = PracticeAddressField(label=_("Translation"))
    adapted_from = PracticeAddressField(label=_("Adapts"))
    lessons = LessonChoiceField(
        label=_("Lessons"),
        queryset=Lesson.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The key lessons this practice illustrates: at least one."),
        error_messages={"required": _("Choose at least one of the nine lessons.")},
    )

    class Meta:
        model = Practice
        fields = [
            "city",
            "title",
            "summary",
            "lessons",
            "tags",
            *Practice.SECTION_FIELDS,
            "contact",
            "start_year",
            "end_year",
            "ongoing",
            "language",
            "translation",
            "evidence",
            "evidence_baseline",
            "evidence_published",
            "evidence_repeated",
            "adapted_from",
            "adaptation_changes",
        ]
        labels = {
            "evidence": _("Was the practice evaluated, and by whom?"),
            "evidence_baseline": _("A baseline was measured before the practice started."),
            "evidence_published": _("The evaluation was published."),
            "evidence_repeated": _("The practice has been repeated in another place."),
        }
        widgets = {
            "evidence": forms.RadioSelect,
            "adaptation_changes": forms.Textarea(attrs={"rows": 3, "maxlength": 2000}),
            "summary": forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
            **{
                name: forms.Textarea(attrs={"rows": 6})
                for name in [*Practice.SECTION_FIELDS, "contact"]
            },
        }
        help_texts = {
            "tags": _("Keywords, separated by commas, e.g. youth, elections, media literacy."),
            "evidence": _(
                "Internally: by the city or its partners. Externally: by researchers or "
                "evaluators independent of the practice."
            ),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if "city" in self.fields:  # a revision leaves the city as it is
            cities = City.objects.editable_by(user)
            if self.instance.pk:
                # A staff curator may edit any practice; its city stays among the choices.
                cities = cities | City.objects.filter(pk=self.instance.city_id)
            self.fields["city"].queryset = cities.order_by("name")
            self.fields["city"].empty_label = None
        # The practices the links name now, read once (the initial values are their ids), so
        # that the inputs hold their addresses and the page says what they are.
        named = {
            name: self.get_initial_for_field(self.fields[name], name) for name in LINKED_COLUMNS
        }
        found = Practice.objects.select_related("city").in_bulk(
            [pk for pk in named.values() if isinstance(pk, int)]
        )
        for name, pk in named.items():
            self.initial[name] = found.get(pk) if isinstance(pk, int) else pk
        address_help = format_html(ADDRESS_HELP, list_url=reverse("practices:list"))
        for name in LINKED_COLUMNS:
            model_help = Practice._meta.get_field(name).help_text
            self.fields[name].help_text = format_html("{} {}", model_help, address_help)
            # static/js/practice-address.js suggests practices as the editor types, if it runs.
            self.fields[name].widget.attrs["data-practice-suggest"] = name
        if self.instance.pk and self.instance.is_published:
            self.fields["confirm_current"] = forms.BooleanField(
                label=_("It still runs as described"),
                required=False,
                help_text=_("Ticked, saving confirms the practice as current today."),
            )
        self.fields["summary"].max_length = 1000
        self.fields["start_year"].widget.attrs.update({"min": 1900, "inputmode": "numeric"})
        self.fields["end_year"].widget.attrs.update({"min": 1900, "inputmode": "numeric"})

    def clean_title(self):
        title = self.cleaned_data["title"]
        if not any(ch.isalnum() for ch in title):
            raise forms.ValidationError(_("A title needs letters or numbers."))
        return title

    def clean_tags(self):
        # Each tag is a row of its own, whose name has a length limit the field does not know.
        tags = self.cleaned_data["tags"]
        longest = Tag._meta.get_field("name").max_length
        too_long = [tag for tag in tags if len(tag) > longest]
        if too_long:
            raise forms.ValidationError(
                _("Keep each tag under %(limit)s characters.") % {"limit": longest}
            )
        return tags

    def clean_translation(self):
        # A published practice in the other language than the one chosen (the language is
        # cleaned before: it comes first in the form). The one it names already stays
        # acceptable even if no longer published, as the source of an adaptation does.
        practice = self.cleaned_data["translation"]
        if practice is None:
            return None
        if practice.pk == self.instance.pk or (
            practice.language == self.cleaned_data.get("language")
        ):
            raise forms.ValidationError(_("A translation is a practice in the other language."))
        if not practice.is_published and practice.pk != self.instance.translation_id:
            raise forms.ValidationError(UNPUBLISHED)
        return practice

    def clean_adapted_from(self):
        # Only a published practice can be adapted, never this one (the model checks circles);
        # the source it names already stays acceptable, even if no longer published.
        practice = self.cleaned_data["adapted_from"]
        if practice is None:
            return None
        if practice.pk == self.instance.pk:
            raise forms.ValidationError(_("A practice cannot adapt itself."))
        if not practice.is_published and practice.pk != self.instance.adapted_from_id:
            raise forms.ValidationError(UNPUBLISHED)
        return practice

    @property
    def linked(self):
        """{field: the practice it links to}, for the page to show by title and city: the
        initial one, or once posted, the one posted if the form accepts it."""
        if not self.is_bound:
            return {name: self.initial.get(name) for name in LINKED_COLUMNS}
        return {
            name: self.cleaned_data.get(name) for name in LINKED_COLUMNS if name not in self.errors
        }

    def clean(self):
        cleaned = super().clean()
        latest = timezone.now().year + YEARS_AHEAD
        for name in ("start_year", "end_year"):
            year = cleaned.get(name)
            if year and year > latest:
                self.add_error(name, _("Give a year up to %(latest)s.") % {"latest": latest})
        if cleaned.get("ongoing") and cleaned.get("end_year"):
            self.add_error("end_year", _("An ongoing practice has no end year: leave it empty."))
        return cleaned


class ConfirmationForm(PortalForm):
    """A city team's answer to "does this practice still run as described?"."""

    class Answer(models.TextChoices):
        RUNNING = "running", _("It still runs as described")
        ENDED = "ended", _("It has ended")
        UPDATE = "update", _("It needs an update")

    answer = forms.ChoiceField(label=_("Your answer"), choices=Answer.choices)
    end_year = forms.IntegerField(
        label=_("Year it ended"), required=False, min_value=1900, max_value=2100
    )

    def __init__(self, *args, practice, **kwargs):
        super().__init__(*args, **kwargs)
        self.practice = practice
        self.fields["end_year"].widget.attrs.update({"inputmode": "numeric"})

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("answer") != self.Answer.ENDED:
            return cleaned
        year = cleaned.get("end_year")
        if year is None:
            if "end_year" not in self.errors:
                self.add_error("end_year", _("Give the year the practice ended."))
        elif year < self.practice.start_year:
            self.add_error(
                "end_year",
                _("It started in %(start)s: it cannot have ended before.")
                % {"start": self.practice.start_year},
            )
        elif year > timezone.now().year:
            self.add_error("end_year", _("Give a year that has come: this one or before."))
        return cleaned


def suggested_tags(limit=30):
    """The most used tags, offered to authors so the same idea gets the same tag."""
    return (
        Tag.objects.annotate(uses=Count("taggit_taggeditem_items"))
        .order_by("-uses", "name")
        .values_list("name", flat=True)[:limit]
    )


class RevisionForm(PracticeForm):
    """An edit of a published practice: every field but its city, which does not change."""

    class Meta(PracticeForm.Meta):
        fields = [name for name in PracticeForm.Meta.fields if name != "city"]

    def proposed(self, links):
        """The form's values, and the links', as a revision's `data`."""
        cleaned = self.cleaned_data
        data = {
            name: (cleaned[name].pk if cleaned[name] else None)
            if name in LINKED_COLUMNS
            else normal(cleaned[name])
            for name in REVISED_COLUMNS
        }
        data["lessons"] = sorted(lesson.number for lesson in cleaned["lessons"])
        data["tags"] = sorted(set(cleaned["tags"]))
        data["links"] = [
            [row["title"], row["url"]]
            for row in links.cleaned_data
            if row.get("title") and row.get("url")
        ]
        return data


class LinkForm(PortalForm):
    title = forms.CharField(label=_("Link text"), max_length=200, required=False)
    url = forms.URLField(label=_("Address"), max_length=500, required=False)

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("title")) != bool(cleaned.get("url")):
            raise forms.ValidationError(_("A link needs both its text and its address."))
        return cleaned


# A revision's links are values in its data, not rows yet: emptying a link's fields removes it.
RevisionLinkFormSet = forms.formset_factory(LinkForm, extra=2, max_num=10, validate_max=True)

PracticeLinkFormSet = forms.inlineformset_factory(
    Practice,
    PracticeLink,
    fields=["title", "url"],
    extra=2,
    max_num=10,
    form=PortalModelForm,
    can_delete=True,
    labels={"title": _("Link text"), "url": _("Address")},
)


class PracticeFileForm(PortalForm):
    """A file an editor attaches to a practice; what it is, is checked from its content
    (PracticeFile.attach)."""

    file = forms.FileField(
        label=_("File"),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.odt,.xlsx,.png,.jpg,.jpeg"}),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("What readers will see, e.g. “Evaluation report 2023”."),
    )
    language = forms.ChoiceField(label=_("Language"), choices=Practice.Language.choices)
    kind = forms.ChoiceField(label=_("Kind"), choices=PracticeFile.Kind.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # In the reader's language, so written per form, not once when the module loads.
        limit = {"limit": settings.PRACTICE_FILE_MAX_BYTES // 1024 // 1024}
        field = self.fields["file"]
        field.help_text = _("PDF, DOCX, ODT, XLSX, PNG or JPEG, up to %(limit)s MB.") % limit
        # static/js/file-size.js refuses a larger file before it is sent, if it runs; the
        # model refuses it anyway (PracticeFile.attach).
        field.widget.attrs["data-max-bytes"] = settings.PRACTICE_FILE_MAX_BYTES
        field.widget.attrs["data-too-large"] = (
            _("This file is larger than %(limit)s MB: choose a smaller one.") % limit
        )


class MembershipRequestForm(PortalModelForm):
    class Meta:
        model = Membership
        fields = ["reason"]
        widgets = {"reason": forms.Textarea(attrs={"rows": 4, "maxlength": 2000})}


class CityRequestForm(PortalModelForm):
    class Meta:
        model = CityRequest
        fields = ["name", "country", "website", "reason"]
        labels = {"name": _("Name of the city")}
        widgets = {"reason": forms.Textarea(attrs={"rows": 4, "maxlength": 2000})}


class EvidenceRatingFields(PortalForm):
    """The portal's evidence rating, which a reviewer may set with any decision."""

    evidence_rating = forms.ChoiceField(
        label=_("Reviewed evidence rating"),
        choices=[
            ("", _("Not rated yet (shown as self-assessed)")),
            *Practice.EvidenceRating.choices,
        ],
        required=False,
        help_text=_("Against the criteria on the portal’s evidence page."),
    )
    evidence_justification = forms.CharField(
        label=_("Why this rating (public)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
        help_text=_("One or two sentences readers see beside the rating."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("evidence_rating") and not cleaned.get("evidence_justification", "").strip():
            self.add_error(
                "evidence_justification",
                _("Say in a sentence or two why the practice gets this rating."),
            )
        return cleaned

    def rate(self, practice, *, by):
        """Rate the practice as the form says, if that differs from its rating now."""
        rating = self.cleaned_data["evidence_rating"]
        justification = self.cleaned_data["evidence_justification"].strip()
        if (rating, justification if rating else "") != (
            practice.evidence_rating,
            practice.evidence_justification,
        ):
            practice.rate_evidence(rating=rating, justification=justification, by=by)


class DecisionForm(EvidenceRatingFields):
    """A reviewer's decision, with a message the author needs for `NEEDS_MESSAGE`."""

    NEEDS_MESSAGE = ""

    message = forms.CharField(
        label=_("Message to the author"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == self.NEEDS_MESSAGE and not cleaned.get("message", "").strip():
            self.add_error("message", _("Say what should change, so the author knows what to do."))
        return cleaned


class ReviewForm(DecisionForm):
    """A reviewer's decision on a submitted practice, and the portal's evidence rating."""

    NEEDS_MESSAGE = "request_changes"

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("publish", _("Publish")),
            ("request_changes", _("Request changes")),
            ("archive", _("Archive")),
        ],
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["message"].help_text = _("Required when you request changes.")


class RevisionReviewForm(DecisionForm):
    """A reviewer's decision on a revision of a published practice."""

    NEEDS_MESSAGE = "return"

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("publish", _("Publish the revision")), ("return", _("Return it to the author"))],
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["message"].help_text = _("Required when you return it.")


class TeamDecisionForm(PortalForm):
    decision = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("decline", _("Decline")), ("remove", _("Remove"))]
    )
    message = forms.CharField(required=False, max_length=2000)


class CommentForm(PortalForm):
    body = forms.CharField(
        label=_("Your comment"),
        max_length=MAX_COMMENT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": MAX_COMMENT_LENGTH}),
        help_text=_(
            "Markdown: *emphasis*, **bold**, lists, > quotes, `code`, [links](https://…). "
            "Up to 5,000 characters."
        ),
        error_messages={"required": _("Write something before you post.")},
    )


class CommentReportForm(PortalForm):
    reason = forms.CharField(
        label=_("What is wrong with this comment?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
        help_text=_("For example: hate speech, a threat, personal data, spam."),
    )
