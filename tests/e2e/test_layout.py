"""The main pages on a phone (375 px) and a desktop (1280 px): nothing makes the page scroll
sideways, and the header's navigation never covers the content. Each check leaves a
screenshot in var/screenshots/ for people to look at. The home page's chart keeps labels one can
read, and the coverage table's caption shows in full, however far the table is scrolled."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e import pages
from tests.e2e.people import confirmed_member, sign_in

pytestmark = pytest.mark.e2e

PAGES = {
    "home": pages.HOME,
    "practice-list": pages.PRACTICE_LIST,
    "practice": pages.PRACTICE,
    "lesson": pages.LESSON,
    "coverage": pages.COVERAGE,
    "cities": pages.CITIES,
    "event": pages.EVENT,
    # French words run longer: the header must still fit.
    "home-fr": pages.FRENCH_HOME,
    "practice-fr": pages.FRENCH_PRACTICE,
}
WIDTHS = {"phone": pages.PHONE, "desktop": pages.DESKTOP}
# The header's main navigation, by its name in English or French.
MAIN_NAVIGATION = re.compile(r"^(Main|Principal)$")

# The elements whose right edge is the page's right edge: those that make it scroll sideways.
# (An element clipped inside a scrolling container reaches further, and is not one of them.)
WIDENING = """() => {
    const edge = document.documentElement.scrollWidth;
    const found = [];
    for (const element of document.body.querySelectorAll("*")) {
        if (Math.abs(element.getBoundingClientRect().right - edge) <= 1 && found.length < 3) {
            const classes = typeof element.className === "string" && element.className.trim()
                ? "." + element.className.trim().split(/\\s+/).join(".") : "";
            const text = element.textContent.trim().slice(0, 40);
            found.push(`${element.tagName.toLowerCase()}${classes} "${text}"`);
        }
    }
    return found;
}"""


def overlaps(a, b):
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


@pytest.mark.parametrize("viewport", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("name", PAGES.keys())
def test_page_fits_the_window_and_the_navigation_stays_clear(page, screenshot, name, viewport):
    page.set_viewport_size(viewport)
    page.goto(PAGES[name])
    screenshot(name)

    scroll_width, inner_width = page.evaluate(
        "[document.documentElement.scrollWidth, window.innerWidth]"
    )
    assert scroll_width <= inner_width, (
        f"the page scrolls sideways: {scroll_width} px wide in a {inner_width} px window; "
        f"widened by: {page.evaluate(WIDENING)}"
    )

    if viewport == pages.PHONE:
        # On a phone the navigation waits behind "Menu", and opens above the content.
        page.locator(".site-menu > summary").click()
    navigation = page.get_by_role("navigation", name=MAIN_NAVIGATION).bounding_box()
    main = page.locator("main").bounding_box()
    assert not overlaps(navigation, main), f"navigation {navigation} overlaps main {main}"


# The header's height, at most: one row on a desktop, the name and "Menu" on a phone.
HEADER_HEIGHT = {"phone": 80, "desktop": 80}


@pytest.mark.parametrize("width", WIDTHS.keys())
@pytest.mark.parametrize("name", ["home", "home-fr"])
def test_the_header_is_one_short_row_and_the_menu_opens_from_the_keyboard(page, name, width):
    page.set_viewport_size(WIDTHS[width])
    page.goto(PAGES[name])
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= HEADER_HEIGHT[width], header
    navigation = page.get_by_role("navigation", name=MAIN_NAVIGATION)
    if width == "desktop":
        expect(navigation).to_be_visible()
        expect(page.locator(".site-menu > summary")).to_be_hidden()
        return
    expect(navigation).to_be_hidden()
    page.locator(".site-menu > summary").focus()
    page.keyboard.press("Enter")
    expect(navigation).to_be_visible()
    expect(navigation.get_by_role("link").first).to_be_visible()


def test_the_phone_menu_opens_below_the_portal_s_name(page):
    page.set_viewport_size(pages.PHONE)
    page.goto(PAGES["home-fr"])
    page.locator(".site-menu > summary").click()
    brand = page.locator(".brand").bounding_box()
    first = page.get_by_role("navigation", name=MAIN_NAVIGATION).get_by_role("link").first
    box = first.bounding_box()
    assert box["y"] >= brand["y"] + brand["height"], (brand, box)
    assert box["x"] <= brand["x"] + 1, "the menu's links start at the left edge, under the name"


def test_a_signed_in_curator_s_header_is_one_row_in_french(page):
    curator = confirmed_member("curator@example.org", "Carla Curator", staff=True)
    sign_in(page, curator)
    page.set_viewport_size(pages.DESKTOP)
    page.goto(PAGES["home-fr"])
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= HEADER_HEIGHT["desktop"], header
    # The curator's own pages are behind their name, and open over the page.
    summary = page.locator(".account-menu > summary")
    expect(summary).to_have_text(re.compile(r"^Votre compte\s*:\s*Carla Curator$"))
    summary.click()
    expect(page.get_by_role("link", name="Administration")).to_be_visible()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Mes pratiques")).to_be_focused()


# The caption's lines of text (left and right edges) that fall outside what the window shows of
# the scrolling table, allowing a pixel: a scrolled table can sit half a pixel off.
CAPTION_CUT_OFF = """(caption) => {
    const wrapper = caption.closest(".table-scroll").getBoundingClientRect();
    const left = Math.max(0, wrapper.left) - 1;
    const right = Math.min(window.innerWidth, wrapper.right) + 1;
    const range = document.createRange();
    range.selectNodeContents(caption);
    return [...range.getClientRects()]
        .filter((line) => line.left < left || line.right > right)
        .map((line) => `${line.left}-${line.right} px, showing ${left + 1}-${right - 1} px`);
}"""


@pytest.mark.parametrize("viewport", WIDTHS.values(), ids=WIDTHS.keys())
def test_home_chart_slides_inside_the_page_with_its_lessons_in_view(page, viewport):
    page.set_viewport_size(viewport)
    page.goto(pages.HOME)
    region = page.locator(".table-scroll:has(.lesson-years)")
    region.scroll_into_view_if_needed()
    box = region.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"] + 1
    # Slid to its end, the table still shows which lesson each row is.
    region.evaluate("(element) => { element.scrollLeft = element.scrollWidth; }")
    first = page.locator(".lesson-years tbody th").first.bounding_box()
    assert first["x"] >= box["x"] - 1
    last_year = page.locator(".lesson-years thead th").last
    expect(last_year).to_be_in_viewport()


@pytest.mark.parametrize("viewport", WIDTHS.values(), ids=WIDTHS.keys())
def test_coverage_caption_reads_in_full_even_with_the_table_scrolled(page, viewport):
    page.set_viewport_size(viewport)
    page.goto(pages.COVERAGE)
    caption = page.locator(".coverage caption")
    expect(caption).to_have_text("Published practices by country and lesson")

    assert caption.evaluate(CAPTION_CUT_OFF) == []

    page.locator(".table-scroll").evaluate("(wrapper) => { wrapper.scrollLeft = 1e6; }")
    assert caption.evaluate(CAPTION_CUT_OFF) == [], "cut off with the table scrolled to its end"


@pytest.mark.parametrize(
    "url", [pages.PRACTICE_LIST, pages.PRACTICE_LIST + "?q=disinformation&lesson=2"]
)
def test_on_a_phone_the_first_result_is_on_the_first_screen(page, url):
    page.set_viewport_size(pages.PHONE)
    page.goto(url)
    first = page.locator(".result-list .card").first.bounding_box()
    assert first["y"] < pages.PHONE["height"], first
    # The filters wait behind their disclosure, which says how many are active.
    summary = page.locator(".filters-menu > summary")
    if "lesson=2" in url:
        expect(summary).to_contain_text("(2 active)")  # the search and the lesson
    summary.click()
    expect(page.get_by_role("group", name="Lessons")).to_be_visible()


@pytest.mark.parametrize("name", ["home", "practice-list", "practice", "coverage", "event"])
def test_nothing_scrolls_sideways_at_320_pixels(page, name):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(PAGES[name])
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 320, page.evaluate(WIDENING)
