"""axe-core on the browse pages, the account forms and the pages of signed-in members, editors
and staff: no "serious" or "critical" violation, text contrast held to AAA (7:1).

Violations of lower impact do not fail the run, nor do the checks axe could not decide alone
("needs review", such as text on a gradient): both are listed at the end of `make e2e`.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from practices.models import City, Comment, Membership, Practice
from shelves.models import Collection
from tests.e2e import pages
from tests.e2e.people import confirmed_member, sign_in

pytestmark = pytest.mark.e2e

BLOCKING = {"serious", "critical"}
# Besides axe's default (WCAG A and AA) rules: text contrast of 7:1 (4.5:1 for large text), AAA.
AAA_RULES = {"color-contrast-enhanced": {"enabled": True}}

PAGES = {
    "home": pages.HOME,
    "practice-list": pages.PRACTICE_LIST,
    "practice": pages.PRACTICE,
    "practice-with-files": pages.AARHUS_PRACTICE,
    "lesson": pages.LESSON,
    "coverage": pages.COVERAGE,
    "cities": pages.CITIES,
    "city": pages.CITY,
    "tags": pages.TAGS,
    "tag": pages.TAG,
    "network": pages.NETWORK,
    "not-found": pages.NOT_FOUND,
    "evidence": pages.EVIDENCE,
    "event": pages.EVENT,
    "log-in": pages.LOG_IN,
    "sign-up": pages.SIGN_UP,
    "home-fr": pages.FRENCH_HOME,
    "practice-fr": pages.FRENCH_PRACTICE,
}

# Who opens each page. The editor is in Aarhus's team and has a practice waiting for review;
# the member is in no team, so Aarhus's form to join is theirs to fill in.
SIGNED_IN_PAGES = {
    "new-practice": ("editor", pages.NEW_PRACTICE),
    "practice-signed-in": ("member", pages.PRACTICE),
    "comment-reply": ("member", pages.REPLY),
    "join-city": ("member", pages.JOIN_CITY),
    "ask-for-city": ("member", pages.ASK_FOR_CITY),
    "my-practices": ("editor", pages.MY_PRACTICES),
    "review-queue": ("staff", pages.REVIEW),
    "profile": ("member", pages.PROFILE),
    "two-factor": ("staff", pages.TWO_FACTOR),
    "notification-settings": ("staff", pages.NOTIFICATIONS),
    "lesson-signed-in": ("member", pages.LESSON),
    "confirm-practice": ("editor", pages.CONFIRM),
    "practice-files": ("editor", pages.FILES),
    "my-collections": ("member", pages.MY_COLLECTIONS),
    "collection": ("member", pages.COLLECTION),
    "save-to-collection": ("member", pages.SAVE_TO_COLLECTION),
    "shared-collection": ("editor", pages.SHARED_COLLECTION),
}


def describe(violation):
    nodes = violation["nodes"]
    targets = "; ".join(" ".join(node["target"]) for node in nodes[:3])
    return (
        f"{violation['id']} ({violation['impact']}): {violation['help']} "
        f"[{len(nodes)} node{'s' if len(nodes) != 1 else ''}: {targets}]"
    )


def assert_no_serious_violation(page, path, axe_notes):
    options = {"resultTypes": ["violations", "incomplete"], "rules": AAA_RULES}
    results = Axe().run(page, options=options).response
    violations = results["violations"]

    blocking = [describe(v) for v in violations if v["impact"] in BLOCKING]
    axe_notes.extend(f"{path}: {describe(v)}" for v in violations if v["impact"] not in BLOCKING)
    axe_notes.extend(f"{path}: needs review: {describe(v)}" for v in results["incomplete"])
    assert not blocking, "\n".join(blocking)


@pytest.fixture
def cast(portal):
    """A member, an editor of Aarhus with a submitted practice and a comment under the demo
    practice (so the thread shows its links), and a staff member."""
    editor = confirmed_member("lars@aarhus.example", "Lars Holm")
    aarhus = City.objects.get(slug="aarhus")
    Membership.objects.create(
        user=editor,
        city=aarhus,
        status=Membership.Status.APPROVED,
        reason="I run the city's crime prevention team.",
    )
    practice = Practice.objects.create(
        title="Night-bus stops with youth workers",
        slug="aarhus-night-bus-stops",
        city=aarhus,
        summary="Youth workers meet the last buses out of the centre on Friday nights.",
        start_year=2024,
        submitted_by=editor,
    )
    practice.submit(by=editor)
    comment = Comment.objects.create(
        practice=Practice.objects.get(slug="malmo-election-rumour-desk"),
        author=editor,
        body="We run a rumour desk too: *answering within the hour* mattered most.",
    )
    member = confirmed_member("nora@bergen.example", "Nora Dahl")
    collection = Collection.objects.create(owner=member, title="Elections", description="To read.")
    for slug in ("malmo-election-rumour-desk", "strasbourg-webinaires-transfrontaliers-prevention"):
        collection.add(Practice.objects.get(slug=slug))
    collection.items.update(note="Ask who staffed the desk.")
    collection.share()
    return {
        "member": member,
        "collection": collection,
        "editor": editor,
        "staff": confirmed_member("mona@portal.example", "Mona Moderator", staff=True),
        "comment": comment,
    }


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_page_has_no_serious_accessibility_violation(page, path, axe_notes):
    page.goto(path)
    assert_no_serious_violation(page, path, axe_notes)


@pytest.mark.parametrize(("who", "path"), SIGNED_IN_PAGES.values(), ids=SIGNED_IN_PAGES.keys())
def test_signed_in_page_has_no_serious_accessibility_violation(page, cast, who, path, axe_notes):
    path = path.format(
        comment=cast["comment"].pk,
        member=cast["editor"].pk,
        collection=cast["collection"].pk,
        token=cast["collection"].token,
    )
    sign_in(page, cast[who])
    response = page.goto(path)
    assert response.ok and page.url.endswith(path), f"{who} was sent to {page.url}"
    assert_no_serious_violation(page, f"{path} ({who})", axe_notes)
