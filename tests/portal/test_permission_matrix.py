"""Who gets what from every URL of the project: anonymous, member, editor of the practice's city,
editor of another city and staff, each by GET and by POST (with an empty form).

The patterns come from the resolver, so a new view without a row in GET and POST here fails
`test_every_url_pattern_has_a_row` and its own `test_who_gets_what`, naming it. "login" is a
redirect to the log-in page, "admin" one to the admin's log-in (which sends on to the site's),
numbers are status codes. The admin's generated pages follow one rule (`admin_expectation`).
A language prefix (i18n_patterns) makes no pattern of its own: the walk looks through it.

tests/practices/test_permissions.py adds city managers and the states of a practice.
"""

import re

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.test import Client
from django.urls import LocalePrefixPattern, URLResolver, get_resolver, path, reverse

import portal.urls
from notifications import emails
from notifications.models import Follow, Kind
from practices import threads
from practices.models import (
    CityRequest,
    Comment,
    Membership,
    Practice,
    PracticeRevision,
    ThreadSubscription,
)
from practices.models.revision import practice_values
from shelves.models import Collection
from tests.factories import (
    EventPracticeFactory,
    MembershipFactory,
    NetworkFactory,
    PracticeFactory,
    attach_pdf,
)
from tests.jobs import run_jobs

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member", "editor", "other_editor", "staff"]
METHODS = ["get", "post"]
LOGIN = "login"
ADMIN = "admin"

