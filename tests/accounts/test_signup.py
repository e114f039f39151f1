"""Signing up: the form asks for a display name, a confirmation e-mail arrives, its link
confirms the address, and only then can the new member sign in."""

import pytest
from allauth.account.models import EmailAddress

from accounts.models import User
from tests.accounts.utils import PASSWORD, is_signed_in, link_in
from tests.jobs import delivered

pytestmark = pytest.mark.django_db

SIGNUP = "/accounts/signup/"
LOGIN = "/accounts/login/"


def sign_up(client, **changes):
    data = {
        "email": "amira@city.example",
        "display_name": "Amira Haddad",
        "password1": PASSWORD,
        "password2": PASSWORD,
    } | changes
    return client.post(SIGNUP, data)


def test_signup_page_asks_for_a_display_name(anonymous):
    response = anonymous.get(SIGNUP)
    assert response.status_code == 200
    assert '<label for="id_display_name">Display name</label>' in response.text
    assert 'autocomplete="name"' in response.text
    # Asked in this order: who you are before choosing a password.
    text = response.text
    assert text.index('id="id_email"') < text.index('id="id_display_name"')
    assert text.index('id="id_display_name"') < text.index('id="id_password1"')


def test_signup_sends_a_confirmation_email_whose_link_confirms_then_sign_in_works(anonymous):
    response = sign_up(anonymous)

    assert response.status_code == 302
    assert response.url == "/accounts/confirm-email/"
    assert "Verify Your Email Address" in anonymous.get(response.url).text
    user = User.objects.get(email="amira@city.example")
    assert user.display_name == "Amira Haddad"
    assert not is_signed_in(anonymous)

    [message] = delivered()
    assert message.to == ["amira@city.example"]
    assert message.subject.startswith("[Together for Safety] ")
    confirm_url = link_in(message)
    page = anonymous.get(confirm_url)
    assert "Confirm Email Address" in page.text
    assert "amira@city.example" in page.text

    response = anonymous.post(confirm_url)
    assert response.status_code == 302
    assert response.url == LOGIN
    assert EmailAddress.objects.get(email="amira@city.example").verified

    response = anonymous.post(LOGIN, {"login": "amira@city.example", "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == "/"
    assert is_signed_in(anonymous)
    assert "Successfully signed in as Amira Haddad." in anonymous.get("/").text


def test_sign_in_before_confirming_is_refused_and_sends_to_the_verification_page(anonymous):
    sign_up(anonymous)

    response = anonymous.post(
        LOGIN, {"login": "amira@city.example", "password": PASSWORD}, follow=True
    )

    assert response.redirect_chain[-1][0] == "/accounts/confirm-email/"
    assert "Verify Your Email Address" in response.text
    assert not is_signed_in(anonymous)


def test_signup_without_a_display_name_shows_the_error_next_to_the_field(anonymous):
    response = sign_up(anonymous, display_name="  ")

    assert response.status_code == 200
    assert '<ul class="errorlist" id="id_display_name_error">' in response.text
    assert 'aria-describedby="id_display_name_helptext id_display_name_error"' in response.text
    assert 'aria-invalid="true"' in response.text
    # What was typed is kept.
    assert 'value="amira@city.example"' in response.text
    assert not User.objects.filter(email="amira@city.example").exists()
    assert delivered() == []


def test_signup_with_a_taken_address_reveals_nothing_on_the_page(anonymous, verified_user):
    response = sign_up(anonymous, email=verified_user.email.upper())

    # The same answer as for a new address; the owner of the address learns about it by mail.
    assert response.status_code == 302
    assert response.url == "/accounts/confirm-email/"
    assert User.objects.filter(email__iexact=verified_user.email).count() == 1
    [message] = delivered()
    assert message.to == [verified_user.email]
    assert "Account Already Exists" in message.subject


def test_mismatched_passwords_are_reported_on_the_second_password(anonymous):
    response = sign_up(anonymous, password2="something else entirely")

    assert '<ul class="errorlist" id="id_password2_error">' in response.text
    assert "You must type the same password each time." in response.text


def test_a_common_password_is_refused(anonymous):
    response = sign_up(anonymous, password1="password123", password2="password123")

    assert "This password is too common." in response.text
    assert not User.objects.filter(email="amira@city.example").exists()


def test_a_long_passphrase_of_plain_words_is_accepted(anonymous):
    # No digits, capitals or symbols demanded: length and rarity are what count.
    response = sign_up(anonymous, password1="quiet harbour lamps", password2="quiet harbour lamps")

    assert response.status_code == 302
    assert User.objects.filter(email="amira@city.example").exists()
