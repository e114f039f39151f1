"""`__among`, the `__in` for long lists of ids (practices/lookups.py): the same rows, and on
PostgreSQL one parameter however long the list, so a search's 1,000 matches cost one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from practices.models import Practice
from tests.factories import PracticeFactory

pytestmark = pytest.mark.django_db


def test_among_finds_what_in_finds():
    practices = PracticeFactory.create_batch(4)
    wanted = [practices[0].pk, practices[2].pk, None, 10**9]
    among = Practice.objects.filter(pk__among=wanted).order_by("pk")
    assert list(among) == list(Practice.objects.filter(pk__in=wanted).order_by("pk"))
    assert list(among) == [practices[0], practices[2]]
    assert not Practice.objects.filter(pk__among=[]).exists()
    assert Practice.objects.exclude(pk__among=wanted).count() == 2
    # A subquery works as it does with __in.
    assert Practice.objects.filter(pk__among=among.values("pk")).count() == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite reads the list as IN")
def test_a_long_list_is_one_parameter_on_postgresql():
    practice = PracticeFactory()
    with CaptureQueriesContext(connection) as queries:
        found = list(Practice.objects.filter(pk__among=[practice.pk, *range(10**6, 10**6 + 999)]))
    assert found == [practice]
    sql = queries[0]["sql"]
    assert "= ANY(" in sql
    assert " IN (" not in sql  # not 1,000 placeholders
