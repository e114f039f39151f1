"""Full-text search on SQLite: FTS5, with the stemming done in Python.

FTS5's own stemmer (`porter`) knows only English, so the words are stemmed here, each
practice's text with the Snowball stemmer of its own language and a query with both, as
PostgreSQL parses it with both configurations (practices/search.py calls this module on SQLite
only). Two tables, made by migration 0011 on SQLite alone:

- `practices_search_text`: what a reader sees of each practice (title, summary, sections, tags,
  city; never the contact), one row per practice, the FTS5 table's external content;
- `practices_search`: the FTS5 index, fed the same text stemmed and unaccented, word for word.

Because the index holds exactly one token for each word of the text it was built from, FTS5's
`snippet()` tokenises the text a reader sees, finds the matched words at the positions the index
gives, and quotes them as they were written, accents and all. Never run FTS5's 'rebuild' on
the index: it would index the unstemmed text.
"""

import json
import re
import sqlite3
import threading
import unicodedata
from functools import cache

import snowballstemmer
from django.db import connection

TABLE = "practices_search"
TEXT_TABLE = "practices_search_text"
COLUMNS = ["title", "summary", "body", "tags", "city"]
# How much a match in each column weighs, as PostgreSQL's weights A, B, C, C and D do.
WEIGHTS = "10.0, 4.0, 2.0, 2.0, 1.0"
TOKENIZE = "unicode61 remove_diacritics 2"
STEMMERS = {"en": "english", "fr": "french"}
SNIPPET_WORDS = 30
_scratch = threading.local()


def words(text):
    """The words of `text`, in lower case, as FTS5 cuts them. FTS5 itself cuts them, in a
    private in-memory table: its idea of a letter (Unicode 6.1, where any character assigned
    since counts as one) is not Python's, and snippet() needs the index to hold exactly one
    token for each word it finds in the text."""
    scratch = getattr(_scratch, "connection", None)
    if scratch is None:
        scratch = sqlite3.connect(":memory:")
        # FTS5 cuts a word past a few hundred bytes, maybe inside a character.
        scratch.text_factory = lambda raw: raw.decode("utf-8", "replace")
        scratch.execute(f"CREATE VIRTUAL TABLE words USING fts5(text, tokenize='{TOKENIZE}')")
        scratch.execute("CREATE VIRTUAL TABLE found USING fts5vocab(words, 'instance')")
        _scratch.connection = scratch
    with scratch:
        scratch.execute("INSERT INTO words (rowid, text) VALUES (1, ?)", [text])
        found = [term for (term,) in scratch.execute("SELECT term FROM found ORDER BY offset")]
        scratch.execute("DELETE FROM words")
    return found


@cache
def stemmer(language):
    return snowballstemmer.stemmer(STEMMERS.get(language, "english"))


# Letters that Unicode does not decompose into a base letter and an accent, written as
# PostgreSQL's unaccent writes them ("Tromsø" is found as "tromso").
LETTERS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ð": "d", "ł": "l",
                         "þ": "th", "ı": "i"})  # fmt: skip


def plain(word):
    """A word without accents, in letters and digits only: one token, whatever it was."""
    decomposed = unicodedata.normalize("NFKD", word.lower().translate(LETTERS))
    kept = "".join(ch for ch in decomposed if ch.isalnum())
    return kept or "0"


def stemmed(text, language):
    """`text` as the index holds it: one stemmed, unaccented token for each of its words."""
    stem = stemmer(language).stemWord
    return " ".join(stem(plain(word)) for word in words(text))


# Queries, written as for PostgreSQL's websearch_to_tsquery: "a phrase", -without, or.
QUERY_PARTS = re.compile(r'(-?)"([^"]*)"?|(\S+)')


def match_expression(variants):
    """An FTS5 MATCH expression for the query's variants (already normalised), each parsed
    with the English and the French stemmer; None when nothing can be searched for."""
    alternatives = []
    for variant in variants:
        for language in STEMMERS:
            expression = parse(variant, language)
            if expression and expression not in alternatives:
                alternatives.append(expression)
    return " OR ".join(f"({e})" for e in alternatives) or None


def parse(text, language):
    groups, current = [], {"with": [], "without": []}
    for match in QUERY_PARTS.finditer(text):
        negated, quoted, bare = match.groups()
        if bare is not None:
            if bare == "or":
                groups.append(current)
                current = {"with": [], "without": []}
                continue
            negated, quoted = ("-", bare[1:]) if bare.startswith("-") else ("", bare)
        phrase = stemmed(quoted, language)
        if phrase:
            current["without" if negated else "with"].append(f'"{phrase}"')
    groups.append(current)
    found = []
    for group in groups:
        if not group["with"]:
            continue  # FTS5 cannot search for only what a text lacks
        expression = "(" + " AND ".join(group["with"]) + ")"
        found.append(" NOT ".join([expression, *group["without"]]))
    return " OR ".join(found)


def matching_ids_sql(expression):
    """SQL and parameters selecting the ids of the practices matching `expression`."""
    return f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s", [expression]


def title_ids_sql(expression):
    return f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s", [f"{{title}} : ({expression})"]


