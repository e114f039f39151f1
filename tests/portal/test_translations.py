"""The French catalogue is complete: every entry translated, none fuzzy, the committed django.mo
compiled from the django.po beside it, and every string marked in the source present in it."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"
PO = LOCALE / "fr" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")
# What `make messages` reads: the apps and the templates.
SOURCES = [
    "accounts",
    "api",
    "events",
    "notifications",
    "portal",
    "practices",
    "shelves",
    "templates",
    "manage.py",
]


def entries(catalogue):
    """{(context, msgid): translation(s)} of the translated entries of a .po or .mo file."""
    return {
        (entry.msgctxt, entry.msgid): (
            tuple(entry.msgstr_plural[n] for n in sorted(entry.msgstr_plural))
            if entry.msgid_plural
            else entry.msgstr
        )
        for entry in catalogue
        if entry.msgid and not entry.obsolete
    }


def test_every_french_entry_is_translated_and_none_is_fuzzy():
    po = polib.pofile(str(PO))
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert not untranslated, f"not translated to French: {untranslated}"
    assert not fuzzy, f"fuzzy (unchecked) French entries: {fuzzy}"
    assert len(po) > 500


def test_committed_mo_is_compiled_from_the_po():
    assert entries(polib.mofile(str(MO))) == entries(polib.pofile(str(PO))), (
        "locale/fr/LC_MESSAGES/django.mo is out of date: run `make messages` and commit it"
    )


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs GNU gettext (xgettext)")
def test_every_string_marked_in_the_source_is_in_the_french_catalogue(tmp_path):
    for name in SOURCES:
        source = Path(settings.BASE_DIR) / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, tmp_path / name)
    shutil.copytree(LOCALE, tmp_path / "locale")
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "fr", "--no-location"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    fresh = set(entries(polib.pofile(str(tmp_path / PO.relative_to(settings.BASE_DIR)))))
    committed = set(entries(polib.pofile(str(PO))))
    assert not fresh - committed, (
        f"marked in the source but missing from the French catalogue: {sorted(fresh - committed)}"
        " (run `make messages` and translate them)"
    )
