"""The title of each practice as a text-search vector of its own language, GIN-indexed, so that a
search with more matches than it ranks still finds every title match (practices/search.py). On
PostgreSQL only, like the stored vector's index (0003); SQLite searches without them."""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations, models

INDEXES = [
    django.contrib.postgres.indexes.GinIndex(
        django.contrib.postgres.search.SearchVector("title", config=config),
        condition=models.Q(("language", code)),
        name=f"practice_title_{code}_idx",
    )
    for code, config in [("en", "english_unaccent"), ("fr", "french_unaccent")]
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for index in INDEXES:
        schema_editor.add_index(apps.get_model("practices", "Practice"), index)


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for index in INDEXES:
        schema_editor.remove_index(apps.get_model("practices", "Practice"), index)


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0007_practice_translation"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddIndex(model_name="practice", index=index) for index in INDEXES
            ],
            database_operations=[migrations.RunPython(create_indexes, drop_indexes)],
        ),
    ]
