"""Anyone can download every published practice as CSV or JSON, with the page explaining them."""

import csv
import io
import json

import pytest

from tests.factories import CityFactory, EventFactory, EventPracticeFactory, PracticeFactory
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

HEADER = [
    "slug",
    "url",
    "title",
    "city",
    "city_slug",
    "country",
    "language",
    "evidence",
    "evidence_baseline",
    "evidence_published",
    "evidence_repeated",
    "evidence_rating",
    "evidence_justification",
    "start_year",
    "end_year",
    "ongoing",
    "lessons",
    "tags",
    "events",
    "summary",
    "published_at",
    "updated_at",
]
MAX_DOWNLOAD_QUERIES = 6


def body(response):
    return b"".join(response.streaming_content).decode()


def csv_rows(client):
    response = client.get("/open-data/practices.csv")
    return list(csv.reader(io.StringIO(body(response))))


def csv_records(client):
    return list(csv.DictReader(io.StringIO(body(client.get("/open-data/practices.csv")))))


def json_records(client):
    return json.loads(body(client.get("/open-data/practices.json")))


def make_practices(count):
    """`count` published practices, each on two lessons, tagged and presented at an event."""
    for index in range(count):
        practice = PracticeFactory(lessons=[1, 2], tags=["trust", f"tag{index}"])
        EventPracticeFactory(practice=practice, event=EventFactory())


@pytest.fixture
def youth_panels():
    oslo = CityFactory(name="Oslo", slug="oslo", country="NO")
    practice = PracticeFactory(
        title="Youth panels",
        slug="youth-panels",
        city=oslo,
        summary="Young people advise the council.",
        lessons=[3, 1],
        tags=["youth", "democracy"],
        start_year=2019,
        end_year=2022,
        evidence="externally_evaluated",
    )
    EventPracticeFactory(practice=practice, event=EventFactory(slug="online-talk-1"))
    EventPracticeFactory(practice=practice, event=EventFactory(slug="online-talk-2"))
    return practice


def test_csv_is_a_download_with_a_header_and_one_row_per_published_practice(
    anonymous, youth_panels
):
    PracticeFactory(title="Another published one")
    PracticeFactory(title="Still a draft", draft=True)

    response = anonymous.get("/open-data/practices.csv")
    rows = list(csv.reader(io.StringIO(body(response))))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="practices.csv"'
    assert rows[0] == HEADER
    assert sorted(row[2] for row in rows[1:]) == ["Another published one", "Youth panels"]


def test_csv_row_holds_the_practice_with_lessons_tags_and_events(anonymous, youth_panels):
    record = next(row for row in csv_records(anonymous) if row["slug"] == "youth-panels")

    assert record["url"] == "http://testserver/practices/youth-panels/"
    assert record["city"] == "Oslo"
    assert record["city_slug"] == "oslo"
    assert record["country"] == "NO"
    assert record["language"] == "en"
    assert record["evidence"] == "externally_evaluated"
    assert (record["start_year"], record["end_year"], record["ongoing"]) == (
        "2019",
        "2022",
        "false",
    )
    assert record["lessons"] == "1;3"
    assert record["tags"] == "democracy;youth"
    assert sorted(record["events"].split(";")) == ["online-talk-1", "online-talk-2"]
    assert record["summary"] == "Young people advise the council."
    assert record["published_at"] == youth_panels.published_at.isoformat()


def test_json_is_a_download_of_one_object_per_published_practice(anonymous, youth_panels):
    PracticeFactory(title="Still a draft", draft=True)

    response = anonymous.get("/open-data/practices.json")
    records = json.loads(body(response))

    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == 'attachment; filename="practices.json"'
    assert [record["title"] for record in records] == ["Youth panels"]
    record = records[0]
    assert list(record) == HEADER
    assert record["lessons"] == [1, 3]
    assert record["tags"] == ["democracy", "youth"]
    assert sorted(record["events"]) == ["online-talk-1", "online-talk-2"]
    assert (record["start_year"], record["end_year"], record["ongoing"]) == (2019, 2022, False)
    assert record["url"] == "http://testserver/practices/youth-panels/"