# What each role gets, in the order of ROLES ("other" is the editor of another city). The
# practice pages name city A's draft (edit, preview, submit), its submitted practice (review)
# or its published one; the comment pages name the member's comment. POST sends an empty form.
GET = {
    #                                        anon.  member editor other  staff
    "home":                                  (200,   200,   200,   200,   200),
    "about":                                 (200,   200,   200,   200,   200),
    "privacy":                               (200,   200,   200,   200,   200),
    "contact":                               (200,   200,   200,   200,   200),
    "healthz":                               (200,   200,   200,   200,   200),
    "robots":                                (200,   200,   200,   200,   200),
    "favicon":                               (302,   302,   302,   302,   302),
    "sitemap":                               (200,   200,   200,   200,   200),
    "sitemap_section":                       (200,   200,   200,   200,   200),
    "switch_language":                       (302,   302,   302,   302,   302),
    "account_login":                         (200,   302,   302,   302,   302),
    "account_logout":                        (302,   200,   200,   200,   200),
    "account_inactive":                      (200,   200,   200,   200,   200),
    "account_signup":                        (200,   302,   302,   302,   302),
    "account_reauthenticate":                (LOGIN, 200,   200,   200,   200),
    "account_request_reauthentication_code": (LOGIN, 200,   200,   200,   200),
    "account_confirm_reauthentication_code": (LOGIN, 302,   302,   302,   302),
    "account_email":                         (LOGIN, 200,   200,   200,   200),
    "account_email_verification_sent":       (200,   200,   200,   200,   200),
    "account_change_password":               (LOGIN, 200,   200,   200,   200),
    "account_set_password":                  (LOGIN, 302,   302,   302,   302),
    "account_reset_password":                (200,   200,   200,   200,   200),
    "account_confirm_login_code":            (LOGIN, 302,   302,   302,   302),
    "account_confirm_email":                 (200,   200,   200,   200,   200),
    "account_reset_password_from_key_done":  (200,   200,   200,   200,   200),
    "account_reset_password_from_key":       (302,   200,   302,   302,   302),
    "account_reset_password_done":           (200,   200,   200,   200,   200),
    "mfa_index":                             (LOGIN, 200,   200,   200,   200),
    "mfa_authenticate":                      (LOGIN, 302,   302,   302,   302),
    "mfa_reauthenticate":                    (LOGIN, 302,   302,   302,   200),
    "mfa_activate_totp":                     (LOGIN, 302,   302,   302,   302),
    "mfa_deactivate_totp":                   (LOGIN, 404,   404,   404,   302),
    "mfa_view_recovery_codes":               (LOGIN, 404,   404,   404,   404),
    "mfa_generate_recovery_codes":           (LOGIN, 302,   302,   302,   302),
    "mfa_download_recovery_codes":           (LOGIN, 404,   404,   404,   404),
    "accounts:profile":                      (LOGIN, 200,   200,   200,   200),
    "accounts:edit_profile":                 (LOGIN, 200,   200,   200,   200),
    "practices:list":                        (200,   200,   200,   200,   200),
    "practices:new":                         (LOGIN, 302,   200,   200,   302),
    "practices:detail":                      (200,   200,   200,   200,   200),
    "practices:edit":                        (LOGIN, 404,   200,   404,   200),
    "practices:history":                     (LOGIN, 403,   200,   403,   200),
    "practices:preview":                     (LOGIN, 404,   200,   404,   200),
    "practices:submit":                      (LOGIN, 405,   405,   405,   405),
    "practices:review_decide":               (LOGIN, 403,   403,   403,   405),
    "practices:review_revision":             (LOGIN, 403,   403,   403,   200),
    "practices:evidence":                    (200,   200,   200,   200,   200),
    "practices:confirm":                     (LOGIN, 403,   200,   403,   200),
    "practices:files":                       (LOGIN, 403,   200,   403,   200),
    "practices:file_delete":                 (LOGIN, 405,   405,   405,   405),
    "practices:file":                        (200,   200,   200,   200,   200),
    "practices:comment":                     (LOGIN, 405,   405,   405,   405),
    "practices:follow":                      (LOGIN, 405,   405,   405,   405),
    "practices:comment_link":                (302,   302,   302,   302,   302),
    "practices:comment_reply":               (LOGIN, 200,   200,   200,   200),
    "practices:comment_edit":                (LOGIN, 200,   403,   403,   403),
    "practices:comment_delete":              (LOGIN, 200,   403,   403,   200),
    "practices:comment_report":              (LOGIN, 403,   200,   200,   200),
    "practices:unsubscribe":                 (200,   200,   200,   200,   200),
    "notifications:settings":                (LOGIN, 200,   200,   200,   200),
    "notifications:unfollow_thread":         (LOGIN, 405,   405,   405,   405),
    "notifications:unsubscribe":             (200,   200,   200,   200,   200),
    "notifications:follow":                  (LOGIN, 405,   405,   405,   405),
    "notifications:unfollow":                (LOGIN, 405,   405,   405,   405),
    "practices:mine":                        (LOGIN, 200,   200,   200,   200),
    "practices:review":                      (LOGIN, 403,   403,   403,   200),
    "practices:lessons":                     (200,   200,   200,   200,   200),
    "practices:lesson":                      (200,   200,   200,   200,   200),
    "practices:coverage":                    (200,   200,   200,   200,   200),
    "practices:cities":                      (200,   200,   200,   200,   200),
    "practices:city":                        (200,   200,   200,   200,   200),
    "practices:tags":                        (200,   200,   200,   200,   200),
    "practices:tag":                         (200,   200,   200,   200,   200),
    "practices:networks":                    (200,   200,   200,   200,   200),
    "practices:network":                     (200,   200,   200,   200,   200),
    "practices:join_city":                   (LOGIN, 200,   302,   200,   200),
    "practices:ask_for_city":                (LOGIN, 200,   200,   200,   200),
    "practices:city_team":                   (LOGIN, 403,   403,   403,   200),
    "practices:decide_membership":           (LOGIN, 405,   405,   405,   405),
    "practices:feed":                        (200,   200,   200,   200,   200),
    "practices:lesson_feed":                 (200,   200,   200,   200,   200),
    "practices:open_data":                   (200,   200,   200,   200,   200),
    "practices:open_data_csv":               (200,   200,   200,   200,   200),
    "practices:open_data_json":              (200,   200,   200,   200,   200),
    "practices:open_data_schema":            (200,   200,   200,   200,   200),
    "api:api-root":                          (404,   404,   404,   404,   404),
    "api:openapi-json":                      (200,   200,   200,   200,   200),
    "api:openapi-view":                      (200,   200,   200,   200,   200),
    "api:practices":                         (200,   200,   200,   200,   200),
    "api:practice":                          (200,   200,   200,   200,   200),
    "api:lessons":                           (200,   200,   200,   200,   200),
    "api:cities":                            (200,   200,   200,   200,   200),
    "api:networks":                          (200,   200,   200,   200,   200),
    "api:events":                            (200,   200,   200,   200,   200),
    "events:list":                           (200,   200,   200,   200,   200),
    "practices:briefing":                    (200,   200,   200,   200,   200),
    "practices:list_briefing":               (200,   200,   200,   200,   200),
    "shelves:list":                          (LOGIN, 200,   200,   200,   200),
    "shelves:detail":                        (LOGIN, 200,   404,   404,   404),
    "shelves:edit":                          (LOGIN, 200,   404,   404,   404),
    "shelves:delete":                        (LOGIN, 200,   404,   404,   404),
    "shelves:briefing":                      (LOGIN, 200,   404,   404,   404),
    "shelves:move":                          (LOGIN, 405,   405,   405,   405),
    "shelves:note":                          (LOGIN, 405,   405,   405,   405),
    "shelves:remove":                        (LOGIN, 405,   405,   405,   405),
    "shelves:save":                          (LOGIN, 200,   200,   200,   200),
    "shelves:shared":                        (200,   200,   200,   200,   200),
    "shelves:shared_briefing":               (200,   200,   200,   200,   200),
    "events:detail":                         (200,   200,   200,   200,   200),
}  # fmt: skip

