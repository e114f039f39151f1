"""Signing in and out, and the rate limits that stay on (allauth's defaults): five failed
attempts for one address lock it for five minutes (`login_failed`), and more than thirty
sign-in attempts a minute from one IP address answer 429 (`login`)."""

import pytest
from django.core.management import call_command

from tests.accounts.utils import PASSWORD, is_signed_in

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
LOGOUT = "/accounts/logout/"


def test_member_with_a_confirmed_address_signs_in_and_sees_their_profile_link(
    anonymous, verified_user
):
    response = anonymous.post(LOGIN, {"login": verified_user.email, "password": PASSWORD})

    assert response.status_code == 302
    assert response.url == "/"
    home = anonymous.get("/")
    assert f'<a href="/members/{verified_user.pk}/">My profile</a>' in home.text
    assert "Sign out" in home.text
    assert "Sign up" not in home.text


def test_signed_out_visitor_sees_sign_in_and_sign_up(anonymous):
    home = anonymous.get("/")
    assert '<a href="/accounts/login/">Sign in</a>' in home.text
    assert '<a href="/accounts/signup/">Sign up</a>' in home.text
    assert "My profile" not in home.text


def test_address_is_matched_whatever_its_case(anonymous, verified_user):
    anonymous.post(LOGIN, {"login": "KARI@Example.org", "password": PASSWORD})
    assert is_signed_in(anonymous)


def test_wrong_password_is_refused_with_a_message_above_the_form(anonymous, verified_user):
    response = anonymous.post(LOGIN, {"login": verified_user.email, "password": "wrong"})

    assert response.status_code == 200
    assert '<div class="form-errors" role="alert">' in response.text
    assert "The email address and/or password you specified are not correct." in response.text
    assert not is_signed_in(anonymous)


def test_unknown_address_gets_the_same_answer_as_a_wrong_password(anonymous, verified_user):
    wrong_password = anonymous.post(LOGIN, {"login": verified_user.email, "password": "wrong"})
    unknown = anonymous.post(LOGIN, {"login": "nobody@example.org", "password": "wrong"})

    message = "The email address and/or password you specified are not correct."
    assert message in wrong_password.text
    assert message in unknown.text


def test_five_failed_attempts_lock_the_address_even_for_the_right_password(
    anonymous, verified_user
):
    for _attempt in range(5):
        response = anonymous.post(LOGIN, {"login": verified_user.email, "password": "wrong"})
        assert "are not correct" in response.text

    response = anonymous.post(LOGIN, {"login": verified_user.email, "password": PASSWORD})

    assert "Too many failed login attempts. Try again later." in response.text
    assert not is_signed_in(anonymous)


def test_sign_in_attempts_past_thirty_a_minute_from_one_address_answer_429(anonymous):
    for attempt in range(30):
        response = anonymous.post(LOGIN, {"login": f"guess{attempt}@example.org", "password": "x"})
        assert response.status_code == 200

    response = anonymous.post(LOGIN, {"login": "guess@example.org", "password": "x"})

    assert response.status_code == 429
    assert "<h1>Too many attempts</h1>" in response.text
    assert 'class="site-header"' in response.text


def test_sign_out_asks_then_signs_out(member):
    page = member.get(LOGOUT)
    assert "Are you sure you want to sign out?" in page.text

    response = member.post(LOGOUT)

    assert response.status_code == 302
    assert not is_signed_in(member)


def test_a_superuser_made_with_createsuperuser_signs_in_at_once(anonymous, monkeypatch):
    # As the README's "An admin account" says: no confirmation e-mail to follow first.
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", PASSWORD)
    call_command("createsuperuser", email="curator@city.example", interactive=False, verbosity=0)
    response = anonymous.post(LOGIN, {"login": "curator@city.example", "password": PASSWORD})
    assert response.status_code == 302
    assert "confirm-email" not in response.url
    assert is_signed_in(anonymous)
