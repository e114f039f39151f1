"""The README's pictures: docs/home.png and docs/practice.png, the top of the home page and of a
practice's page in a 1280 × 900 px window; and docs/screenshots/, every main page in both
languages at 375 and 1280 px, as a reader who is not signed in sees the top of it.

They are committed files, so a plain `make e2e` skips these tests and leaves them alone. After
changing how pages look, take them again with:

    README_SCREENSHOTS=1 make e2e PYTEST_ARGS="-k readme"
"""

import os

import pytest
from django.conf import settings

from tests.e2e import pages

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not os.environ.get("README_SCREENSHOTS"),
        reason="rewrites docs/*.png only when README_SCREENSHOTS=1",
    ),
]

WINDOW = {"width": 1280, "height": 900}
SCREENSHOTS = {"home": pages.HOME, "practice": pages.PRACTICE}
# The README shows them at full size on every visit: they must stay light to load.
MAX_BYTES = 250_000

# The main pages, each shot in English and in French (under /fr/) at both widths.
MAIN_PAGES = {
    "home": pages.HOME,
    "practices": pages.PRACTICE_LIST,
    "search": pages.PRACTICE_LIST + "?q=disinformation",
    "practice": pages.PRACTICE,
    "lessons": "/lessons/",
    "lesson": pages.LESSON,
    "coverage": pages.COVERAGE,
    "cities": pages.CITIES,
    "city": pages.CITY,
    "event": pages.EVENT,
    "sign-up": pages.SIGN_UP,
}
WIDTHS = {"phone": {"width": 375, "height": 812}, "desktop": WINDOW}


@pytest.mark.parametrize("name", SCREENSHOTS.keys())
def test_readme_screenshot_shows_the_top_of_the_page(page, name):
    page.set_viewport_size(WINDOW)
    page.goto(SCREENSHOTS[name])
    path = settings.BASE_DIR / "docs" / f"{name}.png"
    path.parent.mkdir(exist_ok=True)

    # The window only, not the full page; opaque, so the PNG has no alpha channel to store.
    page.screenshot(path=path)

    assert path.stat().st_size < MAX_BYTES, f"{path} is {path.stat().st_size:,} bytes"


@pytest.mark.parametrize("width", WIDTHS.keys())
@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("name", MAIN_PAGES.keys())
def test_readme_screenshots_of_every_main_page(page, name, language, width):
    page.set_viewport_size(WIDTHS[width])
    prefix = "" if language == "en" else "/fr"
    page.goto(prefix + MAIN_PAGES[name])
    path = settings.BASE_DIR / "docs" / "screenshots" / f"{name}-{language}-{width}.png"
    path.parent.mkdir(exist_ok=True)

    page.screenshot(path=path)

    assert path.stat().st_size < MAX_BYTES, f"{path} is {path.stat().st_size:,} bytes"