POST = {
    #                                        anon.  member editor other  staff
    "home":                                  (405,   405,   405,   405,   405),
    "about":                                 (405,   405,   405,   405,   405),
    "privacy":                               (405,   405,   405,   405,   405),
    "contact":                               (405,   405,   405,   405,   405),
    "healthz":                               (405,   405,   405,   405,   405),
    "robots":                                (405,   405,   405,   405,   405),
    "favicon":                               (405,   405,   405,   405,   405),
    "sitemap":                               (405,   405,   405,   405,   405),
    "sitemap_section":                       (405,   405,   405,   405,   405),
    "switch_language":                       (405,   405,   405,   405,   405),
    "account_login":                         (200,   302,   302,   302,   302),
    "account_logout":                        (302,   302,   302,   302,   302),
    "account_inactive":                      (405,   405,   405,   405,   405),
    "account_signup":                        (200,   302,   302,   302,   302),
    "account_reauthenticate":                (LOGIN, 200,   200,   200,   200),
    "account_request_reauthentication_code": (LOGIN, 200,   200,   200,   200),
    "account_confirm_reauthentication_code": (LOGIN, 302,   302,   302,   302),
    "account_email":                         (LOGIN, 302,   302,   302,   302),
    "account_email_verification_sent":       (405,   405,   405,   405,   405),
    "account_change_password":               (LOGIN, 200,   200,   200,   200),
    "account_set_password":                  (LOGIN, 302,   302,   302,   302),
    "account_reset_password":                (200,   200,   200,   200,   200),
    "account_confirm_login_code":            (LOGIN, 302,   302,   302,   302),
    "account_confirm_email":                 (LOGIN, LOGIN, LOGIN, LOGIN, LOGIN),
    "account_reset_password_from_key_done":  (405,   405,   405,   405,   405),
    "account_reset_password_from_key":       (302,   200,   302,   302,   302),
    "account_reset_password_done":           (405,   405,   405,   405,   405),
    "mfa_index":                             (LOGIN, 405,   405,   405,   405),
    "mfa_authenticate":                      (LOGIN, 302,   302,   302,   302),
    "mfa_reauthenticate":                    (LOGIN, 302,   302,   302,   200),
    "mfa_activate_totp":                     (LOGIN, 302,   302,   302,   302),
    "mfa_deactivate_totp":                   (LOGIN, 404,   404,   404,   302),
    "mfa_view_recovery_codes":               (LOGIN, 405,   405,   405,   405),
    "mfa_generate_recovery_codes":           (LOGIN, 302,   302,   302,   302),
    "mfa_download_recovery_codes":           (LOGIN, 404,   404,   404,   404),
    "accounts:profile":                      (LOGIN, 405,   405,   405,   405),
    "accounts:edit_profile":                 (LOGIN, 200,   200,   200,   200),
    "practices:list":                        (405,   405,   405,   405,   405),
    "practices:new":                         (LOGIN, 302,   200,   200,   302),
    "practices:detail":                      (405,   405,   405,   405,   405),
    "practices:edit":                        (LOGIN, 404,   200,   404,   200),
    "practices:history":                     (LOGIN, 405,   405,   405,   405),
    "practices:preview":                     (LOGIN, 404,   200,   404,   200),
    "practices:submit":                      (LOGIN, 404,   302,   404,   302),
    "practices:review_decide":               (LOGIN, 403,   403,   403,   400),
    "practices:review_revision":             (LOGIN, 403,   403,   403,   400),
    "practices:evidence":                    (405,   405,   405,   405,   405),
    "practices:confirm":                     (LOGIN, 403,   200,   403,   200),
    "practices:files":                       (LOGIN, 403,   200,   403,   200),
    "practices:file_delete":                 (LOGIN, 403,   302,   403,   302),
    "practices:file":                        (405,   405,   405,   405,   405),
    "practices:comment":                     (LOGIN, 400,   400,   400,   400),
    "practices:follow":                      (LOGIN, 302,   302,   302,   302),
    "practices:comment_link":                (405,   405,   405,   405,   405),
    "practices:comment_reply":               (LOGIN, 200,   200,   200,   200),
    "practices:comment_edit":                (LOGIN, 200,   403,   403,   403),
    "practices:comment_delete":              (LOGIN, 302,   403,   403,   302),
    "practices:comment_report":              (LOGIN, 403,   200,   200,   200),
    "practices:unsubscribe":                 (200,   200,   200,   200,   200),
    "notifications:settings":                (LOGIN, 200,   200,   200,   200),
    "notifications:unfollow_thread":         (LOGIN, 302,   404,   404,   404),
    "notifications:unsubscribe":             (200,   200,   200,   200,   200),
    "notifications:follow":                  (LOGIN, 400,   400,   400,   400),
    "notifications:unfollow":                (LOGIN, 302,   404,   404,   404),
    "practices:mine":                        (LOGIN, 200,   200,   200,   200),
    "practices:review":                      (LOGIN, 403,   403,   403,   200),
    "practices:lessons":                     (405,   405,   405,   405,   405),
    "practices:lesson":                      (405,   405,   405,   405,   405),
    "practices:coverage":                    (405,   405,   405,   405,   405),
    "practices:cities":                      (405,   405,   405,   405,   405),
    "practices:city":                        (405,   405,   405,   405,   405),
    "practices:tags":                        (405,   405,   405,   405,   405),
    "practices:tag":                         (405,   405,   405,   405,   405),
    "practices:networks":                    (405,   405,   405,   405,   405),
    "practices:network":                     (405,   405,   405,   405,   405),
    "practices:join_city":                   (LOGIN, 200,   302,   200,   200),
    "practices:ask_for_city":                (LOGIN, 200,   200,   200,   200),
    "practices:city_team":                   (LOGIN, 403,   403,   403,   200),
    "practices:decide_membership":           (LOGIN, 404,   404,   404,   302),
    "practices:feed":                        (405,   405,   405,   405,   405),
    "practices:lesson_feed":                 (405,   405,   405,   405,   405),
    "practices:open_data":                   (405,   405,   405,   405,   405),
    "practices:open_data_csv":               (405,   405,   405,   405,   405),
    "practices:open_data_json":              (405,   405,   405,   405,   405),
    "practices:open_data_schema":            (405,   405,   405,   405,   405),
    "api:api-root":                          (404,   404,   404,   404,   404),
    "api:openapi-json":                      (405,   405,   405,   405,   405),
    "api:openapi-view":                      (405,   405,   405,   405,   405),
    "api:practices":                         (405,   405,   405,   405,   405),
    "api:practice":                          (405,   405,   405,   405,   405),
    "api:lessons":                           (405,   405,   405,   405,   405),
    "api:cities":                            (405,   405,   405,   405,   405),
    "api:networks":                          (405,   405,   405,   405,   405),
    "api:events":                            (405,   405,   405,   405,   405),
    "events:list":                           (405,   405,   405,   405,   405),
    "practices:briefing":                    (405,   405,   405,   405,   405),
    "practices:list_briefing":               (405,   405,   405,   405,   405),
    "shelves:list":                          (LOGIN, 200,   200,   200,   200),
    "shelves:detail":                        (LOGIN, 405,   405,   405,   405),
    "shelves:edit":                          (LOGIN, 200,   404,   404,   404),
    "shelves:delete":                        (LOGIN, 302,   404,   404,   404),
    "shelves:briefing":                      (LOGIN, 405,   405,   405,   405),
    "shelves:move":                          (LOGIN, 302,   404,   404,   404),
    "shelves:note":                          (LOGIN, 302,   404,   404,   404),
    "shelves:remove":                        (LOGIN, 302,   404,   404,   404),
    "shelves:save":                          (LOGIN, 200,   200,   200,   200),
    "shelves:shared":                        (405,   405,   405,   405,   405),
    "shelves:shared_briefing":               (405,   405,   405,   405,   405),
    "events:detail":                         (405,   405,   405,   405,   405),
}  # fmt: skip

