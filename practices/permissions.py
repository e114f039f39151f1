"""Who may use a view, in one place: decorators for the rules that depend only on who is asking,
and lookups that turn the models' permission predicates into answers for views.

An outsider gets a 404, as if the thing did not exist; someone who may read it but not change
it gets a 403. Ownership comes from the request's user, never from a form field. Views that
need a confirmed e-mail address use allauth's `verified_email_required`, which shows the
member a page saying so and sends them a new link.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from practices.models import City, Membership, Practice


def staff_required(view):
    """Staff only: anonymous visitors are sent to sign in, other members get a 403."""

    @login_required
    @wraps(view)
    def staff_only(request, *args, **kwargs):
        if not request.user.is_staff:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return staff_only


def get_practice_for_editor(request, slug):
    """The practice, if the user may edit it: editors of its city and staff."""
    practice = get_object_or_404(Practice.objects.select_related("city"), slug=slug)
    if practice.can_edit(request.user):
        return practice
    if practice.is_published:
        raise PermissionDenied
    raise Http404("No such practice.")


def get_city_for_manager(request, slug):
    """The city, if the user may decide on its team: its managers and staff."""
    city = get_object_or_404(City, slug=slug)
    if not city.is_managed_by(request.user):
        raise PermissionDenied
    return city


def get_membership_for_manager(request, pk):
    membership = get_object_or_404(Membership.objects.select_related("city", "user"), pk=pk)
    if not membership.can_decide(request.user):
        raise Http404("No such request.")
    return membership
