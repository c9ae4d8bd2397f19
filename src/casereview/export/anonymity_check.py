"""Proof that an anonymised export hides what it should: read it back as a reader would.

The DOCX's text (body, tables, headers, footers, document properties), the text of its embedded
images as OCR reads it, and the text layer of the PDF are searched for every identifier (folded:
NFKC, no spaces). A line and the line after it are also searched together, for a value wrapped
at a line end. The first identifier found raises ANONYMISATION_FAILED with the text masked.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import numpy as np
from PIL import Image

from casereview.errors import CaseReviewError, ErrorCode
from casereview.export.anonymise import KIND_LABELS, Identifier, fold, mask
from casereview.ocr.engine import OcrEngine


def find_leak(lines: Iterable[str], identifiers: Sequence[Identifier]) -> Identifier | None:
    """The first identifier readable in ``lines`` (alone or joined with the next line), if any."""
    needles = [(fold(i.text), i) for i in identifiers if len(fold(i.text)) >= 2]
    folded = [fold(line) for line in lines]
    windows = [*folded, *(a + b for a, b in itertools.pairwise(folded))]
    for needle, identifier in needles:
        if any(needle in window for window in windows):
            return identifier
    return None


def _fail(path: Path, identifier: Identifier, where: str, **fields: object) -> CaseReviewError:
    """ANONYMISATION_FAILED; ``where`` (a key of casereview.messages.REASONS) says where it was read."""
    kind = KIND_LABELS.get(identifier.kind, identifier.kind)
    return CaseReviewError(
        ErrorCode.ANONYMISATION_FAILED,
        str(path),
        {"kind": kind, "text": mask(identifier.text), "why": where, **fields},
    )


def _docx_texts(document: object) -> Iterator[str]:
    from docx.document import Document as DocxDocument

    assert isinstance(document, DocxDocument)
    props = document.core_properties
    yield from (props.title or "", props.subject or "", props.author or "", props.keywords or "")
    yield from (p.text for p in document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            yield from (cell.text for cell in row.cells)
    for section in document.sections:
        for part in (section.header, section.footer):
            yield from (p.text for p in part.paragraphs)


def docx_images(document: object) -> list[bytes]:
    """Bytes of every image the DOCX embeds."""
    from docx.document import Document as DocxDocument

    assert isinstance(document, DocxDocument)
    return [rel.target_part.blob for rel in document.part.rels.values() if rel.reltype.endswith("/image")]


def check_docx(path: Path, shown: Path, identifiers: Sequence[Identifier], ocr: OcrEngine | None) -> int:
    """Check the DOCX at ``path`` (reported as ``shown``); returns how many images were read."""
    import docx

    document = docx.Document(str(path))
    leak = find_leak(_docx_texts(document), identifiers)
    if leak is not None:
        raise _fail(shown, leak, "leak_in_docx_text")
    images = docx_images(document)
    if images and ocr is None:
        from casereview.ocr.engine import RapidOcrEngine

        ocr = RapidOcrEngine()
    for index, blob in enumerate(images, 1):
        assert ocr is not None
        with Image.open(io.BytesIO(blob)) as picture:
            pixels = np.asarray(picture.convert("RGB"), dtype=np.uint8)
        leak = find_leak((line.text for line in ocr.recognize(pixels)), identifiers)
        if leak is not None:
            raise _fail(shown, leak, "leak_in_image", image=index)
    return len(images)


def check_pdf(path: Path, shown: Path, identifiers: Sequence[Identifier]) -> None:
    """Check the text layer of the PDF at ``path``, page by page."""
    import pymupdf

    with pymupdf.open(path, filetype="pdf") as doc:
        for page in doc:
            leak = find_leak(page.get_text("text").splitlines(), identifiers)
            if leak is not None:
                raise _fail(shown, leak, "leak_in_pdf_page", page=page.number + 1)
