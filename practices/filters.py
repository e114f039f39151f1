"""The practice list's filters: reading them from the query string, applying them, counting
what each facet value would give, and describing the active ones as removable chips.

Every value comes from a URL anyone can type, so nothing here trusts it: the form keeps the
valid filters, reports the others as ignored, and a search string is cleaned, not rejected.
"""

from collections import Counter
from dataclasses import dataclass

from django import forms
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q
from django.http import QueryDict
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from accounts.forms import PortalForm
from practices import caching, search, tagging
from practices.countries import country_name
from practices.models import City, Lesson, Network, Practice

# How many tags the list offers as a facet; /tags/ has them all.
TOP_TAGS = 15
LESSON_CHOICES = [(str(number), str(number)) for number in range(1, 10)]


SELF_ASSESSED = "self_assessed"
# Facets counted in one query when neither is filtered on (count_facets).
PAIRED = {"language", "rating"}
RATING_CHOICES = [*Practice.EvidenceRating.choices, (SELF_ASSESSED, _("Self-assessed"))]


class Sort(models.TextChoices):
    RELEVANCE = "relevance", _("Relevance")
    NEWEST = "newest", _("Newest first")
    TITLE = "title", _("Title")


class PracticeFilterForm(PortalForm):
    q = forms.CharField(label=_("Search practices"), required=False, strip=True)
    lesson = forms.TypedMultipleChoiceField(
        label=_("Lessons"), choices=LESSON_CHOICES, coerce=int, required=False
    )
    city = forms.SlugField(label=_("City"), required=False, max_length=150)
    country = forms.RegexField(
        label=_("Country"),
        regex=r"^[A-Za-z]{2}$",
        required=False,
        error_messages={"invalid": _("A country is a two-letter ISO code, such as NO.")},
    )
    # Tags' slugs keep their accents ("prévention"), as django-taggit makes them.
    tag = forms.SlugField(label=_("Tag"), required=False, max_length=100, allow_unicode=True)
    network = forms.SlugField(label=_("Network"), required=False, max_length=100)
    event = forms.SlugField(label=_("Event"), required=False, max_length=250)
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("", _("Any language")), *Practice.Language.choices],
        required=False,
    )
    evidence = forms.ChoiceField(
        label=_("Evidence"),
        choices=[("", _("Any evidence level")), *Practice.Evidence.choices],
        required=False,
    )
    # The reviewed rating; "self_assessed" finds the practices no reviewer has rated yet.
    rating = forms.ChoiceField(
        label=_("Reviewed evidence"),
        choices=[("", _("Any rating")), *RATING_CHOICES],
        required=False,
    )
    year = forms.IntegerField(
        label=_("Running in year"), required=False, min_value=1900, max_value=2100
    )
    # Leave out practices their city has not confirmed for fifteen months (Practice.is_stale).
    confirmed = forms.BooleanField(label=_("Only practices confirmed as current"), required=False)
    adapted = forms.BooleanField(label=_("Only practices adapted elsewhere"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), choices=Sort.choices, required=False)

    def clean_q(self):
        # Control characters (NUL among them) cannot be stored or searched; long pastes are cut.
        text = "".join(ch for ch in self.cleaned_data["q"] if ch.isprintable() or ch == " ")
        return " ".join(text.split())[: search.MAX_QUERY_LENGTH]

    def clean_country(self):
        return self.cleaned_data["country"].upper()

    @property
    def filters(self):
        """The valid, non-empty filters (invalid ones are left out, and listed in errors)."""
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name != "sort" and value is not False and value not in ("", None, [])
        }

    @property
    def ordering(self):
        self.is_valid()
        chosen = self.cleaned_data.get("sort")
        if chosen == Sort.RELEVANCE and not self.filters.get("q"):
            chosen = None  # relevance means nothing without a search
        return chosen or (Sort.RELEVANCE if self.filters.get("q") else Sort.NEWEST)

    @classmethod
    def for_list(cls, query):
        """The form as the list reads the query string `query`: its shown parameters alone, so
        that what the list shows depends on them and nothing else (an empty `?city=` after
        `?city=oslo` changes nothing), and addresses that name the same ones show the same list
        (its kept fragment, practice_list.html, is keyed on them)."""
        data = QueryDict(mutable=True)
        for name, value in cls.asked(query):
            data.appendlist(name, value)
        return cls(data)

    @classmethod
    def asked(cls, query):
        """The (name, value) pairs of `query` for the form's fields, in the order asked, empty
        ones left out: not a page, nor anything the form does not read."""
        return [
            (name, value)
            for name in query
            if name in cls.base_fields
            for value in query.getlist(name)
            if value
        ]

    def shown_params(self):
        """The (name, value) pairs asked for that choose what the list shows, in the order asked:
        its fields', empty ones and those it could not use (ignored) left out; not its page, nor
        anything it does not read."""
        return [(name, value) for name, value in self.asked(self.data) if name not in self.errors]

    def ignored(self):
        """(parameter, message) for each filter that could not be used."""
        return [(name, " ".join(messages)) for name, messages in self.errors.items()]


