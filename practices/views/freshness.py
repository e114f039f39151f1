"""Keeping practices current: a city's editors say, in one click, whether a practice still
runs as described, has ended, or needs an update (the reminder e-mail links here)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from practices.forms import ConfirmationForm
from practices.permissions import get_practice_for_editor


@login_required
def confirm(request, slug):
    """Editors of the practice's city, and staff: confirm a published practice, or end it."""
    practice = get_practice_for_editor(request, slug)
    if not practice.is_published:
        messages.info(request, _("Only a published practice is confirmed: this one is not yet."))
        return redirect("practices:edit", practice.slug)
    form = ConfirmationForm(request.POST or None, practice=practice)
    if request.method == "POST" and form.is_valid():
        answer = form.cleaned_data["answer"]
        if answer == ConfirmationForm.Answer.UPDATE:
            messages.info(
                request,
                _(
                    "Bring the practice up to date, then tick “It still runs as described” "
                    "before you save: that confirms it."
                ),
            )
            return redirect("practices:edit", practice.slug)
        if answer == ConfirmationForm.Answer.ENDED:
            practice.confirm(by=request.user, ended_in=form.cleaned_data["end_year"])
            messages.success(request, _("Thank you: the practice now shows when it ended."))
        else:
            practice.confirm(by=request.user)
            messages.success(request, _("Thank you: the practice is confirmed as running."))
        return redirect(practice)
    return render(request, "practices/practice_confirm.html", {"practice": practice, "form": form})
