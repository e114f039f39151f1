"""When rows with no time of their own last changed, or were deleted (api/changes.py)."""

import django.db.models.functions.datetime
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
    ]

    operations = [
        migrations.CreateModel(
            name='Change',
            fields=[
                ('kind', models.CharField(max_length=100, primary_key=True, serialize=False, verbose_name='kind')),
                ('at', models.DateTimeField(db_default=django.db.models.functions.datetime.Now(), verbose_name='when')),
            ],
            options={
                'verbose_name': 'change',
                'verbose_name_plural': 'changes',
            },
        ),
    ]