def rank_sql(expression, practice_table):
    """SQL and parameters of each practice's relevance, higher is better, for annotate()."""
    return (
        f"SELECT -bm25({TABLE}, {WEIGHTS}) FROM {TABLE} "
        f'WHERE {TABLE} MATCH %s AND rowid = "{practice_table}"."id"',
        [expression],
    )


def scores(expression, ids):
    """{id: bm25 score} of those of `ids` matching `expression`; lower is more relevant."""
    rows = _select(f"rowid, bm25({TABLE}, {WEIGHTS})", expression, ids)
    return dict(rows)


def snippets(expression, ids, start, stop):
    """{id: (summary snippet, sections snippet)}, matches between `start` and `stop`."""
    marks = "%s, %s, ' … ', " + str(SNIPPET_WORDS)
    columns = f"rowid, snippet({TABLE}, 1, {marks}), snippet({TABLE}, 2, {marks})"
    rows = _select(columns, expression, ids, [start, stop, start, stop])
    return {pk: (summary, body) for pk, summary, body in rows}


def _select(columns, expression, ids, params=()):
    if not ids:
        return []
    placeholders = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {columns} FROM {TABLE} WHERE {TABLE} MATCH %s AND rowid IN ({placeholders})",
            [*params, expression, *ids],
        )
        return cursor.fetchall()


def reindex(ids, sections):
    """Index the practices `ids` again (every practice when None), reading their rows, city and
    tags with plain SQL, so that migration 0011 can fill the index as the app does."""
    columns = ", ".join(f"p.{name}" for name in ["id", "language", "title", "summary", *sections])
    where, params = ("", []) if ids is None else _in("p.id", ids)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {columns}, c.name FROM practices_practice p "
            f"JOIN practices_city c ON c.id = p.city_id {where}",
            params,
        )
        practices = cursor.fetchall()
        where, params = ("", []) if ids is None else _in("i.object_id", ids)
        cursor.execute(
            "SELECT i.object_id, t.name FROM taggit_taggeditem i "
            "JOIN taggit_tag t ON t.id = i.tag_id "
            "JOIN django_content_type ct ON ct.id = i.content_type_id "
            f"{where} {'AND' if where else 'WHERE'} "
            "ct.app_label = 'practices' AND ct.model = 'practice' ORDER BY t.name",
            params,
        )
        tags = {}
        for pk, name in cursor.fetchall():
            tags.setdefault(pk, []).append(name)
        for pk, language, title, summary, *rest in practices:
            *texts, city = rest
            _index(
                cursor,
                pk,
                language,
                {
                    "title": title,
                    "summary": summary,
                    "body": "\n".join(text for text in texts if text),
                    "tags": " ".join(tags.get(pk, [])),
                    "city": city,
                },
            )
        if ids is not None:
            # Practices deleted since: out of the index.
            found = {row[0] for row in practices}
            for pk in set(ids) - found:
                _forget(cursor, pk)


def _in(column, ids):
    ids = list(ids)
    return f"WHERE {column} IN ({', '.join(['%s'] * len(ids)) or 'NULL'})", ids


def _index(cursor, pk, language, texts):
    _forget(cursor, pk)
    shown = [unicodedata.normalize("NFC", texts[name] or "") for name in COLUMNS]
    indexed = [stemmed(text, language) for text in shown]
    values = ", ".join(["%s"] * len(COLUMNS))
    cursor.execute(
        f"INSERT INTO {TEXT_TABLE} (id, {', '.join(COLUMNS)}, indexed) VALUES (%s, {values}, %s)",
        [pk, *shown, json.dumps(indexed)],
    )
    cursor.execute(
        f"INSERT INTO {TABLE} (rowid, {', '.join(COLUMNS)}) VALUES (%s, {values})",
        [pk, *indexed],
    )


def forget(pk):
    """Take a deleted practice out of the index."""
    with connection.cursor() as cursor:
        _forget(cursor, pk)


def _forget(cursor, pk):
    # An external-content index is told what it held for a row to take it out.
    cursor.execute(f"SELECT indexed FROM {TEXT_TABLE} WHERE id = %s", [pk])
    row = cursor.fetchone()
    if row is None:
        return
    cursor.execute(
        f"INSERT INTO {TABLE} ({TABLE}, rowid, {', '.join(COLUMNS)}) "
        f"VALUES ('delete', %s, {', '.join(['%s'] * len(COLUMNS))})",
        [pk, *json.loads(row[0])],
    )
    cursor.execute(f"DELETE FROM {TEXT_TABLE} WHERE id = %s", [pk])


CREATE = [
    f"CREATE TABLE IF NOT EXISTS {TEXT_TABLE} (id INTEGER PRIMARY KEY, "
    + ", ".join(f"{name} TEXT NOT NULL" for name in COLUMNS)
    + ", indexed TEXT NOT NULL)",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5({', '.join(COLUMNS)}, "
    f"content='{TEXT_TABLE}', content_rowid='id', tokenize='{TOKENIZE}')",
]
DROP = [f"DROP TABLE IF EXISTS {TABLE}", f"DROP TABLE IF EXISTS {TEXT_TABLE}"]
