"""The jobs that decide who hears of a change. Each is enqueued by notifications.receivers in
the transaction of the change and run by the worker, so the request that made the change never
waits for recipients to be found or e-mails to be written; each e-mail is then a job of its
own (notifications.mail.deliver). A job run twice tells nobody twice (Notification.key).
"""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django_tasks import task

from notifications import follows
from notifications.emails import notify
from notifications.models import Kind
from practices import threads
from practices.models import (
    CityRequest,
    Comment,
    Membership,
    Practice,
    PracticeRevision,
    StatusChange,
)


def staff():
    return get_user_model().objects.filter(is_staff=True, is_active=True)


@task()
def status_changed(change_id):
    """Reviewers hear of every submission and resubmission; the author of every decision;
    the members who follow what a newly published practice is about, of it."""
    change = StatusChange.objects.select_related("practice__city", "changed_by").filter(
        pk=change_id
    )
    change = change.first()
    if change is None:
        return
    practice = change.practice
    common = {
        "context": {"change": change, "practice": practice},
        "group": lambda user: practice.city.name,
        "actor": change.changed_by,
    }
    if change.to_status == Practice.Status.SUBMITTED:
        notify(
            staff(),
            kind=Kind.SUBMISSION,
            key=f"submitted:{change.pk}",
            template="submitted",
            text=lambda user: _("“%(title)s” was submitted for review") % {"title": practice},
            url=lambda user: reverse("practices:review_decide", args=[practice.slug]),
            **common,
        )
    if change.to_status == Practice.Status.PUBLISHED:
        for user, followed in follows.followers_of(practice).items():
            notify(
                [user],
                kind=Kind.NEW_PRACTICE,
                key=f"practice:{practice.pk}",
                template="new_practice",
                context={**common["context"], "follow": followed},
                group=lambda user, followed=followed: followed.label,
                text=lambda user: (
                    _("%(title)s (%(city)s)")
                    % {"title": practice.title, "city": practice.city.name}
                ),
                url=lambda user: practice.get_absolute_url(),
                actor=change.changed_by,
            )
    author = practice.submitted_by
    if author is not None:
        notify(
            [author],
            kind=Kind.REVIEW,
            key=f"status:{change.pk}",
            template="status_changed",
            text=lambda user: (
                _("“%(title)s” is now: %(status)s")
                % {"title": practice, "status": change.get_to_status_display()}
            ),
            url=lambda user: (
                practice.get_absolute_url()
                if practice.is_published
                else reverse("practices:edit", args=[practice.slug])
            ),
            **common,
        )


@task()
def revision_changed(revision_id, decided):
    """Reviewers hear of a new revision of a published practice, as of a submission; its
    author of the decision on it."""
    revision = (
        PracticeRevision.objects.select_related("practice__city", "author", "decided_by")
        .filter(pk=revision_id)
        .first()
    )
    if revision is None:
        return
    practice = revision.practice
    common = {
        "context": {"revision": revision, "practice": practice},
        "group": lambda user: practice.city.name,
    }
    if not decided:
        notify(
            staff(),
            kind=Kind.SUBMISSION,
            key=f"revision:{revision.pk}",
            template="revision_submitted",
            text=lambda user: _("A revision of “%(title)s” waits for review") % {"title": practice},
            url=lambda user: reverse("practices:review_revision", args=[revision.pk]),
            actor=revision.author,
            **common,
        )
    elif revision.author is not None and not revision.is_pending:
        notify(
            [revision.author],
            kind=Kind.REVIEW,
            key=f"revision-decided:{revision.pk}",
            template="revision_decided",
            text=lambda user: (
                _("Your revision of “%(title)s”: %(status)s")
                % {"title": practice, "status": revision.get_status_display()}
            ),
            url=lambda user: (
                practice.get_absolute_url()
                if revision.status == PracticeRevision.Status.PUBLISHED
                else reverse("practices:edit", args=[practice.slug])
            ),
            actor=revision.decided_by,
            **common,
        )


