"""Settings for the portal, read from the environment.

Development needs nothing set: debug is on, the database is SQLite under var/, and e-mails are
written as files to var/mail/. Production sets DJANGO_DEBUG=0, DJANGO_SECRET_KEY,
DJANGO_ALLOWED_HOSTS, DATABASE_URL and DJANGO_SECURE_PROXY_SSL_HEADER (see README, "PostgreSQL
and production"); debug off turns on HTTPS, HSTS and secure cookies.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from portal.env import envbool, envint, envlist, envstr, envurl, git_commit

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(envstr("DJANGO_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = envbool("DJANGO_DEBUG", True)

SECRET_KEY = envstr("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off: refusing to start "
            "with a guessable key."
        )
    # Development only: a fixed key so sessions survive restarts of `make run`.
    SECRET_KEY = "django-insecure-development-key-never-use-in-production"

ALLOWED_HOSTS = envlist(
    "DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = envlist("DJANGO_CSRF_TRUSTED_ORIGINS", [])

# HTTPS. In production the load balancer ends TLS and says so in X-Forwarded-Proto; Django may
# trust that header only when the balancer overwrites it, hence a switch and not a default.
if envbool("DJANGO_SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = envbool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
# The load balancer polls /healthz over plain HTTP, from inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = envint("DJANGO_SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = envbool("DJANGO_SECURE_HSTS_PRELOAD", not DEBUG)

# Cookies: Secure and __Host- named in production, so no subdomain or plain-HTTP page can set
# or read them (__Host- demands Secure, Path=/ and no Domain). Development keeps plain names
# over http://127.0.0.1. No script reads the CSRF token from its cookie, so it is HttpOnly too.
SECURE_COOKIES = envbool("DJANGO_SECURE_COOKIES", not DEBUG)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_NAME = "__Host-sessionid" if SECURE_COOKIES else "sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken" if SECURE_COOKIES else "csrftoken"
SESSION_COOKIE_HTTPONLY = CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"

# Response headers, in development as in production so a page that breaks them breaks early.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# django-csp: every script, style and image comes from the portal itself, never inline.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

INSTALLED_APPS = [
    # modeltranslation must come before the admin so its admin integration takes effect.
    "modeltranslation",
    # The admin site of portal/admin.py: its log-in is allauth's and it asks staff for MFA.
    "portal.apps.PortalAdminConfig",
    # Before django.contrib.auth, so that its createsuperuser (a confirmed address) is the one run.
    "accounts",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "taggit",
    "django_countries",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "practices",
    "notifications",
    "shelves",
    "events",
    # The read-only JSON API (api/); django-ninja brings its docs page's static files.
    "ninja",
    "api",
    "portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Above whitenoise, so static files carry these headers as well.
    "csp.middleware.CSPMiddleware",
    "portal.middleware.cross_origin_resource_policy",
    # Inside the one above: the API's answers may be read from other sites.
    "api.middleware.cross_origin_reads",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "portal.languages.first_visit_language",
    # It needs the reader's language, and serves a stored page before the middleware below.
    "portal.cache.AnonymousPageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "portal.languages.language_links",
                "practices.caching.generation",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL says otherwise. On PostgreSQL the app servers
# keep connections open between requests and check them before use, so a database restart
# costs one failed check, not a failed request.
DATABASES = {
    "default": dj_database_url.parse(
        envstr("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=envint("DJANGO_CONN_MAX_AGE", 600),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite keeps no useful persistent connections across threads of runserver.
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Django 6 behaviour now: a web address typed without a scheme is read as https.
FORMS_URLFIELD_ASSUME_HTTPS = True
AUTH_USER_MODEL = "accounts.User"
SITE_ID = 1

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# URL names, so that signing in or out in French lands on the French home page.
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# django-allauth: e-mail is the login; there is no username.
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
# The portal's voice (accounts/forms.py PortalVoice); sign-up also asks for the display name.
ACCOUNT_FORMS = {
    "signup": "accounts.forms.SignupForm",
    "login": "accounts.forms.LoginForm",
    "reset_password": "accounts.forms.ResetPasswordForm",
    "reset_password_from_key": "accounts.forms.ResetPasswordKeyForm",
    "change_password": "accounts.forms.ChangePasswordForm",
    "reauthenticate": "accounts.forms.ReauthenticateForm",
    "set_password": "accounts.forms.SetPasswordForm",
}
# Its e-mails go out in each member's preferred language.
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
# One address per member, changed in place: the new one replaces the old once confirmed.
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = _("[Together for Safety] ")
# Rate limits (ACCOUNT_RATE_LIMITS) and enumeration prevention stay at allauth's defaults.
# Their counters live in the cache, so they hold across app servers only with a shared one.
# A password change keeps the session it was made in and ends every other one (Django checks
# each session against the password it was signed in with); a reset ends them all.
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False

# Two-factor authentication (allauth.mfa): an authenticator app, with recovery codes for when
# the phone is lost. Any member may turn it on; staff must have it before the admin lets them
# in, except in development unless asked (DJANGO_ADMIN_REQUIRE_MFA).
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Together for Safety"
# In the portal's voice too (accounts/forms.py PortalVoice).
MFA_FORMS = {
    "authenticate": "accounts.forms.MFAAuthenticateForm",
    "reauthenticate": "accounts.forms.MFAReauthenticateForm",
    "activate_totp": "accounts.forms.ActivateTOTPForm",
}
ADMIN_REQUIRE_MFA = envbool("DJANGO_ADMIN_REQUIRE_MFA", not DEBUG)

# Internationalisation: English at the root, French next to it (see the i18n issue).
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en", "fr")
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
# The language switcher's choice; no script reads it, and it is Secure where the others are.
LANGUAGE_COOKIE_SECURE = SECURE_COOKIES
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "UTC"
USE_TZ = True

# Static files: whitenoise serves them, compressed and with hashed names once collected.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Files attached to practices: under var/media/ in development; in production any storage of
# django-storages that every app server reaches, such as S3 (README, "Files").
MEDIA_ROOT = Path(envstr("DJANGO_MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_STORAGE = envstr("DJANGO_MEDIA_STORAGE", "local")
if MEDIA_STORAGE == "local":
    DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
elif MEDIA_STORAGE == "s3":
    # Credentials and region come from the usual AWS_* variables, read by boto3.
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": envstr("DJANGO_MEDIA_BUCKET"),
            "default_acl": "private",
            "file_overwrite": False,
        },
    }
    if not DEFAULT_STORAGE["OPTIONS"]["bucket_name"]:
        raise ImproperlyConfigured("DJANGO_MEDIA_STORAGE=s3 needs DJANGO_MEDIA_BUCKET.")
else:
    raise ImproperlyConfigured("DJANGO_MEDIA_STORAGE is local or s3.")
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# E-mail: files under var/mail/ in development, so a confirmation link can be opened by hand;
# SMTP in production.
DEFAULT_FROM_EMAIL = envstr("DJANGO_DEFAULT_FROM_EMAIL", "Together for Safety <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where readers write to the portal's staff (the contact page); none by default.
CONTACT_EMAIL = envstr("DJANGO_CONTACT_EMAIL", "")
# The address e-mails written by the job worker link to, where no request tells it: `make run`
# sets it to the address it serves on. Unset, it is https:// (http:// in DEBUG) and the Site's
# domain.
SITE_URL = envurl("DJANGO_SITE_URL")
# Every e-mail is stored and handed to the job queue (notifications/mail.py); the worker sends
# it with MAIL_DELIVERY_BACKEND, retrying a failed send (README, "Background jobs").
EMAIL_BACKEND = "notifications.mail.QueuedEmailBackend"
if DEBUG and not envstr("DJANGO_EMAIL_HOST"):
    MAIL_DELIVERY_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"
else:
    MAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = envstr("DJANGO_EMAIL_HOST", "localhost")
    EMAIL_PORT = envint("DJANGO_EMAIL_PORT", 587)
    EMAIL_HOST_USER = envstr("DJANGO_EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = envstr("DJANGO_EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = envbool("DJANGO_EMAIL_USE_TLS", True)
# Where the worker hands e-mails over, when neither of those (the benchmark: Django's dummy).
MAIL_DELIVERY_BACKEND = envstr("DJANGO_MAIL_DELIVERY_BACKEND", MAIL_DELIVERY_BACKEND)

# The release this process serves: DJANGO_RELEASE, else the git commit of the checkout. Every
# key of the "pages" cache starts with it, so after a deploy no server reads a page, fragment or
# count the previous release stored (they would point at its hashed CSS, say).
RELEASE = envstr("DJANGO_RELEASE") or git_commit(BASE_DIR)
if not RELEASE:
    if not DEBUG:
        raise ImproperlyConfigured("Set DJANGO_RELEASE (outside a git checkout, say).")
    RELEASE = "dev"

# "default" holds allauth's rate-limit counts; "pages" what public pages show (practices/
# caching.py). In production both are Redis, shared by every app server, so a limit, a page
# and its invalidation mean the same whichever server answers.
REDIS_URL = envstr("REDIS_URL")
if REDIS_URL:
    # django-redis keeps one redis-py client per server; Django's own backend builds one on
    # every call, which costs more than the round trip to Redis (0.22 against 0.13 ms a get).
    CACHES = {
        name: {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_URL}
        for name in ("default", "pages")
    }
else:
    # Without Redis, each process has its own: fine for one development server, but gunicorn's
    # workers would disagree about what is current, so outside debug nothing is kept.
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "django.core.cache.backends."
            + ("locmem.LocMemCache" if DEBUG else "dummy.DummyCache"),
            "LOCATION": "pages",
        },
    }
CACHES["pages"]["KEY_PREFIX"] = f"pages:{RELEASE}"
# The parts of every page that only a release changes (base.html's links, menu and footer, in
# each language), kept in each process's memory for its life: a deploy starts new processes.
# In debug, where templates change under a running server, nothing is kept.
CACHES["release"] = {
    "BACKEND": "django.core.cache.backends."
    + ("dummy.DummyCache" if DEBUG else "locmem.LocMemCache"),
    "LOCATION": "release",
}
# Every signed-in request reads its session: with Redis, from there, written through to the
# database (which still has it if Redis is emptied); without Redis, from the database alone, as
# a per-process copy would outlive a sign-out in another process.
SESSION_ENGINE = "django.contrib.sessions.backends." + ("cached_db" if REDIS_URL else "db")

# Whole public pages for anonymous readers (portal/cache.py), for this many seconds; 0 is off.
# On by default only in production with Redis: a per-process cache cannot see another app
# server's invalidation.
PAGE_CACHE_SECONDS = envint("DJANGO_PAGE_CACHE_SECONDS", 300 if REDIS_URL and not DEBUG else 0)
# The benchmark's no-database baseline page at /bench/baseline/ (bench/run.py sets it).
BENCH_BASELINE = envbool("DJANGO_BENCH_BASELINE", False)

# Behind the load balancer, the client's address is the last one it appends to
# X-Forwarded-For; allauth's rate limits trust exactly that many proxies, no more.
ALLAUTH_TRUSTED_PROXY_COUNT = envint("DJANGO_TRUSTED_PROXY_COUNT", 0)

TAGGIT_CASE_INSENSITIVE = True

# Freshness: a year after a practice was last confirmed its city's editors are reminded
# (`manage.py send_confirmation_reminders`); three months on, its page says it is not confirmed.
PRACTICE_CONFIRM_AFTER = timedelta(days=envint("DJANGO_PRACTICE_CONFIRM_AFTER_DAYS", 365))
PRACTICE_STALE_AFTER = timedelta(days=envint("DJANGO_PRACTICE_STALE_AFTER_DAYS", 91))

# Files attached to practices (practices/files.py): how many per practice, how large each.
PRACTICE_FILES_MAX = envint("DJANGO_PRACTICE_FILES_MAX", 10)
PRACTICE_FILE_MAX_BYTES = envint("DJANGO_PRACTICE_FILE_MAX_MB", 20) * 1024 * 1024

# The read-only API (api/): requests a minute from one client address (0: no limit).
API_REQUESTS_PER_MINUTE = envint("DJANGO_API_REQUESTS_PER_MINUTE", 120)
# PDF briefings a minute from one client address (0: no limit): each takes a worker 0.5 to 5 s.
PDFS_PER_MINUTE = envint("DJANGO_PDFS_PER_MINUTE", 10)

# Comment threads: how long an author may edit, how many comments a member may post a minute,
# and how many members' reports hide a comment until a moderator looks.
COMMENT_EDIT_MINUTES = envint("DJANGO_COMMENT_EDIT_MINUTES", 15)
COMMENTS_PER_MINUTE = envint("DJANGO_COMMENTS_PER_MINUTE", 5)
COMMENT_HIDE_AFTER_REPORTS = envint("DJANGO_COMMENT_HIDE_AFTER_REPORTS", 3)

# Background jobs: rows in the database (django-tasks-db), so a job commits with the change
# that caused it; `manage.py db_worker` runs them (README, "Background jobs").
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}
# A failed send is tried again after 1, 4, 16, 64... minutes, this many times in all.
MAIL_TRIES = envint("DJANGO_MAIL_TRIES", 5)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": envstr("DJANGO_LOG_LEVEL", "INFO")},
    # WeasyPrint (briefings' PDFs) and fontTools, which subsets their fonts, tell each step of
    # every PDF at INFO: only their warnings.
    "loggers": {
        "weasyprint.progress": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