# The admin: everyone but staff is sent to its log-in, which sends them on to the site's (or,
# once signed in, refuses them). Staff get every page of every model unless listed here.
TABLES = {"get": GET, "post": POST}

ADMIN_PAGES = {
    "admin:login": ((LOGIN, 403, 403, 403, 302), (LOGIN, 403, 403, 403, 302)),
    # Signing out of the admin lands on the home page (LOGOUT_REDIRECT_URL).
    "admin:logout": ((302, 302, 302, 302, 405), (302, 302, 302, 302, 302)),
}
ADMIN_STAFF = {
    "admin:password_change_done": (200, 405),
    "admin:autocomplete": (403, 405),  # names no field to complete
    "admin:jsi18n": (200, 405),
    "admin:view_on_site": (302, 302),
    "admin/(?P<url>.*)$": (404, 404),
    # Lessons are reference data, status changes a record, comments and reports members' own.
    "admin:practices_lesson_add": (403, 403),
    "admin:practices_lesson_delete": (403, 403),
    "admin:practices_statuschange_add": (403, 403),
    "admin:practices_statuschange_change": (200, 403),
    "admin:practices_statuschange_delete": (403, 403),
    # Revisions are proposed on the site and decided on its review page.
    "admin:practices_practicerevision_add": (403, 403),
    "admin:practices_practicerevision_change": (200, 403),
    "admin:practices_comment_add": (403, 403),
    "admin:practices_reportedcomment_add": (403, 403),
    # Members ask for cities on the site; staff decide, they do not add requests.
    "admin:practices_cityrequest_add": (403, 403),
    # E-mails and jobs are records of what happened: read, and failed e-mails sent again.
    "admin:notifications_email_add": (403, 403),
    "admin:notifications_email_change": (200, 403),
    "admin:notifications_email_delete": (403, 403),
    "admin:django_tasks_database_dbtaskresult_add": (403, 403),
    "admin:django_tasks_database_dbtaskresult_change": (200, 403),
    "admin:django_tasks_database_dbtaskresult_delete": (403, 403),
}


