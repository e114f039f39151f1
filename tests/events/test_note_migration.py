"""Notes written before they had languages become the English note, shown on French pages too."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("events", "0003_field_names")]
AFTER = [("events", "0004_event_practice_note_languages")]


@pytest.mark.django_db(transaction=True)
def test_an_existing_note_becomes_the_english_note():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    city = apps.get_model("practices", "City").objects.create(
        name="Malmö", slug="malmo", country="SE"
    )
    practice = apps.get_model("practices", "Practice").objects.create(
        title="Rumour desk",
        slug="rumour-desk",
        city=city,
        summary="s",
        language="en",
        start_year=2021,
    )
    starts = dt.datetime(2022, 3, 17, 13, tzinfo=dt.UTC)
    event = apps.get_model("events", "Event").objects.create(
        title="Talk", title_en="Talk", slug="talk", starts_at=starts, ends_at=starts
    )
    apps.get_model("events", "EventPractice").objects.create(
        event=event, practice=practice, note="Presented by the City of Malmö"
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    apps = executor.loader.project_state(AFTER).apps
    link = apps.get_model("events", "EventPractice").objects.get()
    assert link.note_en == "Presented by the City of Malmö"
    assert link.note_fr is None
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
