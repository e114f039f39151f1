"""A version kept in Django's cache, for what is stored under it until something changes.

Counts, drawn comment threads and whole pages are stored under keys that hold such a version;
a change replaces it, and what was stored under the old one is never read again (the cache lets
it expire). The version is replaced at once and again when the change commits, so something
computed meanwhile from the data before the change is not kept either.

A key that holds the current version is thus never given other content: each app process keeps
its own copy of what it read under one (the "local" cache), which spares fetching a large drawn
thread from the shared cache on every view and is as current as the shared cache is.
"""

import uuid

from django.core.cache import cache, caches
from django.db import transaction


def new_value():
    return uuid.uuid4().hex


class CacheVersion:
    def __init__(self, key):
        self.key = key

    def current(self, found=None):
        """The version now; `found` is what a get_many that asked for self.key returned."""
        value = cache.get(self.key) if found is None else found.get(self.key)
        if value is None:
            value = new_value()
            # Another process may have set one meanwhile: theirs stands.
            if not cache.add(self.key, value, timeout=None):
                value = cache.get(self.key)
        return value

    def replace(self, **kwargs):
        """Forget what was stored under the version (a signal receiver, hence **kwargs)."""
        cache.set(self.key, new_value(), timeout=None)
        transaction.on_commit(lambda: cache.set(self.key, new_value(), timeout=None))


def kept(key, draw, timeout):
    """draw(), or what it gave for `key` (a key that holds a version): this process's own copy,
    else the shared cache's. A copy lasts `timeout` from when this process read it."""
    local = caches["local"]
    found = local.get(key)
    if found is None:
        found = cache.get(key)
        if found is None:
            found = draw()
            cache.set(key, found, timeout)
        local.set(key, found, timeout)
    return found
