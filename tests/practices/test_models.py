"""Database constraints on lessons, cities and practices hold whatever code writes the row."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from practices.models import City, Lesson, Practice
from tests.factories import CityFactory, PracticeFactory

pytestmark = pytest.mark.django_db


def test_lesson_number_outside_1_to_9_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        Lesson.objects.create(number=10, slug="ten", title="Ten", summary="No.")


def test_lesson_numbers_are_unique():
    with pytest.raises(IntegrityError), transaction.atomic():
        Lesson.objects.create(number=3, slug="again", title="Again", summary="No.")


def test_city_country_must_be_two_capital_letters():
    with pytest.raises(IntegrityError), transaction.atomic():
        City.objects.create(name="Oslo", slug="oslo", country="1x")


def test_city_country_must_be_a_known_country():
    city = City(name="Atlantis", slug="atlantis", country="XX")
    with pytest.raises(ValidationError) as error:
        city.full_clean()
    assert "country" in error.value.message_dict


def test_practice_slugs_are_unique():
    PracticeFactory(slug="youth-councils")
    with pytest.raises(IntegrityError), transaction.atomic():
        PracticeFactory(slug="youth-councils")


def test_end_year_before_start_year_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        PracticeFactory(start_year=2022, end_year=2020)


def test_ongoing_practice_cannot_have_an_end_year():
    with pytest.raises(IntegrityError), transaction.atomic():
        PracticeFactory(start_year=2020, end_year=2022, ongoing=True)


def test_published_practice_needs_a_publication_date():
    with pytest.raises(IntegrityError), transaction.atomic():
        PracticeFactory(status=Practice.Status.PUBLISHED, published_at=None)


def test_full_clean_explains_end_before_start_in_words():
    practice = PracticeFactory.build(city=CityFactory(), start_year=2022, end_year=2020)
    with pytest.raises(ValidationError) as error:
        practice.full_clean(exclude=["lessons", "tags"])
    assert "The end year cannot be before the start year." in error.value.messages


def test_published_queryset_chains_with_lesson_and_country():
    oslo = CityFactory(country="NO")
    lyon = CityFactory(country="FR")
    wanted = PracticeFactory(city=oslo, lessons=[3])
    PracticeFactory(city=oslo, lessons=[4])
    PracticeFactory(city=lyon, lessons=[3])
    PracticeFactory(city=oslo, lessons=[3], draft=True)

    found = Practice.objects.published().for_lesson(3).in_country("no")

    assert list(found) == [wanted]


def test_period_reads_naturally():
    assert PracticeFactory.build(start_year=2020, ongoing=True).period == "2020 – ongoing"
    assert PracticeFactory.build(start_year=2019, end_year=2021).period == "2019–2021"
    assert PracticeFactory.build(start_year=2021, end_year=2021).period == "2021"
