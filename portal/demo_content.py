"""Demo content: read and check the data files in portal/demo/ that `manage.py load_demo` loads.

`networks.toml`, `cities.toml` and `events.toml` hold one `[[networks]]`, `[[cities]]` or
`[[events]]` table per row; each practice has a file of its own in `practices/`, named
`<position>-<slug>.toml`. The position sets the order practices are loaded in, and so their ids
and the order they were published in; the rest of the name is the practice's slug. Markdown is
written in multi-line '''literal''' strings (no escapes needed) and stored without the blank
lines around it. Everything is checked before the database is touched: a key left out, a key
not listed below, a value of the wrong kind or a slug that names nothing is a DemoContentError
naming the file and the key. The nine lessons are not here: a data migration creates them.

The practices are fictional but plausible case studies written for the portal: they are set in
real cities to read naturally, but they do not describe those cities' actual programmes, and the
people, e-mail addresses and phone numbers in them are invented. Which cities belong to which
network, and which practices were presented at which event, is illustrative too: curators should
correct it against their own sources.
"""

import inspect
import re
import tomllib
from datetime import date, time, timedelta
from pathlib import Path
from typing import NamedTuple

from practices.models import Practice

DEMO_DIR = Path(__file__).resolve().parent / "demo"
LESSON_NUMBERS = range(1, 10)
PRACTICE_FILE = re.compile(r"(?P<position>\d+)-(?P<slug>[-a-z0-9]+)\.toml")

# Markdown: a string, stored without surrounding blank lines or common indentation.
TEXT = "text"
KIND_NAMES = {
    str: "a string",
    TEXT: "a string",
    int: "a whole number",
    bool: "true or false",
    date: "a date such as 2022-03-17",
    time: "a time such as 14:00:00",
}
# Keys that may be left out; they are then None.
OPTIONAL = {
    "end_year",
    "recording_time",
    "details_en",
    "details_fr",
    "evidence_baseline",
    "evidence_published",
    "evidence_repeated",
    "evidence_rating",
    "evidence_justification",
}

NETWORK = {
    "slug": str,
    "name": str,
    "website": str,
    "description_en": TEXT,
    "description_fr": TEXT,
}
CITY = {
    "slug": str,
    "name": str,
    "country": str,
    "region": str,
    "population": int,
    "networks": [str],
    "website": str,
}
PRACTICE = {
    "title": str,
    "city": str,
    "language": str,
    "lessons": [int],
    "tags": [str],
    "start_year": int,
    "end_year": int,
    "ongoing": bool,
    "evidence": str,
    # The rest of the city's self-assessment, and the reviewers' rating with its reasons.
    "evidence_baseline": bool,
    "evidence_published": bool,
    "evidence_repeated": bool,
    "evidence_rating": str,
    "evidence_justification": TEXT,
    "featured": bool,
    "summary": TEXT,
    **dict.fromkeys(Practice.SECTION_FIELDS, TEXT),
    "contact": TEXT,
    "links": [{"title": str, "url": str}],
}
EVENT = {
    "slug": str,
    "series": str,
    "title_en": str,
    "title_fr": str,
    "description_en": TEXT,
    "description_fr": TEXT,
    "date": date,
    "start": time,
    "end": time,
    "time_zone": str,
    "organisers": [str],
    "lessons": [int],
    # recording_time: how far into the recording the practice comes up (hours:minutes:seconds).
    # The programme, at times of day in the event's time zone.
    "agenda": [
        {"time": time, "title_en": str, "title_fr": str, "details_en": str, "details_fr": str}
    ],
    "speakers": [{"name": str, "role_en": str, "role_fr": str}],
    "practices": [{"practice": str, "note_en": str, "note_fr": str, "recording_time": time}],
}


class DemoContentError(Exception):
    """A data file that cannot be loaded; the message names the file and the key."""


class DemoContent(NamedTuple):
    networks: list
    cities: list
    practices: list
    events: list


def load(directory=None):
    """Every row of the data files, checked, in loading order: lists of dicts keyed as above,
    each with `where` too, the file (and table) it came from, for messages."""
    directory = Path(directory or DEMO_DIR)
    networks = read_rows(directory / "networks.toml", "networks", NETWORK)
    cities = read_rows(directory / "cities.toml", "cities", CITY)
    practices = read_practices(directory / "practices")
    events = read_rows(directory / "events.toml", "events", EVENT)
    for event in events:
        for link in event["practices"]:
            if link["recording_time"] is not None:
                at = link["recording_time"]
                link["recording_time"] = timedelta(
                    hours=at.hour, minutes=at.minute, seconds=at.second
                )
    check_references(networks, cities, practices, events)
    return DemoContent(networks, cities, practices, events)


