"""Fixtures for the account tests: a member who can sign in with a password, and a fresh
rate-limit count for every test."""

import pytest
from django.core.cache import cache

from tests.accounts.utils import PASSWORD
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    # allauth counts attempts in the cache, which outlives a test: without this, one test's
    # sign-ins would count against the next one's.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def verified_user(db):
    """A member whose address is confirmed, so they can sign in with PASSWORD."""
    return UserFactory(
        email="kari@example.org", display_name="Kari Nordmann", password=PASSWORD, confirmed=True
    )
