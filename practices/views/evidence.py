"""The evidence criteria: how a city assesses its own practice, and how reviewers rate it."""

from django.shortcuts import render
from django.views.decorators.http import require_safe


@require_safe
def evidence_criteria(request):
    """Anyone: the self-assessment checklist and what each reviewed rating requires."""
    return render(request, "practices/evidence.html")
