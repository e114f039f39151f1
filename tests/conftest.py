"""The cast every test can call on: an anonymous visitor, a member and a staff curator."""

import pytest
from django.test import Client

from tests.factories import UserFactory


@pytest.fixture
def anonymous(db):
    return Client()


@pytest.fixture
def member_user(db):
    return UserFactory(email="member@example.org")


@pytest.fixture
def member(member_user):
    client = Client()
    client.force_login(member_user)
    return client


@pytest.fixture
def staff_user(db):
    return UserFactory(email="curator@example.org", is_staff=True, is_superuser=True)


@pytest.fixture
def staff(staff_user):
    client = Client()
    client.force_login(staff_user)
    return client


@pytest.fixture
def postgresql(db):
    """For tests of behaviour only PostgreSQL has (full-text search); they run in the
    PostgreSQL pass of CI."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (run with DATABASE_URL=postgres://...)")
