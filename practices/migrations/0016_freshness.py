"""When a practice was last confirmed as still running, and when its editors were reminded.
Practices published already count as confirmed on the day they were published."""

from django.db import migrations, models
from django.db.models import F


def confirmed_when_published(apps, schema_editor):
    Practice = apps.get_model("practices", "Practice")
    Practice.objects.filter(published_at__isnull=False, confirmed_at__isnull=True).update(
        confirmed_at=F("published_at")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0015_city_requests"),
    ]

    operations = [
        migrations.AddField(
            model_name="practice",
            name="confirmed_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="last confirmed"),
        ),
        migrations.AddField(
            model_name="practice",
            name="reminded_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="editors reminded"
            ),
        ),
        migrations.AddIndex(
            model_name="practice",
            index=models.Index(
                fields=["status", "confirmed_at"], name="practice_status_confirm_idx"
            ),
        ),
        migrations.RunPython(confirmed_when_published, migrations.RunPython.noop, elidable=True),
    ]
