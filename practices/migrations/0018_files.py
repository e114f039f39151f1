"""Files attached to practices: evaluation reports, toolkits, posters."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import practices.models.files


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0017_adaptations"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="PracticeFile",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("title", models.CharField(max_length=200, verbose_name="title")),
                (
                    "language",
                    models.CharField(
                        choices=[("en", "English"), ("fr", "French")],
                        default="en",
                        max_length=2,
                        verbose_name="language",
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("evaluation", "Evaluation"),
                            ("toolkit", "Toolkit"),
                            ("presentation", "Presentation"),
                            ("other", "Other"),
                        ],
                        default="other",
                        max_length=20,
                        verbose_name="kind",
                    ),
                ),
                (
                    "file",
                    models.FileField(
                        max_length=300,
                        upload_to=practices.models.files.stored_name,
                        verbose_name="file",
                    ),
                ),
                ("content_type", models.CharField(editable=False, max_length=100)),
                (
                    "name",
                    models.CharField(editable=False, max_length=100, verbose_name="file name"),
                ),
                ("size", models.PositiveBigIntegerField(editable=False, verbose_name="size")),
                (
                    "created_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="uploaded"
                    ),
                ),
                (
                    "practice",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="files",
                        to="practices.practice",
                    ),
                ),
                (
                    "uploaded_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="uploaded by",
                    ),
                ),
            ],
            options={
                "verbose_name": "file",
                "verbose_name_plural": "files",
                "ordering": ["created_at", "id"],
            },
        ),
    ]
