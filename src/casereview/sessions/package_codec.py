"""A stored analysis as JSON (``analyses/<sha256>.json`` of an offline package) and back, so the
reviewer's machine loads the lead's reading of a case file instead of running OCR again.

Extracted values reuse the database's JSON tagging (:func:`casereview.db.convert.encode_value`),
so a value that can be stored can be packed. Decoding raises ValueError/KeyError/TypeError on
malformed input; the package reader turns those into a refusal.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from casereview.db.convert import decode_value, encode_value, evidence_from_json, evidence_json, page_columns
from casereview.domain.model import (
    BBox,
    CaseFile,
    DateMention,
    Document,
    Extraction,
    FieldValue,
    Officer,
    Page,
    PenaltyAmount,
    Seal,
    Span,
    TextSource,
)

Json = dict[str, Any]
CODEC_VERSION = 1


def _bbox(values: Any) -> BBox:
    x0, y0, x1, y1 = (float(v) for v in values)
    return (x0, y0, x1, y1)


def _seal(seal: Seal) -> list[object]:
    return [seal.page, *seal.bbox, seal.red_ratio]


def _seal_from(data: list[Any]) -> Seal:
    return Seal(int(data[0]), _bbox(data[1:5]), float(data[5]))


def _page(page: Page) -> Json:
    return {
        **page_columns(page),
        "cells_unread": page.cells_unread,
        "unread_ink": [list(b) for b in page.unread_ink],
        # Spans as short rows: a 300-page OCR case holds tens of thousands of them.
        "spans": [[s.text, *s.bbox, s.confidence] for s in page.spans],
        "seals": [_seal(s) for s in page.seals],
    }


def _page_from(data: Json) -> Page:
    confidence = data["ocr_confidence"]
    return Page(
        number=int(data["number"]),
        width=float(data["width"]),
        height=float(data["height"]),
        source=TextSource(data["source"]),
        spans=[Span(str(s[0]), _bbox(s[1:5]), float(s[5])) for s in data["spans"]],
        sha256=str(data["sha256"]),
        origin=str(data["origin"]),
        origin_page=int(data["origin_page"]),
        rotation=int(data["rotation"]),
        skew=float(data["skew"]),
        ocr_confidence=None if confidence is None else float(confidence),
        text_layer_usable=bool(data["text_layer_usable"]),
        seals=[_seal_from(s) for s in data["seals"]],
        cells_unread=int(data.get("cells_unread", 0)),  # packages written before it: none counted
        unread_ink=[_bbox(b) for b in data.get("unread_ink", [])],
    )


def _document(document: Document) -> Json:
    title = document.title_evidence
    return {
        "type": document.type,
        "first_page": document.first_page,
        "last_page": document.last_page,
        "serves": document.serves,
        "title_evidence": None if title is None else evidence_json(title),
    }


def _document_from(data: Json) -> Document:
    title = data["title_evidence"]
    return Document(
        str(data["type"]),
        int(data["first_page"]),
        int(data["last_page"]),
        data["serves"],
        None if title is None else evidence_from_json(title),
    )


def _values(values: list[FieldValue]) -> list[Json]:
    return [
        {"value": encode_value(v.value), "evidence": evidence_json(v.evidence), "document": v.document}
        for v in values
    ]


def _values_from(data: list[Json]) -> list[FieldValue]:
    return [
        FieldValue(decode_value(v["value"]), evidence_from_json(v["evidence"]), str(v["document"]))
        for v in data
    ]


def _extraction(extraction: Extraction) -> Json:
    return {
        "case_numbers": _values(extraction.case_numbers),
        "parties": _values(extraction.parties),
        "articles": _values(extraction.articles),
        "dates": [
            {
                "date": m.date.isoformat(),
                "time": None if m.time is None else m.time.isoformat(),
                "role": m.role,
                "document": m.document,
                "evidence": evidence_json(m.evidence),
                "label": m.label,
            }
            for m in extraction.dates
        ],
        "amounts": [
            {
                "amount": a.amount,
                "kind": a.kind,
                "document": a.document,
                "evidence": evidence_json(a.evidence),
                "written_in_words": a.written_in_words,
            }
            for a in extraction.amounts
        ],
        "officers": [
            {
                "name": o.name,
                "certificate": o.certificate,
                "document": o.document,
                "evidence": evidence_json(o.evidence),
            }
            for o in extraction.officers
        ],
        "seals": [_seal(s) for s in extraction.seals],
    }


def _extraction_from(data: Json) -> Extraction:
    return Extraction(
        case_numbers=_values_from(data["case_numbers"]),
        parties=_values_from(data["parties"]),
        articles=_values_from(data["articles"]),
        dates=[
            DateMention(
                dt.date.fromisoformat(m["date"]),
                m["role"],
                str(m["document"]),
                evidence_from_json(m["evidence"]),
                None if m["time"] is None else dt.time.fromisoformat(m["time"]),
                str(m["label"]),
            )
            for m in data["dates"]
        ],
        amounts=[
            PenaltyAmount(
                float(a["amount"]),
                str(a["kind"]),
                str(a["document"]),
                evidence_from_json(a["evidence"]),
                None if a["written_in_words"] is None else float(a["written_in_words"]),
            )
            for a in data["amounts"]
        ],
        officers=[
            Officer(str(o["name"]), o["certificate"], str(o["document"]), evidence_from_json(o["evidence"]))
            for o in data["officers"]
        ],
        seals=[_seal_from(s) for s in data["seals"]],
    )


def encode_analysis(case: CaseFile, documents: list[Document], extraction: Extraction) -> Json:
    """The stored analysis of one case file as JSON-compatible data."""
    return {
        "codec_version": CODEC_VERSION,
        "case": {
            "source": case.source,
            "sha256": case.sha256,
            "kind": case.kind,
            "notices": list(case.notices),
            "file_hashes": dict(case.file_hashes),
        },
        "pages": [_page(p) for p in case.pages],
        "documents": [_document(d) for d in documents],
        "extraction": _extraction(extraction),
    }


def decode_analysis(data: Json) -> tuple[CaseFile, list[Document], Extraction]:
    """The analysis back; ValueError for another codec version, KeyError/TypeError if malformed."""
    if data.get("codec_version") != CODEC_VERSION:
        raise ValueError(f"unsupported analysis codec version {data.get('codec_version')}")
    head = data["case"]
    hashes = head["file_hashes"]
    if not isinstance(hashes, dict):
        raise TypeError("file_hashes")
    case = CaseFile(
        source=str(head["source"]),
        sha256=str(head["sha256"]),
        kind=str(head["kind"]),
        pages=[_page_from(p) for p in data["pages"]],
        notices=[str(n) for n in head["notices"]],
        file_hashes={str(k): str(v) for k, v in hashes.items()},
    )
    documents = [_document_from(d) for d in data["documents"]]
    return case, documents, _extraction_from(data["extraction"])
