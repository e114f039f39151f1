"""`{% coverage_cells row.cells row.total %}`: the cells of a row of the coverage table
(practices/coverage.py) or of the home page's chart, a column's each, then the row's total if
it is given. A number links to the practices it counts, shaded by how many; a 0 is a gap, said
in words as well as shown in colour, and links nowhere.

They are written here rather than through a template included for each: with every country's
cities shown the coverage table has 22,000 cells, and including a template for each (with
their addresses encoded one by one) took 0.8 s of the 1.2 s of CPU of its first view.
What goes into the markup is escaped as the template escaped it (and the translation not, as
{% translate %} does not).
"""

from django.template import Library
from django.utils.formats import localize
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

register = Library()

GAP = '<td class="coverage-cell coverage-empty{}">0<span class="visually-hidden"> {}</span></td>'


@register.simple_tag
def coverage_cells(cells, total=None):
    """The <td> of each of `cells`, then of `total` unless it is None."""
    note = gettext("(no practice yet)")  # unescaped, as {% translate %} writes it
    gap = GAP.format("", note)
    html = [_cell(cell, f"coverage-level-{cell.level}", gap) for cell in cells]
    if total is not None:
        html.append(_cell(total, "coverage-total", GAP.format(" coverage-total", note)))
    return mark_safe("".join(html))


def _cell(cell, shade, gap):
    if not cell.count:
        return gap
    # As {{ cell.count }} shows it: no language groups digits below 1,000 (localize: 5 µs).
    count = escape(localize(cell.count)) if cell.count >= 1000 else cell.count
    return f'<td class="coverage-cell {shade}"><a href="{escape(cell.url)}">{count}</a></td>'