def apply(queryset, filters, skip=None):
    """Narrow `queryset` by every filter but `skip` (the facet being counted)."""
    through = Practice.lessons.through
    for name, value in filters.items():
        if name == skip:
            continue
        if name == "q":
            queryset = search.search(queryset, value)
        elif name == "lesson":
            queryset = queryset.filter(
                Exists(through.objects.filter(practice=OuterRef("pk"), lesson__number__in=value))
            )
        elif name == "city":
            queryset = queryset.filter(city__slug=value)
        elif name == "country":
            queryset = queryset.filter(city__country=value)
        elif name == "network":
            # The practices of the network's member cities; a city is in a network once.
            queryset = queryset.filter(city__networks__slug=value)
        elif name == "tag":
            # A practice has a tag once and is linked to an event once: no duplicate rows.
            queryset = tagging.with_tag(queryset, slug=value)
        elif name == "event":
            # Through the reverse relation: practices never imports events.
            queryset = queryset.filter(events__slug=value)
        elif name == "confirmed":
            queryset = queryset.confirmed()
        elif name == "adapted":
            queryset = queryset.adapted_elsewhere()
        elif name in ("language", "evidence"):
            queryset = queryset.filter(**{name: value})
        elif name == "rating":
            queryset = queryset.filter(evidence_rating="" if value == SELF_ASSESSED else value)
        elif name == "year":
            queryset = queryset.filter(start_year__lte=value).filter(
                Q(ongoing=True)
                | Q(end_year__gte=value)
                | Q(end_year__isnull=True, start_year=value)
            )
    return queryset


def ordered(queryset, sort):
    if sort == Sort.RELEVANCE:
        return queryset.order_by("-rank", "-published_at", "-id")
    if sort == Sort.TITLE:
        return queryset.order_by("title", "id")
    return queryset.order_by("-published_at", "-id")


@dataclass
class Found:
    """How many practices the list holds, and for a search by relevance, which in what order."""

    count: int
    # A search counts no further than search.MAX_RESULTS: then `count` is that and `more` true.
    more: bool = False
    ranked: list | None = None


def found(base, filters, sort):
    """The list's Found, kept until the catalogue changes (practices/caching.py)."""
    if "q" not in filters:
        return caching.cached("found", filters, lambda: Found(apply(base, filters).count()))
    ids, more = matches(base, filters)
    if sort != Sort.RELEVANCE:
        return Found(len(ids), more)

    def rank():
        narrowed = apply(base, filters, skip="q")
        return Found(len(ids), more, search.ranked(narrowed, filters["q"], ids, more))

    return caching.cached("ranked", filters, rank)


def matches(base, filters):
    """search.matching for the search in `filters` among the practices the others leave, kept
    until practices change: the list and its facet counts share it."""
    return caching.cached(
        "matches", filters, lambda: search.matching(apply(base, filters, skip="q"), filters["q"])
    )


def facet_counts(base, filters):
    """How many results each lesson, country, language, network and tag would give, each over
    the results filtered by everything except that facet, kept until practices change
    (practices/caching.py): a grouped query per facet over the whole list; for a search, the
    lesson, country and language facets that share its matches are counted in one pass. A
    facet over more search matches than a search counts holds every value with None: it is
    shown without figures."""
    return caching.cached("facets", filters, lambda: count_facets(base, filters))


