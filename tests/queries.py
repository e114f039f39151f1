"""Counting what one page costs the database, for tests that pin a page's cost as the data
grows (the same count for 3 rows and for 30)."""

from django.contrib.sites.models import Site
from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url, params=None):
    """The number of queries one GET of `url` makes, a streamed body read to its end. The
    page must answer 200."""
    # The current site is cached per process; forget it so every count includes it.
    Site.objects.clear_cache()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
        if response.streaming:
            assert b"".join(response.streaming_content)
    assert response.status_code == 200, url
    return len(queries)
