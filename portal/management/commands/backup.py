"""`manage.py backup` (`make backup`): a dump of the database, named by the time it was taken.

On PostgreSQL: `pg_dump --format=custom` of the DATABASE_URL database into
var/backups/portal-<UTC time>.dump, which `pg_restore` loads into an empty database (README,
"Backups"). On SQLite (development): a copy made with SQLite's online backup, consistent even
while `make run` writes, as var/backups/portal-<UTC time>.sqlite3.
"""

import os
import sqlite3
import subprocess
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection


class Command(BaseCommand):
    help = "Dump the database to var/backups/portal-<UTC time>.dump (.sqlite3 on SQLite)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            type=Path,
            default=settings.VAR_DIR / "backups",
            help="where the file goes (default: var/backups/)",
        )

    def handle(self, *args, output_dir, **options):
        output_dir.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        if connection.vendor == "postgresql":
            path = output_dir / f"portal-{stamp}.dump"
            dump_postgresql(connection.settings_dict, path)
        elif connection.vendor == "sqlite":
            path = output_dir / f"portal-{stamp}.sqlite3"
            copy_sqlite(path)
        else:
            raise CommandError(f"No backup for a {connection.vendor} database.")
        self.stdout.write(str(path))


def dump_postgresql(database, path):
    """pg_dump, given the connection through libpq's variables (the password stays out of the
    process list)."""
    env = os.environ | {
        "PGDATABASE": database["NAME"],
        "PGHOST": database["HOST"] or "",
        "PGPORT": str(database["PORT"] or ""),
        "PGUSER": database["USER"] or "",
        "PGPASSWORD": database["PASSWORD"] or "",
    }
    command = ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={path}"]
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise CommandError("pg_dump not found: install the PostgreSQL client tools.") from None
    if result.returncode != 0:
        path.unlink(missing_ok=True)
        raise CommandError(f"pg_dump failed: {result.stderr.strip()}")


def copy_sqlite(path):
    connection.ensure_connection()
    with closing(sqlite3.connect(path)) as target:
        connection.connection.backup(target)
