"""Reviewing practices on the site: staff see the queue of submitted practices and decide."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from practices.forms import ReviewForm
from practices.models import Practice
from practices.permissions import staff_required

DONE = {
    "publish": _("Published: “%(title)s” is now public."),
    "request_changes": _("Changes requested on “%(title)s”; the author has been told."),
    "archive": _("Archived: “%(title)s”."),
}


def submitted_practices():
    # Each row shows the city and the author.
    return (
        Practice.objects.filter(status=Practice.Status.SUBMITTED)
        .select_related("city", "submitted_by")
        .order_by("updated_at", "id")
    )


def queue(request, failed=None, failed_form=None, status=200):
    """The queue page: each practice with its own decision form (ids unique on the page)."""
    rows = [
        (
            practice,
            failed_form if practice == failed else ReviewForm(auto_id=f"review-{practice.pk}-%s"),
        )
        for practice in submitted_practices()
    ]
    return render(request, "practices/review_queue.html", {"rows": rows}, status=status)


@staff_required
def review_queue(request):
    """Staff: submitted practices, oldest first, each with the form to decide on it."""
    return queue(request)


@staff_required
@require_POST
def review_decide(request, slug):
    """Staff: publish, request changes to, or archive a practice."""
    practice = get_object_or_404(Practice, slug=slug)
    form = ReviewForm(request.POST, auto_id=f"review-{practice.pk}-%s")
    if form.is_valid():
        decision = form.cleaned_data["decision"]
        try:
            getattr(practice, decision)(by=request.user, message=form.cleaned_data["message"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, DONE[decision] % {"title": practice.title})
        return redirect("practices:review")
    # The queue comes back with the error next to the practice it was about.
    return queue(request, failed=practice, failed_form=form, status=400)
