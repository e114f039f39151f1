"""A French-speaking visitor reads a practice in English, switches to French and stays on the
same page, then keeps reading in French; a browser set to French gets French from the start."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e import pages
from tests.e2e.pages import DESKTOP

pytestmark = pytest.mark.e2e

TITLE = "A rumour desk for election periods"


def heading(page):
    return page.get_by_role("heading", level=1)


def test_a_visitor_switches_to_french_on_a_practice_and_stays_on_it(page):
    page.goto(pages.PRACTICE + "?from=newsletter")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_text("Last updated")).to_be_visible()

    switcher = page.get_by_role("navigation", name="Site language")
    expect(switcher.get_by_role("link", name="English")).to_have_attribute("aria-current", "true")
    switcher.get_by_role("link", name="Français").click()

    expect(page).to_have_url(re.compile(re.escape(pages.FRENCH_PRACTICE) + r"\?from=newsletter$"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(heading(page)).to_have_text(TITLE)
    expect(page.get_by_text("Dernière mise à jour")).to_be_visible()
    expect(page.get_by_role("navigation", name="Principal")).to_contain_text("Pratiques")
    french_switcher = page.get_by_role("navigation", name="Langue du site")
    expect(french_switcher.get_by_role("link", name="Français")).to_have_attribute(
        "aria-current", "true"
    )

    # Onwards from the page, and back through an English link: still in French.
    page.locator(".facts").get_by_role("link", name=re.compile(r"^2\. ")).click()
    expect(page).to_have_url(re.compile(r"/fr/lessons/2/$"))
    expect(page.get_by_text("Leçon 2 sur 9")).to_be_visible()
    page.goto(pages.PRACTICE)
    expect(page).to_have_url(re.compile(re.escape(pages.FRENCH_PRACTICE) + "$"))

    french_switcher.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(re.escape(pages.PRACTICE) + "$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(heading(page)).to_have_text(TITLE)


def test_a_browser_set_to_french_opens_the_portal_in_french(browser, portal):
    context = browser.new_context(base_url=portal, viewport=DESKTOP, locale="fr-FR")
    page = context.new_page()
    try:
        page.goto(pages.HOME)
        expect(page).to_have_url(re.compile(r"/fr/$"))
        expect(page.locator("html")).to_have_attribute("lang", "fr")
        expect(page.get_by_role("heading", name="Les neuf leçons clés")).to_be_visible()
    finally:
        context.close()
