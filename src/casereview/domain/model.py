"""The case-file data model: pages with positioned text, documents, and extracted fields.

Coordinates are PDF points (1/72 inch) on the page as displayed (after /Rotate), origin top-left,
``(x0, y0, x1, y1)``. Page numbers start at 1.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

BBox = tuple[float, float, float, float]


class TextSource(StrEnum):
    TEXT_LAYER = "text"  # the PDF's own text layer
    OCR = "ocr"  # recognised from the rendered or scanned page image
    DOCX_TEXT = "docx"  # DOCX text without page images (LibreOffice missing)
    NONE = "none"  # no text (blank page or OCR found nothing)


@dataclass
class Span:
    """One line of text with its box; ``confidence`` is 1.0 for a text layer."""

    text: str
    bbox: BBox
    confidence: float = 1.0

    def sub_bbox(self, start: int, end: int) -> BBox:
        """Approximate box of ``text[start:end]``: CJK glyphs are full width, others half."""
        weights = [1.0 if ord(ch) > 0x2E80 else 0.55 for ch in self.text]
        total = sum(weights) or 1.0
        x0, y0, x1, y1 = self.bbox
        width = x1 - x0
        left = x0 + width * sum(weights[:start]) / total
        right = x0 + width * sum(weights[:end]) / total
        return (round(left, 1), y0, round(right, 1), y1)


@dataclass
class Page:
    number: int  # 1-based position in the case file
    width: float
    height: float
    source: TextSource
    spans: list[Span] = field(default_factory=list)
    sha256: str = ""  # of the page image (scans) or the page content (digital pages)
    origin: str = ""  # file the page came from (folders hold several files)
    origin_page: int = 0  # 0-based page index inside ``origin``
    rotation: int = 0  # degrees applied to make the page upright (0/90/180/270)
    skew: float = 0.0  # degrees of deskew applied before OCR
    ocr_confidence: float | None = None  # mean line confidence for OCR pages
    text_layer_usable: bool = False
    seals: list[Seal] = field(default_factory=list)
    # Lines of a ruled table that ran across a cell border, so the table was read by rows there:
    # findings resting on this page say so (the cells could not be rebuilt).
    cells_unread: int = 0
    # Scans: boxes of text-sized ink the OCR engine read nothing from (ingest.ink); a value missing
    # beside its label there may be unread, not absent.
    unread_ink: list[BBox] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(span.text for span in self.spans)


@dataclass(frozen=True)
class Seal:
    """A red seal (印章) found by colour detection on the rendered page."""

    page: int
    bbox: BBox
    red_ratio: float  # share of red pixels inside the box, a rough confidence


@dataclass
class CaseFile:
    """One case file as read: its pages and provenance."""

    source: str  # path as given
    sha256: str
    kind: str  # "pdf", "docx", "image", "folder"
    pages: list[Page] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # codes of non-fatal notices, e.g. "docx_text_only"
    file_hashes: dict[str, str] = field(default_factory=dict)  # member file → sha256 (folders)

    @property
    def page_count(self) -> int:
        return len(self.pages)


@dataclass(frozen=True)
class Evidence:
    page: int
    bbox: BBox
    text: str
    confidence: float = 1.0

    def to_json(self) -> dict[str, object]:
        return {"page": self.page, "bbox": [round(v, 1) for v in self.bbox], "text": self.text}


@dataclass
class Document:
    """A run of pages forming one document (立案登记表, 行政处罚决定书 …)."""

    type: str  # Chinese title from casereview.domain.doctypes
    first_page: int
    last_page: int
    serves: str | None = None  # for 送达回证: the type of the document it serves
    title_evidence: Evidence | None = None

    def pages(self) -> range:
        return range(self.first_page, self.last_page + 1)

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "type": self.type,
            "first_page": self.first_page,
            "last_page": self.last_page,
        }
        if self.serves:
            out["serves"] = self.serves
        return out


@dataclass(frozen=True)
class FieldValue:
    """An extracted value with the spot it came from."""

    value: object
    evidence: Evidence
    document: str = ""  # type of the document it was read from


@dataclass(frozen=True)
class DateMention:
    """A date (and optional time) found in a document, with its role when one could be assigned."""

    date: dt.date
    role: str | None  # see casereview.domain.roles
    document: str
    evidence: Evidence
    time: dt.time | None = None
    label: str = ""  # the words before the date that decided its role


@dataclass(frozen=True)
class PenaltyAmount:
    """A fine amount: figures and/or 大写 as printed."""

    amount: float
    kind: str  # "proposed" (通知书), "decided" (决定书), "paid" (票据), "other"
    document: str
    evidence: Evidence
    written_in_words: float | None = None  # value of the 大写 next to it, when present


@dataclass(frozen=True)
class Officer:
    name: str
    certificate: str | None
    document: str
    evidence: Evidence


@dataclass(frozen=True)
class Party:
    name: str
    kind: str  # "individual" or "organisation"
    credit_code: str | None
    evidence: Evidence


@dataclass
class Extraction:
    """Everything extracted from a case file, each value with evidence."""

    case_numbers: list[FieldValue] = field(default_factory=list)
    parties: list[FieldValue] = field(default_factory=list)  # value: Party
    dates: list[DateMention] = field(default_factory=list)
    amounts: list[PenaltyAmount] = field(default_factory=list)
    officers: list[Officer] = field(default_factory=list)
    articles: list[FieldValue] = field(default_factory=list)  # value: str like 《道路运输条例》第六十三条
    seals: list[Seal] = field(default_factory=list)

    def first_date(self, role: str) -> DateMention | None:
        for mention in self.dates:
            if mention.role == role:
                return mention
        return None