@task()
def comment_posted(comment_id):
    """The thread's followers hear of any comment, the city's editors of a new top-level one,
    a comment's author of a reply to it. Never someone who muted the thread."""
    comment = (
        Comment.objects.select_related("practice__city", "author", "parent__author")
        .filter(pk=comment_id)
        .first()
    )
    if comment is None or comment.is_removed:
        return
    practice = comment.practice
    subscriptions = {s.user_id: s for s in practice.subscriptions.select_related("user")}
    recipients = {s.user for s in subscriptions.values() if s.following}
    if comment.parent_id is None:
        recipients |= {m.user for m in practice.city.memberships.approved().select_related("user")}
    elif not comment.parent.is_removed:
        recipients.add(comment.parent.author)
    muted = {pk for pk, s in subscriptions.items() if not s.following}
    for user in sorted(recipients, key=lambda user: user.pk):
        if user.pk in muted:
            continue
        notify(
            [user],
            kind=Kind.COMMENT,
            key=f"comment:{comment.pk}",
            template="comment_posted",
            context={
                "comment": comment,
                "practice": practice,
                "is_reply_to_them": comment.parent_id is not None and comment.parent.author == user,
                "thread_unsubscribe_token": threads.unsubscribe_token(user, practice),
            },
            group=lambda user: practice.title,
            text=lambda user: (
                _("%(who)s: %(excerpt)s")
                % {
                    "who": comment.author.public_name,
                    "excerpt": Truncator(comment.body).chars(120),
                }
            ),
            url=lambda user: comment.get_absolute_url(),
            actor=comment.author,
        )


@task()
def comment_hidden(comment_id):
    """Moderators hear of a comment that members' reports hid, with a link to look at it."""
    comment = Comment.objects.select_related("practice", "author").filter(pk=comment_id).first()
    if comment is None:
        return
    notify(
        staff(),
        kind=Kind.HIDDEN_COMMENT,
        key=f"hidden:{comment.pk}:{comment.hidden_at.timestamp() if comment.hidden_at else 0}",
        template="comment_hidden",
        context={"comment": comment, "practice": comment.practice},
        group=lambda user: comment.practice.title,
        text=lambda user: (
            _("A comment by %(who)s was hidden after reports") % {"who": comment.author.public_name}
        ),
        url=lambda user: reverse("admin:practices_reportedcomment_change", args=[comment.pk]),
    )


@task()
def membership_requested(membership_id):
    """The city's managers (or, when it has none, the staff) hear that someone asks to join."""
    membership = Membership.objects.select_related("city", "user").filter(pk=membership_id).first()
    if membership is None:
        return
    managers = [
        m.user
        for m in membership.city.memberships.approved()
        .filter(role=Membership.Role.MANAGER)
        .select_related("user")
    ] or list(staff())
    notify(
        managers,
        kind=Kind.TEAM,
        key=f"team-request:{membership.pk}",
        template="membership_requested",
        context={"membership": membership},
        group=lambda user: membership.city.name,
        text=lambda user: _("%(who)s asks to join the team") % {"who": membership.user.public_name},
        url=lambda user: reverse("practices:city_team", args=[membership.city.slug]),
        actor=membership.user,
    )


@task()
def membership_decided(membership_id, status):
    """The member hears what was decided on their request or place."""
    membership = Membership.objects.select_related("city", "user").filter(pk=membership_id).first()
    if membership is None:
        return
    notify(
        [membership.user],
        kind=Kind.TEAM,
        key=f"team-decision:{membership.pk}:{status}",
        template="membership_decided",
        context={"membership": membership},
        group=lambda user: membership.city.name,
        text=lambda user: (
            _("Your place in the team: %(status)s") % {"status": membership.get_status_display()}
        ),
        url=lambda user: reverse("practices:city", args=[membership.city.slug]),
        actor=membership.decided_by,
    )


@task()
def city_requested(request_id):
    """Staff hear that a member asks for a city not on the portal."""
    city_request = CityRequest.objects.select_related("requested_by").filter(pk=request_id).first()
    if city_request is None:
        return
    notify(
        list(staff()),
        kind=Kind.TEAM,
        key=f"city-request:{city_request.pk}",
        template="city_requested",
        context={"city_request": city_request},
        group=lambda user: city_request.name,
        text=lambda user: (
            _("%(who)s asks for a new city") % {"who": city_request.requested_by.public_name}
        ),
        url=lambda user: reverse("admin:practices_cityrequest_change", args=[city_request.pk]),
        actor=city_request.requested_by,
    )


@task()
def city_request_decided(request_id):
    """The member hears whether their city was added."""
    city_request = (
        CityRequest.objects.select_related("requested_by", "city").filter(pk=request_id).first()
    )
    if city_request is None:
        return
    notify(
        [city_request.requested_by],
        kind=Kind.TEAM,
        key=f"city-request-decision:{city_request.pk}",
        template="city_request_decided",
        context={"city_request": city_request},
        group=lambda user: city_request.name,
        text=lambda user: (
            _("Your request for a new city: %(status)s")
            % {"status": city_request.get_status_display()}
        ),
        url=lambda user: (
            city_request.city.get_absolute_url()
            if city_request.city
            else reverse("practices:cities")
        ),
        actor=city_request.decided_by,
    )
