"""A new curator opens the admin, is asked to set up two-factor authentication first, does so
with an authenticator app's code, gets in, and later signs in with a recovery code (the phone
lost). Everything through the pages, as a person would."""

import re

import pytest
from playwright.sync_api import expect

from tests.accounts.utils import totp_code
from tests.e2e import pages
from tests.e2e.people import PASSWORD, account_link, confirmed_member, sign_in, sign_out

pytestmark = pytest.mark.e2e


def heading(page):
    return page.get_by_role("heading", level=1)


def test_a_curator_sets_up_an_authenticator_before_the_admin_opens(page, portal):
    curator = confirmed_member("nils@portal.example", "Nils Curator")
    curator.is_staff = curator.is_superuser = True
    curator.save()
    sign_in(page, curator)

    # The admin sends them to set up an authenticator, after confirming their password.
    account_link(page, "Admin").click()
    expect(page.locator(".messages")).to_contain_text(
        "The administration is open to staff with two-factor authentication"
    )
    expect(heading(page)).to_have_text("Confirm Access")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()

    # Their app would scan the QR code; here the secret is read from the page.
    expect(heading(page)).to_have_text("Activate Authenticator App")
    secret = page.get_by_label("Authenticator secret").input_value()
    page.get_by_label("Authenticator code").fill(totp_code(secret))
    page.get_by_role("button", name="Activate").click()

    # Recovery codes come with it; the admin now opens.
    expect(heading(page)).to_have_text("Recovery Codes")
    recovery_codes = page.get_by_label("Unused codes").input_value().split()
    assert len(recovery_codes) == 10
    account_link(page, "Admin").click()
    expect(page.locator("#site-name")).to_contain_text("Together for Safety administration")

    # Phone lost: a recovery code stands in for the app's code, once.
    page.goto(pages.HOME)
    sign_out(page)
    page.goto(pages.LOG_IN)
    page.get_by_label("Email").fill(curator.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(heading(page)).to_have_text("Two-Factor Authentication")
    page.get_by_label("Code").fill(recovery_codes[0])
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".messages")).to_contain_text("Successfully signed in")
    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/admin/$"))
