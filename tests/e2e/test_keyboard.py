"""Keyboard only: the skip link, the search box and the results and filters, each focused
element showing where the focus is."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

# What a keyboard user needs to see: the focused element's outline or focus shadow, the
# colour showing behind the outline (found at its left edge, then up to the first ancestor
# with a background), and whether any of the element's box is inside the window.
FOCUSED = """() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    const outlineWidth = parseFloat(style.outlineWidth) || 0;
    const outlineX = box.left - (parseFloat(style.outlineOffset) || 0) - outlineWidth / 2;
    const behind = document.elementsFromPoint(Math.max(0, outlineX), box.top + box.height / 2)
        .find((other) => other !== element && !element.contains(other));
    let backdrop = "rgb(255, 255, 255)";
    for (let other = behind; other; other = other.parentElement) {
        const colour = getComputedStyle(other).backgroundColor;
        if (colour !== "transparent" && !colour.endsWith(", 0)")) { backdrop = colour; break; }
    }
    return {
        tag: element.tagName.toLowerCase(),
        type: element.type || "",
        id: element.id,
        text: (element.innerText || element.value || "").trim().slice(0, 60),
        inResults: Boolean(element.closest(".result-list")),
        inFilters: Boolean(element.closest(".filters")),
        outlineStyle: style.outlineStyle,
        outlineWidth: outlineWidth,
        outlineColor: style.outlineColor,
        backdrop: backdrop,
        boxShadow: style.boxShadow,
        onScreen: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
            && box.left < window.innerWidth && box.top < window.innerHeight,
    };
}"""


def focused(page):
    return page.evaluate(FOCUSED)


def outlined(element):
    return element["outlineStyle"] != "none" and element["outlineWidth"] > 0


def shows_focus(element):
    return outlined(element) or element["boxShadow"] != "none"


def luminance(css_colour):
    """The relative luminance of an `rgb(...)` colour, as WCAG defines it."""
    red, green, blue = (int(part) / 255 for part in re.findall(r"\d+", css_colour)[:3])
    red, green, blue = (
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)
    )
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one, other):
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def assert_focus_is_visible(element):
    assert shows_focus(element), f"no visible focus on {element}"
    if outlined(element):
        # WCAG 1.4.11: a focus indicator needs 3:1 against the colours next to it.
        ratio = contrast(element["outlineColor"], element["backdrop"])
        assert ratio >= 3, f"focus outline contrast {ratio:.2f}:1 on {element}"


def tab_to(page, matches, limit=30):
    """Press Tab until the focused element matches; fail after `limit` presses."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        assert_focus_is_visible(element)
        if matches(element):
            return element
    pytest.fail(f"no matching element within {limit} presses of Tab")


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page):
    page.goto("/")

    page.keyboard.press("Tab")
    element = focused(page)
    assert element["text"] == "Skip to content"
    assert element["onScreen"], "the focused skip link stays off screen"
    assert_focus_is_visible(element)

    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main"


def test_keyboard_user_searches_and_moves_through_results_and_filters(page):
    page.goto("/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")

    tab_to(page, lambda element: element["id"] == "home-q")
    page.keyboard.type("disinformation")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/practices/\?q=disinformation$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Practices")

    # Every stop on the way shows its focus: the search row, the lesson checkboxes, the
    # radio groups, the selects, "Apply filters", the filter chips, then the result cards.
    tab_to(page, lambda element: element["inFilters"] and element["type"] == "checkbox")
    tab_to(page, lambda element: element["inFilters"] and element["type"] == "radio")
    tab_to(page, lambda element: element["tag"] == "select")
    tab_to(page, lambda element: element["text"] == "Apply filters")
    result = tab_to(page, lambda element: element["inResults"] and element["tag"] == "a")
    assert result["onScreen"], "the focused result was not scrolled into view"

    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/practices/[\w-]+/$"))
