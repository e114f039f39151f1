"""An editor of Aarhus edits one of its published practices: readers still see the published
text while the edit waits; a curator reads the diff on the review page and publishes it, and
readers then see the new text. The editor sees the revision in the practice's history.

Three people, three browser contexts: each acts only through the pages.
"""

import pytest
from playwright.sync_api import expect

from tests.e2e import people

pytestmark = pytest.mark.e2e

PRACTICE = "/practices/aarhus-media-literacy-labs-before-local-elections/"
OLD_TITLE = "Media literacy labs in public libraries before local elections"
NEW_TITLE = "Media literacy labs in every public library before local elections"


def heading(page):
    return page.get_by_role("heading", level=1)


@pytest.fixture
def editor(portal):
    return people.aarhus_editor()


@pytest.fixture
def curator(portal):
    return people.confirmed_member("curator@portal.example", "Carla Curator", staff=True)


def test_an_edit_waits_for_review_then_replaces_the_published_text(
    page, another_person, editor, curator
):
    # The editor opens the published practice and edits it: the form says it will be reviewed.
    people.sign_in(page, editor)
    page.goto(PRACTICE)
    page.get_by_role("link", name="Edit this practice").click()
    expect(page.locator(".notice")).to_contain_text("Your changes are a revision")
    page.get_by_label("Title").fill(NEW_TITLE)
    page.get_by_role("button", name="Send the changes for review").click()
    expect(page.locator(".messages")).to_contain_text("Your changes wait for review")
    expect(page.locator(".editor-bar")).to_contain_text("A revision waits for review")

    # A reader still sees the published version.
    reader = another_person()
    reader.goto(PRACTICE)
    expect(heading(reader)).to_have_text(OLD_TITLE)

    # The curator finds it in the review queue, reads the diff and publishes it.
    curator_page = another_person()
    people.sign_in(curator_page, curator)
    curator_page.goto("/review/")
    curator_page.get_by_role("link", name=f"Revision of “{OLD_TITLE}”").click()
    changes = curator_page.locator(".changes")
    expect(changes).to_contain_text("Title")
    expect(changes.locator("ins")).to_have_text(["every ", "library"])
    expect(changes.locator("del")).to_have_text(["libraries"])
    curator_page.get_by_role("radio", name="Publish the revision").check()
    curator_page.get_by_role("button", name="Decide on this revision").click()
    expect(curator_page.locator(".messages")).to_contain_text("Revision published")

    # The reader now sees the new text; the editor sees who approved it in the history.
    reader.reload()
    expect(heading(reader)).to_have_text(NEW_TITLE)
    page.goto(PRACTICE)
    page.get_by_role("link", name="History").click()
    expect(page.locator(".revision-list")).to_contain_text(
        "Written by Ebba Lund, approved by Carla Curator"
    )
