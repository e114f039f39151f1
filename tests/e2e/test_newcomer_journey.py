"""A newcomer browses from the home page to a practice, by lesson, tag, country and search,
using only links, the filter panel and the search box."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

LESSON_2 = "Cities can counter disinformation by building trust and resilience"


def heading(page):
    return page.get_by_role("heading", level=1)


def test_newcomer_goes_from_a_lesson_to_a_tag_a_country_and_a_search(page):
    page.goto("/")
    expect(heading(page)).to_have_text("What cities have learned about keeping communities safe")

    page.locator(".lesson-grid").get_by_role("link", name=LESSON_2).click()
    expect(page).to_have_url(re.compile(r"/lessons/2/$"))
    expect(heading(page)).to_have_text(LESSON_2)
    expect(page.get_by_text("Lesson 2 of 9")).to_be_visible()

    page.get_by_role("link", name="A rumour desk for election periods").click()
    expect(page).to_have_url(re.compile(r"/practices/malmo-election-rumour-desk/$"))
    expect(heading(page)).to_have_text("A rumour desk for election periods")

    page.locator(".tags").get_by_role("link", name="disinformation", exact=True).click()
    expect(page).to_have_url(re.compile(r"/tags/disinformation/$"))
    expect(heading(page)).to_have_text("disinformation")
    page.get_by_role("link", name="Filter and search the practices tagged “disinformation”").click()
    expect(page).to_have_url(re.compile(r"/practices/\?tag=disinformation$"))
    expect(heading(page)).to_have_text("Practices")
    expect(page.locator(".chips")).to_contain_text("Tag: disinformation")
    expect(page.locator(".result-count")).to_have_text("4 practices")

    filters = page.locator(".filters")
    filters.get_by_role("radio", name=re.compile(r"^Denmark")).check()
    filters.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"[?&]country=DK(&|$)"))
    expect(page).to_have_url(re.compile(r"[?&]tag=disinformation(&|$)"))
    expect(page.locator(".result-count")).to_have_text("1 practice")
    expect(page.locator(".result-list")).to_contain_text(
        "Media literacy labs in public libraries before local elections"
    )

    page.locator(".chips").get_by_role("link", name=re.compile(r"^Country: Denmark")).click()
    expect(page).not_to_have_url(re.compile(r"country="))
    expect(page).to_have_url(re.compile(r"[?&]tag=disinformation(&|$)"))
    expect(page.locator(".chips")).not_to_contain_text("Country")
    expect(page.locator(".result-count")).to_have_text("4 practices")

    page.get_by_role("searchbox", name="Search practices").fill("libraries")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page).to_have_url(re.compile(r"[?&]q=libraries(&|$)"))
    expect(page.locator(".chips")).to_contain_text("Search: “libraries”")
    result = page.locator(".result-list").get_by_role(
        "link", name="Critical-thinking circles across generations"
    )
    result.click()
    expect(page).to_have_url(
        re.compile(r"/practices/reykjavik-intergenerational-critical-thinking-circles/$")
    )
    expect(heading(page)).to_have_text("Critical-thinking circles across generations")
