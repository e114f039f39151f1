"""`field__among=values`: the rows `field__in=values` gives, for a long list of values.

`__in` sends a list as one parameter per value. A search keeps up to search.MAX_RESULTS (1,000)
matching ids, and its ranking, facets and the API narrow to them: each of those queries cost
about 6 ms of Python to build its 1,000 placeholders, as much again to pass them, and the
database's time to parse them. On PostgreSQL `among` sends the list as one array parameter
(`= ANY(%s)`), which PostgreSQL reads through the same index as `IN`; on SQLite it is `IN`.
"""

from django.db.models import Field
from django.db.models.lookups import In


@Field.register_lookup
class Among(In):
    lookup_name = "among"

    def as_postgresql(self, compiler, connection):
        if not self.rhs_is_direct_value():
            return super().as_sql(compiler, connection)
        lhs, lhs_params = self.process_lhs(compiler, connection)
        field = self.lhs.output_field
        values = [
            field.get_db_prep_value(value, connection, prepared=True)
            for value in self.rhs
            if value is not None
        ]
        return f"{lhs} = ANY(%s)", (*lhs_params, values)
