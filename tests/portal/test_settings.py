"""Settings come from the environment and refuse unsafe production configurations."""

import os
import subprocess
import sys
from pathlib import Path

from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]


def load_settings(show="s.DEBUG, s.ALLOWED_HOSTS", **env):
    """Import portal.settings in a fresh interpreter with this environment; print `show`."""
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k != "REDIS_URL"
    }
    return subprocess.run(
        [sys.executable, "-c", f"import portal.settings as s; print({show})"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_mode_refuses_to_start_without_a_secret_key():
    result = load_settings(DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_mode_starts_with_a_secret_key_and_hosts():
    result = load_settings(
        DJANGO_DEBUG="0", DJANGO_SECRET_KEY="x" * 50, DJANGO_ALLOWED_HOSTS="portal.example.org"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False ['portal.example.org']"


def test_a_typo_in_a_boolean_is_refused():
    result = load_settings(DJANGO_DEBUG="maybe")
    assert result.returncode != 0
    assert "DJANGO_DEBUG must be one of" in result.stderr


def test_the_site_address_must_be_an_address():
    result = load_settings(show="s.SITE_URL", DJANGO_SITE_URL="127.0.0.1:8031")
    assert result.returncode != 0
    assert "DJANGO_SITE_URL must be an address such as https://" in result.stderr
    result = load_settings(show="s.SITE_URL", DJANGO_SITE_URL="http://127.0.0.1:8031/")
    assert result.stdout.strip() == "http://127.0.0.1:8031"


def test_models_and_migrations_agree(db):
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_redis_url_selects_a_shared_cache():
    result = load_settings(
        show="s.CACHES['default']['BACKEND']", REDIS_URL="redis://127.0.0.1:6379/0"
    )
    assert result.stdout.strip() == "django_redis.cache.RedisCache"
