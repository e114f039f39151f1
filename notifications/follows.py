"""Following what practices are about: each follow stands for filters of the practice list (a
lesson, a city, a country, a tag, or a saved search with its query), checked when a member
follows it, and matched against every newly published practice.

Everything a follow is made from comes from a form or a URL anyone can send, so `resolve()`
trusts none of it: a target that does not exist is a 404, a search with parameters the list
does not know (or none at all) a 400.
"""

import re

from django.core.exceptions import BadRequest
from django.http import Http404, QueryDict
from django.urls import reverse
from django.utils.http import urlencode
from taggit.models import Tag

from notifications.models import Follow
from practices import filters as practice_filters
from practices.countries import country_name
from practices.models import City, Lesson, Practice

Target = Follow.Target
# The list's own parameters that say nothing about which practices: left out of a search.
NOT_FILTERS = {"page", "sort"}
ALLOWED = set(practice_filters.PracticeFilterForm.base_fields) | NOT_FILTERS


def resolve(target, value):
    """(target, value, label) for a follow, or Http404 / BadRequest."""
    if target == Target.SEARCH:
        return from_search(value)
    if target == Target.LESSON:
        number = int(value) if re.fullmatch(r"[0-9]{1,3}", value) else 0
        lesson = Lesson.objects.filter(number=number).first()
        if lesson is None:
            raise Http404("No such lesson.")
        return target, str(lesson.number), str(lesson)
    if target == Target.CITY:
        city = City.objects.filter(slug=value).first()
        if city is None:
            raise Http404("No such city.")
        return target, city.slug, city.name
    if target == Target.COUNTRY:
        code = value.upper()
        if len(code) != 2 or not City.objects.filter(country=code).exists():
            raise Http404("No city in that country.")
        return target, code, str(country_name(code))
    if target == Target.TAG:
        tag = Tag.objects.filter(slug=value).first()
        if tag is None:
            raise Http404("No such tag.")
        return target, tag.slug, tag.name
    raise BadRequest("Nothing of that kind can be followed.")


def from_search(querystring):
    """A saved search from the list's query string; one that is a single lesson, city,
    country or tag is that follow instead."""
    params = QueryDict(querystring)
    odd = set(params) - ALLOWED
    form = practice_filters.PracticeFilterForm(params)
    if odd or form.ignored():
        raise BadRequest("This search has parameters the practice list does not know.")
    filters = form.filters
    if not filters:
        raise BadRequest("A search with no filter and no words would follow everything.")
    if len(filters) == 1:
        [(name, found)] = filters.items()
        if name == "lesson" and len(found) == 1:
            return resolve(Target.LESSON, str(found[0]))
        if name in {Target.CITY, Target.COUNTRY, Target.TAG}:
            return resolve(name, found)
    value = urlencode(sorted(filters.items()), doseq=True)
    if len(value) > Follow._meta.get_field("value").max_length:
        raise BadRequest("This search is too long to follow.")
    label = " · ".join(chip.label for chip in practice_filters.chips([], filters))
    return Target.SEARCH, value, label[:300]


def page_of(target, value):
    """Where a follow leads: the lesson's or city's page, or the list with its filters."""
    if target == Target.LESSON:
        return reverse("practices:lesson", args=[int(value)])
    if target == Target.CITY:
        return reverse("practices:city", args=[value])
    query = value if target == Target.SEARCH else urlencode({target: value})
    return reverse("practices:list") + "?" + query


def followers_of(practice):
    """{user: the follow it matched} for each member who follows something `practice` is
    about. Lessons, cities, countries and tags are compared in Python; each saved search is one
    query on this practice alone."""
    lessons = {str(number) for number in practice.lessons.values_list("number", flat=True)}
    about = {
        Target.LESSON: lessons,
        Target.CITY: {practice.city.slug},
        Target.COUNTRY: {practice.city.country.code},
        Target.TAG: set(practice.tags.values_list("slug", flat=True)),
    }
    found = {}
    for follow in Follow.objects.select_related("user").order_by("created_at", "id"):
        if follow.user in found:
            continue
        if follow.target == Target.SEARCH:
            filters = practice_filters.PracticeFilterForm(QueryDict(follow.value)).filters
            matched = practice_filters.apply(
                Practice.objects.filter(pk=practice.pk), filters
            ).exists()
        else:
            matched = follow.value in about.get(follow.target, set())
        if matched:
            found[follow.user] = follow
    return found
