"""The practice list's cursor: an opaque token for "the practices after this one".

Practices are listed newest first by (published_at, id), and a page is the practices strictly
after the last one of the page before (keyset pagination). Walking the pages one by one gives
every practice exactly once, even while others are published meanwhile: a new practice goes
before the first page, never between two pages. Offsets would repeat or skip practices.
"""

import base64
import binascii
from datetime import datetime

from django.db.models import Q


class BadCursor(ValueError):
    pass


def encode(practice):
    """The cursor for the practices after `practice` (with published_at and pk)."""
    text = f"{practice.published_at.isoformat()}|{practice.pk}"
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode(cursor):
    """(published_at, id) from a cursor this API gave; BadCursor for anything else."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        published, pk = base64.urlsafe_b64decode(padded).decode().split("|")
        published_at = datetime.fromisoformat(published)
        if published_at.tzinfo is None:
            raise ValueError
        return published_at, int(pk)
    except (ValueError, binascii.Error, UnicodeDecodeError) as error:
        raise BadCursor from error


def after(queryset, cursor):
    """The practices of `queryset` after the cursor, in the list's order (newest first)."""
    ordered = queryset.order_by("-published_at", "-pk")
    if not cursor:
        return ordered
    published_at, pk = decode(cursor)
    return ordered.filter(
        Q(published_at__lt=published_at) | Q(published_at=published_at, pk__lt=pk)
    )
