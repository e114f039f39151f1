"""Changing one's e-mail address: the new address is confirmed by mail before it replaces the
old one, which then stops working for signing in."""

import pytest
from allauth.account.models import EmailAddress
from django.test import Client

from tests.accounts.utils import PASSWORD, is_signed_in, link_in
from tests.factories import UserFactory
from tests.jobs import delivered

pytestmark = pytest.mark.django_db

EMAIL = "/accounts/email/"
NEW = "kari.nordmann@oslo.example"


@pytest.fixture
def kari(verified_user):
    client = Client()
    client.force_login(verified_user)
    return client


def test_page_shows_the_current_address_and_a_labelled_field_for_the_new_one(kari):
    response = kari.get(EMAIL)

    assert response.status_code == 200
    assert response.text.count("<h1") == 1
    assert 'value="kari@example.org"' in response.text
    assert '<label for="id_email">' in response.text
    assert 'style="' not in response.text


def test_new_address_replaces_the_old_once_confirmed(kari, verified_user):
    response = kari.post(EMAIL, {"email": NEW, "action_add": ""}, follow=True)

    assert "Your email address is still pending verification." in response.text
    [message] = delivered()
    assert message.to == [NEW]
    verified_user.refresh_from_db()
    assert verified_user.email == "kari@example.org"

    confirm_url = link_in(message)
    assert NEW in kari.get(confirm_url).text
    kari.post(confirm_url)

    verified_user.refresh_from_db()
    assert verified_user.email == NEW
    assert list(
        EmailAddress.objects.filter(user=verified_user).values_list("email", "verified")
    ) == [(NEW, True)]
    visitor = Client()
    visitor.post("/accounts/login/", {"login": "kari@example.org", "password": PASSWORD})
    assert not is_signed_in(visitor)
    visitor.post("/accounts/login/", {"login": NEW, "password": PASSWORD})
    assert is_signed_in(visitor)


def test_invalid_address_is_reported_next_to_the_field(kari):
    response = kari.post(EMAIL, {"email": "not an address", "action_add": ""})

    assert '<ul class="errorlist" id="id_email_error">' in response.text
    assert 'aria-describedby="id_email_error"' in response.text
    assert 'value="not an address"' in response.text
    assert delivered() == []


def test_another_members_address_cannot_be_taken_over(kari, verified_user):
    other = UserFactory(email="other@example.org", confirmed=True)

    # Accepted without a word (no enumeration); the confirmation then cannot succeed.
    kari.post(EMAIL, {"email": other.email, "action_add": ""})
    page = kari.get(link_in(delivered()[0]))

    assert "Unable to confirm other@example.org" in page.text
    verified_user.refresh_from_db()
    assert verified_user.email == "kari@example.org"
