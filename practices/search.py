"""Full-text search over practices.

On PostgreSQL each practice carries a stored, GIN-indexed search vector, weighted title (A) >
summary (B) > sections and tags (C) > city (D), built with the text-search configuration of the
practice's own language (`english_unaccent` or `french_unaccent`: the stock stemmers with accents
removed first). A query is parsed with both configurations, so a French query finds French
practices and an English query English ones, and is widened with the bilingual and spelling
equivalents below ("désinformation" finds "disinformation", "polarization" finds
"polarisation"). The contact section is never indexed, so it cannot be found or quoted.

A search is bounded: it keeps (`matching`), counts and ranks (`ranked`) at most MAX_RESULTS
matches, so a common word costs about what a rare one does. Ranking unpacks each match's whole
vector and counting reads each matching row: for a word in a third of 100,000 practices that
took seconds. When more match, those with the words in their title (found through their own
small indexes, migration 0008) are ranked, whatever else is left out; the reader is told "more
than 1,000 practices" rather than an exact figure.

On SQLite (the development default) the same queries go to an FTS5 index instead
(practices/fts.py): the same variants, stemmed in both languages, ranked by bm25 with the same
column weights, quoted by FTS5's snippet(). Each public function below says which engine
answers in its first lines: the PostgreSQL path is the code that follows, the SQLite one a call
into fts.
"""

import operator
import re
import unicodedata
from functools import reduce

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorExact,
)
from django.db import connection, transaction
from django.db.models import Case, F, OuterRef, Q, Subquery, TextField, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Concat
from django.utils.html import escape
from django.utils.safestring import mark_safe
from taggit.models import TaggedItem

from practices import fts

CONFIGS = {"en": "english_unaccent", "fr": "french_unaccent"}
MAX_QUERY_LENGTH = 200
MAX_VARIANTS = 8
# The most matches a search ranks, counts or groups into facet counts.
MAX_RESULTS = 1000

# Terms practitioners search for, with their equivalents in the other language or spelling.
# Written without accents and in lower case, as queries are compared after unaccenting.
EQUIVALENTS = [
    ("disinformation", "desinformation", "misinformation"),
    ("hate speech", "discours haineux", "discours de haine"),
    ("polarisation", "polarization"),
    ("extremism", "extremisme"),
    ("violent extremism", "extremisme violent"),
    ("radicalisation", "radicalization"),
    ("election interference", "ingerence electorale"),
    ("media literacy", "education aux medias"),
    ("trust", "confiance"),
    ("civil society", "societe civile"),
    ("memorandum of understanding", "protocole d'accord"),
    ("donors", "donateurs", "bailleurs de fonds"),
    ("youth", "jeunes", "jeunesse"),
    ("networks", "reseaux"),
    ("organisation", "organization"),
]

# The sections searched and quoted in snippets: everything a reader sees but the contact.
SECTION_FIELDS = [
    "context",
    "approach",
    "target_groups",
    "partners",
    "results",
    "challenges",
    "evaluation",
    "resources",
]

# Snippet markers that cannot appear in text; swapped for <mark> after escaping.
START_MARK, STOP_MARK = "\x02", "\x03"
ELLIPSES = re.compile(r"(\s*…\s*)+")


def is_postgresql():
    return connection.vendor == "postgresql"


def normalise(text):
    """Lower case, accents removed, no control characters, single spaces, bounded length."""
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.lower().split())[:MAX_QUERY_LENGTH]


def variants(query):
    """The query, and the query with each known term swapped for its equivalents."""
    base = normalise(query)
    found = [base]
    for group in EQUIVALENTS:
        for term in group:
            pattern = re.compile(rf"(?<!\w){re.escape(term)}(?!\w)")
            if pattern.search(base):
                for other in group:
                    if other != term:
                        found.append(pattern.sub(other, base))
                break
    unique = list(dict.fromkeys(v for v in found if v))
    return unique[:MAX_VARIANTS]


def search_query(query):
    """One SearchQuery: every variant, parsed as web search, in both languages."""
    combined = None
    for variant in variants(query):
        for config in CONFIGS.values():
            part = SearchQuery(variant, search_type="websearch", config=config)
            combined = part if combined is None else combined | part
    return combined


def fts_expression(query):
    """The FTS5 expression of a query on SQLite: its variants, stemmed in both languages."""
    return fts.match_expression(variants(query))


def search(queryset, query):
    """Practices matching `query`, annotated with a `rank`."""
    text = normalise(query)
    if not text:
        return queryset.annotate(rank=Value(0.0))
    if is_postgresql():
        tsquery = search_query(query)
        return queryset.filter(search_vector=tsquery).annotate(
            rank=SearchRank(F("search_vector"), tsquery)
        )
    expression = fts_expression(query)
    if expression is None:
        return queryset.none().annotate(rank=Value(0.0))
    return queryset.filter(pk__in=RawSQL(*fts.matching_ids_sql(expression))).annotate(
        rank=RawSQL(*fts.rank_sql(expression, queryset.model._meta.db_table))
    )


def matching(queryset, query):
    """(ids, more): at most MAX_RESULTS of the practices of `queryset` matching `query`, in no
    particular order, and whether more than that match."""
    if is_postgresql():
        if not normalise(query):
            return [], False
        matches = queryset.filter(search_vector=search_query(query)).order_by()
        with transaction.atomic(), connection.cursor() as cursor:
            # For a common word the planner would rather read rows in order until enough match
            # than ask the index, as it does not count unpacking each row's vector (kilobytes).
            cursor.execute("SET LOCAL enable_seqscan = off")
            ids = list(matches.values_list("pk", flat=True)[: MAX_RESULTS + 1])
    else:
        matches = search(queryset, query).order_by("-published_at", "-id")
        ids = list(matches.values_list("pk", flat=True)[: MAX_RESULTS + 1])
    return ids[:MAX_RESULTS], len(ids) > MAX_RESULTS


