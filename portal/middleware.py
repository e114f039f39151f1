"""Site-wide middleware of the portal's own, for what Django has no setting for."""


def cross_origin_resource_policy(get_response):
    """Cross-Origin-Resource-Policy: same-origin on every response, static files included.

    No other site may embed the portal's pages, images or files (Django sets the opener policy,
    SECURE_CROSS_ORIGIN_OPENER_POLICY, but has no setting for this one).
    """

    def middleware(request):
        response = get_response(request)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response

    return middleware
