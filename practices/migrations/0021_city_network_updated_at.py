"""When a city or a network last changed, for the API's Last-Modified; existing rows count as
changed now."""

import django.db.models.functions.datetime
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('practices', '0020_published_facets_index'),
    ]

    operations = [
        migrations.AddField(
            model_name='city',
            name='updated_at',
            field=models.DateTimeField(auto_now=True, db_default=django.db.models.functions.datetime.Now(), verbose_name='last updated'),
        ),
        migrations.AddField(
            model_name='network',
            name='updated_at',
            field=models.DateTimeField(auto_now=True, db_default=django.db.models.functions.datetime.Now(), verbose_name='last updated'),
        ),
    ]
