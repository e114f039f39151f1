"""Who may do what, as a table: each page and method, for each kind of visitor.

"login" means a redirect to the log-in page; numbers are status codes. An editor of city B must
never reach city A's drafts, and nobody but staff reviews.
"""

import pytest
from django.test import Client

from practices.models import Membership
from tests.factories import MembershipFactory, PracticeFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member", "editor", "manager", "other_editor", "staff"]

#        (method, url key):            anonymous member editor manager other_ed staff
TABLE = {
    ("get", "new"):                    ("login",  302,  200,   200,    200,    302),
    ("get", "draft_edit"):             ("login",  404,  200,   200,    404,    200),
    ("post", "draft_edit"):            ("login",  404,  200,   200,    404,    200),
    ("get", "published_edit"):         ("login",  403,  200,   200,    403,    200),
    ("get", "draft_preview"):          ("login",  404,  200,   200,    404,    200),
    ("post", "draft_submit"):          ("login",  404,  302,   302,    404,    302),
    ("get", "draft_detail"):           (404,      404,  404,   404,    404,    404),
    ("get", "published_detail"):       (200,      200,  200,   200,    200,    200),
    ("get", "mine"):                   ("login",  200,  200,   200,    200,    200),
    ("get", "review"):                 ("login",  403,  403,   403,    403,    200),
    ("post", "review_decide"):         ("login",  403,  403,   403,    403,    302),
    ("get", "join"):                   ("login",  200,  302,   302,    200,    200),
    ("get", "team"):                   ("login",  403,  403,   200,    403,    200),
    ("post", "decide"):                ("login",  404,  404,   302,    404,    302),
}  # fmt: skip


@pytest.fixture
def world(city_a, editor_user, manager_user, other_editor_user, member_user, staff_user):
    draft = PracticeFactory(city=city_a, submitted_by=editor_user, draft=True, slug="draft-a")
    published = PracticeFactory(city=city_a, slug="published-a")
    submitted = PracticeFactory(city=city_a, draft=True, slug="submitted-a")
    submitted.submit(by=editor_user)
    pending = MembershipFactory(city=city_a, status=Membership.Status.PENDING)
    urls = {
        "new": "/practices/new/",
        "draft_edit": f"/practices/{draft.slug}/edit/",
        "published_edit": f"/practices/{published.slug}/edit/",
        "draft_preview": f"/practices/{draft.slug}/preview/",
        "draft_submit": f"/practices/{draft.slug}/submit/",
        "draft_detail": f"/practices/{draft.slug}/",
        "published_detail": f"/practices/{published.slug}/",
        "mine": "/my/practices/",
        "review": "/review/",
        "review_decide": f"/practices/{submitted.slug}/review/",
        "join": f"/cities/{city_a.slug}/join/",
        "team": f"/cities/{city_a.slug}/team/",
        "decide": f"/memberships/{pending.pk}/decide/",
    }
    users = {
        "member": member_user,
        "editor": editor_user,
        "manager": manager_user,
        "other_editor": other_editor_user,
        "staff": staff_user,
    }
    return urls, users


POST_DATA = {
    # An incomplete edit: whoever may edit gets the form back with its errors (200).
    "draft_edit": {"title": "x", "action": "save"},
    "review_decide": {"decision": "publish"},
    "decide": {"decision": "approve"},
}


@pytest.mark.parametrize("key", list(TABLE), ids=lambda key: f"{key[0]}-{key[1]}")
@pytest.mark.parametrize("role", ROLES)
def test_permission_table(world, role, key):
    urls, users = world
    method, name = key
    client = Client()
    if role != "anonymous":
        client.force_login(users[role])
    response = getattr(client, method)(urls[name], POST_DATA.get(name, {}))

    expected = TABLE[key][ROLES.index(role)]
    if expected == "login":
        assert response.status_code == 302, (role, key)
        assert response["Location"].startswith("/accounts/login/"), (role, key)
    else:
        assert response.status_code == expected, (role, key)
