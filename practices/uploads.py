"""What an uploaded file is, told from its content, never from its name or the browser's word.

PDF, PNG and JPEG start with fixed bytes. DOCX and XLSX are zip archives whose directory names
the Office Open XML parts (`word/document.xml`, `xl/workbook.xml`); an ODT is a zip whose first
member, `mimetype`, says `application/vnd.oasis.opendocument.text`. Only the zip's directory
and that one small member are read, so a zip bomb costs nothing. Anything else (an executable
renamed `.pdf`, a plain zip, a macro-enabled `.docm`) is refused.

The standard library does it: libmagic (python-magic) needs a system library on every app
server and tells a DOCX from a zip by heuristics, `filetype` looks for the Office parts' names in
the first bytes of the archive only, and `puremagic` ranks guesses by the file's extension;
for six types, reading the zip's own directory is both exact and dependency-free.
"""

import unicodedata
import zipfile
from pathlib import PurePath

from django.utils.text import get_valid_filename, slugify

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"

# The name a kept file ends with, by type.
EXTENSIONS = {PDF: "pdf", PNG: "png", JPEG: "jpg", DOCX: "docx", XLSX: "xlsx", ODT: "odt"}
# What readers are told the portal accepts.
ACCEPTED = "PDF, DOCX, ODT, XLSX, PNG, JPEG"

SIGNATURES = [(b"%PDF-", PDF), (b"\x89PNG\r\n\x1a\n", PNG), (b"\xff\xd8\xff", JPEG)]
# Office Open XML: the part that makes the archive a document of that kind.
OOXML_PARTS = {"word/document.xml": DOCX, "xl/workbook.xml": XLSX}


def content_type(file):
    """The MIME type of the uploaded `file` (one of EXTENSIONS), or None if it is none of them."""
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    for signature, found in SIGNATURES:
        if head.startswith(signature):
            return found
    if not head.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" in names:
                types = [kind for part, kind in OOXML_PARTS.items() if part in names]
                # A macro-enabled document declares its macros as a part of its own.
                if len(types) == 1 and not any(name.endswith("vbaProject.bin") for name in names):
                    return types[0]
                return None
            # ODF: an uncompressed `mimetype` member first, naming the document's type.
            first = archive.infolist()[0] if archive.infolist() else None
            if (
                first is not None
                and first.filename == "mimetype"
                and first.file_size < 100
                and archive.read(first).strip() == ODT.encode()
            ):
                return ODT
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError):
        return None
    finally:
        file.seek(0)
    return None


def normalised_name(name, kind):
    """A safe, readable file name: the uploaded name's stem in plain lower-case ASCII words
    joined by hyphens, with the extension of the type the content is (not the one it had)."""
    stem = PurePath(str(name).replace("\\", "/")).stem
    stem = unicodedata.normalize("NFKD", stem)
    stem = get_valid_filename(slugify(stem))[:80].strip("-") or "file"
    return f"{stem}.{EXTENSIONS[kind]}"
