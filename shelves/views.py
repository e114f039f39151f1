"""Collections: a member's own (/my/collections/, theirs alone: anyone else's is a 404), saving
a practice to one, ordering and annotating its practices, and the read-only shared view by
its link (/collections/<token>/). Every change is a POST with its CSRF token; the collection
is found through the signed-in member, never through an owner named by a form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from practices import briefings
from practices.limits import pdfs_limited
from practices.models import Practice
from shelves.forms import CollectionForm, NoteForm, SaveForm
from shelves.models import Collection, CollectionItem


def get_own_collection(request, pk):
    """The signed-in member's collection `pk`; anyone else's is a 404, as if it did not exist."""
    return get_object_or_404(Collection, pk=pk, owner=request.user)


def get_own_item(request, pk):
    return get_object_or_404(
        CollectionItem.objects.select_related("collection"), pk=pk, collection__owner=request.user
    )


def get_shared_collection(token):
    return get_object_or_404(Collection.objects.select_related("owner"), token=token, shared=True)


def back_to(request, default):
    """Where a form asked to go back to (`next`, a path on this site), or `default`."""
    target = request.POST.get("next", "")
    is_path = target.startswith("/") and target.isprintable()
    if is_path and url_has_allowed_host_and_scheme(target, set(), request.is_secure()):
        return target
    return default


@login_required
def collection_list(request):
    """The signed-in member: their collections, and a form for a new one."""
    form = CollectionForm(request.POST or None, owner=request.user)
    if form.is_valid():
        collection = form.save()
        messages.success(request, _("Collection “%(title)s” created.") % {"title": collection})
        return redirect(collection)
    collections = Collection.objects.filter(owner=request.user).annotate(count=Count("items"))
    return render(
        request, "shelves/collection_list.html", {"form": form, "collections": collections}
    )


@login_required
@require_safe
def collection_detail(request, pk):
    """The owner: a collection's practices in order, to reorder, annotate or remove."""
    return collection_page(request, get_own_collection(request, pk))


def collection_page(request, collection, *, bound=None, status=200):
    """The owner's page of `collection`: each practice with its note's form (`bound`: one
    that was sent with errors, shown as sent)."""
    items = list(collection.shown_items(everything=True))
    for item in items:
        item.note_form = NoteForm(instance=item, prefix=f"item-{item.pk}")
        if bound is not None and bound.instance.pk == item.pk:
            item.note_form = bound
    context = {"collection": collection, "items": items}
    return render(request, "shelves/collection_detail.html", context, status=status)


@login_required
def collection_edit(request, pk):
    """The owner: a collection's title, description and sharing."""
    collection = get_own_collection(request, pk)
    form = CollectionForm(request.POST or None, instance=collection, owner=request.user)
    if form.is_valid():
        form.save()
        messages.success(request, _("Your changes to the collection have been saved."))
        return redirect(collection)
    return render(request, "shelves/collection_edit.html", {"form": form, "collection": collection})


@login_required
def collection_delete(request, pk):
    """The owner: delete a collection (the practices stay on the portal), after confirming."""
    collection = get_own_collection(request, pk)
    if request.method == "POST":
        collection.delete()
        messages.success(request, _("Collection “%(title)s” deleted.") % {"title": collection})
        return redirect("shelves:list")
    return render(request, "shelves/collection_delete.html", {"collection": collection})


@login_required
def save(request, slug):
    """The signed-in member: save a published practice to one of their collections, or to a
    new one; GET shows the choice (the cards' "Save" leads here)."""
    practice = get_object_or_404(Practice.objects.published(), slug=slug)
    form = SaveForm(request.POST or None, owner=request.user)
    if form.is_valid():
        collection = form.save()
        _item, added = collection.add(practice)
        text = (_("Saved to “%(collection)s”.") if added else _("Already in “%(collection)s”.")) % {
            "collection": collection
        }
        messages.success(request, text)
        return HttpResponseRedirect(back_to(request, practice.get_absolute_url()))
    context = {"form": form, "practice": practice, "next": request.GET.get("next", "")}
    return render(request, "shelves/save.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def move(request, pk):
    """The owner: move a practice up or down their collection."""
    item = get_own_item(request, pk)
    direction = request.POST.get("direction")
    if direction not in ("up", "down"):
        messages.error(request, _("Choose to move the practice up or down."))
    else:
        item.move(direction)
    return redirect(item.collection)


@login_required
@require_POST
def note(request, pk):
    """The owner: the note on a practice in their collection."""
    item = get_own_item(request, pk)
    form = NoteForm(request.POST, instance=item, prefix=f"item-{item.pk}")
    if form.is_valid():
        form.save()
        item.collection.save(update_fields=["updated_at"])
        messages.success(request, _("Note saved."))
        return redirect(item.collection)
    return collection_page(request, item.collection, bound=form, status=400)


@login_required
@require_POST
def remove(request, pk):
    """The owner: take a practice out of their collection."""
    item = get_own_item(request, pk)
    item.delete()
    item.collection.save(update_fields=["updated_at"])
    messages.success(
        request, _("“%(title)s” removed from the collection.") % {"title": item.practice.title}
    )
    return redirect(item.collection)


@require_safe
def shared(request, token):
    """Anyone with the link: a shared collection, read-only, its published practices only."""
    collection = get_shared_collection(token)
    items = collection.shown_items(everything=False)
    return render(
        request, "shelves/collection_shared.html", {"collection": collection, "items": items}
    )


def briefing(request, collection, *, everything):
    """The collection's briefing: its practices in order, each with its note."""
    entries = [(item.practice, item.note) for item in collection.shown_items(everything=everything)]
    pdf = briefings.render_pdf(request, collection.title, entries, intro=collection.description)
    return briefings.pdf_response(pdf, f"collection-{collection.pk}", private=True)


@login_required
@require_safe
@pdfs_limited
def collection_briefing(request, pk):
    """The owner: their collection as a PDF, with their notes."""
    return briefing(request, get_own_collection(request, pk), everything=True)


@require_safe
@pdfs_limited
def shared_briefing(request, token):
    """Anyone with the link: the shared collection as a PDF."""
    return briefing(request, get_shared_collection(token), everything=False)
