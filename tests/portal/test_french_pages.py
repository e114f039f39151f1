"""A French-speaking practitioner reads every public page in French: the page's own text, the
layout around it, dates and the lessons' titles; reference content falls back to English where
no French version was written; the admin is in French under /fr/admin/."""

import datetime as dt
import html
import re
from pathlib import Path

import pytest

from practices.models import Lesson
from tests.factories import CityFactory, EventFactory, EventPracticeFactory, PracticeFactory

pytestmark = pytest.mark.django_db

# The base template's English, as a visitor sees it: none may be left on a French page.
ENGLISH_LAYOUT = [
    ">Skip to content<",
    ">Practices<",
    ">Lessons<",
    ">Cities<",
    ">Events<",
    ">Sign in<",
    ">Sign up<",
    "practice portal",
    "Coverage of the lessons",
    ">Open data<",
    "Feed of new practices",
    "Built on the nine key lessons",
    'aria-label="Main"',
    'aria-label="Site language"',
    'title="New practices"',
]
FRENCH_LAYOUT = ["Aller au contenu", ">Pratiques<", ">Leçons<", "Données ouvertes"]

# The official French titles of the nine lessons, copied from the reference sheet
# (shared/reference/nine-lessons.md), without the final full stop.
FRENCH_LESSON_TITLES = {
    1: "La cartographie des contextes locaux est essentielle à l'efficacité des efforts de "
    "prévention",
    2: "Les villes peuvent contrer les campagnes de désinformation en renforçant la confiance et "
    "la résilience des populations locales",
    3: "L'inclusion est la clé du renforcement des démocraties locales",
    4: "La technologie numérique peut être utilisée par les villes et les praticiens pour "
    "renforcer les démocraties locales",
    5: "Les réseaux créent un espace unique permettant d'exploiter l'expertise de différents "
    "domaines professionnels dans le travail de prévention",
    6: "L'identification d'objectifs et de paramètres communs est essentielle dans le cadre "
    "d'une collaboration au sein d'un réseau",
    7: "Les réseaux doivent s'efforcer de conserver l'autonomie de leur mission et de leur vision",
    8: "La pandémie de COVID-19 a présenté à la fois de nouveaux défis et de nouvelles "
    "opportunités",
    9: "Le partage des connaissances au niveau international peut accroître de manière "
    "significative l'efficacité du travail de P/CVE",
}
REFERENCE_SHEET = Path("/work/shared/reference/nine-lessons.md")


def text_of(response):
    """The page as a reader sees its characters: entities decoded, no-break spaces plain."""
    return html.unescape(response.content.decode()).replace("\u00a0", " ")


@pytest.fixture
def content(db):
    city = CityFactory(name="Oslo", slug="oslo")
    practice = PracticeFactory(slug="youth-panels", city=city, lessons=[3], tags=["youth"])
    event = EventFactory(slug="talk", title="Online talk")
    EventPracticeFactory(event=event, practice=practice)
    return practice


PAGES = [
    ("/fr/", "Les neuf leçons clés"),
    ("/fr/practices/", "Rechercher et filtrer les pratiques"),
    ("/fr/practices/youth-panels/", "Dernière mise à jour"),
    ("/fr/lessons/", "Ce que des responsables municipaux, des praticiens et des réseaux"),
    ("/fr/lessons/3/", "Leçon 3 sur 9"),
    ("/fr/lessons/coverage/", "Couverture des neuf leçons"),
    ("/fr/cities/", "Les villes qui partagent leurs pratiques sur le portail"),
    ("/fr/cities/oslo/", "1 pratique publiée"),
    ("/fr/events/", "Événements passés"),
    ("/fr/events/talk/", "Pratiques présentées"),
    ("/fr/open-data/", "Signification"),
    ("/fr/accounts/signup/", "Nom affiché"),
    ("/fr/accounts/login/", "Mot de passe oublié"),
    ("/fr/no-such-page/", "Page introuvable"),
]


@pytest.mark.parametrize(("path", "french"), PAGES)
def test_french_page_is_in_french_with_no_english_from_the_layout(anonymous, content, path, french):
    response = anonymous.get(path)
    assert response.status_code == (404 if "no-such" in path else 200)
    text = text_of(response)
    assert '<html lang="fr">' in text
    assert french in text
    for english in ENGLISH_LAYOUT:
        assert english not in text, english
    for layout in FRENCH_LAYOUT:
        assert layout in text, layout


