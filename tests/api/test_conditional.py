"""A client asks again cheaply: every answer has an ETag, most a Last-Modified
(test_last_modified.py), and an unchanged answer is a 304 without a body."""

import datetime as dt
import gzip
import json

import pytest
from django.utils import timezone
from django.utils.http import http_date, parse_http_date

from tests.factories import PracticeFactory

pytestmark = pytest.mark.django_db

URLS = [
    "/api/v1/practices/",
    "/api/v1/practices/youth-panels/",
    "/api/v1/lessons/",
    "/api/v1/cities/",
    "/api/v1/networks/",
    "/api/v1/events/",
]


@pytest.fixture
def youth_panels():
    return PracticeFactory(slug="youth-panels")


@pytest.mark.parametrize("url", URLS)
def test_same_etag_again_is_a_304_without_body(anonymous, youth_panels, url):
    first = anonymous.get(url)
    assert first.status_code == 200
    assert first["ETag"].startswith('W/"')

    again = anonymous.get(url, headers={"If-None-Match": first["ETag"]})

    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]


def test_a_change_gives_a_new_etag_and_the_new_answer(anonymous, youth_panels):
    first = anonymous.get("/api/v1/practices/youth-panels/")
    youth_panels.title = "Youth panels, revised"
    youth_panels.save()

    again = anonymous.get(
        "/api/v1/practices/youth-panels/", headers={"If-None-Match": first["ETag"]}
    )

    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]
    assert again.json()["title"] == "Youth panels, revised"


@pytest.mark.parametrize("url", ["/api/v1/practices/", "/api/v1/practices/youth-panels/"])
def test_not_modified_since_last_modified_is_a_304(anonymous, youth_panels, url):
    first = anonymous.get(url)
    # The practice's last change, or its lessons' and tags', set just after it.
    changed = parse_http_date(first["Last-Modified"])
    assert int(youth_panels.updated_at.timestamp()) <= changed <= timezone.now().timestamp()

    again = anonymous.get(url, headers={"If-Modified-Since": first["Last-Modified"]})
    earlier = http_date((timezone.now() - dt.timedelta(days=1)).timestamp())
    before = anonymous.get(url, headers={"If-Modified-Since": earlier})

    assert again.status_code == 304
    assert before.status_code == 200


def test_a_practice_leaving_the_list_makes_the_list_modified(anonymous, youth_panels):
    first = anonymous.get("/api/v1/practices/")
    youth_panels.archive(by=None)

    again = anonymous.get("/api/v1/practices/", headers={"If-None-Match": first["ETag"]})

    assert again.status_code == 200
    assert again.json()["results"] == []


def test_a_kept_answer_costs_no_query(anonymous, youth_panels, django_assert_num_queries):
    anonymous.get("/api/v1/practices/")

    with django_assert_num_queries(0):
        response = anonymous.get("/api/v1/practices/")

    assert response.status_code == 200


@pytest.mark.parametrize("url", URLS)
def test_a_client_that_accepts_gzip_gets_the_same_answer_compressed(anonymous, youth_panels, url):
    plain = anonymous.get(url)
    compressed = anonymous.get(url, headers={"Accept-Encoding": "gzip, deflate, br"})

    assert compressed["Content-Encoding"] == "gzip" and "Content-Encoding" not in plain
    assert json.loads(gzip.decompress(compressed.content)) == plain.json()
    assert int(compressed["Content-Length"]) == len(compressed.content)
    # A shared cache on the way must not give one client the other's.
    assert "Accept-Encoding" in compressed["Vary"] and "Accept-Encoding" in plain["Vary"]
    # Either validator asks again for both: the same weak ETag.
    assert compressed["ETag"] == plain["ETag"]
    again = anonymous.get(url, headers={"If-None-Match": compressed["ETag"]})
    assert again.status_code == 304


def test_a_page_of_practices_travels_in_a_fraction_of_its_size(anonymous):
    PracticeFactory.create_batch(20)
    plain = anonymous.get("/api/v1/practices/")
    compressed = anonymous.get("/api/v1/practices/", headers={"Accept-Encoding": "gzip"})
    assert len(plain.json()["results"]) == 20
    assert len(compressed.content) < len(plain.content) / 3


def test_a_kept_answer_never_stands_for_an_address_that_cannot_be_read(anonymous, youth_panels):
    # A kept answer is served before the parameters are read again: only for its own address.
    good, bad = "/api/v1/practices/?country=NO", "/api/v1/practices/?country=NOR"
    for _ in range(2):
        assert anonymous.get(good).status_code == 200
        answer = anonymous.get(bad)
        assert answer.status_code == 400
        assert "two-letter" in answer.json()["errors"]["country"]
