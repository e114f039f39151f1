"""A member's preferred language: set when they sign up, changed on their profile, and the
language of every e-mail allauth sends them, links included."""

import pytest

from accounts.models import User
from tests.accounts.utils import PASSWORD, link_in
from tests.jobs import delivered

pytestmark = pytest.mark.django_db


def sign_up(client, path):
    return client.post(
        path,
        {
            "email": "amira@city.example",
            "display_name": "Amira Haddad",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )


def test_signing_up_in_french_gives_french_e_mails_with_french_links(anonymous):
    response = sign_up(anonymous, "/fr/accounts/signup/")

    assert response.status_code == 302
    assert response.url == "/fr/accounts/confirm-email/"
    assert User.objects.get(email="amira@city.example").language == "fr"
    [message] = delivered()
    assert message.subject == "[Ensemble pour la sécurité] Confirmez votre adresse e-mail"
    assert message.body.startswith("Bonjour de la part d'Ensemble pour la sécurité")
    assert link_in(message).startswith("/fr/accounts/confirm-email/")


def test_signing_up_in_english_keeps_english(anonymous):
    sign_up(anonymous, "/accounts/signup/")

    assert User.objects.get(email="amira@city.example").language == "en"
    [message] = delivered()
    assert message.subject.startswith("[Together for Safety] ")
    assert message.body.startswith("Hello from Together for Safety!")
    assert link_in(message).startswith("/accounts/confirm-email/")


def test_password_reset_asked_from_an_english_page_reaches_a_french_member_in_french(
    anonymous, verified_user
):
    verified_user.language = "fr"
    verified_user.save()

    anonymous.post("/accounts/password/reset/", {"email": verified_user.email})

    [message] = delivered()
    assert message.subject.startswith("[Ensemble pour la sécurité] ")
    assert "mot de passe" in message.body
    assert link_in(message).startswith("/fr/accounts/password/reset/key/")
    form = anonymous.get(link_in(message), follow=True)
    assert '<html lang="fr">' in form.text


def test_a_member_changes_their_language_on_their_profile(member, member_user):
    form = member.get("/my/profile/")
    assert '<select name="language"' in form.text

    member.post(
        "/my/profile/",
        {"display_name": "Kari Nordmann", "language": "fr"},
    )

    member_user.refresh_from_db()
    assert member_user.language == "fr"


def test_an_unknown_language_is_refused_on_the_profile(member, member_user):
    response = member.post("/my/profile/", {"display_name": "Kari Nordmann", "language": "de"})
    assert response.status_code == 200
    member_user.refresh_from_db()
    assert member_user.language == "en"
