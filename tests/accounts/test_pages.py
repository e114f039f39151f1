"""Every account page is one of the site's pages: its header and footer, one heading, each
field with its label, no inline style or script (a strict Content-Security-Policy is planned)."""

from html.parser import HTMLParser

import pytest

from tests.jobs import delivered

pytestmark = pytest.mark.django_db


class FormAudit(HTMLParser):
    """Collects what the checks below need: headings, label targets, fields, inline code."""

    def __init__(self):
        super().__init__()
        self.h1_count = 0
        self.label_targets = set()
        self.field_ids = []
        self.inline = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "h1":
            self.h1_count += 1
        if tag == "label" and attrs.get("for"):
            self.label_targets.add(attrs["for"])
        if tag in {"input", "select", "textarea"} and attrs.get("type") != "hidden":
            self.field_ids.append(attrs.get("id"))
        if "style" in attrs or tag == "style" or (tag == "script" and "src" not in attrs):
            self.inline.append(tag)
        self.inline.extend(name for name in attrs if name.startswith("on"))


def assert_site_page(response):
    assert response.status_code == 200
    audit = FormAudit()
    audit.feed(response.text)
    assert 'class="site-header"' in response.text
    assert 'class="site-footer"' in response.text
    assert audit.h1_count == 1
    assert audit.inline == []
    unlabelled = [field for field in audit.field_ids if field not in audit.label_targets]
    assert unlabelled == []


@pytest.mark.parametrize(
    "url",
    [
        "/accounts/signup/",
        "/accounts/login/",
        "/accounts/password/reset/",
        "/accounts/password/reset/done/",
        "/accounts/password/reset/key/1-nonsense/",
        "/accounts/password/reset/key/done/",
        "/accounts/confirm-email/",
        "/accounts/confirm-email/not-a-key/",
    ],
)
def test_pages_for_visitors(anonymous, url):
    assert_site_page(anonymous.get(url, follow=True))


@pytest.mark.parametrize(
    "url",
    ["/accounts/logout/", "/accounts/password/change/", "/accounts/email/", "/my/profile/"],
)
def test_pages_for_members(member, url):
    assert_site_page(member.get(url))


def test_form_with_errors_is_still_a_site_page(anonymous):
    assert_site_page(anonymous.post("/accounts/login/", {"login": "x", "password": ""}))


def test_email_page_with_a_change_pending(member):
    member.post("/accounts/email/", {"email": "new@example.org", "action_add": ""})
    assert len(delivered()) == 1
    assert_site_page(member.get("/accounts/email/"))


def test_page_title_names_the_page_and_the_site(anonymous):
    response = anonymous.get("/accounts/login/")
    title = response.text.split("<title>")[1].split("</title>")[0]
    assert " ".join(title.split()) == "Sign in · Together for Safety practice portal"
