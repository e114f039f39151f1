"""Forms members fill in: a practice (with its links), a request to join a city's team, a
reviewer's decision and a manager's decision."""

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from practices.models import City, Lesson, Membership, Practice, PracticeFile, PracticeLink
from practices.models.comments import MAX_COMMENT_LENGTH

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


class PracticeForm(forms.ModelForm):
    """Every structured field of a practice. The city is one the author edits for."""

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
            "adapted_from",
            "adaptation_changes",
        ]
        widgets = {
            "adaptation_changes": forms.Textarea(attrs={"rows": 3, "maxlength": 2000}),
            "summary": forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
            **{
                name: forms.Textarea(attrs={"rows": 6})
                for name in [*Practice.SECTION_FIELDS, "contact"]
            },
        }
        help_texts = {
            "tags": _("Keywords, separated by commas, e.g. youth, elections, media literacy."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        cities = City.objects.editable_by(user)
        if self.instance.pk:
            # A staff curator may edit any practice; its city stays among the choices.
            cities = cities | City.objects.filter(pk=self.instance.city_id)
        self.fields["city"].queryset = cities.order_by("name")
        self.fields["city"].empty_label = None
        # A translation is a published practice in the other language than the one chosen. The
        # posted language is used only when it is one of the choices: anything else (a NUL byte
        # among them) never reaches the database, and the form says the language is invalid.
        others = Practice.objects.published().exclude(pk=self.instance.pk).order_by("title")
        chosen = self["language"].value()
        if chosen in Practice.Language.values:
            others = others.exclude(language=chosen)
        self.fields["translation"].queryset = others
        # Only a published practice can be adapted; never this one (the model checks circles).
        sources = Practice.objects.published().exclude(pk=self.instance.pk)
        if self.instance.adapted_from_id:
            # The source it names already stays a choice, even if no longer published.
            sources = sources | Practice.objects.filter(pk=self.instance.adapted_from_id)
        sources = sources.select_related("city").order_by("city__name", "title")
        self.fields["adapted_from"].queryset = sources
        self.fields["adapted_from"].label_from_instance = lambda p: f"{p.city.name}: {p.title}"
        self.fields["adapted_from"].error_messages["invalid_choice"] = _(
            "Choose a practice that is published on the portal: that one is not, or is not "
            "on the portal at all."
        )
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


class ConfirmationForm(forms.Form):
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


PracticeLinkFormSet = forms.inlineformset_factory(
    Practice,
    PracticeLink,
    fields=["title", "url"],
    extra=2,
    max_num=10,
    can_delete=True,
    labels={"title": _("Link text"), "url": _("Address")},
)


class PracticeFileForm(forms.Form):
    """A file an editor attaches to a practice; what it is, is checked from its content
    (PracticeFile.attach)."""

    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, DOCX, ODT, XLSX, PNG or JPEG, up to %(limit)s MB.")
        % {"limit": settings.PRACTICE_FILE_MAX_BYTES // 1024 // 1024},
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.odt,.xlsx,.png,.jpg,.jpeg"}),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("What readers will see, e.g. “Evaluation report 2023”."),
    )
    language = forms.ChoiceField(label=_("Language"), choices=Practice.Language.choices)
    kind = forms.ChoiceField(label=_("Kind"), choices=PracticeFile.Kind.choices)


class MembershipRequestForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["reason"]
        widgets = {"reason": forms.Textarea(attrs={"rows": 4, "maxlength": 2000})}


class ReviewForm(forms.Form):
    """A reviewer's decision on a submitted practice."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("publish", _("Publish")),
            ("request_changes", _("Request changes")),
            ("archive", _("Archive")),
        ],
        widget=forms.RadioSelect,
    )
    message = forms.CharField(
        label=_("Message to the author"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when you request changes."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "request_changes" and not cleaned.get("message", "").strip():
            self.add_error("message", _("Say what should change, so the author knows what to do."))
        return cleaned


class TeamDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("decline", _("Decline")), ("remove", _("Remove"))]
    )
    message = forms.CharField(required=False, max_length=2000)


class CommentForm(forms.Form):
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


class CommentReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong with this comment?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
        help_text=_("For example: hate speech, a threat, personal data, spam."),
    )
