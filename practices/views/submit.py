"""Writing practices: a city's editors create, edit, preview and submit them; authors follow
their own practices on /my/practices/."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import OuterRef, Subquery
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe
from taggit.models import Tag
from taggit.utils import edit_string_for_tags

from practices.forms import (
    PracticeForm,
    PracticeLinkFormSet,
    RevisionForm,
    RevisionLinkFormSet,
    suggested_tags,
)
from practices.models import City, Lesson, Practice, PracticeRevision, StatusChange
from practices.models.revision import REVISED_COLUMNS, practice_values
from practices.permissions import get_practice_for_editor
from practices.views.browse import PRACTICE_PAGE, practice_page

# Tokens of recently created practices, per session: a form posted twice makes one practice.
TOKENS_KEPT = 20
# Slugs that would shadow the pages next to /practices/<slug>/.
RESERVED_SLUGS = {"new"}


def unique_slug(title):
    base = slugify(title)[:200] or "practice"
    slug, number = base, 1
    while slug in RESERVED_SLUGS or Practice.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def save_with_free_slug(practice, attempts=3):
    """Insert a new practice under a free address. Two authors saving the same title at the
    same moment both see the address free; the second insert fails and tries the next one."""
    for attempt in range(attempts):
        practice.slug = unique_slug(practice.title)
        try:
            with transaction.atomic():
                practice.save()
            return
        except IntegrityError:
            if attempt == attempts - 1:
                raise


def save_practice(form, links, *, user):
    """Save the practice, its tags and its links together; a new one gets a free slug."""
    with transaction.atomic():
        practice = form.save(commit=False)
        if practice.pk is None:
            practice.submitted_by = user
            save_with_free_slug(practice)
        else:
            practice.save()
        form.save_m2m()
        links.instance = practice
        links.save()
        return practice


def after_save(request, practice, action):
    """Where the author goes after pressing one of the form's three buttons."""
    if action == "submit":
        return submit_practice(request, practice)
    if action == "preview":
        return redirect("practices:preview", practice.slug)
    messages.success(request, _("Draft saved. It is not public until it is published."))
    return redirect("practices:edit", practice.slug)


@login_required
def practice_new(request):
    """Editors of a city: write a new practice for one of their cities."""
    if not City.objects.editable_by(request.user).exists():
        messages.info(
            request,
            _(
                "Practices are written by their city's editors. Find your city below, open it "
                "and choose “Ask to become an editor”: its managers, or the portal's staff, "
                "decide and tell you by e-mail. If your city is not listed, ask for it to be "
                "added."
            ),
        )
        return redirect("practices:cities")

    tokens = request.session.get("practice_tokens", {})
    token = request.POST.get("token", "")
    if token in tokens:
        # The same form posted again (a double click): show what the first post created.
        practice = Practice.objects.filter(pk=tokens[token]).first()
        if practice is not None:
            return redirect("practices:edit", practice.slug)

    form = PracticeForm(request.POST or None, user=request.user)
    links = PracticeLinkFormSet(request.POST or None, prefix="links")
    if request.method == "POST" and form.is_valid() and links.is_valid():
        practice = save_practice(form, links, user=request.user)
        if token:
            tokens[token] = practice.pk
            request.session["practice_tokens"] = dict(list(tokens.items())[-TOKENS_KEPT:])
        return after_save(request, practice, request.POST.get("action"))
    return render(
        request,
        "practices/practice_form.html",
        {
            "form": form,
            "links": links,
            "token": token or uuid.uuid4().hex,
            "suggested_tags": suggested_tags(),
        },
    )


@login_required
def practice_edit(request, slug):
    """Editors of the practice's city, and staff: change it; a published one stays published."""
    practice = get_practice_for_editor(request, slug)
    if practice.is_published:
        return revise_practice(request, practice)
    form = PracticeForm(request.POST or None, instance=practice, user=request.user)
    links = PracticeLinkFormSet(request.POST or None, instance=practice, prefix="links")
    if request.method == "POST" and form.is_valid() and links.is_valid():
        practice = save_practice(form, links, user=request.user)
        return after_save(request, practice, request.POST.get("action"))
    history = practice.status_changes.select_related("changed_by")
    return edit_page(request, form, links, practice, history=history)


