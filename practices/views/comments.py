"""Comment threads on practices: posting, replying, editing, removing, reporting, following,
and a comment's lasting address.

Every action is a plain form post, so the thread works without JavaScript. Posting needs a
signed-in member with a confirmed e-mail address (one without is shown a page saying so, and
sent a new link); editing is the author's for a short while; removing is the author's (or
staff's) at any time.
"""

import re
import uuid

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from practices import threads
from practices.forms import CommentForm, CommentReportForm
from practices.models import Comment, Practice, Refused, ThreadSubscription


def comment_for(pk):
    """A comment on a published practice; any other is a 404."""
    return get_object_or_404(
        Comment.objects.select_related("practice", "author", "parent__author"),
        pk=pk,
        practice__status=Practice.Status.PUBLISHED,
    )


# The double-post token each comment form carries (a uuid4().hex): letters, digits and dashes,
# never anything else (a NUL byte, say, which PostgreSQL refuses to store).
FORM_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,64}")


def posted_token(request):
    token = request.POST.get("token", "")
    return token if FORM_TOKEN.fullmatch(token) else ""


def form_page(request, practice, form, parent=None, status=200):
    return render(
        request,
        "practices/comment_form.html",
        {
            "practice": practice,
            "form": form,
            "parent": parent,
            "token": posted_token(request) or uuid.uuid4().hex,
        },
        status=status,
    )


@require_safe
def comment_link(request, pk):
    """Anyone: a comment's lasting address, sent on to the page of its thread that shows it,
    at the comment. A comment the reader may not read (removed; hidden, to anyone but its
    author and staff; on a practice not published) is a 404."""
    comment = comment_for(pk)
    if threads.placeholder_for(comment, request.user):
        raise Http404("This comment is not shown.")
    return redirect(threads.comment_url(comment))


@verified_email_required
@require_POST
def comment_post(request, slug):
    """Members with a confirmed e-mail address: post a comment, or a reply when `parent`
    names one."""
    practice = get_object_or_404(threads.open_to_post(request.user), slug=slug)
    parent = None
    parent_id = request.POST.get("parent", "")
    if parent_id:
        if not (parent_id.isascii() and parent_id.isdigit()):  # "¹" is a digit int() refuses
            raise Http404("No such comment to answer.")
        parent = get_object_or_404(practice.comments, pk=parent_id, deleted_at__isnull=True)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return form_page(request, practice, form, parent, status=400)
    try:
        comment = threads.post_comment(
            practice=practice,
            author=request.user,
            body=form.cleaned_data["body"],
            parent=parent,
            token=posted_token(request),
        )
    except Refused as refusal:
        form.add_error(None, str(refusal))
        return form_page(request, practice, form, parent, status=429)
    # Straight to the page of the thread that shows it, not through its lasting address.
    return redirect(threads.comment_url(comment))


@verified_email_required
def comment_reply(request, pk):
    """Members with a confirmed e-mail address: the form to answer one comment, with that
    comment quoted."""
    parent = comment_for(pk)
    if parent.is_removed:
        raise Http404("This comment was removed.")
    return form_page(request, parent.practice, CommentForm(), parent)


@login_required
def comment_edit(request, pk):
    """The comment's author, for a short while after posting: change its text."""
    comment = comment_for(pk)
    if not comment.can_edit(request.user):
        raise PermissionDenied
    form = CommentForm(request.POST or None, initial={"body": comment.body})
    if request.method == "POST" and form.is_valid():
        comment.edit(form.cleaned_data["body"])
        return redirect(threads.comment_url(comment))
    return render(request, "practices/comment_edit.html", {"comment": comment, "form": form})


@login_required
def comment_delete(request, pk):
    """The comment's author, or staff: remove it (replies keep their place)."""
    comment = comment_for(pk)
    if not comment.can_delete(request.user):
        raise PermissionDenied
    if request.method == "POST":
        comment.remove()
        messages.success(request, _("Your comment was removed."))
        return redirect(threads.page_url(comment.practice, threads.page_of(comment)))
    return render(request, "practices/comment_delete.html", {"comment": comment})


@login_required
def comment_report(request, pk):
    """Signed-in members other than its author: report a comment to the moderators."""
    comment = comment_for(pk)
    if not comment.can_report(request.user):
        raise PermissionDenied
    form = CommentReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            comment.report(reporter=request.user, reason=form.cleaned_data["reason"])
        except Refused as refusal:
            messages.info(request, str(refusal))
        else:
            messages.success(request, _("Thank you: the moderators will look at this comment."))
        return redirect(threads.page_url(comment.practice, threads.page_of(comment)))
    return render(request, "practices/comment_report.html", {"comment": comment, "form": form})


@login_required
@require_POST
def follow(request, slug):
    """Signed-in members: follow a thread (an e-mail for each new comment), or stop."""
    practice = get_object_or_404(Practice.objects.published(), slug=slug)
    following = request.POST.get("following") == "1"
    threads.set_following(practice, request.user, following)
    if following:
        messages.success(request, _("You follow this thread: new comments come by e-mail."))
    else:
        messages.success(request, _("You no longer get e-mails about this thread."))
    return redirect(practice.get_absolute_url() + "#comments")


def unsubscribe(request, token):
    """Anyone holding the link from a notification: stop e-mails about that thread."""
    found = threads.read_unsubscribe_token(token)
    if found is None:
        raise Http404("This link is not valid.")
    user = get_object_or_404(get_user_model(), pk=found[0])
    practice = get_object_or_404(Practice, pk=found[1])
    if request.method == "POST":
        ThreadSubscription.objects.update_or_create(
            user=user, practice=practice, defaults={"following": False}
        )
        return render(request, "practices/unsubscribed.html", {"practice": practice})
    return render(request, "practices/unsubscribe.html", {"practice": practice})