def read_rows(path, name, schema):
    """The checked rows of the file's `[[name]]` tables."""
    data = read_toml(path)
    where = display(path)
    check_keys(data, {name}, where)
    if name not in data:
        raise DemoContentError(f"{where}: no [[{name}]] table")
    rows = checked(data[name], [schema], f"{where}, {name}")
    return [dict(row, where=f"{where}, {name} {row['slug']!r}") for row in rows]


def read_practices(directory):
    """One practice per file, in the order of the positions their names start with."""
    files = {}
    for path in sorted(directory.glob("*.toml")):
        match = PRACTICE_FILE.fullmatch(path.name)
        if not match:
            raise DemoContentError(
                f"{display(path)}: a practice's file is named <position>-<slug>.toml, "
                "such as 21-oslo-youth-democracy-council.toml (lower-case slug)"
            )
        position = int(match["position"])
        if position in files:
            raise DemoContentError(
                f"{display(path)}: position {position} is also {files[position][0].name}'s"
            )
        files[position] = (path, match["slug"])
    if not files:
        raise DemoContentError(f"{display(directory)}: no practice files")
    practices = []
    for position in sorted(files):
        path, slug = files[position]
        where = display(path)
        practice = checked(read_toml(path), PRACTICE, where)
        practices.append({"slug": slug, **practice, "where": where})
    return practices


def read_toml(path):
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except OSError as error:
        raise DemoContentError(f"{display(path)}: cannot be read ({error.strerror})") from error
    except tomllib.TOMLDecodeError as error:
        raise DemoContentError(f"{display(path)}: not valid TOML: {error}") from error


def checked(value, kind, where):
    """The value if it is of the kind (a type, TEXT, [kind] or a schema dict), else an error."""
    if isinstance(kind, dict):
        if not isinstance(value, dict):
            raise DemoContentError(f"{where}: expected a table of keys, found {value!r}")
        check_keys(value, kind.keys(), where)
        row = {}
        for key, key_kind in kind.items():
            if key in value:
                row[key] = checked(value[key], key_kind, f"{where}, key {key!r}")
            elif key in OPTIONAL:
                row[key] = None
            else:
                raise DemoContentError(f"{where}: missing key {key!r}")
        return row
    if isinstance(kind, list):
        if type(value) is not list:
            raise DemoContentError(f"{where}: expected a list, found {value!r}")
        return [checked(item, kind[0], f"{where} {n}") for n, item in enumerate(value, start=1)]
    # Exact types: TOML's true is not a number, nor its 2022-03-17T14:00:00 a date.
    if type(value) is not (str if kind is TEXT else kind):
        raise DemoContentError(f"{where}: expected {KIND_NAMES[kind]}, found {value!r}")
    return inspect.cleandoc(value) if kind is TEXT else value


def check_keys(table, allowed, where):
    unknown = sorted(table.keys() - set(allowed))
    if unknown:
        raise DemoContentError(
            f"{where}: unknown key {unknown[0]!r} (the keys are {', '.join(allowed)})"
        )


def check_references(networks, cities, practices, events):
    """Every slug, lesson number and choice names something that exists, and slugs are unique."""
    for rows in (networks, cities, practices, events):
        seen = set()
        for row in rows:
            if row["slug"] in seen:
                raise DemoContentError(f"{row['where']}: slug {row['slug']!r} is used twice")
            seen.add(row["slug"])
    known = {
        "networks": {row["slug"] for row in networks},
        "cities": {row["slug"] for row in cities},
        "practices": {row["slug"] for row in practices},
        "lessons": set(LESSON_NUMBERS),
        "languages": set(Practice.Language.values),
        "evidence levels": set(Practice.Evidence.values),
        "evidence ratings": set(Practice.EvidenceRating.values),
    }

    def check(row, key, values, among):
        for value in values:
            if value not in known[among]:
                raise DemoContentError(
                    f"{row['where']}, key {key!r}: {value!r} is none of the {among} "
                    f"({', '.join(map(str, sorted(known[among])))})"
                )

    for city in cities:
        check(city, "networks", city["networks"], "networks")
    for practice in practices:
        check(practice, "city", [practice["city"]], "cities")
        check(practice, "lessons", practice["lessons"], "lessons")
        check(practice, "language", [practice["language"]], "languages")
        check(practice, "evidence", [practice["evidence"]], "evidence levels")
        if practice["evidence_rating"] is not None:
            check(practice, "evidence_rating", [practice["evidence_rating"]], "evidence ratings")
            if not practice["evidence_justification"]:
                raise DemoContentError(
                    f"{practice['where']}: a rating needs its 'evidence_justification'"
                )
    for event in events:
        check(event, "organisers", event["organisers"], "networks")
        check(event, "lessons", event["lessons"], "lessons")
        check(event, "practices", [link["practice"] for link in event["practices"]], "practices")


def display(path):
    """The path as a curator knows it: from the project's root when it is inside it."""
    try:
        return str(path.relative_to(DEMO_DIR.parent.parent))
    except ValueError:
        return str(path)