def admin_expectation(name):
    if name in ADMIN_PAGES:
        return ADMIN_PAGES[name]
    if name in ADMIN_STAFF:
        staff = ADMIN_STAFF[name]
    elif name.endswith("<path:object_id>/"):
        staff = (302, 302)  # the old address of a change page
    else:
        staff = (200, 200)  # index, app lists, and each model's list, add, change, history, delete
    return tuple((ADMIN, ADMIN, ADMIN, ADMIN, answer) for answer in staff)


# Sample arguments for each pattern that takes some, from the `world` fixture.
KWARGS = {
    "switch_language": lambda w: {"code": "fr"},
    "sitemap_section": lambda w: {"section": "practices"},
    "account_confirm_email": lambda w: {"key": w["confirm_key"]},
    "account_reset_password_from_key": lambda w: w["reset"],
    "accounts:profile": lambda w: {"pk": w["member"].pk},
    "practices:detail": lambda w: {"slug": w["published"].slug},
    "practices:edit": lambda w: {"slug": w["draft"].slug},
    "practices:preview": lambda w: {"slug": w["draft"].slug},
    "practices:submit": lambda w: {"slug": w["draft"].slug},
    "practices:review_decide": lambda w: {"slug": w["submitted"].slug},
    "practices:history": lambda w: {"slug": w["published"].slug},
    "practices:review_revision": lambda w: {"pk": w["revision"].pk},
    "practices:confirm": lambda w: {"slug": w["published"].slug},
    "practices:files": lambda w: {"slug": w["published"].slug},
    "practices:file_delete": lambda w: {"slug": w["published"].slug, "pk": w["file"].pk},
    "practices:file": lambda w: {
        "slug": w["published"].slug,
        "pk": w["file"].pk,
        "name": w["file"].name,
    },
    "practices:comment": lambda w: {"slug": w["published"].slug},
    "practices:follow": lambda w: {"slug": w["published"].slug},
    "practices:comment_link": lambda w: {"pk": w["comment"].pk},
    "practices:comment_reply": lambda w: {"pk": w["comment"].pk},
    "practices:comment_edit": lambda w: {"pk": w["comment"].pk},
    "practices:comment_delete": lambda w: {"pk": w["comment"].pk},
    "practices:comment_report": lambda w: {"pk": w["comment"].pk},
    "practices:unsubscribe": lambda w: {"token": w["unsubscribe"]},
    "notifications:unfollow_thread": lambda w: {"pk": w["followed"].pk},
    "notifications:unfollow": lambda w: {"pk": w["follow"].pk},
    "notifications:unsubscribe": lambda w: {"token": w["notifications_unsubscribe"]},
    "practices:lesson": lambda w: {"number": 2},
    "practices:city": lambda w: {"slug": w["city"].slug},
    "practices:tag": lambda w: {"slug": "trust"},
    "practices:network": lambda w: {"slug": w["network"].slug},
    "practices:join_city": lambda w: {"slug": w["city"].slug},
    "practices:city_team": lambda w: {"slug": w["city"].slug},
    "practices:decide_membership": lambda w: {"pk": w["pending"].pk},
    "practices:lesson_feed": lambda w: {"number": 2},
    "events:detail": lambda w: {"slug": w["event"].slug},
    "api:practice": lambda w: {"slug": w["published"].slug},
    "practices:briefing": lambda w: {"slug": w["published"].slug},
    "shelves:detail": lambda w: {"pk": w["collection"].pk},
    "shelves:edit": lambda w: {"pk": w["collection"].pk},
    "shelves:delete": lambda w: {"pk": w["collection"].pk},
    "shelves:briefing": lambda w: {"pk": w["collection"].pk},
    "shelves:move": lambda w: {"pk": w["collection"].items.get().pk},
    "shelves:note": lambda w: {"pk": w["collection"].items.get().pk},
    "shelves:remove": lambda w: {"pk": w["collection"].items.get().pk},
    "shelves:save": lambda w: {"slug": w["published"].slug},
    "shelves:shared": lambda w: {"token": w["collection"].token},
    "shelves:shared_briefing": lambda w: {"token": w["collection"].token},
}


