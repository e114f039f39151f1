"""Two-factor authentication: any member may add an authenticator app; staff must have one
before the admin opens, and then sign in with its code. The admin's own log-in is allauth's."""

import re

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from tests.accounts.utils import PASSWORD, is_signed_in, totp_code
from tests.conftest import signed_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
MFA_CODE = "/accounts/2fa/authenticate/"
ACTIVATE = "/accounts/2fa/totp/activate/"
REAUTHENTICATE = "/accounts/reauthenticate/"


@pytest.fixture
def curator(db):
    """A staff member who signs in with a password and has no second factor yet."""
    return UserFactory(
        email="carla@portal.example", is_staff=True, is_superuser=True, confirmed=True
    )


def sign_in(client, user):
    return client.post(LOGIN, {"login": user.email, "password": PASSWORD})


def activate_authenticator(client):
    """Open the set-up page (confirming the password, as allauth asks) and enter a code from
    the secret it shows."""
    client.post(REAUTHENTICATE, {"password": PASSWORD})
    page = client.get(ACTIVATE)
    assert re.search(r"<h1>\s*Activate Authenticator App\s*</h1>", page.text)
    secret = client.session["mfa.totp.secret"]
    response = client.post(ACTIVATE, {"code": totp_code(secret)}, follow=True)
    assert response.redirect_chain, "the authenticator was not activated"
    return response


def test_admin_sends_visitors_to_the_site_log_in(anonymous):
    response = anonymous.get("/admin/practices/practice/", follow=True)

    assert response.redirect_chain[-1][0] == "/accounts/login/?next=/admin/practices/practice/"
    assert 'name="login"' in response.text


def test_admin_log_in_page_itself_is_the_site_log_in(anonymous):
    response = anonymous.post("/admin/login/?next=/admin/", {"username": "x", "password": "y"})

    assert response.status_code == 302
    assert response.url == "/accounts/login/?next=/admin/"


def test_staff_without_a_second_factor_are_sent_to_set_one_up(anonymous, curator):
    sign_in(anonymous, curator)

    response = anonymous.get("/admin/", follow=True)

    # Setting up a second factor asks for the password again first.
    assert [url for url, _ in response.redirect_chain][-2:] == [
        ACTIVATE,
        "/accounts/reauthenticate/?next=%2Faccounts%2F2fa%2Ftotp%2Factivate%2F",
    ]
    assert "The administration is open to staff with two-factor authentication" in response.text
    assert anonymous.get("/admin/practices/practice/").status_code == 302


def test_staff_who_activate_an_authenticator_get_into_the_admin(anonymous, curator):
    sign_in(anonymous, curator)

    response = activate_authenticator(anonymous)

    # Recovery codes come with it, for the day the phone is lost.
    assert "There are 10 out of 10 recovery codes available." in response.text
    assert Authenticator.objects.filter(user=curator, type="totp").exists()
    admin = anonymous.get("/admin/")
    assert admin.status_code == 200
    assert "Together for Safety administration" in admin.text


def test_sign_in_asks_for_the_code_when_an_authenticator_is_active(anonymous, curator):
    secret = generate_totp_secret()
    TOTP.activate(curator, secret)

    response = sign_in(anonymous, curator)

    assert response.status_code == 302
    assert response.url == MFA_CODE
    assert not is_signed_in(anonymous)
    wrong = anonymous.post(MFA_CODE, {"code": "000000" if totp_code(secret) != "000000" else "1"})
    assert "Incorrect code." in wrong.text
    assert not is_signed_in(anonymous)

    anonymous.post(MFA_CODE, {"code": totp_code(secret)})

    assert is_signed_in(anonymous)
    assert anonymous.get("/admin/").status_code == 200


def test_a_code_cannot_be_used_twice(anonymous, curator):
    secret = generate_totp_secret()
    TOTP.activate(curator, secret)
    code = totp_code(secret)
    sign_in(anonymous, curator)
    anonymous.post(MFA_CODE, {"code": code})
    anonymous.post("/accounts/logout/")

    sign_in(anonymous, curator)
    anonymous.post(MFA_CODE, {"code": code})

    assert not is_signed_in(anonymous)


def test_a_recovery_code_stands_in_for_a_lost_phone(anonymous, curator):
    sign_in(anonymous, curator)
    activate_authenticator(anonymous)
    # The codes as the member saves them: the page's "Download codes" file.
    codes = anonymous.get("/accounts/2fa/recovery-codes/download/").text.split()
    anonymous.post("/accounts/logout/")

    sign_in(anonymous, curator)
    anonymous.post(MFA_CODE, {"code": codes[0]})

    assert is_signed_in(anonymous)


def test_members_are_refused_the_admin(member):
    response = member.get("/admin/", follow=True)

    assert response.status_code == 403
    assert "Together for Safety administration" not in response.text


def test_development_may_open_the_admin_without_a_second_factor(settings, curator):
    settings.ADMIN_REQUIRE_MFA = False

    assert signed_in(curator).get("/admin/").status_code == 200


def test_own_profile_links_to_two_factor_authentication(anonymous, curator):
    sign_in(anonymous, curator)

    profile = anonymous.get(f"/members/{curator.pk}/")

    assert '<a href="/accounts/2fa/">Two-factor authentication</a>' in profile.text


def test_guessing_codes_is_stopped_after_five_tries(anonymous, curator):
    secret = generate_totp_secret()
    TOTP.activate(curator, secret)
    sign_in(anonymous, curator)
    wrong = "000000" if totp_code(secret) != "000000" else "111111"
    for _ in range(5):
        anonymous.post(MFA_CODE, {"code": wrong})

    response = anonymous.post(MFA_CODE, {"code": totp_code(secret)})

    assert "Too many failed login attempts." in response.text
    assert not is_signed_in(anonymous)
