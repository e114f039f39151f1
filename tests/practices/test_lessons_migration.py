"""The nine lessons of Together for Safety 2022 exist from the first migrate, in both languages."""

import pytest
from django.utils import translation

from practices.models import Lesson

pytestmark = pytest.mark.django_db


def test_the_nine_lessons_exist_numbered_1_to_9():
    assert list(Lesson.objects.values_list("number", flat=True)) == list(range(1, 10))


def test_each_lesson_has_english_and_french_title_and_summary():
    for lesson in Lesson.objects.all():
        assert lesson.title_en and lesson.title_fr and lesson.title_en != lesson.title_fr
        assert lesson.summary_en and lesson.summary_fr and lesson.summary_en != lesson.summary_fr
        assert lesson.slug


def test_titles_match_the_reference_sheet():
    lessons = {lesson.number: lesson for lesson in Lesson.objects.all()}
    assert lessons[1].title_en == "Mapping local contexts is essential to effective prevention"
    assert lessons[2].title_fr == (
        "Les villes peuvent contrer les campagnes de désinformation en renforçant la confiance "
        "et la résilience des populations locales"
    )
    assert lessons[9].title_en == (
        "International knowledge sharing makes P/CVE work more effective"
    )


def test_title_follows_the_active_language():
    lesson = Lesson.objects.get(number=3)
    with translation.override("fr"):
        assert lesson.title == "L'inclusion est la clé du renforcement des démocraties locales"
    with translation.override("en"):
        assert lesson.title == "Inclusion is key to strengthening local democracies"
