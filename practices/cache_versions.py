"""Versions kept in Django's cache, for what is stored under them until something changes.

Counts, drawn cards, comment threads and the parts of pages are stored under keys that hold
such a version; a change replaces it, and what was stored under the old one is never read again
(the cache lets it expire). The version is replaced at once and again when the change commits,
so something computed meanwhile from the data before the change is not kept either.

A request reads the versions once: the first one it needs brings every shared version with it
in one round trip to the cache, and the request goes on with that snapshot (a change the
request makes itself replaces the version in its snapshot too). Outside a request (the shell, a
command, a test calling a function) each read asks the cache.

A key that holds the current version is thus never given other content: each app process keeps
its own copy of what it read under one (the "local" cache), which spares fetching a large drawn
thread, or the counts beside a list, from the shared cache on every view, and is as current as
the shared cache is.
"""

import uuid

from asgiref.local import Local
from django.core.cache import cache, caches
from django.core.signals import request_finished, request_started
from django.db import transaction

# The keys of the versions every page may need, read together at a request's first need.
SHARED = []
# The versions this request has read: None outside a request.
_request = Local()


def new_value():
    return uuid.uuid4().hex


class CacheVersion:
    def __init__(self, key, *, shared=True):
        """`shared`: read with the other shared versions at a request's first need (practices'
        own card versions are not: a page reads those of its own practices)."""
        self.key = key
        if shared:
            SHARED.append(key)

    def current(self, found=None):
        """The version now; `found` is what a get_many that asked for self.key returned."""
        return current(self, found=found)[0]

    def replace(self, **kwargs):
        """Forget what was stored under the version (a signal receiver, hence **kwargs)."""
        self._set(new_value())
        transaction.on_commit(lambda: self._set(new_value()))

    def _set(self, value):
        cache.set(self.key, value, timeout=None)
        snapshot = getattr(_request, "versions", None)
        if snapshot is not None:
            snapshot[self.key] = value


def current(*versions, found=None):
    """The values of `versions` now, in their order, in at most one round trip to the cache;
    `found`: what a get_many that asked for some of their keys already returned."""
    snapshot = getattr(_request, "versions", None)
    known = {}
    for version in versions:
        value = (snapshot or {}).get(version.key) or (found or {}).get(version.key)
        if value is not None:
            known[version.key] = value
    wanted = [version.key for version in versions if version.key not in known]
    if wanted and snapshot is not None:
        # The request's first round trip brings every shared version it has not read.
        wanted += [key for key in SHARED if key not in snapshot and key not in wanted]
    read = cache.get_many(wanted) if wanted else {}
    for key in wanted:
        if read.get(key) is None:
            # Another process may have set one meanwhile: theirs stands.
            read[key] = new_value()
            if not cache.add(key, read[key], timeout=None):
                read[key] = cache.get(key) or read[key]
    known.update(read)
    if snapshot is not None:
        snapshot.update(known)
    return [known[version.key] for version in versions]


def unread(versions):
    """The keys of those of `versions` this request has not read (all of them outside one)."""
    snapshot = getattr(_request, "versions", None) or {}
    return [version.key for version in versions if version.key not in snapshot]


def open_snapshot(**kwargs):
    _request.versions = {}


def close_snapshot(**kwargs):
    _request.versions = None


request_started.connect(open_snapshot, dispatch_uid="cache-versions-open")
request_finished.connect(close_snapshot, dispatch_uid="cache-versions-close")


def kept(key, draw, timeout, *, fresh=None, local="local", shared=True):
    """draw(), or what it gave for `key` (a key that holds a version): this process's own copy
    (in the cache `local`), else the shared cache's (unless not `shared`: for what is quickly
    put together again from what the shared cache holds). A copy lasts `timeout` from when
    this process read it. `fresh`, for what also changes at a moment of its own: fresh(value)
    is False once it has, and then it is drawn again and stored in place of the old."""
    local = caches[local]
    found = local.get(key)
    if found is None or (fresh is not None and not fresh(found)):
        found = cache.get(key) if shared else None
        if found is None or (fresh is not None and not fresh(found)):
            found = draw()
            if shared:
                cache.set(key, found, timeout)
        local.set(key, found, timeout)
    return found
