"""The API's rate limit: so many requests a minute from each client address.

The count lives in the "default" cache, beside allauth's sign-in limits, so with Redis it holds
across app servers. The client's address is the one allauth's limits use: behind the load
balancer, the one it appends to X-Forwarded-For (ALLAUTH_TRUSTED_PROXY_COUNT), never one the
client could write itself. A client over the limit is answered 429 with Retry-After: the
seconds until the minute is over.
"""

import time

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache
from ninja.throttling import BaseThrottle

WINDOW_SECONDS = 60


class PerClientAddress(BaseThrottle):
    """settings.API_REQUESTS_PER_MINUTE requests in each minute (0: no limit)."""

    def allow_request(self, request):
        limit = settings.API_REQUESTS_PER_MINUTE
        if not limit:
            return True
        window = int(time.time() // WINDOW_SECONDS)
        key = f"api-rate:{get_adapter().get_client_ip(request)}:{window}"
        # add() then incr(): atomic on Redis, so two servers counting at once both count.
        cache.add(key, 0, timeout=WINDOW_SECONDS + 1)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between the two
            cache.add(key, 1, timeout=WINDOW_SECONDS + 1)
            count = 1
        return count <= limit

    def wait(self):
        return WINDOW_SECONDS - time.time() % WINDOW_SECONDS
