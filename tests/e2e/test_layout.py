"""The main pages on a phone (375 px) and a desktop (1280 px): nothing makes the page scroll
sideways, and the header's navigation never covers the content. Each check leaves a
screenshot in var/screenshots/ for people to look at."""

import pytest

from tests.e2e import pages

pytestmark = pytest.mark.e2e

PAGES = {
    "home": pages.HOME,
    "practice-list": pages.PRACTICE_LIST,
    "practice": pages.PRACTICE,
    "lesson": pages.LESSON,
    "coverage": pages.COVERAGE,
    "cities": pages.CITIES,
    "event": pages.EVENT,
}
WIDTHS = {"phone": pages.PHONE, "desktop": pages.DESKTOP}

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

    navigation = page.get_by_role("navigation", name="Main").bounding_box()
    main = page.locator("main").bounding_box()
    assert not overlaps(navigation, main), f"navigation {navigation} overlaps main {main}"
