"""Reviewing practices on the site: staff see the queue of submitted practices and of revisions
of published ones, and decide; they set the portal's evidence rating as they do."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from practices.forms import ReviewForm, RevisionReviewForm
from practices.models import Practice, PracticeRevision
from practices.permissions import staff_required

DONE = {
    "publish": _("Published: “%(title)s” is now public."),
    "request_changes": _("Changes requested on “%(title)s”; the author has been told."),
    "archive": _("Archived: “%(title)s”."),
}
REVISION_DONE = {
    "publish": _("Revision published: readers of “%(title)s” now see the new version."),
    "return": _("Revision of “%(title)s” returned; the author has been told."),
}


def submitted_practices():
    # Each row shows the city and the author.
    return (
        Practice.objects.filter(status=Practice.Status.SUBMITTED)
        .select_related("city", "submitted_by")
        .order_by("updated_at", "id")
    )


def pending_revisions():
    # Each row shows the practice, its city and the revision's author.
    return (
        PracticeRevision.objects.pending()
        .select_related("practice__city", "author")
        .order_by("created_at", "id")
    )


def queue(request, failed=None, failed_form=None, status=200):
    """The queue page: each practice with its own decision form (ids unique on the page)."""
    rows = [
        (
            practice,
            failed_form
            if practice == failed
            else ReviewForm(
                auto_id=f"review-{practice.pk}-%s",
                initial={
                    "evidence_rating": practice.evidence_rating,
                    "evidence_justification": practice.evidence_justification,
                },
            ),
        )
        for practice in submitted_practices()
    ]
    return render(
        request,
        "practices/review_queue.html",
        {"rows": rows, "revisions": pending_revisions()},
        status=status,
    )


@staff_required
def review_queue(request):
    """Staff: submitted practices, oldest first, each with the form to decide on it."""
    return queue(request)


@staff_required
@require_POST
def review_decide(request, slug):
    """Staff: publish, request changes to, or archive a practice, and rate its evidence."""
    practice = get_object_or_404(Practice, slug=slug)
    form = ReviewForm(request.POST, auto_id=f"review-{practice.pk}-%s")
    if form.is_valid():
        decision = form.cleaned_data["decision"]
        try:
            with transaction.atomic():
                getattr(practice, decision)(by=request.user, message=form.cleaned_data["message"])
                form.rate(practice, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, DONE[decision] % {"title": practice.title})
        return redirect("practices:review")
    # The queue comes back with the error next to the practice it was about.
    return queue(request, failed=practice, failed_form=form, status=400)


@staff_required
def review_revision(request, pk):
    """Staff: what a revision changes, field by field, and the form to publish or return it."""
    revision = get_object_or_404(
        PracticeRevision.objects.select_related("practice__city", "author", "decided_by"), pk=pk
    )
    practice = revision.practice
    form = RevisionReviewForm(
        request.POST or None,
        initial={
            "evidence_rating": practice.evidence_rating,
            "evidence_justification": practice.evidence_justification,
        },
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            decision = form.cleaned_data["decision"]
            try:
                with transaction.atomic():
                    if decision == "publish":
                        revision.publish(by=request.user)
                    else:
                        revision.return_to_author(
                            by=request.user, message=form.cleaned_data["message"]
                        )
                    form.rate(practice, by=request.user)
            except ValidationError as error:
                # Decided already, or stale: nothing changed; the page says why.
                form.add_error(None, error)
                status = 409
            else:
                messages.success(request, REVISION_DONE[decision] % {"title": practice.title})
                return redirect("practices:review")
        else:
            status = 400
    return render(
        request,
        "practices/review_revision.html",
        {"revision": revision, "practice": practice, "form": form, "changes": revision.changes()},
        status=status,
    )
