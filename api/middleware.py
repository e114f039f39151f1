"""Cross-origin reads of the API: any site may fetch it (it is public and read-only), so cities
can show their own practices on their websites (README, "API").

GET answers carry Access-Control-Allow-Origin: *, and expose the headers a client needs to ask
again cheaply or to wait (ETag, Retry-After). A browser asks first (a preflight OPTIONS)
before sending If-None-Match from another site: answered here, as no API view takes OPTIONS.
No cookies are ever read across origins (no Allow-Credentials), so nothing personal can leak.
"""

from django.http import HttpResponse

API_PREFIX = "/api/"
PREFLIGHT_SECONDS = 86400


def cross_origin_reads(get_response):
    def middleware(request):
        # The path below the script prefix, if the site is served under one (/portal/api/…).
        if not request.path_info.startswith(API_PREFIX):
            return get_response(request)
        if request.method == "OPTIONS" and "access-control-request-method" in request.headers:
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = "GET"
            response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
            response["Access-Control-Max-Age"] = str(PREFLIGHT_SECONDS)
        else:
            response = get_response(request)
            if request.method != "GET":
                return response
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = "ETag, Retry-After"
        # Fetched with CORS from other sites: the portal's same-origin resource policy would
        # only matter to no-cors embeds, which the API has none of.
        response["Cross-Origin-Resource-Policy"] = "cross-origin"
        return response

    return middleware
