"""Whatever a person or a bot puts in the address, every public page answers with a page or a
404, never a server error: chosen odd values, then any that Hypothesis makes up."""

from urllib.parse import quote_from_bytes

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.factories import CityFactory, EventPracticeFactory, NetworkFactory, PracticeFactory

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
PARAMETERS = ["q", "lesson", "city", "country", "tag", "network", "event", "language", "evidence",
              "year", "sort", "page", "expand", "p"]  # fmt: skip


@pytest.fixture
def site():
    city = CityFactory(slug="oslo")
    city.networks.add(NetworkFactory(slug="nordic-safe-cities"))
    practice = PracticeFactory(city=city, lessons=[2], tags=["trust"])
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
        "/tags/",
        "/tags/trust/",
        "/networks/nordic-safe-cities/",
        "/events/",
        event.get_absolute_url(),
        "/feeds/practices/",
        "/feeds/lessons/2/",
        "/sitemap.xml",
        "/sitemap-practices.xml",
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
        "/tags/no-such-tag/",
        "/tags/%C3%A9%00/",
        "/networks/atlantis/",
        "/events/no-such-event/",
        "/feeds/lessons/10/",
    ],
)
def test_unknown_things_are_404(anonymous, site, url):
    assert anonymous.get(url).status_code == 404


QUERY_VALUE = st.one_of(
    st.text(max_size=100),
    st.sampled_from(ODD_VALUES),
    st.lists(st.text(max_size=20), max_size=3),
)


@given(
    page=st.integers(0, 15),
    params=st.dictionaries(st.sampled_from(PARAMETERS) | st.text(max_size=10), QUERY_VALUE),
    raw=st.binary(max_size=60),
)
def test_any_query_string_gets_a_page_or_a_404(anonymous, site, page, params, raw):
    url = public_urls(*site)[page]
    # Named parameters, then bytes no form would send (percent-encoded, as on the wire).
    assert anonymous.get(url, params).status_code in (200, 404), (url, params)
    assert anonymous.get(f"{url}?{quote_from_bytes(raw, safe='=&')}").status_code in (200, 404)
