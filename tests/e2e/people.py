"""The people who sign in during the browser tests: members created with their address already
confirmed (allauth lets no one else sign in), staff with an authenticator app (the admin demands
one), and signing in through the log-in form and, for staff, the code step."""

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from playwright.sync_api import expect

from accounts.models import User
from practices.models import City, Membership
from tests.accounts.utils import totp_code
from tests.e2e import pages

PASSWORD = "correct horse battery staple"


def confirmed_member(email, display_name, *, staff=False):
    """A member who can sign in; with `staff`, a superuser who also moderates and reviews."""
    create = User.objects.create_superuser if staff else User.objects.create_user
    user = create(email, PASSWORD, display_name=display_name)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    if staff:
        # The secret their phone would hold, kept on the object for sign_in to make codes.
        user.totp_secret = generate_totp_secret()
        TOTP.activate(user, user.totp_secret)
    return user


def aarhus_editor():
    """Ebba, an editor in Aarhus's team: she edits its practices and manages their files."""
    user = confirmed_member("ebba@aarhus.example", "Ebba Lund")
    Membership.objects.create(
        user=user,
        city=City.objects.get(slug="aarhus"),
        role=Membership.Role.EDITOR,
        status=Membership.Status.APPROVED,
    )
    return user


def sign_in(page, user):
    page.goto(pages.LOG_IN)
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    if secret := getattr(user, "totp_secret", None):
        expect(page.get_by_role("heading", level=1)).to_have_text("Two-Factor Authentication")
        page.get_by_label("Code").fill(totp_code(secret))
        page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".messages")).to_contain_text("Successfully signed in")


def open_account_menu(page):
    """The member's own pages sit behind their name on a desktop: open it, if it is closed."""
    summary = page.locator(".account-menu > summary")
    if summary.is_visible() and page.locator(".account-menu[open]").count() == 0:
        summary.click()


def account_link(page, name):
    """A link of the member's own pages in the header (My practices, Review, Admin, My profile)."""
    open_account_menu(page)
    return page.get_by_role("navigation", name="Main").get_by_role("link", name=name)


def sign_out(page):
    open_account_menu(page)
    page.get_by_role("button", name="Sign out").click()
