"""The pages about the portal itself: about, privacy and contact, in both languages, linked
from every page's footer and from the sign-up page."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "heading"),
    [
        ("/about/", "<h1>About the portal</h1>"),
        ("/fr/about/", "<h1>À propos du portail</h1>"),
        ("/privacy/", "<h1>Privacy</h1>"),
        ("/fr/privacy/", "<h1>Confidentialité</h1>"),
        ("/contact/", "<h1>Contact</h1>"),
        ("/fr/contact/", "<h1>Contact</h1>"),
    ],
)
def test_each_page_reads_in_its_language_and_is_in_every_footer(anonymous, url, heading):
    page = anonymous.get(url).text
    assert heading in page
    prefix = "/fr" if url.startswith("/fr/") else ""
    footer = page[page.index('<footer class="site-footer">') :]
    for target in ("about", "contact", "privacy"):
        assert f'href="{prefix}/{target}/"' in footer


def test_the_contact_page_gives_the_address_set_for_this_installation(anonymous, settings):
    settings.CONTACT_EMAIL = "team@portal.example"
    page = anonymous.get("/contact/").text
    assert '<a href="mailto:team@portal.example">team@portal.example</a>' in page


def test_without_an_address_the_contact_page_says_how_to_set_one(anonymous, settings):
    settings.CONTACT_EMAIL = ""
    assert "DJANGO_CONTACT_EMAIL" in anonymous.get("/contact/").text


def test_sign_up_says_who_can_join_and_links_the_privacy_page(anonymous):
    page = anonymous.get("/accounts/signup/").text
    assert "<h1>Create an account</h1>" in page
    assert "Membership is open to people who work on urban safety and prevention" in page
    assert 'href="/privacy/"' in page
    # The portal's form voice: no colon after labels, no placeholder repeating them, and the
    # password rules in one sentence.
    assert '<label for="id_email">Email</label>' in page or '<label for="id_email">E-mail' in page
    assert "placeholder=" not in page.split("<form", 2)[-1]
    assert "At least 8 characters, not only digits" in page
    assert "Your password can’t be a commonly used password." not in page


def test_sign_in_offers_to_stay_signed_in_in_plain_words(anonymous):
    page = anonymous.get("/fr/accounts/login/").text
    assert "Rester connecté sur cet appareil" in page
    assert "Remember" not in page