class Facets:
    """The sidebar's choices with their counts, worked out when the sidebar first shows them."""

    def __init__(self, base, filters):
        self.base = base
        self.filters = filters

    @cached_property
    def counts(self):
        return facet_counts(self.base, self.filters)

    @cached_property
    def lessons(self):
        return [
            (lesson, self.counts["lesson"].get(lesson.number, 0)) for lesson in Lesson.objects.all()
        ]

    @cached_property
    def tags(self):
        """The most used tags among the results, and the chosen one even without."""
        shown = self.counts["tag"] or []
        chosen = self.filters.get("tag")
        if chosen and chosen not in {slug for slug, _name, _count in shown}:
            name = Tag.objects.filter(slug=chosen).values_list("name", flat=True).first()
            shown = [*shown, (chosen, name or chosen, None)]
        return shown

    @cached_property
    def networks(self):
        """The networks with results, and the chosen one even without, by name."""
        counts = self.counts["network"]
        chosen = self.filters.get("network")
        if chosen and chosen not in {slug for slug, _name in counts}:
            name = Network.objects.filter(slug=chosen).values_list("name", flat=True).first()
            counts = {**counts, (chosen, name or chosen): 0}
        return sorted(
            ((slug, name, n) for (slug, name), n in counts.items()), key=lambda row: row[1]
        )

    @cached_property
    def countries(self):
        """Every country with results, and the chosen one even without."""
        chosen = self.filters.get("country")
        codes = sorted({*self.counts["country"], *([chosen] if chosen else [])})
        return [(code, self.counts["country"].get(code, 0)) for code in codes]

    @cached_property
    def ratings(self):
        """Each reviewed rating and "self-assessed", with how many results have it."""
        counts = self.counts["rating"]
        return [
            (value, label, counts.get("" if value == SELF_ASSESSED else value, 0))
            for value, label in RATING_CHOICES
        ]

    @cached_property
    def languages(self):
        return [
            (code, label, self.counts["language"].get(code, 0))
            for code, label in Practice.Language.choices
        ]


def count_facets(base, filters):
    def others(skip):
        return {name: value for name, value in filters.items() if name != skip}

    kept = {}

    def matched(skip):
        """matches() of all filters but `skip`: the facets not filtered on share one."""
        key = skip if skip in filters else None
        if key not in kept:
            kept[key] = matches(base, others(skip))
        return kept[key]

    def results(skip):
        """The results filtered by all but `skip`; for a search, its matches (None past the
        limit)."""
        if "q" not in filters:
            return apply(base, others(skip))
        ids, more = matched(skip)
        return None if more else base.filter(pk__among=ids)

    found = {}
    # Facets counted over the same search matches share one pass over them (count_among).
    among = {}
    for name, field, every in [
        ("lesson", "lessons__number", lambda: Lesson.objects.values_list("number", flat=True)),
        (
            "country",
            "city__country",
            lambda: caching.cached("countries", {}, every_country),
        ),
        ("language", "language", lambda: Practice.Language.values),
        ("rating", "evidence_rating", lambda: ["", *Practice.EvidenceRating.values]),
    ]:
        if name in PAIRED and paired(filters):
            continue  # counted together below
        if "q" not in filters:
            narrowed = results(skip=name).values_list(field)
            found[name] = dict(narrowed.annotate(n=Count("pk")).values_list(field, "n"))
            continue
        ids, more = matched(name)
        if more:
            found[name] = dict.fromkeys(every())
        else:
            among.setdefault(tuple(ids), []).append(name)
    for ids, names in among.items():
        found |= count_among(ids, names)
    if paired(filters):
        found |= paired_counts(
            results(skip="rating" if "rating" in filters else "language"), filters
        )
    found["network"] = network_counts(results(skip="network"))
    narrowed = results(skip="tag")
    found["tag"] = None if narrowed is None else tagging.top_tags(narrowed, TOP_TAGS)
    return found


def paired(filters):
    """Whether the language and rating facets are counted in one query: without a search, and
    with at most one of them filtered on."""
    return "q" not in filters and len(PAIRED.intersection(filters)) < 2


def paired_counts(narrowed, filters):
    """The language and rating facets from one query grouped by both, over the results of
    every filter but the one of the two that is on (if any), which is applied here instead."""
    language = filters.get("language")
    rating = filters.get("rating")
    if rating == SELF_ASSESSED:
        rating = ""
    counts = {"language": Counter(), "rating": Counter()}
    rows = narrowed.values_list("language", "evidence_rating").annotate(n=Count("pk"))
    for row_language, row_rating, n in rows.values_list("language", "evidence_rating", "n"):
        if rating is None or row_rating == rating:
            counts["language"][row_language] += n
        if language is None or row_language == language:
            counts["rating"][row_rating] += n
    return counts


