"""The practices app's models: reference data (lessons, networks, cities), practices with
their links and history, city teams, and the comment threads on practices."""

from practices.models.comments import (
    Comment,
    CommentReport,
    Refused,
    ReportedComment,
    ThreadSubscription,
)
from practices.models.membership import CityRequest, Membership, MembershipQuerySet
from practices.models.practice import Practice, PracticeLink, PracticeQuerySet, StatusChange
from practices.models.reference import City, CityQuerySet, Lesson, Network
from practices.models.revision import PracticeRevision

__all__ = [
    "City",
    "CityQuerySet",
    "CityRequest",
    "Comment",
    "CommentReport",
    "Refused",
    "ReportedComment",
    "ThreadSubscription",
    "Lesson",
    "Membership",
    "MembershipQuerySet",
    "Network",
    "Practice",
    "PracticeLink",
    "PracticeQuerySet",
    "PracticeRevision",
    "StatusChange",
]