def edit_page(request, form, links, practice, **context):
    """The form to change an existing practice, directly or as a revision."""
    return render(
        request,
        "practices/practice_form.html",
        {
            "form": form,
            "links": links,
            "practice": practice,
            "suggested_tags": suggested_tags(),
            **context,
        },
    )


def revise_practice(request, practice):
    """An edit of a published practice becomes a revision; the published text stays public
    until a reviewer publishes it. The form starts from the revision waiting, if there is one,
    or from one just returned, so no text written is lost."""
    waiting = practice.revisions.select_related("decided_by").first()
    if waiting is not None and waiting.status == PracticeRevision.Status.PUBLISHED:
        waiting = None
    current = practice_values(practice)
    start = waiting.data if waiting is not None else current
    form = RevisionForm(
        request.POST or None, instance=practice, user=request.user, initial=form_initial(start)
    )
    links = RevisionLinkFormSet(
        request.POST or None,
        prefix="links",
        initial=[{"title": title, "url": url} for title, url in start["links"]],
    )
    if request.method == "POST" and form.is_valid() and links.is_valid():
        proposed = form.proposed(links)
        if proposed == current:
            messages.info(request, _("Nothing changed: the published version is the same."))
            return redirect(practice)
        PracticeRevision.propose(practice, proposed, by=request.user)
        messages.success(
            request,
            _(
                "Your changes wait for review; the published version stays public until a "
                "reviewer publishes them. You will get an e-mail when they decide."
            ),
        )
        return redirect(practice)
    return edit_page(request, form, links, practice, revision=waiting)


def form_initial(values):
    """A revision's values as the form's initial data."""
    lessons = Lesson.objects.filter(number__in=values["lessons"]).values_list("pk", flat=True)
    return {
        **{name: values[name] for name in REVISED_COLUMNS},
        "lessons": list(lessons),
        "tags": edit_string_for_tags([Tag(name=name) for name in values["tags"]]),
    }


@login_required
@require_safe
def practice_history(request, slug):
    """Editors of the practice's city, and staff: each published revision, what it changed,
    who approved it and when."""
    practice = get_practice_for_editor(request, slug)
    revisions = practice.revisions.published().select_related("author", "decided_by")
    return render(
        request,
        "practices/practice_history.html",
        {
            "practice": practice,
            "revisions": revisions,
            "waiting": practice.revisions.pending().select_related("author").first(),
        },
    )


@login_required
def practice_preview(request, slug):
    """Editors of the practice's city, and staff: the page exactly as readers will see it."""
    practice = get_practice_for_editor(request, slug)
    return practice_page(request, PRACTICE_PAGE.get(pk=practice.pk), preview=True)


@login_required
@require_POST
def practice_submit(request, slug):
    """Editors of the practice's city, and staff: send it to the reviewers."""
    practice = get_practice_for_editor(request, slug)
    return submit_practice(request, practice)


def submit_practice(request, practice):
    try:
        practice.submit(by=request.user)
    except ValidationError:
        if practice.status == Practice.Status.SUBMITTED:
            messages.info(request, _("This practice is already waiting for review."))
        else:
            messages.error(
                request,
                _("A practice that is “%(status)s” cannot be submitted.")
                % {"status": practice.get_status_display()},
            )
        return redirect("practices:mine")
    messages.success(
        request, _("Submitted for review. You will get an e-mail when a reviewer decides.")
    )
    return redirect("practices:mine")


@login_required
def my_practices(request):
    """A signed-in member: the practices they wrote, by status, with the reviewer's message."""
    last_request = StatusChange.objects.filter(
        practice=OuterRef("pk"), to_status=Practice.Status.CHANGES_REQUESTED
    ).order_by("-created_at", "-id")
    practices = (
        Practice.objects.filter(submitted_by=request.user)
        .select_related("city")
        .annotate(review_message=Subquery(last_request.values("message")[:1]))
        .order_by("-updated_at")
    )
    groups = [
        (status, label, [p for p in practices if p.status == status])
        for status, label in Practice.Status.choices
    ]
    # Their edits of published practices still waiting, or returned to them; with the practice.
    revisions = (
        PracticeRevision.objects.filter(author=request.user)
        .exclude(status=PracticeRevision.Status.PUBLISHED)
        .select_related("practice__city")[:20]
    )
    return render(
        request,
        "practices/my_practices.html",
        {
            "groups": [group for group in groups if group[2]],
            "practices": practices,
            "revisions": revisions,
        },
    )