def count_among(ids, names):
    """The counts of the facets `names` among the practices `ids` (search matches, so at most
    search.MAX_RESULTS of them), in one query: a row per practice and lesson, counted here."""
    counts = {name: Counter() for name in names}
    seen = set()
    rows = Practice.objects.filter(pk__among=ids).order_by()
    for pk, lesson, country, language, rating in rows.values_list(
        "pk", "lessons__number", "city__country", "language", "evidence_rating"
    ):
        if lesson is not None and "lesson" in counts:
            counts["lesson"][lesson] += 1
        if pk not in seen:
            seen.add(pk)
            for name, value in (("country", country), ("language", language), ("rating", rating)):
                if name in counts:
                    counts[name][value] += 1
    return {name: dict(counted) for name, counted in counts.items()}


def network_counts(narrowed):
    """{(slug, name): count} of the networks the results' cities are in (None: uncounted)."""
    if narrowed is None:
        return dict.fromkeys(Network.objects.values_list("slug", "name"))
    fields = ["city__networks__slug", "city__networks__name"]
    rows = narrowed.filter(city__networks__isnull=False).values_list(*fields)
    return {
        (slug, name): n for slug, name, n in rows.annotate(n=Count("pk")).values_list(*fields, "n")
    }


def every_country():
    return list(City.objects.order_by().distinct().values_list("country", flat=True))


@dataclass
class Chip:
    label: str
    remove_url: str


def chips(params, filters):
    """One removable chip per active filter value; removing it keeps every other of the list's
    `params` ((name, value) pairs: PracticeFilterForm.shown_params), as its canonical address
    names them."""

    def without(name, value=None):
        kept = [
            (key, item)
            for key, item in params
            if not (key == name and (value is None or item == str(value)))
        ]
        return "?" + urlencode(kept) if kept else "?"

    names = _names_of(filters)
    found = []
    for name, value in filters.items():
        if name == "lesson":
            for number in value:
                label = _("Lesson %(number)s") % {"number": number}
                found.append(
                    Chip(f"{label}: {names['lesson'].get(number, '')}", without(name, number))
                )
            continue
        shown = {
            "q": lambda v: _("Search: “%(q)s”") % {"q": v},
            "city": lambda v: _("City: %(name)s") % {"name": names["city"] or v},
            "country": lambda v: _("Country: %(name)s") % {"name": country_name(v)},
            "tag": lambda v: _("Tag: %(name)s") % {"name": names["tag"] or v},
            "network": lambda v: _("Network: %(name)s") % {"name": names["network"] or v},
            "event": lambda v: _("Event: %(name)s") % {"name": names["event"] or v},
            "language": lambda v: _("Language: %(name)s") % {"name": Practice.Language(v).label},
            "evidence": lambda v: _("Evidence: %(name)s") % {"name": Practice.Evidence(v).label},
            "rating": lambda v: (
                _("Reviewed evidence: %(name)s") % {"name": dict(RATING_CHOICES)[v]}
            ),
            "year": lambda v: _("Running in %(year)s") % {"year": v},
            "confirmed": lambda v: _("Confirmed as current"),
            "adapted": lambda v: _("Adapted elsewhere"),
        }[name](value)
        found.append(Chip(shown, without(name)))
    return found


def _names_of(filters):
    """Readable names for the slugs in the filters: at most one small query per kind."""
    names = {"lesson": {}, "city": None, "tag": None, "event": None, "network": None}
    if "lesson" in filters:
        # The nine titles are kept with the counts (a lesson's change is a catalogue change).
        titles = caching.cached(
            "lesson-titles",
            {"language": get_language()},
            lambda: {lesson.number: lesson.title for lesson in Lesson.objects.all()},
        )
        names["lesson"] = {
            number: titles[number] for number in filters["lesson"] if number in titles
        }
    if "city" in filters:
        names["city"] = (
            City.objects.filter(slug=filters["city"]).values_list("name", flat=True).first()
        )
    if "tag" in filters:
        names["tag"] = (
            Tag.objects.filter(slug=filters["tag"]).values_list("name", flat=True).first()
        )
    if "network" in filters:
        names["network"] = (
            Network.objects.filter(slug=filters["network"]).values_list("name", flat=True).first()
        )
    if "event" in filters:
        event_model = Practice._meta.get_field("events").related_model
        event = event_model.objects.filter(slug=filters["event"]).first()
        names["event"] = event.title if event else None
    return names
