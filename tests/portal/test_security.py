"""Security headers on every response, and the production settings behind HTTPS.

Header tests drive the test client with the development settings (the headers do not depend on
debug); production tests load the settings in a fresh interpreter with a production
environment, as tests/portal/test_settings.py does.
"""

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from tests.factories import PracticeFactory

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "portal.example.org",
    "DATABASE_URL": "postgres://portal:secret@db.invalid:5432/portal",
    "DJANGO_SECURE_PROXY_SSL_HEADER": "1",
}

POLICY = {
    "default-src": {"'self'"},
    "script-src": {"'self'"},
    "style-src": {"'self'"},
    "img-src": {"'self'", "data:"},
    "object-src": {"'none'"},
    "base-uri": {"'none'"},
    "frame-ancestors": {"'none'"},
    "form-action": {"'self'"},
}


def run(args, **env):
    """Run a Python command from the checkout with only this DJANGO_* environment."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("DJANGO_") and k not in {"REDIS_URL", "DATABASE_URL"}
    }
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def parse_policy(header):
    directives = (part.split() for part in header.split(";") if part.strip())
    return {name: set(sources) for name, *sources in directives}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/", 200),
        ("/practices/?q=x", 200),
        ("/accounts/login/", 200),
        ("/admin/login/", 302),
        ("/robots.txt", 200),
        ("/static/css/site.css", 200),
        ("/my/profile/", 302),
        ("/no-such-page/", 404),
    ],
)
def test_every_response_carries_the_security_headers(anonymous, url, status):
    response = anonymous.get(url)
    assert response.status_code == status
    assert parse_policy(response["Content-Security-Policy"]) == POLICY
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


def test_practice_page_allows_no_inline_or_evaluated_script(anonymous):
    practice = PracticeFactory()
    response = anonymous.get(practice.get_absolute_url())
    assert response.status_code == 200
    script_src = parse_policy(response["Content-Security-Policy"])["script-src"]
    assert script_src == {"'self'"}
    assert not script_src & {"'unsafe-inline'", "'unsafe-eval'"}


def test_a_refused_sign_in_still_carries_the_policy(anonymous):
    response = anonymous.post("/accounts/login/", {"login": "nobody@example.org", "password": "x"})
    assert response.status_code == 200
    assert parse_policy(response["Content-Security-Policy"]) == POLICY


def test_development_serves_plain_http_with_plain_cookies():
    show = (
        "[s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME]"
    )
    result = run(["-c", f"import json, portal.settings as s; print(json.dumps({show}))"])
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [False, 0, False, False, "sessionid", "csrftoken"]


def test_production_cookies_are_secure_httponly_lax_and_host_prefixed():
    show = {
        name: f"s.{name}"
        for name in [
            "SESSION_COOKIE_NAME",
            "SESSION_COOKIE_SECURE",
            "SESSION_COOKIE_HTTPONLY",
            "SESSION_COOKIE_SAMESITE",
            "SESSION_COOKIE_DOMAIN",
            "SESSION_COOKIE_PATH",
            "CSRF_COOKIE_NAME",
            "CSRF_COOKIE_SECURE",
            "CSRF_COOKIE_HTTPONLY",
            "CSRF_COOKIE_SAMESITE",
            "CSRF_COOKIE_DOMAIN",
            "CSRF_COOKIE_PATH",
        ]
    }
    code = (
        "import json; from django.conf import settings as s; "
        f"print(json.dumps({{{', '.join(f'{k!r}: {v}' for k, v in show.items())}}}))"
    )
    result = run(["-c", code], DJANGO_SETTINGS_MODULE="portal.settings", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        # __Host- cookies must be Secure, with Path=/ and no Domain, or browsers drop them.
        "SESSION_COOKIE_NAME": "__Host-sessionid",
        "SESSION_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_DOMAIN": None,
        "SESSION_COOKIE_PATH": "/",
        "CSRF_COOKIE_NAME": "__Host-csrftoken",
        "CSRF_COOKIE_SECURE": True,
        "CSRF_COOKIE_HTTPONLY": True,
        "CSRF_COOKIE_SAMESITE": "Lax",
        "CSRF_COOKIE_DOMAIN": None,
        "CSRF_COOKIE_PATH": "/",
    }


# Requests through the test client under the production settings; robots.txt and /healthz
# render no template, so no collected static files are needed.
PRODUCTION_REQUESTS = """
import django, json
django.setup()
from django.test import Client
client = Client()
answers = {}
for name, path, extra in [
    ("http", "/robots.txt", {}),
    ("https", "/robots.txt", {"HTTP_X_FORWARDED_PROTO": "https"}),
    ("healthz", "/healthz", {}),
]:
    response = client.get(path, **extra)
    answers[name] = [
        response.status_code,
        response.get("Location"),
        response.get("Strict-Transport-Security"),
    ]
print(json.dumps(answers))
"""


def test_production_redirects_to_https_and_sends_hsts_behind_the_proxy(tmp_path):
    result = run(
        ["-W", "ignore", "-c", PRODUCTION_REQUESTS],
        DJANGO_SETTINGS_MODULE="portal.settings",
        PYTHONPATH=str(ROOT),
        DJANGO_LOG_LEVEL="ERROR",
        **{
            **PRODUCTION,
            "DJANGO_ALLOWED_HOSTS": "testserver",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        },
    )
    assert result.returncode == 0, result.stderr
    answers = json.loads(result.stdout)
    assert answers["http"] == [301, "https://testserver/robots.txt", None]
    assert answers["https"] == [200, None, "max-age=31536000; includeSubDomains; preload"]
    # The load balancer polls /healthz over plain HTTP from inside the network.
    assert answers["healthz"][0] == 200


def test_deploy_check_passes_in_production():
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        DJANGO_SETTINGS_MODULE="portal.settings",
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_deploy_check_warns_without_a_real_secret_key():
    """The check above would be worthless if it passed whatever the settings."""
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        DJANGO_SETTINGS_MODULE="portal.settings",
        **{**PRODUCTION, "DJANGO_SECRET_KEY": "short"},
    )
    assert result.returncode != 0
    assert "security.W009" in result.stderr


# What the Content-Security-Policy blocks: an inline script, a <style> element, a style=""
# attribute and an event-handler attribute such as onclick="".
INLINE = {
    "inline <script>": re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE),
    "<style> element": re.compile(r"<style\b", re.IGNORECASE),
    'style="" attribute': re.compile(r"\sstyle\s*=", re.IGNORECASE),
    'on...="" handler': re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE),
}


def test_no_template_has_inline_script_or_style():
    offenders = [
        f"{path.relative_to(ROOT)}: {what}"
        for path in sorted((ROOT / "templates").rglob("*.html"))
        for what, pattern in INLINE.items()
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
