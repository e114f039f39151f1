"""How many top-level comments each practice has (the pages of its thread), kept on its row
instead of counted when the page is read; counted here for the comments already posted."""

from importlib import import_module

from django.db import migrations, models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

# On SQLite, ALTER TABLE ADD COLUMN rather than a table remake (0010 explains).
AddColumn = import_module("practices.migrations.0010_rendered_markdown_and_comment_count").AddColumn


def count_conversations(apps, schema_editor):
    Practice = apps.get_model("practices", "Practice")
    Comment = apps.get_model("practices", "Comment")
    top_level = (
        Comment.objects.filter(practice=OuterRef("pk"), parent=None)
        .order_by()
        .values("practice")
        .annotate(n=Count("pk"))
        .values("n")
    )
    Practice.objects.update(conversation_count=Coalesce(Subquery(top_level), 0))


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0021_city_network_updated_at"),
    ]

    operations = [
        AddColumn(
            model_name="practice",
            name="conversation_count",
            field=models.PositiveIntegerField(
                db_default=0, default=0, editable=False, verbose_name="conversations"
            ),
        ),
        migrations.RunPython(count_conversations, migrations.RunPython.noop),
    ]
