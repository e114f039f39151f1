"""A practice may adapt another (published) one, saying what was changed; never itself.

The check that a practice does not adapt itself is a CHECK constraint on PostgreSQL. SQLite can
add one only by copying the whole table, which would also recreate the PostgreSQL-only search
indexes (0003, 0008) and fail; there, two triggers refuse the same rows, as an IntegrityError.
"""

from importlib import import_module

import django.db.models.deletion
from django.db import migrations, models

# On SQLite, ALTER TABLE ADD COLUMN rather than a table remake (0010 explains).
AddColumn = import_module("practices.migrations.0010_rendered_markdown_and_comment_count").AddColumn



class AddForeignKey(migrations.AddField):
    """AddField, whose undoing on SQLite drops the column's index and then the column, rather
    than remaking the table (which would build the PostgreSQL-only indexes of 0008 there)."""

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "sqlite":
            return super().database_backwards(app_label, schema_editor, from_state, to_state)
        model = from_state.apps.get_model(app_label, self.model_name)
        table, column = model._meta.db_table, model._meta.get_field(self.name).column
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = %s "
                "AND sql LIKE %s",
                [table, f'%"{column}"%'],
            )
            indexes = [row[0] for row in cursor.fetchall()]
        quote = schema_editor.quote_name
        for index in indexes:
            schema_editor.execute(f"DROP INDEX {quote(index)}")
        schema_editor.execute(f"ALTER TABLE {quote(table)} DROP COLUMN {quote(column)}")


CONSTRAINT = models.CheckConstraint(
    condition=models.Q(("adapted_from", models.F("pk")), _negated=True),
    name="practice_does_not_adapt_itself",
    violation_error_message="A practice cannot adapt itself.",
)
TRIGGER = """
CREATE TRIGGER practice_does_not_adapt_itself_{when} BEFORE {when} ON practices_practice
WHEN NEW.adapted_from_id IS NOT NULL AND NEW.adapted_from_id = NEW.id
BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: practice_does_not_adapt_itself'); END
"""


def add_check(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for when in ("INSERT", "UPDATE"):
            schema_editor.execute(TRIGGER.format(when=when))
    else:
        schema_editor.add_constraint(apps.get_model("practices", "Practice"), CONSTRAINT)


def remove_check(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for when in ("INSERT", "UPDATE"):
            schema_editor.execute(f"DROP TRIGGER practice_does_not_adapt_itself_{when}")
    else:
        schema_editor.remove_constraint(apps.get_model("practices", "Practice"), CONSTRAINT)


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0016_freshness"),
    ]

    operations = [
        AddForeignKey(
            model_name="practice",
            name="adapted_from",
            field=models.ForeignKey(
                blank=True,
                help_text="A published practice this one takes up, here or in another city.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="adaptations",
                to="practices.practice",
                verbose_name="adapts",
            ),
        ),
        AddColumn(
            model_name="practice",
            name="adaptation_changes",
            field=models.TextField(
                blank=True,
                db_default="",
                default="",
                help_text="What you did differently from the practice you adapted, and why.",
                max_length=2000,
                verbose_name="what was changed",
            ),
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.AddConstraint(model_name="practice", constraint=CONSTRAINT)],
            database_operations=[migrations.RunPython(add_check, remove_check)],
        ),
    ]
