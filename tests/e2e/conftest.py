"""The browser tests' harness: the real portal, served by pytest-django's live server on its own
test database with the demo content, driven in Debian's Chromium through Playwright.

`make e2e` runs these tests (`pytest -m e2e tests/e2e`); `make test` deselects them with the
`e2e` marker, so it stays fast and needs no browser. Playwright never downloads a browser here:
it launches /usr/bin/chromium.
"""

import threading

import pytest
from django.conf import settings
from django.core.management import call_command

from tests.e2e.pages import DESKTOP

try:
    from playwright.sync_api import sync_playwright
except ImportError:
    # Only `make e2e` installs the `e2e` extra; without it there is nothing here to collect.
    collect_ignore_glob = ["test_*.py"]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

AXE_NOTES = pytest.StashKey[list]()


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole run; each test gets its own context (no shared cookies)."""
    with pytest.MonkeyPatch.context() as patch:
        # Playwright's sync API keeps an asyncio loop in this thread, and Django's ORM refuses
        # to run beside a loop unless told it is safe: it is, the loop idles while tests query.
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()


@pytest.fixture
def portal(django_db_serialized_rollback, live_server):
    """The live portal's base URL, its database holding the demo content.

    live_server makes the test transactional (the server thread must see committed rows);
    the serialized rollback brings back the nine lessons, which a data migration creates and
    the flush after each test would otherwise delete.
    """
    call_command("load_demo", verbosity=0)
    yield live_server.url
    # The browser contexts are closed by now, but the server's threads for their keep-alive
    # connections notice a moment later and then close the database connection they share with
    # the test. Let them finish before live_server stops sharing it, or they fail doing so.
    for thread in threading.enumerate():
        if thread.name.endswith("(process_request_thread)"):
            thread.join(timeout=5)


@pytest.fixture
def page(browser, portal):
    """A fresh desktop-sized tab on the live portal: `page.goto("/")` opens the home page."""
    context = browser.new_context(base_url=portal, viewport=DESKTOP)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def another_person(browser, portal):
    """Call it for each further person in a test: a desktop tab in a context of its own, so
    their cookies (their sign-in) are theirs alone."""
    contexts = []

    def open_page():
        context = browser.new_context(base_url=portal, viewport=DESKTOP)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def screenshot(page):
    """Save the whole page as var/screenshots/<name>-<width>.png, for people to look at."""
    folder = settings.VAR_DIR / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)

    def take(name):
        width = page.viewport_size["width"]
        page.screenshot(path=folder / f"{name}-{width}.png", full_page=True)

    return take


@pytest.fixture
def axe_notes(request):
    """Where the accessibility tests leave what does not fail the run, for the summary."""
    return request.config.stash.setdefault(AXE_NOTES, [])


def pytest_terminal_summary(terminalreporter, config):
    notes = config.stash.get(AXE_NOTES, [])
    if notes:
        terminalreporter.section("axe-core: findings that do not fail the run")
        for line in notes:
            terminalreporter.write_line(line)
