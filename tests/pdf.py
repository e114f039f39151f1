"""The text of a PDF, as pdftotext (Debian's poppler-utils, which `make test` installs) reads it."""

import subprocess


def pdf_text(response):
    assert response["Content-Type"] == "application/pdf"
    result = subprocess.run(
        ["pdftotext", "-layout", "-", "-"],
        input=b"".join(response) if response.streaming else response.content,
        capture_output=True,
        check=True,
    )
    return result.stdout.decode()
