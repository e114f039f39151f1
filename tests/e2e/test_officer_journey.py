"""A city officer signs up, confirms their address from the e-mail, asks to join Aarhus's team
and, once a curator has approved them, writes a practice, previews it and submits it; the
curator publishes it in the admin, and any reader then finds it in the list and the search.

Two people, two browser contexts: each acts only through the pages. The e-mail is read from
Django's locmem outbox, which the jobs the live server (a thread of this process) queued fill
when the test runs them (tests/jobs.py).
"""

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from tests.e2e import pages, people
from tests.jobs import run_jobs

pytestmark = pytest.mark.e2e

PASSWORD = "correct horse battery staple"
OFFICER_EMAIL = "amira@aarhus.example"
OFFICER = "Amira Haddad"
CURATOR_EMAIL = "curator@portal.example"
TITLE = "Lantern walks with night-bus drivers"
LESSON_2 = "2. Cities can counter disinformation by building trust and resilience"


def heading(page):
    return page.get_by_role("heading", level=1)


def messages(page):
    return page.locator(".messages")


def confirmation_link(outbox, address):
    """The path of the confirmation link in the one e-mail sent to this address, once the
    worker has sent it (the jobs run here, as the worker would)."""
    run_jobs()
    [message] = [message for message in outbox if message.to == [address]]
    [url] = re.findall(r"https?://\S+/accounts/confirm-email/\S+", message.body)
    return urlparse(url).path


def sign_in(page, email):
    page.goto(pages.LOG_IN)
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(messages(page)).to_contain_text("Successfully signed in")


@pytest.fixture
def curator(portal):
    """A staff member with a confirmed address and an authenticator app."""
    return people.confirmed_member(CURATOR_EMAIL, "Carla Curator", staff=True)


def test_officer_joins_a_city_and_publishes_a_practice_a_curator_approves(
    page, another_person, curator, mailoutbox
):
    # The officer signs up, and can sign in once the link in the e-mail is confirmed.
    page.goto(pages.SIGN_UP)
    page.get_by_label("Email").fill(OFFICER_EMAIL)
    page.get_by_label("Display name").fill(OFFICER)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Create my account").click()
    expect(heading(page)).to_have_text("Verify Your Email Address")

    page.goto(confirmation_link(mailoutbox, OFFICER_EMAIL))
    expect(heading(page)).to_have_text("Confirm Email Address")
    page.get_by_role("button", name="Confirm").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    sign_in(page, OFFICER_EMAIL)

    # From the city's page, they ask to become one of its editors.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Cities").click()
    page.get_by_role("link", name="Aarhus", exact=True).click()
    expect(heading(page)).to_have_text("Aarhus")
    page.get_by_role("link", name="Ask to become an editor").click()
    expect(heading(page)).to_have_text("Become an editor for Aarhus")
    page.get_by_label("Why you are asking").fill(
        "I coordinate crime prevention on the night-time economy for the City of Aarhus."
    )
    page.get_by_role("button", name="Send my request").click()
    expect(messages(page)).to_contain_text("Request sent.")
    expect(page.locator(".team-box")).to_contain_text("waiting for a decision")

    # A curator, in a browser of their own, approves the request on the city's team page.
    curator_page = another_person()
    people.sign_in(curator_page, curator)
    curator_page.get_by_role("navigation", name="Main").get_by_role("link", name="Cities").click()
    curator_page.get_by_role("link", name="Aarhus", exact=True).click()
    curator_page.get_by_role("link", name="Manage the editors and their requests").click()
    expect(heading(curator_page)).to_have_text("Aarhus's team")
    request = curator_page.locator("article", has_text=OFFICER)
    expect(request).to_contain_text("night-time economy")
    request.get_by_role("button", name=f"Approve {OFFICER}").click()
    expect(messages(curator_page)).to_contain_text(f"{OFFICER}: Approved.")
    expect(curator_page.locator(".team")).to_contain_text(f"{OFFICER} · Editor")

    # The officer, now an editor, writes a practice with the guided form and previews it.
    page.reload()
    expect(page.locator(".team-box")).to_contain_text("You are in this city's team (Editor).")
    page.locator(".team-box").get_by_role("link", name="Write a practice").click()
    expect(page).to_have_url(re.compile(r"/practices/new/$"))
    expect(heading(page)).to_have_text("Write a practice")
    page.get_by_label("City").select_option(label="Aarhus (DK)")
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Summary").fill(
        "Drivers of the late buses and youth workers walk the stops together on Friday nights."
    )
    page.get_by_role("checkbox", name=LESSON_2).check()
    page.get_by_label("Tags").fill("night-time economy, public transport")
    page.get_by_label("Context and problem").fill(
        "Fights and rumours gathered around the last buses out of the city centre."
    )
    page.get_by_label("Start year").fill("2023")
    page.get_by_role("combobox", name="Language").select_option(label="English")
    page.get_by_role("radio", name="Internally reviewed").check()
    # It takes up Malmö's rumour desk: the officer pastes the address of that practice's page.
    origin = "{0.scheme}://{0.netloc}".format(urlparse(page.url))
    page.get_by_label("Adapts").fill(origin + pages.PRACTICE)
    page.get_by_role("button", name="Save and preview").click()

    expect(page.locator(".preview-banner")).to_contain_text("Preview")
    expect(page.locator(".adaptation-link")).to_contain_text("Adapted from Malmö")
    expect(heading(page)).to_have_text(TITLE)
    expect(page.locator(".practice")).to_contain_text("Fights and rumours gathered")

    # They submit it from the preview; it waits for review, not yet public to a reader.
    page.get_by_role("button", name="Submit for review").click()
    expect(messages(page)).to_contain_text("Submitted for review.")
    expect(heading(page)).to_have_text("My practices")
    submitted = page.get_by_role("region", name=re.compile(r"^Submitted for review"))
    expect(submitted.get_by_role("link", name=TITLE, exact=True)).to_be_visible()
    reader = another_person()
    reader.goto(pages.PRACTICE_LIST)
    expect(reader.locator(".result-list")).not_to_contain_text(TITLE)

    # The curator publishes it from the admin's list of practices.
    people.account_link(curator_page, "Admin").click()
    curator_page.locator("tr.model-practice").get_by_role("link", name="Practices").click()
    curator_page.locator("#changelist-filter").get_by_role(
        "link", name="Submitted for review"
    ).click()
    row = curator_page.locator("#result_list tbody tr", has_text=TITLE)
    row.get_by_role("checkbox").check()
    curator_page.get_by_role("combobox", name="Action").select_option(
        label="Publish the selected practices"
    )
    curator_page.get_by_role("button", name="Go", exact=True).click()
    expect(curator_page.locator(".messagelist")).to_contain_text("1 practice published.")

    # A reader now finds it among the practices and by a word of its title.
    reader.reload()
    expect(
        reader.locator(".result-list").get_by_role("link", name=TITLE, exact=True)
    ).to_be_visible()
    reader.get_by_role("searchbox", name="Search practices").fill("lantern")
    reader.get_by_role("button", name="Search", exact=True).click()
    expect(reader.locator(".result-count")).to_have_text("1 practice")
    reader.locator(".result-list").get_by_role("link", name=TITLE, exact=True).click()
    expect(heading(reader)).to_have_text(TITLE)
    expect(reader.locator(".practice")).to_contain_text("Aarhus")

    # The officer was told of each decision by e-mail.
    run_jobs()
    subjects = [message.subject for message in mailoutbox if message.to == [OFFICER_EMAIL]]
    assert "[Together for Safety] Aarhus: Approved" in subjects
    assert f"[Together for Safety] “{TITLE}”: Published" in subjects
