"""A member's notification settings, and the unsubscribe link every notification carries.

The settings page is the signed-in member's own (there is no way to reach anyone else's). The
unsubscribe link works without signing in: its signed token says whose setting it changes,
and a mail program may post to it in one click (RFC 8058), so it takes no CSRF token.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from notifications import follows
from notifications.emails import read_unsubscribe_token
from notifications.forms import PreferencesForm
from notifications.models import Follow, Frequency, Kind, Preference
from practices.models import ThreadSubscription

# The unsubscribe link of a digest names its period.
DIGESTS = {"digest-daily": Frequency.DAILY, "digest-weekly": Frequency.WEEKLY}


@login_required
def preferences(request):
    """The signed-in member: how often to hear of each kind, and what they follow."""
    form = PreferencesForm(request.POST or None, user=request.user)
    if form.is_valid():
        form.save()
        messages.success(request, _("Your notification settings have been saved."))
        return redirect("notifications:settings")
    # The list shows each followed thread's practice title and links to it.
    followed = (
        ThreadSubscription.objects.filter(user=request.user, following=True)
        .select_related("practice")
        .order_by("practice__title")
    )
    context = {
        "form": form,
        "followed": followed,
        "follows": Follow.objects.filter(user=request.user),
    }
    return render(request, "notifications/settings.html", context)


@login_required
@require_POST
def unfollow_thread(request, pk):
    """The signed-in member: stop following one of their threads, from the settings page."""
    subscription = get_object_or_404(ThreadSubscription, pk=pk, user=request.user)
    subscription.following = False
    subscription.save(update_fields=["following"])
    messages.success(
        request,
        _("You no longer follow “%(title)s”.") % {"title": subscription.practice.title},
    )
    return redirect("notifications:settings")


@login_required
@require_POST
def follow(request):
    """The signed-in member: follow a lesson, city, country, tag or the list's current search
    (its query string, from the list page), to hear of new practices that match."""
    target, value, label = follows.resolve(
        request.POST.get("target", ""), request.POST.get("value", "")[:2000]
    )
    Follow.objects.get_or_create(
        user=request.user, target=target, value=value, defaults={"label": label}
    )
    messages.success(
        request,
        _("You follow “%(name)s”: new practices come by e-mail, as your settings say.")
        % {"name": label},
    )
    return redirect(follows.page_of(target, value))


@login_required
@require_POST
def unfollow(request, pk):
    """The signed-in member: stop following one of their follows, from the settings page."""
    followed = get_object_or_404(Follow, pk=pk, user=request.user)
    followed.delete()
    messages.success(request, _("You no longer follow “%(title)s”.") % {"title": followed.label})
    return redirect("notifications:settings")


@csrf_exempt
def unsubscribe(request, token):
    """Anyone holding the link from a notification: turn that kind of e-mail off. GET asks
    to confirm (a link checker must not unsubscribe anyone); POST does it."""
    found = read_unsubscribe_token(token)
    if found is None or found[1] not in {*Kind.values, *DIGESTS}:
        raise Http404("This link is not valid.")
    user = get_object_or_404(get_user_model(), pk=found[0])
    # One kind, or (from a digest) every kind the member gets in that digest.
    if found[1] in DIGESTS:
        period = DIGESTS[found[1]]
        kinds = list(
            Preference.objects.filter(user=user, frequency=period).values_list("kind", flat=True)
        )
        label = period.label
    else:
        kinds, label = [found[1]], Kind(found[1]).label
    if request.method == "POST":
        for kind in kinds:
            Preference.objects.update_or_create(
                user=user, kind=kind, defaults={"frequency": Frequency.OFF}
            )
        return render(request, "notifications/unsubscribed.html", {"kind": label})
    return render(request, "notifications/unsubscribe.html", {"kind": label})