def walk(patterns, prefix="", namespace=""):
    """(canonical name, pattern) for every endpoint: namespace:name, or the route if unnamed."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            # /fr/... and /... are one pattern: the language prefix adds no route of its own.
            route = "" if isinstance(pattern.pattern, LocalePrefixPattern) else str(pattern.pattern)
            yield from walk(pattern.url_patterns, prefix + route, inner)
        else:
            route = prefix + str(pattern.pattern)
            name = f"{namespace}{pattern.name}" if pattern.name else route
            yield name, route


def project_patterns():
    return dict(walk(get_resolver().url_patterns))


def is_admin(name):
    return name.startswith("admin:") or name.startswith("admin/")


@pytest.fixture
def world(city_a, city_b, member_user, editor_user, other_editor_user, staff_user, newcomer_user):
    """One of everything a URL can name, in city A; the member wrote the comment, the editor
    reported it. Everyone has confirmed their address but a newcomer, who has a link to."""
    published = PracticeFactory(city=city_a, slug="published-a", tags=["trust"])
    draft = PracticeFactory(city=city_a, submitted_by=editor_user, draft=True, slug="draft-a")
    submitted = PracticeFactory(city=city_a, draft=True, slug="submitted-a")
    submitted.submit(by=editor_user)
    comment = Comment.objects.create(practice=published, author=member_user, body="Useful.")
    comment.reports.create(reporter=editor_user, reason="Off topic.")
    unconfirmed = EmailAddress.objects.get(user=newcomer_user)
    event = EventPracticeFactory(practice=published).event
    Group.objects.create(name="Curators")
    network = NetworkFactory()
    revision = PracticeRevision.propose(
        published, {**practice_values(published), "title": "Trust walks"}, by=editor_user
    )
    collection = Collection.objects.create(owner=member_user, title="Reading")
    collection.add(published)
    collection.share()
    run_jobs()  # the submission's e-mails, for the admin's pages of e-mails
    return {
        "users": {
            "member": member_user,
            "editor": editor_user,
            "other_editor": other_editor_user,
            "staff": staff_user,
        },
        "published": published,
        "draft": draft,
        "submitted": submitted,
        "revision": revision,
        "comment": comment,
        "file": attach_pdf(published),
        "pending": MembershipFactory(city=city_a, status=Membership.Status.PENDING),
        "city_request": CityRequest.objects.create(
            requested_by=member_user, name="Tampere", country="FI", reason="Prevention officer"
        ),
        "city": city_a,
        "network": network,
        "collection": collection,
        "event": event,
        "member": member_user,
        "unsubscribe": threads.unsubscribe_token(member_user, published),
        "notifications_unsubscribe": emails.unsubscribe_token(member_user, Kind.COMMENT),
        "followed": ThreadSubscription.objects.create(user=member_user, practice=published),
        "follow": Follow.objects.create(user=member_user, target="city", value="x", label="X"),
        "confirm_key": EmailConfirmationHMAC(unconfirmed).key,
        "reset": {
            "uidb36": user_pk_to_url_str(member_user),
            "key": default_token_generator.make_token(member_user),
        },
    }


def admin_kwargs(route, world):
    """Sample arguments for the admin's generated patterns: an object of the page's model."""
    if "content_type_id" in route:
        practice = world["published"]
        return {"content_type_id": ContentType.objects.get_for_model(Practice).pk,
                "object_id": practice.pk}  # fmt: skip
    if "app_label" in route:
        return {"app_label": "practices"}
    if "(?P<url>" in route:
        return {"url": "no-such-page/"}
    [parameter] = re.findall(r"<(?:\w+:)?(\w+)>", route) or [None]
    if parameter is None:
        return {}
    model = next(
        model
        for model in admin.site._registry
        if route.startswith(f"admin/{model._meta.app_label}/{model._meta.model_name}/")
    )
    instance = model._default_manager.order_by("pk").first()
    assert instance is not None, f"no {model._meta.label} to show at {route}"
    return {parameter: instance.pk}


def url_for(name, route, kwargs):
    if name != route:
        return reverse(name, kwargs=kwargs)
    # Unnamed (the admin's object shortcut and catch-all): fill the route in by hand.
    path = route.replace("^", "").replace("$", "")
    for key, value in kwargs.items():
        path = path.replace(f"<path:{key}>", str(value)).replace(f"(?P<{key}>.*)", str(value))
    return "/" + path


def answer(world, role, method, url):
    """What `role` sees for `method url`: "login", "admin", or the status code. Each request
    runs in a transaction rolled back afterwards, so no request changes what the next sees."""
    cache.clear()  # rate limits
    with transaction.atomic():
        client = Client(raise_request_exception=False)
        if role != "anonymous":
            client.force_login(world["users"][role])
        response = getattr(client, method)(url, {})
        transaction.set_rollback(True)
    location = response.get("Location", "")
    if response.status_code == 302 and location.startswith(reverse("account_login")):
        return LOGIN
    if response.status_code == 302 and location.startswith(reverse("admin:login")):
        return ADMIN
    return response.status_code


def test_every_url_pattern_has_a_row():
    patterns = project_patterns()
    missing = [
        f"{name} ({method})"
        for name in patterns
        for method, table in TABLES.items()
        if not is_admin(name) and name not in table
    ]
    stale = [name for name in [*GET, *POST, *ADMIN_PAGES, *ADMIN_STAFF] if name not in patterns]
    assert not missing, f"add a row to GET and POST for: {', '.join(missing)}"
    assert not stale, f"no such URL pattern any more: {', '.join(stale)}"


@pytest.mark.parametrize("name", list(project_patterns()))
def test_who_gets_what(world, name):
    route = project_patterns()[name]
    if is_admin(name):
        expected = admin_expectation(name)
        kwargs = admin_kwargs(route, world)
    else:
        assert name in GET and name in POST, f"{name} ({route}) has no row: say who may use it"
        expected = (GET[name], POST[name])
        kwargs = KWARGS[name](world) if name in KWARGS else {}
    url = url_for(name, route, kwargs)

    got = tuple(tuple(answer(world, role, method, url) for role in ROLES) for method in METHODS)

    assert got == expected, f"{url}: (GET, POST) for {ROLES}"


def brand_new_view(request):
    return HttpResponse("new")


# A copy of the project's URLs with one view more, and one under a language prefix.
urlpatterns = [
    *portal.urls.urlpatterns,
    path("brand-new/", brand_new_view, name="brand_new"),
    *i18n_patterns(
        path("prefixed/", brand_new_view, name="prefixed"), prefix_default_language=False
    ),
]


def test_a_view_without_a_row_fails_naming_it(settings):
    settings.ROOT_URLCONF = __name__

    with pytest.raises(AssertionError, match="brand_new \\(get\\), brand_new \\(post\\)"):
        test_every_url_pattern_has_a_row()


def test_a_language_prefix_adds_no_pattern_of_its_own(settings):
    settings.ROOT_URLCONF = __name__

    assert project_patterns()["prefixed"] == "prefixed/"
