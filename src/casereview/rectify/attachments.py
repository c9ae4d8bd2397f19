"""Reading a file a unit sent (整改报告, 异议材料) and proving it opens as a document.

The file is kept in the database as bytes (see :mod:`casereview.db.rectify_models` for why), so it
is read once here, checked by opening it with the library that would show it — python-docx,
PyMuPDF, Pillow — and refused with the reason in Chinese when it does not open: a report that
cannot be read later proves nothing.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

from casereview.errors import ErrorCode, RectifyError
from casereview.rectify.model import AttachmentFile

MAX_BYTES = 50 * 1024 * 1024  # a scanned report of some dozens of pages; more is not a report
MAX_UNPACKED = 200 * 1024 * 1024  # a DOCX that unpacks to more is treated as a ZIP bomb
_KINDS = {".docx": "docx", ".pdf": "pdf", ".png": "image", ".jpg": "image", ".jpeg": "image"}
_KINDS |= {".tif": "image", ".tiff": "image"}


def _refuse(path: Path, why: str, **fields: object) -> RectifyError:
    """ATTACHMENT_UNREADABLE naming the file; ``why`` selects the reason in
    casereview.messages.ATTACHMENT_REASONS."""
    return RectifyError(ErrorCode.ATTACHMENT_UNREADABLE, path.name, why=why, **fields)


def _check_docx(path: Path, content: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED:
                raise _refuse(path, "zip_bomb")
            if "word/document.xml" not in archive.namelist():
                raise _refuse(path, "not_word")
        import docx

        docx.Document(io.BytesIO(content))
    except RectifyError:
        raise
    except Exception as exc:  # python-docx and zipfile raise many kinds for a broken file
        raise _refuse(path, "docx_broken") from exc


def _check_pdf(path: Path, content: bytes) -> None:
    import pymupdf

    try:
        with pymupdf.open(stream=content, filetype="pdf") as document:
            if document.needs_pass:
                raise _refuse(path, "pdf_encrypted")
            if document.page_count == 0:
                raise _refuse(path, "pdf_empty")
            document.load_page(0).get_text()
    except RectifyError:
        raise
    except Exception as exc:
        raise _refuse(path, "pdf_broken") from exc


def _check_image(path: Path, content: bytes) -> None:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(content)) as image:
            image.verify()
    except Exception as exc:  # DecompressionBombError included: not a scan of a report
        raise _refuse(path, "image_broken") from exc


def read_attachment(path: Path) -> AttachmentFile:
    """The file at ``path`` checked to open as a DOCX, PDF or image; RectifyError
    (ATTACHMENT_UNREADABLE, naming the file) when it is missing, too large or does not open."""
    kind = _KINDS.get(path.suffix.lower())
    if kind is None:
        raise _refuse(path, "unsupported")
    try:
        if path.stat().st_size > MAX_BYTES:
            raise _refuse(path, "too_large", limit_mb=MAX_BYTES // (1024 * 1024))
        content = path.read_bytes()
    except OSError as exc:
        raise _refuse(path, "unreadable") from exc
    if not content:
        raise _refuse(path, "empty")
    {"docx": _check_docx, "pdf": _check_pdf, "image": _check_image}[kind](path, content)
    return AttachmentFile(path.name, kind, hashlib.sha256(content).hexdigest(), content)
