"""The cast every test can call on: an anonymous visitor, a member, editors and a manager of
city A, an editor of city B, and a staff curator, all with their e-mail address confirmed as
after signing up; a newcomer whose address is not confirmed yet; and a published practice of
city A. `<role>` is that person's signed-in client, `<role>_user` the user."""

import os
import smtplib
from contextlib import contextmanager

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.cache import caches
from django.core.mail.backends import locmem
from django.db import connection
from django.test import Client
from django.utils import translation
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from practices.models import Membership
from tests.factories import CityFactory, MembershipFactory, PracticeFactory, UserFactory
from tests.jobs import run_jobs

# Hypothesis (tests/portal/test_hostile_*.py): enough examples to find the usual breakages in
# a few seconds per test. Each test's fixtures are set up once for all its examples, which is
# what those tests want (they roll each example back themselves). A failure prints the seed
# and a blob to replay it; CI (HYPOTHESIS_PROFILE=ci) runs the same examples every time.
hypothesis_settings.register_profile(
    "default",
    max_examples=40,
    deadline=None,
    print_blob=True,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
hypothesis_settings.register_profile("ci", parent=hypothesis_settings.get_profile("default"),
                                     derandomize=True, database=None)  # fmt: skip
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True)
def english_to_start_with():
    """Each test starts in English. A request for a French page leaves French active in the
    test's thread (the locale middleware never switches back), which would make the next
    test's reverse() give /fr/ addresses."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def mail_through_the_queue(settings):
    """Django's test set-up makes every e-mail go straight to mail.outbox; the portal's go
    through the job queue, as in production, and reach mail.outbox when the jobs run."""
    settings.EMAIL_BACKEND = "notifications.mail.QueuedEmailBackend"


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Files attached in a test are stored in its own temporary folder, never in var/media/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def empty_cache():
    """What one test cached (counts, pages, rate limits) never shows in the next."""
    for alias in caches:
        caches[alias].clear()
    yield
    for alias in caches:
        caches[alias].clear()


@pytest.fixture
def anonymous(db):
    return Client()


@pytest.fixture
def member_user(db):
    return UserFactory(email="member@example.org", confirmed=True)


@pytest.fixture
def member(member_user):
    return signed_in(member_user)


@pytest.fixture
def staff_user(db):
    """A curator with an authenticator app, as the admin demands of staff."""
    user = UserFactory(
        email="curator@example.org", is_staff=True, is_superuser=True, confirmed=True
    )
    TOTP.activate(user, generate_totp_secret())
    return user


@pytest.fixture
def staff(staff_user):
    return signed_in(staff_user)


@pytest.fixture
def newcomer_user(db):
    """A member whose address is not confirmed yet: they signed up and have a link to open."""
    user = UserFactory(email="newcomer@example.org")
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    return user


@pytest.fixture
def newcomer(newcomer_user):
    return signed_in(newcomer_user)


@pytest.fixture
def postgresql(db):
    """For tests of behaviour only PostgreSQL has (pg_dump and pg_restore); they run in the
    PostgreSQL pass of CI. Search is not one: its tests run on both databases."""
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
        city=city_a,
        user__email="editor@aarhus.example",
        user__display_name="Ebba Lund",
        user__confirmed=True,
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
        user__confirmed=True,
    ).user


@pytest.fixture
def manager(manager_user):
    """An approved manager of city A."""
    return signed_in(manager_user)


@pytest.fixture
def other_editor_user(city_b):
    return MembershipFactory(
        city=city_b, user__email="editor@bordeaux.example", user__confirmed=True
    ).user


@pytest.fixture
def other_editor(other_editor_user):
    """An approved editor of city B."""
    return signed_in(other_editor_user)


@pytest.fixture
def published(city_a):
    """A published practice of city A."""
    return PracticeFactory(city=city_a, slug="published-a", title="Youth councils")


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """Run what a request leaves for after its commit and the jobs it queued (e-mails), as a
    real server and its worker would: `with sent(): client.post(...)`."""

    @contextmanager
    def running_jobs():
        with django_capture_on_commit_callbacks(execute=True):
            yield
        run_jobs()

    return running_jobs


@pytest.fixture
def mail_server_down(monkeypatch):
    """Every e-mail fails as if the mail server had gone away."""

    def refuse(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr(locmem.EmailBackend, "send_messages", refuse)
