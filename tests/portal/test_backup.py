"""`manage.py backup` (`make backup`): a dump that restores into an empty database with the
same practices, comments and event links."""

import os
import re
import sqlite3
import subprocess
from contextlib import closing
from io import StringIO

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection

from practices.models import Comment, Practice
from tests.factories import EventPracticeFactory, PracticeFactory, UserFactory


def make_content():
    """Rows the restored copy must hold: practices, their comments and their event links."""
    author = UserFactory()
    for number in range(3):
        practice = PracticeFactory(title=f"Practice «{number}»", tags=["trust"])
        Comment.objects.create(practice=practice, author=author, body=f"Comment {number}: ✓")
        EventPracticeFactory(practice=practice)


def back_up(tmp_path):
    call_command("backup", output_dir=tmp_path, stdout=(out := StringIO()))
    [path] = tmp_path.iterdir()
    assert out.getvalue().strip() == str(path)
    return path


CONTENT = {
    "practices": "SELECT slug, title FROM practices_practice ORDER BY slug",
    "comments": "SELECT practice_id, author_id, body FROM practices_comment ORDER BY id",
    "event links": "SELECT event_id, practice_id FROM events_eventpractice ORDER BY id",
}


def content(cursor):
    return {name: cursor.execute(sql).fetchall() for name, sql in CONTENT.items()}


def libpq_environment():
    database = connection.settings_dict
    return os.environ | {
        "PGHOST": database["HOST"],
        "PGPORT": str(database["PORT"]),
        "PGUSER": database["USER"],
        "PGPASSWORD": database["PASSWORD"] or "",
    }


@pytest.mark.django_db(transaction=True)
def test_a_postgresql_dump_restores_into_an_empty_database(postgresql, tmp_path):
    make_content()
    path = back_up(tmp_path)
    assert re.fullmatch(r"portal-\d{8}T\d{6}Z\.dump", path.name)

    database = connection.settings_dict
    copy = f"{database['NAME']}_restored"
    server = {"host": database["HOST"], "port": database["PORT"], "user": database["USER"],
              "password": database["PASSWORD"]}  # fmt: skip
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{copy}"')
        admin.execute(f'CREATE DATABASE "{copy}"')
        try:
            restore = ["pg_restore", "--no-owner", f"--dbname={copy}", str(path)]
            subprocess.run(restore, check=True, capture_output=True, env=libpq_environment())
            with psycopg.connect(dbname=copy, **server) as restored:
                restored_content = content(restored.cursor())
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{copy}"')

    connection.ensure_connection()
    original = content(connection.connection.cursor())
    assert restored_content == original
    assert len(original["practices"]) == Practice.objects.count() >= 3
    assert len(original["comments"]) == 3
    assert len(original["event links"]) == 3


@pytest.mark.django_db(transaction=True)
def test_on_sqlite_the_backup_is_a_copy_of_the_database(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite backup (development)")
    make_content()

    path = back_up(tmp_path)

    assert re.fullmatch(r"portal-\d{8}T\d{6}Z\.sqlite3", path.name)
    with closing(sqlite3.connect(path)) as copy:
        copied = content(copy)
    assert copied == content(connection.connection)
    assert len(copied["comments"]) == 3
