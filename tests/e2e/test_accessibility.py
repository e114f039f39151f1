"""axe-core on the browse pages and the account forms: no "serious" or "critical" violation.

Violations of lower impact do not fail the run, nor do the checks axe could not decide alone
("needs review", such as text on a gradient): both are listed at the end of `make e2e`.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.e2e import pages

pytestmark = pytest.mark.e2e

BLOCKING = {"serious", "critical"}

PAGES = {
    "home": pages.HOME,
    "practice-list": pages.PRACTICE_LIST,
    "practice": pages.PRACTICE,
    "lesson": pages.LESSON,
    "coverage": pages.COVERAGE,
    "cities": pages.CITIES,
    "city": pages.CITY,
    "event": pages.EVENT,
    "log-in": pages.LOG_IN,
    "sign-up": pages.SIGN_UP,
}


def describe(violation):
    nodes = violation["nodes"]
    targets = "; ".join(" ".join(node["target"]) for node in nodes[:3])
    return (
        f"{violation['id']} ({violation['impact']}): {violation['help']} "
        f"[{len(nodes)} node{'s' if len(nodes) != 1 else ''}: {targets}]"
    )


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_page_has_no_serious_accessibility_violation(page, path, axe_notes):
    page.goto(path)
    results = Axe().run(page, options={"resultTypes": ["violations", "incomplete"]}).response
    violations = results["violations"]

    blocking = [describe(v) for v in violations if v["impact"] in BLOCKING]
    axe_notes.extend(f"{path}: {describe(v)}" for v in violations if v["impact"] not in BLOCKING)
    axe_notes.extend(f"{path}: needs review: {describe(v)}" for v in results["incomplete"])
    assert not blocking, "\n".join(blocking)
