"""Briefings as PDF: one practice's, and the list's as filtered (its first LIST_LIMIT)."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from practices import briefings
from practices import filters as practice_filters
from practices.limits import pdfs_limited
from practices.models import Practice


@require_safe
@pdfs_limited
def practice_briefing(request, slug):
    """Anyone: a published practice as a PDF."""
    practice = get_object_or_404(briefings.for_briefing(Practice.objects.published()), slug=slug)
    pdf = briefings.render_pdf(request, practice.title, [(practice, "")])
    return briefings.pdf_response(pdf, practice.slug, private=False)


@require_safe
@pdfs_limited
def list_briefing(request):
    """Anyone: the practices the list shows for these filters, in its order, as a PDF; the
    first LIST_LIMIT of them when there are more."""
    form = practice_filters.PracticeFilterForm.for_list(request.GET)
    filters = form.filters
    base = Practice.objects.published()
    listed = practice_filters.found(base, filters, form.ordering)
    if listed.ranked is not None:
        ids = listed.ranked[: briefings.LIST_LIMIT]
    else:
        results = practice_filters.ordered(practice_filters.apply(base, filters), form.ordering)
        ids = list(results.values_list("pk", flat=True)[: briefings.LIST_LIMIT])
    practices = briefings.for_briefing(Practice.objects.all()).in_order(ids)
    if listed.more:  # a search counts no further than search.MAX_RESULTS
        intro = _("The first %(shown)s of more than %(count)s practices that match.")
    elif listed.count > len(ids):
        intro = _("The first %(shown)s of %(count)s practices that match.")
    else:
        intro = ""
    if intro:
        intro %= {"shown": len(ids), "count": listed.count}
    chips = practice_filters.chips(form.shown_params(), filters)
    title = _("Practices")
    if chips:
        title = f"{title}: {', '.join(str(chip.label) for chip in chips)}"
    pdf = briefings.render_pdf(request, title, [(p, "") for p in practices], intro=intro)
    return briefings.pdf_response(pdf, "practices", private=False)
