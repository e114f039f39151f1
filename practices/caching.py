"""What public pages show is kept in the "pages" cache, under a generation that changes with it.

Three things are kept there (README, "Caching"): anonymous readers' pages (portal/cache.py),
`{% cache %}` fragments, and the counts beside lists (cached() below). Every key holds a
generation, a value in the same cache replaced when a model portal/staleness.py registers is
saved or deleted, so what was stored under the old one is never read again. The cache is shared
by every app server (Redis), so a change shows on all at once; its keys start with the release
(settings.RELEASE), so a deploy never reads what the previous release stored.

PAGES covers everything a public page shows, comments included; CATALOGUE only the practices and
what describes them (lessons, tags, cities, networks, events, links, files): what the counts
count and a practice's article shows, so a comment sends neither every facet count nor every
article to be worked out again.
"""

import gzip
import hashlib
import json
import uuid

from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils.functional import SimpleLazyObject

# How long anything is kept at most, whatever changes.
SECONDS = 300


def pages_cache():
    return caches["pages"]


class Generation:
    def __init__(self, name):
        self.key = f"generation:{name}"

    def current(self):
        # get_or_set() adds: when two servers start one at once, the first one stands.
        return pages_cache().get_or_set(self.key, lambda: uuid.uuid4().hex, timeout=None)

    def replace(self, **signal_kwargs):
        """A new generation now, and again when the transaction commits: a page drawn
        meanwhile, from the data before the change, is stored under the one in between."""
        self._renew()
        transaction.on_commit(self._renew)

    def _renew(self):
        pages_cache().set(self.key, uuid.uuid4().hex, timeout=None)

    def read(self, key):
        """(the current generation, what `key` holds if it was stored with it, else None), in
        one round trip. What is stored is (generation, *value); a cache that keeps nothing
        (DummyCache) has no generation, and nothing read under it is current."""
        found = pages_cache().get_many([self.key, key])
        current = found.get(self.key) or self.current()
        stored = found.get(key)
        if current is None or stored is None or stored[0] != current:
            return current, None
        return current, stored[1:]


PAGES = Generation("pages")
CATALOGUE = Generation("catalogue")


def cached(name, params, compute, generation=CATALOGUE):
    """compute(), or what it gave for the same name and parameters since `generation` last
    changed (the catalogue's for counts and search matches, the pages' for the API's answers):
    stored with the generation it was computed under, read with the current one in one trip."""
    digest = hashlib.sha256(json.dumps(params, sort_keys=True, default=str).encode()).hexdigest()
    key = f"{name}:{digest}"
    current, stored = generation.read(key)
    if stored is not None:
        return stored[0]
    # Computed after the generation was read: a change meanwhile leaves it stale.
    value = compute()
    pages_cache().set(key, (current, value), SECONDS)
    return value


def generation(request):
    """Template context: `pages_generation` and `catalogue_generation` for `{% cache %}` keys,
    read from the cache (both in one round trip) only by a template that has a fragment."""
    both = SimpleLazyObject(lambda: pages_cache().get_many([PAGES.key, CATALOGUE.key]))
    pages, catalogue = (
        SimpleLazyObject(lambda g=g: both.get(g.key) or g.current()) for g in (PAGES, CATALOGUE)
    )
    return {"pages_generation": pages, "catalogue_generation": catalogue, "cache_seconds": SECONDS}


def compressed_response(request, status, headers, compressed):
    """A response of a body kept gzip-compressed (compressed once, when kept): as it is for a
    client that accepts gzip, as every browser does, and decompressed for any other."""
    if re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
        body, headers = compressed, {**headers, "Content-Encoding": "gzip"}
    else:
        body = gzip.decompress(compressed)
    return HttpResponse(body, status=status, headers={**headers, "Content-Length": len(body)})
