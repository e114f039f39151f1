"""Site-wide pages: the home page and the health check."""

from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from events.models import Event
from practices import counts
from practices.charts import lesson_chart
from practices.models import Practice


@require_safe
def home(request):
    """Anyone: what the portal is, the nine lessons, featured practices and events."""
    # The same counts feed the lesson tiles and the chart drawn from them.
    lessons = counts.lessons_with_counts()
    # The cards show the city and the lesson numbers of each practice.
    featured = (
        Practice.objects.published()
        .featured()
        .select_related("city")
        .prefetch_related("lessons")
        .order_by("-published_at")[:6]
    )
    context = {
        "lessons": lessons,
        "lesson_chart": lesson_chart(lessons),
        "featured": featured,
        "upcoming_events": Event.objects.upcoming()[:3],
        "recent_events": Event.objects.past()[:3],
    }
    return render(request, "portal/home.html", context)


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
def bench_baseline(request):
    """Anyone, and only when DJANGO_BENCH_BASELINE is set: a tiny page with no database access,
    the framework's own ceiling that bench/run.py compares every page with."""
    return render(request, "portal/bench_baseline.html", {"name": "baseline"})
