"""Plain dataclasses shared by every stage of the pipeline (no ORM, no PyMuPDF objects)."""

from casereview.domain.model import (
    BBox,
    CaseFile,
    DateMention,
    Document,
    Evidence,
    Extraction,
    FieldValue,
    Officer,
    Page,
    Party,
    PenaltyAmount,
    Seal,
    Span,
    TextSource,
)

__all__ = [
    "BBox",
    "CaseFile",
    "DateMention",
    "Document",
    "Evidence",
    "Extraction",
    "FieldValue",
    "Officer",
    "Page",
    "Party",
    "PenaltyAmount",
    "Seal",
    "Span",
    "TextSource",
]
