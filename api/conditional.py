"""Answers clients can ask for again cheaply: ETag, Last-Modified, and 304 when unchanged.

An answer's body is kept gzip-compressed in the "pages" cache under the PAGES generation
(practices/caching.py), so until something public changes the same address is answered from
the cache, without the database, and sent compressed to clients that accept it. Its ETag is a
digest of the body itself, so it is right even when nothing is kept (the DummyCache of a
production server without Redis). Last-Modified is given where the answer has a date to give
(practices, events, cities and networks, as api/changes.py dates them; not the lessons, which
hold no time); If-None-Match, which a client should prefer, covers everything.
"""

import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, quote_etag
from django.utils.text import compress_string

from practices.caching import PAGES, cached, compressed_response

# Clients may use an answer this long without asking again; then they ask with its validators.
MAX_AGE_SECONDS = 60


def answer(request, compute, check=None):
    """The JSON answer compute() gives as (data, last modified datetime or None), or 304.

    Computed in English: names of lessons and events in both languages are given as fields of
    their own, so an answer does not depend on the client's Accept-Language. check(), which
    raises for parameters that cannot be read, runs (in the client's language) only when the
    answer is not kept: a kept one's address, the same to the byte, was read before."""

    def encoded():
        if check is not None:
            check()
        with translation.override("en"):
            data, last_modified = compute()
        body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).encode()
        # The digest and the compressed body are kept: worked out once, not on every request.
        etag = quote_etag(hashlib.sha256(body).hexdigest()[:32])
        return compress_string(body), etag, last_modified

    compressed, etag, last_modified = cached("api", request.build_absolute_uri(), encoded, PAGES)
    timestamp = int(last_modified.timestamp()) if last_modified else None
    response = get_conditional_response(request, etag=etag, last_modified=timestamp)
    if response is None:
        headers = {"Content-Type": "application/json"}
        response = compressed_response(request, 200, headers, compressed)
    patch_vary_headers(response, ("Accept-Encoding",))
    # Weak, as the compressed body and the plain one are the same answer (If-None-Match compares
    # weakly either way), and a 304 gives the validator its 200 would.
    response["ETag"] = f"W/{etag}"
    if timestamp is not None:
        response["Last-Modified"] = http_date(timestamp)
    response["Cache-Control"] = f"public, max-age={MAX_AGE_SECONDS}"
    return response
