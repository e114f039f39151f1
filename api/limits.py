"""The API's rate limit: so many requests a minute from each client address
(practices/limits.py counts them). A client over the limit is answered 429 with Retry-After: the
seconds until the minute is over.
"""

from django.conf import settings
from ninja.throttling import BaseThrottle

from practices import limits


class PerClientAddress(BaseThrottle):
    """settings.API_REQUESTS_PER_MINUTE requests in each minute (0: no limit)."""

    def allow_request(self, request):
        return limits.allowed("api", request, settings.API_REQUESTS_PER_MINUTE)

    def wait(self):
        return limits.seconds_left()
