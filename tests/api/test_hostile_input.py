"""Whatever a program puts in the query string, the API and the open-data files answer with
data, a 400 that names what cannot be read, or a 404: never a server error."""

from urllib.parse import quote_from_bytes

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.factories import CityFactory, EventPracticeFactory, NetworkFactory, PracticeFactory
from tests.portal.test_hostile_input import ODD_VALUES

pytestmark = pytest.mark.django_db

PARAMETERS = ["q", "lesson", "city", "country", "tag", "network", "event", "language", "evidence",
              "year", "sort", "cursor", "limit"]  # fmt: skip
URLS = [
    "/api/v1/practices/",
    "/api/v1/practices/youth-panels/",
    "/api/v1/lessons/",
    "/api/v1/cities/",
    "/api/v1/events/",
    "/open-data/practices.csv",
    "/open-data/practices.json",
]
ANSWERS = (200, 400, 404)


@pytest.fixture(autouse=True)
def site(settings):
    settings.API_REQUESTS_PER_MINUTE = 0
    city = CityFactory(slug="oslo")
    city.networks.add(NetworkFactory(slug="nordic"))
    EventPracticeFactory(practice=PracticeFactory(slug="youth-panels", city=city, tags=["trust"]))


def read(client, url, params=None):
    response = client.get(url, params)
    if response.streaming:
        b"".join(response.streaming_content)
    return response.status_code


def test_odd_values_never_cause_a_server_error(anonymous):
    for url in URLS:
        for value in ODD_VALUES:
            assert read(anonymous, url, dict.fromkeys(PARAMETERS, value)) in ANSWERS, (url, value)
            assert read(anonymous, url, {name: [value, "1"] for name in PARAMETERS}) in ANSWERS


@given(
    index=st.integers(0, len(URLS) - 1),
    params=st.dictionaries(
        st.sampled_from(PARAMETERS) | st.text(max_size=10),
        st.one_of(st.text(max_size=60), st.lists(st.text(max_size=20), max_size=3)),
    ),
    raw=st.binary(max_size=60),
)
def test_any_query_string_gets_data_a_400_or_a_404(anonymous, index, params, raw):
    url = URLS[index]
    assert read(anonymous, url, params) in ANSWERS, (url, params)
    assert read(anonymous, f"{url}?{quote_from_bytes(raw, safe='=&')}") in ANSWERS