def test_json_of_no_practices_is_an_empty_array(anonymous):
    assert json_records(anonymous) == []


def test_ongoing_practice_has_no_end_year(anonymous):
    PracticeFactory(ongoing=True, end_year=None)

    assert json_records(anonymous)[0]["end_year"] is None
    assert csv_records(anonymous)[0]["ongoing"] == "true"
    assert csv_records(anonymous)[0]["end_year"] == ""


def test_draft_is_in_neither_file(anonymous, staff):
    PracticeFactory(title="Still a draft", slug="still-a-draft", draft=True)

    for client in (anonymous, staff):
        assert "still-a-draft" not in body(client.get("/open-data/practices.csv"))
        assert "still-a-draft" not in body(client.get("/open-data/practices.json"))


def test_contact_is_in_neither_file(anonymous, member, staff):
    PracticeFactory(contact="Kari Nordmann, kari@example.org, +47 22 00 00 00")

    for client in (anonymous, member, staff):
        for url in ("/open-data/practices.csv", "/open-data/practices.json"):
            text = body(client.get(url))
            assert "kari@example.org" not in text
            assert "Kari Nordmann" not in text
            assert "contact" not in text


@pytest.mark.parametrize(
    "title", ['=HYPERLINK("http://evil")', "+1+1", "-2+3", "@SUM(A1)", "\t=1+1"]
)
def test_csv_cells_that_look_like_formulas_are_neutralised(anonymous, title):
    PracticeFactory(title=title, tags=["=cmd|' /C calc'!A0"])

    record = csv_records(anonymous)[0]

    assert record["title"] == "'" + title
    assert record["tags"] == "'=cmd|' /C calc'!A0"
    assert json_records(anonymous)[0]["title"] == title


def test_text_with_commas_quotes_and_new_lines_survives_the_round_trip(anonymous):
    summary = 'Residents, police and "mosques" met.\nTwice a year; in Orléans.'
    PracticeFactory(summary=summary)

    assert csv_records(anonymous)[0]["summary"] == summary
    assert json_records(anonymous)[0]["summary"] == summary


@pytest.mark.parametrize("url", ["/open-data/practices.csv", "/open-data/practices.json"])
def test_download_costs_the_same_queries_for_3_or_30_practices(anonymous, url):
    make_practices(3)
    few = count_queries(anonymous, url)
    make_practices(27)
    many = count_queries(anonymous, url)

    assert many == few
    assert many <= MAX_DOWNLOAD_QUERIES


@pytest.mark.parametrize("url", ["/open-data/practices.csv", "/open-data/practices.json"])
def test_download_streams_with_bounded_queries(anonymous, url, django_assert_max_num_queries):
    make_practices(30)
    with django_assert_max_num_queries(MAX_DOWNLOAD_QUERIES):
        response = anonymous.get(url)
        content = b"".join(response.streaming_content)
    assert response.streaming
    assert content.count(b"tag29") == 1


def test_open_data_page_explains_licence_formats_and_columns(
    anonymous, django_assert_max_num_queries
):
    with django_assert_max_num_queries(3):
        response = anonymous.get("/open-data/")

    assert response.status_code == 200
    assert response.text.count("<h1>") == 1
    assert "CC BY 4.0" in response.text
    assert "https://creativecommons.org/licenses/by/4.0/" in response.text
    assert 'href="/open-data/practices.csv"' in response.text
    assert 'href="/open-data/practices.json"' in response.text
    assert response.text.count('<th scope="col">') == 2
    for column in HEADER:
        assert f"<code>{column}</code>" in response.text
    assert 'href="/feeds/lessons/9/"' in response.text
    assert "style=" not in response.text
    assert "<script" not in response.text
