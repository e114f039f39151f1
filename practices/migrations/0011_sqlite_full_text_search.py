"""Full-text search on SQLite: the FTS5 index and the text it quotes (practices/fts.py), filled
with every practice. PostgreSQL searches its stored vectors (migration 0003): nothing to do."""

from django.db import migrations

from practices import fts
from practices.search import SECTION_FIELDS


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for statement in fts.CREATE:
        schema_editor.execute(statement)
    fts.reindex(None, SECTION_FIELDS)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for statement in fts.DROP:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0010_rendered_markdown_and_comment_count"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
