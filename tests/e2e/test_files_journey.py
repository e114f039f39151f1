"""An editor attaches files to Aarhus's practice: a file larger than the portal accepts is
refused in the browser before it is sent (static/js/file-size.js), with the limit named; a
small PDF is then attached and listed."""

import pytest
from django.conf import settings
from playwright.sync_api import expect

from practices.models import PracticeFile
from tests.e2e import pages, people

pytestmark = pytest.mark.e2e


@pytest.fixture
def editor(portal):
    return people.aarhus_editor()


def test_a_file_too_large_is_refused_before_it_is_sent_and_a_small_one_is_added(page, editor):
    people.sign_in(page, editor)
    page.goto(pages.FILES)
    before = PracticeFile.objects.count()
    posts = []
    page.on("request", lambda request: request.method == "POST" and posts.append(request.url))

    too_large = b"%PDF-1.4\n" + b"0" * (settings.PRACTICE_FILE_MAX_BYTES + 1)
    page.locator("input[type=file]").set_input_files(
        {"name": "huge.pdf", "mimeType": "application/pdf", "buffer": too_large}
    )
    page.get_by_label("Title").fill("Evaluation report 2023")
    page.get_by_role("button", name="Add the file").click()

    message = page.locator("input[type=file]").evaluate("input => input.validationMessage")
    assert message == "This file is larger than 20 MB: choose a smaller one."
    assert posts == [] and PracticeFile.objects.count() == before

    small = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
    page.locator("input[type=file]").set_input_files(
        {"name": "report.pdf", "mimeType": "application/pdf", "buffer": small}
    )
    page.get_by_role("button", name="Add the file").click()
    expect(page.locator(".file-list")).to_contain_text("Evaluation report 2023")
    assert PracticeFile.objects.count() == before + 1
