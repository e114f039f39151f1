"""Files attached to practices: a city's editors add and remove them; readers download them.

A file is served by Django, never straight from storage: so a practice's files are reachable
exactly when the practice is (a draft's by its editors and staff only), whatever storage holds
them. It is always a download (`Content-Disposition: attachment`) of the type its content was
found to be, with `nosniff`, so a browser never runs it as a page.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from practices.forms import PracticeFileForm
from practices.models import PracticeFile
from practices.permissions import get_practice_for_editor


@login_required
def practice_files(request, slug):
    """Editors of the practice's city, and staff: the practice's files, and a form to add one."""
    practice = get_practice_for_editor(request, slug)
    form = PracticeFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            PracticeFile.attach(
                practice,
                form.cleaned_data["file"],
                title=form.cleaned_data["title"],
                language=form.cleaned_data["language"],
                kind=form.cleaned_data["kind"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(request, _("File added."))
            return redirect("practices:files", practice.slug)
    return render(
        request,
        "practices/practice_files.html",
        {
            "practice": practice,
            "form": form,
            "files": practice.files.all(),
            "max_files": settings.PRACTICE_FILES_MAX,
        },
    )


@login_required
@require_POST
def file_delete(request, slug, pk):
    """Editors of the practice's city, and staff: remove one of its files."""
    practice = get_practice_for_editor(request, slug)
    attached = get_object_or_404(practice.files, pk=pk)
    attached.remove()
    messages.success(request, _("File removed."))
    return redirect("practices:files", practice.slug)


@require_safe
def file_download(request, slug, pk, name):
    """Anyone who may read the practice: one of its files, as a download."""
    attached = get_object_or_404(
        PracticeFile.objects.select_related("practice"), pk=pk, practice__slug=slug, name=name
    )
    practice = attached.practice
    if not practice.can_view(request.user):
        raise Http404("No such file.")
    try:
        content = attached.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404("No such file.") from None
    response = FileResponse(
        content, as_attachment=True, filename=attached.name, content_type=attached.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    # Kept by no shared cache: a practice unpublished takes its files with it at once.
    response["Cache-Control"] = "private"
    return response
