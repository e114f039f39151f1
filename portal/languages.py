"""The site's two languages: English at each path, French at the same path under /fr/.

Here are the address of a page in the other language, the links that switch language (GET
links, not a form, so a page carries no CSRF token and can be cached), the alternates every page
names in its <head>, and the first visit's redirect that honours the browser's Accept-Language.

The alternates (hreflang, and x-default for English) name the same page as the page's
<link rel="canonical"> where it has one: its view passes that address as `page_address`, and
each page of a list or a thread is its own (an event is its bare path; page 2 of a lesson is
`?page=2`, of a practice's thread `?comments=2`, of the filtered list `?lesson=3&page=2`; page 1
has no number). Any other page's alternates keep the query string asked for, since it may choose
what the page shows (`/tags/?sort=use`), less the parameters that only say where a visitor came
from (`utm_*`, `fbclid`, `gclid` and the like, TRACKING): a link shared with a campaign's tag
names the untagged page in each language. Other unknown parameters stay: a page that ignores
them is the same page in either language all the same. The switcher keeps the whole address, as
the visitor asked for it.

Served under a script prefix (`FORCE_SCRIPT_NAME=/portal`, or the WSGI server's SCRIPT_NAME),
every address here stays under it, the language after it: `/portal/fr/cities/`.
"""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import Http404, HttpResponseRedirect
from django.urls import get_script_prefix, reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.text import capfirst
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

# Addresses a program fetches, or a visitor downloads, whatever the browser's language: never
# redirected to French.
NOT_REDIRECTED = (
    "/healthz",
    "/robots.txt",
    "/sitemap",  # the index, /sitemap.xml, and its sections' pages, /sitemap-<section>.xml
    "/language/",
    "/feeds/",
    "/open-data/practices.",
    "/open-data/schema.json",
    "/api/",
    settings.STATIC_URL,
)

# Query parameters that tell where a visitor came from, not what the page shows; besides these,
# any whose name starts with "utm_" (is_tracking).
TRACKING = {
    "fbclid",
    "gclid",
    "dclid",
    "gbraid",
    "wbraid",
    "msclkid",
    "yclid",
    "igshid",
    "mc_cid",
    "mc_eid",
    "_ga",
    "_gl",
}


def path_in_language(path, code):
    """The same page's path in another language: "/fr/cities/" <-> "/cities/". Served under a
    script prefix (FORCE_SCRIPT_NAME, or the WSGI server's SCRIPT_NAME), as reverse() names
    its addresses, the language comes after it: "/portal/fr/cities/" <-> "/portal/cities/"."""
    script = get_script_prefix().rstrip("/")  # "" at the root
    if script and (path == script or path.startswith(f"{script}/")):
        path = path[len(script) :] or "/"
    else:
        script = ""  # not an address under the prefix: left as it is
    language = translation.get_language_from_path(path)
    if language:
        path = path[len(language) + 1 :] or "/"
    if code == settings.LANGUAGE_CODE:
        return f"{script}{path}"
    return f"{script}/{code}{path}"


def url_in_language(url, code):
    """An absolute or relative URL with its path moved to another language; query kept."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=path_in_language(parts.path, code)))


def is_tracking(name):
    name = name.lower()
    return name in TRACKING or name.startswith("utm_")


def shown_address(request):
    """The path and query asked for, less the tracking parameters: what the page shows."""
    params = request.GET.copy()
    for name in list(params):
        if is_tracking(name):
            del params[name]
    query = params.urlencode()
    return f"{request.path}?{query}" if query else request.path


def names_its_host(request):
    """Whether the page may name addresses on its host: not the 400 page of a forged Host."""
    try:
        request.get_host()
    except DisallowedHost:
        return False
    return True


def alternates(request, address=""):
    """The page in each language, then the default (x-default), as full addresses: `address`
    (a path, its query included), the page's canonical one, or else the address asked for."""
    if request is None or not names_its_host(request):
        return []  # the 500 page is drawn without a request; a forged Host names none
    address = address or shown_address(request)
    codes = [code for code, _name in settings.LANGUAGES] + ["x-default"]
    return [
        {
            "hreflang": code,
            "url": request.build_absolute_uri(
                url_in_language(address, settings.LANGUAGE_CODE if code == "x-default" else code)
            ),
        }
        for code in codes
    ]


def language_links(request):
    """Template context: the links of the switcher to the current page in each language."""
    if not names_its_host(request):
        return {}
    path = request.path
    query = request.META.get("QUERY_STRING", "")
    current = translation.get_language()
    links = [
        {
            "code": code,
            # In its own language: "Français" to someone who may not read "French".
            "name": capfirst(translation.get_language_info(code)["name_local"]),
            "current": code == current,
            "switch_url": reverse("switch_language", args=[code])
            + "?"
            + urlencode({"next": f"{path}?{query}" if query else path}),
        }
        for code, _name in settings.LANGUAGES
    ]
    return {"language_links": links}


@never_cache
@require_safe
def switch_language(request, code):
    """Anyone: remember the chosen language and show the same page in it."""
    if code not in dict(settings.LANGUAGES):
        raise Http404("No such language.")
    next_url = request.GET.get("next", "")
    # A page of the site: under its script prefix ("/" at the root), on its host.
    home = get_script_prefix()
    safe = next_url.startswith(home) and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    response = HttpResponseRedirect(url_in_language(next_url if safe else home, code))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


def browser_prefers(request):
    """The site's language the Accept-Language header ranks first, or None."""
    header = request.headers.get("Accept-Language", "")
    for code, _quality in parse_accept_lang_header(header):
        if code == "*":
            return None
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return None


def first_visit_language(get_response):
    """Send a first-time visitor whose browser prefers French from an English page to the same
    page in French. A language cookie (set by the switcher) decides instead, both ways: who
    chose English is never sent to French, who chose French gets the French page."""

    def middleware(request):
        path = request.path_info
        if (
            request.method not in ("GET", "HEAD")
            or translation.get_language_from_path(path)
            or path.startswith(NOT_REDIRECTED)
        ):
            return get_response(request)
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        wanted = chosen if chosen in dict(settings.LANGUAGES) else browser_prefers(request)
        if wanted and wanted != settings.LANGUAGE_CODE:
            response = HttpResponseRedirect(url_in_language(request.get_full_path(), wanted))
        else:
            response = get_response(request)
        # The answer for an English address depends on both headers.
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response

    return middleware
