"""A city's team: members ask to become editors; the city's managers and staff decide."""

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from practices.forms import CityRequestForm, MembershipRequestForm, TeamDecisionForm
from practices.models import City, CityRequest, Membership
from practices.permissions import get_city_for_manager, get_membership_for_manager


@verified_email_required
def join_city(request, slug):
    """Signed-in members with a confirmed e-mail address: ask to become an editor for a city."""
    city = get_object_or_404(City, slug=slug)
    current = city.memberships.filter(
        user=request.user, status__in=[Membership.Status.PENDING, Membership.Status.APPROVED]
    ).first()
    if current is not None:
        messages.info(request, _("You are already in this city's team, or have asked to be."))
        return redirect(city)
    form = MembershipRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            Membership.request(user=request.user, city=city, reason=form.cleaned_data["reason"])
        except ValidationError as refusal:
            # The same request posted twice at once: the first one counts.
            messages.info(request, " ".join(refusal.messages))
            return redirect(city)
        messages.success(
            request,
            _("Request sent. The city's managers will decide; you will get an e-mail."),
        )
        return redirect(city)
    return render(request, "practices/join_city.html", {"city": city, "form": form})


@verified_email_required
def ask_for_city(request):
    """Signed-in members with a confirmed e-mail address: ask for a city that is not on the
    portal yet. Staff decide in the admin; the member then manages the city's team."""
    form = CityRequestForm(request.POST or None)
    existing = None
    if request.method == "POST" and form.is_valid():
        try:
            CityRequest.ask(user=request.user, **form.cleaned_data)
        except ValidationError as refusal:
            form.add_error(None, refusal)
            # A city already listed: the page links to its team instead.
            existing = City.objects.named(
                form.cleaned_data["name"], form.cleaned_data["country"]
            ).first()
        else:
            messages.success(
                request,
                _(
                    "Request sent. The portal's staff will add the city and tell you by e-mail; "
                    "you will then manage its team."
                ),
            )
            return redirect("practices:cities")
    return render(request, "practices/ask_for_city.html", {"form": form, "existing": existing})


@login_required
def city_team(request, slug):
    """The city's managers and staff: pending requests, and the current team."""
    city = get_city_for_manager(request, slug)
    memberships = city.memberships.select_related("user", "decided_by")
    return render(
        request,
        "practices/city_team.html",
        {
            "city": city,
            "pending": [m for m in memberships if m.status == Membership.Status.PENDING],
            "team": [m for m in memberships if m.status == Membership.Status.APPROVED],
            "past": [
                m
                for m in memberships
                if m.status in (Membership.Status.DECLINED, Membership.Status.REMOVED)
            ],
        },
    )


@login_required
@require_POST
def decide_membership(request, pk):
    """The city's managers and staff: approve, decline or remove."""
    membership = get_membership_for_manager(request, pk)
    form = TeamDecisionForm(request.POST)
    if form.is_valid():
        decision = form.cleaned_data["decision"]
        try:
            getattr(membership, decision)(by=request.user, message=form.cleaned_data["message"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("%(member)s: %(status)s.")
                % {"member": membership.user, "status": membership.get_status_display()},
            )
    else:
        messages.error(request, _("Choose approve, decline or remove."))
    return redirect("practices:city_team", membership.city.slug)
