"""A page cache for anonymous readers: whole public pages kept in the "pages" cache.

Most readers are not signed in and see the same page for the same address and language, so
their pages are stored and served again without touching the database. A stored page carries
the PAGES generation it was drawn under (practices/caching.py), and is served only while that
is still the current one: any change portal/staleness.py lists makes every stored page old at
once, on every app server. Members, and visitors carrying a session or pending messages, are
never served from it nor stored in it.

A page is stored gzip-compressed, once (a thread of 400 kB travels as a tenth of that), and
given compressed to browsers, decompressed to other clients. Stored pages hold nothing secret
(no CSRF token, no session), so compression reveals nothing.

DJANGO_PAGE_CACHE_SECONDS sets how long a page is kept (0 turns the cache off).
"""

import hashlib

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.urls import Resolver404, resolve
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string

from practices.caching import CATALOGUE, PAGES, compressed_response, pages_cache

# The public HTML pages, by view name: the same for every anonymous reader.
CACHED_VIEWS = {
    "home",
    "about",
    "privacy",
    "contact",
    "practices:list",
    "practices:detail",
    # Briefings (PDF) of public things: the same for every anonymous reader too.
    "practices:briefing",
    "practices:list_briefing",
    "practices:lessons",
    "practices:lesson",
    "practices:coverage",
    "practices:cities",
    "practices:city",
    "practices:tags",
    "practices:tag",
    "practices:networks",
    "practices:network",
    "practices:open_data",
    "practices:evidence",
    "events:list",
    "events:detail",
}


def is_shareable(request, response):
    """A page any anonymous reader may be given: a complete 200 that set nothing personal.
    The CSRF, session and messages middleware add their cookies after this one runs, so their
    flags are read on the request instead of the response's cookies."""
    messages = getattr(request, "_messages", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Cache-Control")
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (hasattr(request, "session") and request.session.modified)
        and not (messages is not None and messages.added_new)
    )


class AnonymousPageCacheMiddleware:
    """Serve and store anonymous readers' public pages. It sits right after the locale
    middleware and first_visit_language (the key has the reader's language, and a French first
    visitor is still sent to the French page), so a stored page is served before the session,
    CSRF, authentication and messages middleware run: none of them has anything to do for a
    reader without cookies. A page is stored as its status, headers and compressed body, not
    as a response object."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = cached_page_key(request)
        if key is None:
            response = self.get_response(request)
            match = request.resolver_match
            # The admin's bulk actions write with queryset.update(), which sends no signal.
            wrote = request.method == "POST" and response.status_code < 400
            if wrote and match is not None and match.namespace == "admin":
                PAGES.replace()
                CATALOGUE.replace()
            return response
        generation, stored = PAGES.read(key)
        if stored is not None:
            return compressed_response(request, *stored)
        # The generation is read before the page is rendered: a change made meanwhile leaves
        # the copy stale.
        response = self.get_response(request)
        if is_shareable(request, response):
            # The page differs for members: no shared HTTP cache may give it to them; and its
            # copies from here on are compressed for browsers that accept it.
            patch_vary_headers(response, ("Cookie", "Accept-Encoding"))
            compressed = compress_string(response.content)
            stored = (generation, response.status_code, dict(response.items()), compressed)
            pages_cache().set(key, stored, settings.PAGE_CACHE_SECONDS)
        return response


def cached_page_key(request):
    """The key of the page an anonymous reader asks for, or None when it is not one to cache.
    A reader without a session or pending messages cannot have anything personal on the page;
    that is read on the cookies, so a stored page costs no session lookup."""
    personal = {settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name} & request.COOKIES.keys()
    if not settings.PAGE_CACHE_SECONDS or request.method not in ("GET", "HEAD") or personal:
        return None
    try:
        if resolve(request.path_info).view_name not in CACHED_VIEWS:
            return None
    except Resolver404:
        return None
    address = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return f"page:{request.LANGUAGE_CODE}:{address}"
