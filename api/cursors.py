"""The lists' cursors: an opaque token for "the rows after this one".

Each list of the API has one order, by a column then the id (`Order`): practices newest first
by (published_at, id), events latest first by (starts_at, id), cities by (name, id). A page is
the rows strictly after the last one of the page before (keyset pagination). Walking the pages
one by one gives every row exactly once, even while others are added meanwhile: a new practice
or event goes before the first page, a new city wherever its name falls, never twice and
never in place of another. Offsets would repeat or skip rows.

A cursor names its list ("events|<starts_at>|<id>", base64url), so one list's cursor given to
another is refused, not read as a position in it (a practice's moment as a city's name). The
practices' cursors given out before they named their list ("<published_at>|<id>") still read
as practices' positions: clients may have stored them. The other lists take only named ones.
"""

import base64
import binascii
from datetime import UTC, datetime

from django.db.models import Q

# The largest id a database column holds (bigint): a larger one cannot be a row's.
MAX_ID = 2**63 - 1


class BadCursor(ValueError):
    """Not a cursor of this list: `of` names the list it is of if it is another's; `unnamed`
    says it names none (given before cursors named their list, or by no list)."""

    def __init__(self, of=None, unnamed=False):
        super().__init__(of)
        self.of, self.unnamed = of, unnamed


# The lists by name, as their cursors name them.
ORDERS = {}


def moment(text):
    """A cursor's date and time: ISO 8601 with its offset, one every database can store."""
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise ValueError
    value.astimezone(UTC)  # OverflowError when UTC falls before year 1 or after 9999
    return value


def name(text):
    """A cursor's name: any text a column holds (PostgreSQL's hold no NUL)."""
    if "\x00" in text:
        raise ValueError
    return text


class Order:
    """The order of the list `name` by `field`, then the id, descending or not, and its
    cursor. `unnamed` takes the cursors given before cursors named their list as this one's."""

    def __init__(self, name, field, *, read, descending, unnamed=False):
        self.name, self.field, self.read, self.descending = name, field, read, descending
        self.unnamed = unnamed
        ORDERS[name] = self

    def encode(self, row):
        """The cursor for the rows after `row`."""
        value = getattr(row, self.field)
        if isinstance(value, datetime):
            value = value.isoformat()
        text = f"{self.name}|{value}|{row.pk}"
        return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")

    def decode(self, cursor):
        """(value, id) from a cursor this API gave for this list; BadCursor for anything else,
        naming the list it is of if it is another's."""
        try:
            padded = cursor + "=" * (-len(cursor) % 4)
            text = base64.urlsafe_b64decode(padded).decode()
        except (ValueError, binascii.Error) as error:
            raise BadCursor from error
        name, _, position = text.partition("|")
        if name in ORDERS and name != self.name:
            raise BadCursor(of=name)
        if name not in ORDERS:
            if not self.unnamed:
                raise BadCursor(unnamed=True)
            position = text
        try:
            value, pk = position.rsplit("|", 1)
            pk = int(pk)
            if not -MAX_ID <= pk <= MAX_ID:
                raise ValueError
            return self.read(value), pk
        except (ValueError, OverflowError) as error:
            raise BadCursor from error

    def after(self, queryset, cursor):
        """The rows of `queryset` after the cursor (all of them without one), in this order."""
        sign, beyond = ("-", "lt") if self.descending else ("", "gt")
        ordered = queryset.order_by(f"{sign}{self.field}", f"{sign}pk")
        if not cursor:
            return ordered
        value, pk = self.decode(cursor)
        return ordered.filter(
            Q(**{f"{self.field}__{beyond}": value}) | Q(**{self.field: value, f"pk__{beyond}": pk})
        )


PRACTICES = Order("practices", "published_at", read=moment, descending=True, unnamed=True)
EVENTS = Order("events", "starts_at", read=moment, descending=True)
CITIES = Order("cities", "name", read=name, descending=False)
