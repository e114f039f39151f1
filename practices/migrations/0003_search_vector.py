"""Full-text search on PostgreSQL: unaccent, the two text-search configurations, the stored
vector and its GIN index. On SQLite only the (unused) column is added."""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations

CONFIGURATIONS = {"english_unaccent": "english", "french_unaccent": "french"}


def create_search(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    execute = schema_editor.execute
    # unaccent is a trusted extension: the database owner may create it.
    execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    for name, stock in CONFIGURATIONS.items():
        execute(
            f"DO $$ BEGIN CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{stock}); "
            "EXCEPTION WHEN unique_violation THEN NULL; END $$"
        )
        execute(
            f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR hword, hword_part, word "
            f"WITH unaccent, {stock}_stem"
        )
    execute("CREATE INDEX practice_search_idx ON practices_practice USING gin (search_vector)")


def drop_search(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS practice_search_idx")
    for name in CONFIGURATIONS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0002_lessons"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.AddField(
            model_name="practice",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddIndex(
                    model_name="practice",
                    index=django.contrib.postgres.indexes.GinIndex(
                        fields=["search_vector"], name="practice_search_idx"
                    ),
                ),
            ],
            database_operations=[migrations.RunPython(create_search, drop_search)],
        ),
    ]
