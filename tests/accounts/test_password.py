"""Resetting a forgotten password by e-mail, and changing it while signed in."""

import pytest
from django.test import Client

from tests.accounts.utils import PASSWORD, is_signed_in, link_in
from tests.jobs import delivered

pytestmark = pytest.mark.django_db

RESET = "/accounts/password/reset/"
LOGIN = "/accounts/login/"
NEW_PASSWORD = "lantern orchard seventeen"


def test_reset_mail_arrives_and_its_link_sets_a_new_password(anonymous, verified_user):
    response = anonymous.post(RESET, {"email": verified_user.email})

    assert response.status_code == 302
    assert "We have sent you an email." in anonymous.get(response.url).text
    [message] = delivered()
    assert message.to == [verified_user.email]
    assert message.subject == "[Together for Safety] Password Reset Email"

    form = anonymous.get(link_in(message), follow=True)
    assert "<h1>" in form.text
    assert '<label for="id_password1">New Password</label>' in form.text
    response = anonymous.post(
        form.redirect_chain[-1][0],
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        follow=True,
    )
    assert "Your password is now changed." in response.text

    anonymous.post(LOGIN, {"login": verified_user.email, "password": PASSWORD})
    assert not is_signed_in(anonymous)
    anonymous.post(LOGIN, {"login": verified_user.email, "password": NEW_PASSWORD})
    assert is_signed_in(anonymous)


def test_reset_link_works_only_once(anonymous, verified_user):
    anonymous.post(RESET, {"email": verified_user.email})
    link = link_in(delivered()[0])
    form = anonymous.get(link, follow=True)
    anonymous.post(
        form.redirect_chain[-1][0], {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )

    again = anonymous.get(link, follow=True)

    assert "Bad Token" in again.text
    assert "new password reset" in again.text


def test_reset_for_an_unknown_address_looks_the_same_on_the_page(anonymous, verified_user):
    known = anonymous.post(RESET, {"email": verified_user.email}, follow=True)
    unknown = anonymous.post(RESET, {"email": "nobody@example.org"}, follow=True)

    assert known.redirect_chain == unknown.redirect_chain
    assert "We have sent you an email." in unknown.text


def test_member_changes_their_password_and_stays_signed_in(anonymous, verified_user):
    anonymous.post(LOGIN, {"login": verified_user.email, "password": PASSWORD})

    response = anonymous.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        follow=True,
    )

    assert "Password successfully changed." in response.text
    assert is_signed_in(anonymous)
    verified_user.refresh_from_db()
    assert verified_user.check_password(NEW_PASSWORD)


def test_wrong_current_password_is_reported_next_to_its_field(member):
    response = member.post(
        "/accounts/password/change/",
        {"oldpassword": "not it", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert '<ul class="errorlist" id="id_oldpassword_error">' in response.text
    assert 'aria-describedby="id_oldpassword_helptext id_oldpassword_error"' in response.text


def signed_in_twice(user):
    """The member signed in on two devices: two clients, each with its own session."""
    devices = [Client(), Client()]
    for device in devices:
        device.post(LOGIN, {"login": user.email, "password": PASSWORD})
        assert is_signed_in(device)
    return devices


def test_changing_the_password_signs_out_the_other_devices(verified_user):
    laptop, phone = signed_in_twice(verified_user)

    laptop.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert laptop.get("/my/profile/").status_code == 200
    response = phone.get("/my/profile/")
    assert response.status_code == 302
    assert response.url.startswith(LOGIN)


def test_a_password_reset_signs_out_every_device(anonymous, verified_user):
    laptop, phone = signed_in_twice(verified_user)

    anonymous.post(RESET, {"email": verified_user.email})
    form = anonymous.get(link_in(delivered()[0]), follow=True)
    anonymous.post(
        form.redirect_chain[-1][0], {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )

    for device in (laptop, phone):
        assert device.get("/my/profile/").url.startswith(LOGIN)
