"""Files attached to practices: what a city's editors may attach (type told from the content,
size, how many), the names they are kept under, and who may download them."""

import io
import zipfile

import pytest

from practices.models import PracticeFile
from tests.factories import (
    EXE_BYTES,
    PDF_BYTES,
    PNG_BYTES,
    PracticeFactory,
    attach_pdf,
    upload,
)

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member", "editor", "other_editor", "staff"]


def zipped(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX = zipped({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
XLSX = zipped({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})
ODT = zipped({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"})
DOCM = zipped(
    {
        "[Content_Types].xml": "<Types/>",
        "word/document.xml": "<w:document/>",
        "word/vbaProject.bin": "macros",
    }
)
PLAIN_ZIP = zipped({"readme.txt": "hello"})


def post_file(client, practice, name="report.pdf", content=PDF_BYTES, **fields):
    data = {
        "file": upload(name, content),
        "title": "Evaluation report",
        "language": "en",
        "kind": "evaluation",
        **fields,
    }
    return client.post(f"/practices/{practice.slug}/files/", data)


@pytest.fixture
def draft(city_a):
    return PracticeFactory(city=city_a, draft=True, slug="draft-a", title="Draft desk")


def test_an_editor_attaches_a_pdf_that_everyone_can_download(editor, published, anonymous):
    response = post_file(editor, published, name="Rapport d'évaluation (final).PDF")
    assert response.status_code == 302
    attached = PracticeFile.objects.get()
    assert attached.name == "rapport-devaluation-final.pdf"
    assert attached.content_type == "application/pdf"
    page = anonymous.get(published.get_absolute_url()).text
    assert "Evaluation report" in page
    assert attached.get_absolute_url() in page
    download = anonymous.get(attached.get_absolute_url())
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF_BYTES
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == (
        'attachment; filename="rapport-devaluation-final.pdf"'
    )
    assert download["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    "name, content, kind, kept_as",
    [
        ("toolkit.docx", DOCX, "application/vnd.openxmlformats-officedocument"
         ".wordprocessingml.document", "toolkit.docx"),
        ("budget.xlsx", XLSX, "application/vnd.openxmlformats-officedocument"
         ".spreadsheetml.sheet", "budget.xlsx"),
        ("guide.odt", ODT, "application/vnd.oasis.opendocument.text", "guide.odt"),
        ("poster.png", PNG_BYTES, "image/png", "poster.png"),
        ("photo.JPEG", b"\xff\xd8\xff\xe0" + b"\0" * 20, "image/jpeg", "photo.jpg"),
        # The name's extension counts for nothing: the content decides.
        ("poster.pdf", PNG_BYTES, "image/png", "poster.png"),
        ("../../etc/passwd", PDF_BYTES, "application/pdf", "passwd.pdf"),
    ],
)  # fmt: skip
def test_the_type_is_told_from_the_content(editor, published, name, content, kind, kept_as):
    assert post_file(editor, published, name=name, content=content).status_code == 302
    attached = PracticeFile.objects.get()
    assert (attached.content_type, attached.name) == (kind, kept_as)


@pytest.mark.parametrize(
    "name, content",
    [
        ("report.pdf", EXE_BYTES),  # an executable renamed
        ("archive.docx", PLAIN_ZIP),
        ("macros.docx", DOCM),
        ("notes.pdf", b"just some text"),
        ("broken.docx", b"PK\x03\x04 not really a zip"),
    ],
)
def test_a_file_of_another_type_is_refused_whatever_its_name(editor, published, name, content):
    response = post_file(editor, published, name=name, content=content)
    assert response.status_code == 200
    assert "This file is not one the portal accepts (PDF, DOCX, ODT, XLSX, PNG, JPEG)" in (
        response.text
    )
    assert not PracticeFile.objects.exists()


def test_a_25_mb_file_is_refused(editor, published):
    big = PDF_BYTES + b"\0" * (25 * 1024 * 1024)
    response = post_file(editor, published, content=big)
    assert response.status_code == 200
    assert "This file is 25.0 MB: files can be up to 20 MB." in response.text
    assert not PracticeFile.objects.exists()


def test_the_form_names_the_limit_in_the_readers_language(editor, published):
    english = editor.get(f"/practices/{published.slug}/files/").text
    french = editor.get(f"/fr/practices/{published.slug}/files/").text
    assert "PDF, DOCX, ODT, XLSX, PNG or JPEG, up to 20 MB." in english
    assert "PNG ou JPEG, jusqu" in french and "up to 20 MB" not in french
    # What static/js/file-size.js says about a larger file, before sending it.
    assert f'data-max-bytes="{20 * 1024 * 1024}"' in english
    assert "This file is larger than 20 MB: choose a smaller one." in english


def test_an_eleventh_file_is_refused(editor, published):
    for number in range(10):
        attach_pdf(published, title=f"Report {number}")
    response = post_file(editor, published)
    assert response.status_code == 200
    assert "A practice can have up to 10 files: remove one to add another." in response.text
    assert published.files.count() == 10


def test_a_file_needs_a_title_and_a_kind(editor, published):
    response = post_file(editor, published, title="", kind="poem")
    assert response.status_code == 200
    assert "This field is required." in response.text
    assert "Select a valid choice." in response.text


@pytest.mark.parametrize(
    "role, expected", list(zip(ROLES, ["login", 403, 200, 403, 200], strict=True))
)
def test_who_manages_a_published_practices_files(request, published, role, expected):
    client = request.getfixturevalue(role)
    response = client.get(f"/practices/{published.slug}/files/")
    if expected == "login":
        assert response["Location"].startswith("/accounts/login/")
    else:
        assert response.status_code == expected
    post = post_file(client, published)
    assert PracticeFile.objects.exists() == (expected == 200)
    if expected == 403:
        assert post.status_code == 403


@pytest.mark.parametrize("role, expected", list(zip(ROLES, [404, 404, 200, 404, 200], strict=True)))
def test_a_drafts_files_are_for_its_editors_only(request, draft, role, expected):
    attached = attach_pdf(draft)
    response = request.getfixturevalue(role).get(attached.get_absolute_url())
    assert response.status_code == expected


@pytest.mark.parametrize("role", ROLES)
def test_a_published_practices_files_are_for_everyone(request, published, role):
    attached = attach_pdf(published)
    assert request.getfixturevalue(role).get(attached.get_absolute_url()).status_code == 200


def test_a_file_of_another_practice_or_name_is_not_found(anonymous, published, city_a):
    attached = attach_pdf(published)
    other = PracticeFactory(city=city_a)
    assert (
        anonymous.get(f"/practices/{other.slug}/files/{attached.pk}/{attached.name}").status_code
        == 404
    )
    assert (
        anonymous.get(f"/practices/{published.slug}/files/{attached.pk}/x.pdf").status_code == 404
    )


@pytest.mark.parametrize(
    "role, expected", list(zip(ROLES, ["login", 403, 302, 403, 302], strict=True))
)
def test_who_removes_a_file(request, published, role, expected):
    attached = attach_pdf(published)
    stored = attached.file.name
    response = request.getfixturevalue(role).post(
        f"/practices/{published.slug}/files/{attached.pk}/delete/"
    )
    if expected == "login":
        assert response["Location"].startswith("/accounts/login/")
    else:
        assert response.status_code == expected
    removed = expected == 302
    assert PracticeFile.objects.filter(pk=attached.pk).exists() != removed
    assert attached.file.storage.exists(stored) != removed


def test_the_page_with_files_reads_a_bounded_number_of_queries(
    anonymous, published, django_assert_max_num_queries
):
    for number in range(5):
        attach_pdf(published, title=f"Report {number}")
    with django_assert_max_num_queries(14):
        response = anonymous.get(published.get_absolute_url())
    assert response.text.count("Report ") >= 5
