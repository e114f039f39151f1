"""Member profiles: any signed-in member may read one; each member edits only their own.

Signing up, signing in and managing the e-mail address and password are allauth's views, at
/accounts/ (templates under templates/account/ and templates/allauth/).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from accounts.forms import ProfileForm
from accounts.models import User


def with_city(relation):
    """Prefetch a relation of the user together with each row's city, in one query."""
    model = User._meta.get_field(relation).related_model
    return Prefetch(relation, queryset=model.objects.select_related("city"))


@login_required
@require_safe
def profile(request, pk):
    """A member's profile, as other signed-in members see it."""
    # The page lists the member's city teams and practices (relations the practices app adds;
    # named here, not imported, so accounts depends on no other app of ours).
    member = get_object_or_404(
        User.objects.prefetch_related(with_city("memberships"), with_city("submitted_practices")),
        pk=pk,
        is_active=True,
    )
    return render(
        request, "accounts/profile.html", {"member": member, "own": member == request.user}
    )


@login_required
def edit_profile(request):
    """The signed-in member's own profile form (there is no way to edit anyone else's)."""
    form = ProfileForm(request.POST or None, instance=request.user)
    if form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect(request.user)
    return render(request, "accounts/edit_profile.html", {"form": form})
