"""Migration 0011 gives an SQLite database made before it (`make run`'s) a full search index of
the practices it already holds; on PostgreSQL it does nothing."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.cards import card_titles
from tests.factories import CityFactory, PracticeFactory

BEFORE = [("practices", "0010_rendered_markdown_and_comment_count")]


def migrate(targets=None):
    """Migrate to `targets`, or forward to the latest migrations (0011 and what follows it)."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets or executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_practices_written_before_the_index_are_found_after_migrating(anonymous):
    if connection.vendor != "sqlite":
        pytest.skip("the FTS5 index is SQLite's")
    PracticeFactory(
        title="Table de concertation",
        summary="Prévenir l'extrémisme violent.",
        language="fr",
        city=CityFactory(name="Malmö"),
        tags=["prévention"],
    )
    migrate(BEFORE)  # the index goes with the migration undone
    migrate()
    for q in ["extremisme", "MALMÖ", "prevention"]:
        assert card_titles(anonymous.get("/practices/", {"q": q}).text) == [
            "Table de concertation"
        ], q
