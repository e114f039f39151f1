"""So many requests a minute from each client address: for the API and for PDF briefings, which
each hold a worker for a while.

The counts live in the "default" cache, beside allauth's sign-in limits, so with Redis they
hold across app servers. The client's address is the one allauth's limits use: behind the load
balancer, the one it appends to X-Forwarded-For (ALLAUTH_TRUSTED_PROXY_COUNT), never one the
client could write itself.
"""

import math
import time
from functools import wraps

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

WINDOW_SECONDS = 60


def allowed(scope, request, limit):
    """Count this request against `limit` a minute (0: no limit) and say whether it is within."""
    if not limit:
        return True
    window = int(time.time() // WINDOW_SECONDS)
    key = f"rate:{scope}:{get_adapter().get_client_ip(request)}:{window}"
    # add() then incr(): atomic on Redis, so two servers counting at once both count.
    cache.add(key, 0, timeout=WINDOW_SECONDS + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between the two
        cache.add(key, 1, timeout=WINDOW_SECONDS + 1)
        count = 1
    return count <= limit


def seconds_left():
    """Until the minute being counted is over: a refused client's Retry-After."""
    return math.ceil(WINDOW_SECONDS - time.time() % WINDOW_SECONDS)


def pdfs_limited(view):
    """Decorator: settings.PDFS_PER_MINUTE briefings a minute from one address; past it, a page
    that says how long to wait, with status 429 and Retry-After."""

    @wraps(view)
    def limited(request, *args, **kwargs):
        if allowed("pdf", request, settings.PDFS_PER_MINUTE):
            return view(request, *args, **kwargs)
        wait = seconds_left()
        response = render(request, "practices/pdf_limit.html", {"seconds": wait}, status=429)
        response["Retry-After"] = str(wait)
        return response

    return limited
