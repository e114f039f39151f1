"""Settings for the test suite: the base settings with test-only speed-ups."""

from portal.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# E-mails still go through the queue (notifications.mail); the worker's sends land in
# mail.outbox. Tests run the queued jobs with `with sent(): ...` (tests/conftest.py).
MAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests render templates without running collectstatic first.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# No collectstatic in tests: whitenoise finds files through the finders, per request.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# The admin asks staff for a second factor, as in production: the staff fixtures have an
# authenticator app (tests/conftest.py).
ADMIN_REQUIRE_MFA = True
# Pages are cached only in the tests of the page cache (tests/portal/test_page_cache.py).
PAGE_CACHE_SECONDS = 0
# The layout kept drawn per release, as in production (debug keeps none).
CACHES["release"] = {  # noqa: F405
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "release",
}