def ranked(queryset, query, ids, more):
    """The ids `matching` found, the most relevant first. When more matched than it kept, those
    with a match in their title take the place of others, so that they are not left out."""
    if not ids:
        return ids
    if not is_postgresql():
        return ranked_by_fts(queryset, query, ids, more)
    tsquery = search_query(query)
    if more:
        in_title = queryset.filter(title_matches(tsquery)).order_by()
        ids = list(dict.fromkeys([*in_title.values_list("pk", flat=True)[:MAX_RESULTS], *ids]))
    order = (
        # A title can match what its whole text does not ("-oslo"): the vector decides, read
        # here anyway for its rank.
        queryset.model.objects.filter(pk__among=ids[:MAX_RESULTS], search_vector=tsquery)
        .annotate(rank=SearchRank(F("search_vector"), tsquery))
        .order_by("-rank", "-published_at", "-id")
    )
    return list(order.values_list("pk", flat=True))


def ranked_by_fts(queryset, query, ids, more):
    """ranked() on SQLite: the same choice of ids, ordered by bm25, ties newest first."""
    expression = fts_expression(query)
    if expression is None:
        return []
    if more:
        in_title = (
            queryset.filter(pk__in=RawSQL(*fts.title_ids_sql(expression)))
            .order_by("-published_at", "-id")
            .values_list("pk", flat=True)
        )
        ids = list(dict.fromkeys([*in_title[:MAX_RESULTS], *ids]))
    scores = fts.scores(expression, ids[:MAX_RESULTS])
    return sorted((pk for pk in ids[:MAX_RESULTS] if pk in scores), key=scores.__getitem__)


def title_vector(config):
    """A title's vector, as the partial indexes of migration 0008 hold it for each language."""
    return SearchVector("title", config=config)


def title_matches(tsquery):
    """A condition: the title, parsed in the practice's own language, matches `tsquery`."""
    return reduce(
        operator.or_,
        (
            Q(language=code) & SearchVectorExact(title_vector(config), tsquery)
            for code, config in CONFIGS.items()
        ),
    )


def headlines(practices, query):
    """{pk: safe HTML snippet with <mark>ed matches} for the given practices (one query)."""
    if not normalise(query) or not practices:
        return {}
    if not is_postgresql():
        return headlines_by_fts(practices, query)
    tsquery = search_query(query)
    text = Concat(
        "summary",
        *[part for name in SECTION_FIELDS for part in (Value("\n"), F(name))],
        output_field=TextField(),
    )
    rows = (
        type(practices[0])
        .objects.filter(pk__in=[p.pk for p in practices])
        .annotate(
            snippet=SearchHeadline(
                text,
                tsquery,
                # Parse each practice with its own language, as its vector was built.
                config=language_config(),
                start_sel=START_MARK,
                stop_sel=STOP_MARK,
                max_fragments=2,
                max_words=30,
                min_words=12,
                fragment_delimiter=" … ",
            )
        )
        .values_list("pk", "snippet")
    )
    return {pk: to_html(snippet) for pk, snippet in rows if START_MARK in snippet}


def headlines_by_fts(practices, query):
    """headlines() on SQLite: FTS5's snippets of the summary and of the sections."""
    expression = fts_expression(query)
    if expression is None:
        return {}
    found = fts.snippets(expression, [p.pk for p in practices], START_MARK, STOP_MARK)
    return {
        # FTS5 marks each cut with an ellipsis: two cuts that meet show one.
        pk: to_html(ELLIPSES.sub(" … ", " … ".join(p for p in parts if START_MARK in p)).strip())
        for pk, parts in found.items()
        if any(START_MARK in part for part in parts)
    }


def language_config():
    """The text-search configuration of each row's language, as an SQL expression."""
    return Case(
        *[When(language=code, then=Value(config)) for code, config in CONFIGS.items()],
        default=Value(CONFIGS["en"]),
    )


def to_html(snippet):
    escaped = escape(snippet).replace(START_MARK, "<mark>").replace(STOP_MARK, "</mark>")
    return mark_safe(escaped)  # noqa: S308 - escaped just above; only our <mark> tags remain


def refresh_vectors(queryset):
    """Recompute the stored search vector of these practices, in one UPDATE per language (on
    SQLite, their rows of the FTS5 index)."""
    if not is_postgresql():
        fts.reindex(list(queryset.values_list("pk", flat=True)), SECTION_FIELDS)
        return
    model = queryset.model
    content_type = ContentType.objects.get_for_model(model)
    tag_names = Subquery(
        TaggedItem.objects.filter(content_type=content_type, object_id=OuterRef("pk"))
        .values("object_id")
        .annotate(names=StringAgg("tag__name", " "))
        .values("names")
    )
    city_name = Subquery(
        model._meta.get_field("city")
        .related_model.objects.filter(pk=OuterRef("city_id"))
        .values("name")
    )
    for language, config in CONFIGS.items():
        vector = (
            SearchVector("title", weight="A", config=config)
            + SearchVector("summary", weight="B", config=config)
            + SearchVector(*SECTION_FIELDS, weight="C", config=config)
            + SearchVector(
                Coalesce(tag_names, Value(""), output_field=TextField()), weight="C", config=config
            )
            + SearchVector(
                Coalesce(city_name, Value(""), output_field=TextField()), weight="D", config=config
            )
        )
        queryset.filter(language=language).update(search_vector=vector)


def forget(pk):
    """Take a deleted practice out of the search: on PostgreSQL its vector went with its row."""
    if not is_postgresql():
        fts.forget(pk)
