"""Each client address may make API_REQUESTS_PER_MINUTE requests a minute; past that it is
told to wait (429 with Retry-After), and other addresses are not."""

import pytest

from tests.factories import PracticeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def three_a_minute(settings):
    settings.API_REQUESTS_PER_MINUTE = 3


def test_past_the_limit_a_client_is_told_when_to_come_back(anonymous):
    PracticeFactory()
    answers = [anonymous.get("/api/v1/practices/") for _ in range(4)]

    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]
    refused = answers[-1]
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert refused.json()["detail"] == "Too many requests."
    assert refused["Access-Control-Allow-Origin"] == "*"


def test_the_limit_counts_every_endpoint_together(anonymous):
    for url in ("/api/v1/lessons/", "/api/v1/cities/", "/api/v1/events/"):
        assert anonymous.get(url).status_code == 200

    assert anonymous.get("/api/v1/networks/").status_code == 429


def test_another_address_has_its_own_count(anonymous):
    for _ in range(3):
        anonymous.get("/api/v1/lessons/", REMOTE_ADDR="192.0.2.1")

    assert anonymous.get("/api/v1/lessons/", REMOTE_ADDR="192.0.2.1").status_code == 429
    assert anonymous.get("/api/v1/lessons/", REMOTE_ADDR="192.0.2.2").status_code == 200


def test_behind_the_load_balancer_the_address_it_saw_counts(anonymous, settings):
    """A client cannot escape the limit by writing its own X-Forwarded-For."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1

    def get(forwarded):
        return anonymous.get(
            "/api/v1/lessons/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR=forwarded
        )

    for index in range(3):
        assert get(f"198.51.100.{index}, 203.0.113.7").status_code == 200

    assert get("198.51.100.99, 203.0.113.7").status_code == 429
    assert get("203.0.113.8").status_code == 200


def test_no_limit_when_set_to_zero(anonymous, settings):
    settings.API_REQUESTS_PER_MINUTE = 0

    assert all(anonymous.get("/api/v1/lessons/").status_code == 200 for _ in range(5))


def test_the_documentation_is_not_counted(anonymous):
    for _ in range(5):
        assert anonymous.get("/api/v1/docs").status_code == 200
    assert anonymous.get("/api/v1/lessons/").status_code == 200
