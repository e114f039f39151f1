"""The cast every test can call on: an anonymous visitor, a member, editors and a manager of
city A, an editor of city B, and a staff curator."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client

from practices.models import Membership
from tests.factories import CityFactory, MembershipFactory, UserFactory


@pytest.fixture(autouse=True)
def empty_cache():
    """What one test cached (counts, pages, rate limits) never shows in the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def anonymous(db):
    return Client()


@pytest.fixture
def member_user(db):
    return UserFactory(email="member@example.org")


@pytest.fixture
def member(member_user):
    return signed_in(member_user)


@pytest.fixture
def staff_user(db):
    return UserFactory(email="curator@example.org", is_staff=True, is_superuser=True)


@pytest.fixture
def staff(staff_user):
    return signed_in(staff_user)


@pytest.fixture
def postgresql(db):
    """For tests of behaviour only PostgreSQL has (full-text search); they run in the
    PostgreSQL pass of CI."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (run with DATABASE_URL=postgres://...)")


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def city_a(db):
    return CityFactory(name="Aarhus", slug="aarhus", country="DK")


@pytest.fixture
def city_b(db):
    return CityFactory(name="Bordeaux", slug="bordeaux", country="FR")


@pytest.fixture
def editor_user(city_a):
    return MembershipFactory(
        city=city_a, user__email="editor@aarhus.example", user__display_name="Ebba Lund"
    ).user


@pytest.fixture
def editor(editor_user):
    """An approved editor of city A."""
    return signed_in(editor_user)


@pytest.fixture
def manager_user(city_a):
    return MembershipFactory(
        city=city_a,
        role=Membership.Role.MANAGER,
        user__email="manager@aarhus.example",
        user__display_name="Mads Holm",
    ).user


@pytest.fixture
def manager(manager_user):
    """An approved manager of city A."""
    return signed_in(manager_user)


@pytest.fixture
def other_editor_user(city_b):
    return MembershipFactory(city=city_b, user__email="editor@bordeaux.example").user


@pytest.fixture
def other_editor(other_editor_user):
    """An approved editor of city B."""
    return signed_in(other_editor_user)


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """Run what a request leaves for after its commit (e-mails), as a real server would:
    `with sent(): client.post(...)`."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
