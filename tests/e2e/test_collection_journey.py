"""A member keeps practices in a collection: saves one from its page into a new collection and
another from its card in the list, puts the second first, writes a note, shares the collection,
and a reader who is not signed in opens the link and reads it, without any button to change it.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e import pages
from tests.e2e.people import confirmed_member, sign_in

pytestmark = pytest.mark.e2e

FIRST = "A rumour desk for election periods"
COLLECTION = "For the elections working group"
NOTE = "Ask Malmö how many people staffed the desk."


def titles(page):
    return page.locator(".collection-item h2")


def test_a_member_keeps_orders_and_shares_a_collection(page, another_person):
    sign_in(page, confirmed_member("lea@aarhus.example", "Lea Holm"))

    # From the practice's page: into a new collection, named there.
    page.goto(pages.PRACTICE)
    page.get_by_label("Save to").select_option(label="A new collection…")
    page.get_by_label("or a new one named").fill(COLLECTION)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messages")).to_contain_text(f"Saved to “{COLLECTION}”.")

    # From a card in the list: its "Save" leads to the page that asks where.
    page.goto(pages.PRACTICE_LIST)
    card = page.locator(".result-list article.card").filter(has_not_text=FIRST).first
    second = card.locator(".card-title").inner_text()
    card.get_by_role("link", name="Save to a collection").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Save to a collection")
    page.get_by_role("combobox").select_option(label=COLLECTION)
    page.get_by_role("button", name="Save", exact=True).click()

    page.locator(".account-menu summary").click()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="My collections").click()
    page.get_by_role("link", name=COLLECTION).click()
    expect(titles(page)).to_have_text([FIRST, second])
    item = page.locator(".collection-item", has_text=second)
    item.get_by_role("button", name=re.compile(r"^Move up")).click()
    expect(titles(page)).to_have_text([second, FIRST])
    page.get_by_label("Note").nth(1).fill(NOTE)
    page.locator(".collection-item", has_text=FIRST).get_by_role(
        "button", name=re.compile(r"^Save the note")
    ).click()
    expect(page.locator(".messages")).to_contain_text("Note saved.")

    page.get_by_role("link", name="Edit the title, description or sharing").click()
    page.get_by_label("Shared by link").check()
    page.get_by_role("button", name="Save changes").click()
    link = page.locator(".notice a").get_attribute("href")
    assert re.fullmatch(r"/collections/[\w-]{32}/", link)

    reader = another_person()
    reader.goto(link)
    expect(reader.get_by_role("heading", level=1)).to_have_text(COLLECTION)
    expect(titles(reader)).to_have_text([second, FIRST])
    expect(reader.get_by_text(NOTE)).to_be_visible()
    expect(reader.locator("main button")).to_have_count(0)