def test_english_pages_keep_their_english_layout(anonymous, content):
    text = text_of(anonymous.get("/practices/youth-panels/"))
    assert '<html lang="en">' in text
    assert ">Skip to content<" in text
    assert "Aller au contenu" not in text


def test_lesson_titles_in_french_are_those_of_the_reference_sheet(anonymous):
    text = text_of(anonymous.get("/fr/lessons/"))
    for number, title in FRENCH_LESSON_TITLES.items():
        assert title in text, number
        assert Lesson.objects.get(number=number).title_fr == title


@pytest.mark.skipif(not REFERENCE_SHEET.exists(), reason="the shared reference sheet is absent")
def test_the_copied_titles_are_those_of_the_reference_sheet():
    sheet = REFERENCE_SHEET.read_text(encoding="utf-8")
    section = sheet.split("## The nine key lessons", 1)[1].split("\n## ", 1)[0]
    found = {
        int(number): " ".join(title.split()).rstrip(".")
        for number, title in re.findall(r"^(\d)\. \*\*.+?\*\* / \*(.+?)\*", section, re.M | re.S)
    }
    assert found == FRENCH_LESSON_TITLES


def test_dates_are_written_the_french_way(anonymous):
    EventFactory(
        slug="talk",
        starts_at=dt.datetime(2022, 3, 17, 12, tzinfo=dt.UTC),
        ends_at=dt.datetime(2022, 3, 17, 14, tzinfo=dt.UTC),
        time_zone="Europe/Paris",
    )
    assert "17 mars 2022 13:00" in text_of(anonymous.get("/fr/events/talk/"))
    assert "March 17, 2022" in text_of(anonymous.get("/events/talk/"))


def test_numbers_are_grouped_the_french_way(anonymous):
    city = CityFactory(slug="lyon", population=522250)
    PracticeFactory(city=city)
    assert "522 250" in text_of(anonymous.get("/fr/cities/lyon/"))
    assert "522,250" in text_of(anonymous.get("/cities/lyon/"))


def test_event_without_a_french_title_shows_the_english_one(anonymous):
    event = EventFactory(slug="talk", title_en="Online talk on trust", title_fr="")
    french = text_of(anonymous.get("/fr/events/talk/"))
    assert "<h1>Online talk on trust</h1>" in french
    event.title_fr = "Débat en ligne sur la confiance"
    event.save()
    assert "<h1>Débat en ligne sur la confiance</h1>" in text_of(anonymous.get("/fr/events/talk/"))
    assert "<h1>Online talk on trust</h1>" in text_of(anonymous.get("/events/talk/"))


def test_the_admin_is_in_french_under_fr(staff):
    text = text_of(staff.get("/fr/admin/"))
    assert '<html lang="fr"' in text
    assert "Administration d'Ensemble pour la sécurité" in text
    assert ">Pratiques<" in text


def test_the_admin_edits_a_lessons_english_and_french_side_by_side(staff):
    text = text_of(staff.get("/fr/admin/practices/lesson/3/change/"))
    assert text.index('name="title_en"') < text.index('name="title_fr"')
    assert text.index('name="title_fr"') < text.index('name="summary_en"')
    assert "L'inclusion est la clé du renforcement des démocraties locales" in text


def test_a_curator_switches_the_admin_to_french_on_the_same_page(staff):
    english = staff.get("/admin/practices/practice/")
    assert (
        '<a href="/language/fr/?next=%2Fadmin%2Fpractices%2Fpractice%2F" hreflang="fr" lang="fr">'
        "Français</a>" in english.text
    )
    french = staff.get("/fr/admin/practices/practice/")
    assert 'href="/language/en/?next=%2Ffr%2Fadmin%2Fpractices%2Fpractice%2F"' in french.text


def test_the_layout_kept_drawn_is_the_pages_language_whoever_came_first(anonymous, member):
    english, french, english_again = (anonymous.get(path).text for path in ("/", "/fr/", "/"))

    assert all(text in english and text in english_again for text in ENGLISH_LAYOUT)
    assert all(text not in french for text in ENGLISH_LAYOUT)
    assert all(text in french for text in FRENCH_LAYOUT)
    assert "Aller au contenu" not in english_again
    # The member's own menu is drawn for them alone, inside the kept menu.
    page = member.get("/fr/").text
    assert "Mes pratiques" in page and ">Pratiques<" in page and ">Se connecter<" not in page
