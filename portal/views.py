"""Site-wide pages: the home page, the health check and the server-error page."""

import sys

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from events.models import Event
from practices import caching
from practices.charts import lesson_years
from practices.models import Lesson, Practice
from practices.views.browse import cards


@require_safe
def home(request):
    """Anyone: what the portal is, the nine lessons, featured practices and events."""
    # Read only when the fragment that shows them is drawn again (home.html).
    lessons = SimpleLazyObject(Lesson.objects.with_published_counts)

    def featured():
        # Which practices are featured is kept like the counts (one in a hundred is: finding
        # the newest six walks the published ones).
        newest = Practice.objects.published().featured().order_by("-published_at")
        return cards(
            caching.cached("featured", {}, lambda: list(newest.values_list("pk", flat=True)[:6]))
        )

    now = timezone.now()
    context = {
        "lessons": lessons,
        "lesson_years": SimpleLazyObject(lambda: lesson_years(lessons, now.year)),
        # The chart's years end with this one: a new year draws the fragment again.
        "this_year": now.year,
        "featured": SimpleLazyObject(featured),
        # Read only when the minute's fragment is drawn (home.html); not even built before.
        "upcoming_events": SimpleLazyObject(lambda: Event.objects.upcoming(now)[:3]),
        "recent_events": SimpleLazyObject(lambda: Event.objects.past(now)[:3]),
        "events_minute": now.strftime("%Y%m%d%H%M"),
    }
    return render(request, "portal/home.html", context)


@require_safe
def about(request):
    """Anyone: what the portal is, where it comes from and who writes in it."""
    return render(request, "portal/about.html")


@require_safe
def privacy(request):
    """Anyone: what the portal keeps about its members, and why."""
    return render(request, "portal/privacy.html")


@require_safe
def contact(request):
    """Anyone: how to reach the portal's staff (DJANGO_CONTACT_EMAIL)."""
    return render(request, "portal/contact.html", {"contact_email": settings.CONTACT_EMAIL})


@never_cache
@require_safe
def healthz(request):
    """Anyone (load balancers): 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


@require_safe
def favicon(request):
    """Anyone (browsers ask for /favicon.ico whatever the page links): the site's icon."""
    return redirect(static("favicon.svg"))


def server_error(request):
    """handler500: a 503 with Retry-After while the database is unreachable, else the 500 page.

    A restart or failover of the database is an outage to wait out, not a bug: clients and
    the load balancer should retry. Any exception of a request ends here, wherever it was
    raised (a view, a template, the session middleware).
    """
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        # No request context: the context processors would query the database again.
        response = HttpResponseServerError(loader.render_to_string("503.html"))
        response.status_code = 503
        response["Retry-After"] = "5"
        return response
    return defaults.server_error(request)


@require_safe
def bench_baseline(request):
    """Anyone, and only when DJANGO_BENCH_BASELINE is set: a tiny page with no database access,
    the framework's own ceiling that bench/run.py compares every page with."""
    return render(request, "portal/bench_baseline.html", {"name": "baseline"})
