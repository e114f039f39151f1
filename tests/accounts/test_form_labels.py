"""One convention for the labels of every form the site draws (accounts/forms.py
LabelsWithoutColon): "Title", not Django's "Title:"; the admin keeps Django's colons."""

import re

import pytest
from django import forms

import accounts.forms
import notifications.forms
import practices.filters
import practices.forms
import shelves.forms
from tests.accounts.utils import PASSWORD
from tests.conftest import signed_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PROJECT_FORMS = [
    accounts.forms,
    notifications.forms,
    practices.filters,
    practices.forms,
    shelves.forms,
]


def labels(page):
    """The texts of the page's labels and legends, tags inside them left out."""
    found = re.findall(r"<(label|legend)\b[^>]*>(.*?)</\1>", page, re.S)
    return [re.sub(r"<[^>]+>", "", text).strip() for _tag, text in found]


def test_the_comment_and_practice_forms_label_their_fields_without_a_colon(editor, published):
    thread = editor.get(published.get_absolute_url()).text
    form = editor.get("/practices/new/").text

    assert '<label for="id_body">Your comment</label>' in thread
    assert '<label for="id_title">Title</label>' in form
    assert "<legend>Lessons</legend>" in form
    assert '<label for="id_links-0-title">Link text</label>' in form  # the links' formset
    assert not [label for label in labels(form) if label.endswith(":")]


def test_french_labels_have_no_colon_after_them_either(editor):
    form = editor.get("/fr/practices/new/").text

    assert '<label for="id_title">Titre</label>' in form
    assert not [label for label in labels(form) if label.endswith(":")]


def test_allauths_forms_read_the_same(anonymous):
    """Those the site does not write itself: the password asked again before the set-up of an
    authenticator, and the code it then asks for."""
    client = signed_in(UserFactory(password=PASSWORD, confirmed=True))

    assert (
        '<label for="id_password">Password</label>' in client.get("/accounts/reauthenticate/").text
    )
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    activate = client.get("/accounts/2fa/totp/activate/").text

    assert '<label for="id_code">Authenticator code</label>' in activate
    assert '<label for="id_login">Email</label>' in anonymous.get("/accounts/login/").text


def test_the_admin_keeps_djangos_colons(staff):
    page = staff.get("/admin/practices/practice/add/").text

    assert '<label class="required" for="id_title">Title:</label>' in page


def test_every_form_of_the_project_follows_the_convention():
    """A new form that forgets the mixin would be the one form on the site with colons."""
    classes = [
        value
        for module in PROJECT_FORMS
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, forms.BaseForm)
        and value.__module__ == module.__name__
    ]
    assert len(classes) > 15
    assert [cls for cls in classes if not issubclass(cls, accounts.forms.LabelsWithoutColon)] == []
