"""Whatever a person or a bot puts in the address, every public page answers with a page or a
404, never a server error."""

import pytest

from tests.factories import CityFactory, EventPracticeFactory, PracticeFactory

pytestmark = pytest.mark.django_db

ODD_VALUES = [
    "",
    "0",
    "-1",
    "99999999999999999999999",
    "abc",
    "NO",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "\"'\\",
    "null\x00byte",
    "ünïcødé ☃ \u202e",
    "x" * 5000,
]
PARAMETERS = ["q", "lesson", "city", "country", "tag", "event", "language", "evidence", "year",
              "sort", "page", "expand", "p"]  # fmt: skip


@pytest.fixture
def site():
    practice = PracticeFactory(city=CityFactory(slug="oslo"), lessons=[2], tags=["trust"])
    link = EventPracticeFactory(practice=practice)
    return practice, link.event


def public_urls(practice, event):
    return [
        "/",
        "/practices/",
        practice.get_absolute_url(),
        "/lessons/",
        "/lessons/2/",
        "/lessons/coverage/",
        "/cities/",
        "/cities/oslo/",
        "/events/",
        event.get_absolute_url(),
        "/feeds/practices/",
        "/feeds/lessons/2/",
        "/sitemap.xml",
        "/robots.txt",
        "/open-data/",
        "/healthz",
    ]


def test_odd_query_strings_never_cause_a_server_error(anonymous, site):
    # Every parameter a page reads gets the same odd value at once (the practice list's
    # parameters one by one are in tests/practices/test_list.py).
    for url in public_urls(*site):
        for value in ODD_VALUES:
            response = anonymous.get(url, dict.fromkeys(PARAMETERS, value))
            assert response.status_code in (200, 404), (url, value)


def test_repeated_parameters_never_cause_a_server_error(anonymous, site):
    for url in public_urls(*site):
        response = anonymous.get(url, {name: ["1", "x", "NO"] for name in PARAMETERS})
        assert response.status_code in (200, 404), url


@pytest.mark.parametrize(
    "url",
    [
        "/practices/no-such-practice/",
        "/lessons/0/",
        "/lessons/10/",
        "/lessons/999999999999999999999/",
        "/cities/atlantis/",
        "/events/no-such-event/",
        "/feeds/lessons/10/",
    ],
)
def test_unknown_things_are_404(anonymous, site, url):
    assert anonymous.get(url).status_code == 404
