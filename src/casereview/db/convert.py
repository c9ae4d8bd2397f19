"""Conversions between domain dataclasses and table rows (insert dicts in, ORM rows out).

Every extracted value is one ``fields`` row: its evidence in columns, the rest in ``value`` JSON.
Values that JSON cannot hold natively (Party, dates) are tagged with ``"$type"``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any, Final

from casereview.db.models import DocumentRow, FieldRow, PageRow, SealRow
from casereview.domain.model import (
    BBox,
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

CASE_NUMBER: Final = "case_number"
PARTY: Final = "party"
DATE: Final = "date"
AMOUNT: Final = "amount"
OFFICER: Final = "officer"
ARTICLE: Final = "article"

Row = dict[str, Any]


def bbox_columns(bbox: BBox, prefix: str = "") -> Row:
    x0, y0, x1, y1 = bbox
    return {f"{prefix}x0": x0, f"{prefix}y0": y0, f"{prefix}x1": x1, f"{prefix}y1": y1}


def evidence_columns(evidence: Evidence, prefix: str = "") -> Row:
    return {
        f"{prefix}page": evidence.page,
        **bbox_columns(evidence.bbox, prefix),
        f"{prefix}text": evidence.text,
        f"{prefix}confidence": evidence.confidence,
    }


def evidence_json(evidence: Evidence) -> Row:
    """Evidence as stored in JSON columns (fields here, findings in the review tables)."""
    return {
        "page": evidence.page,
        "bbox": list(evidence.bbox),
        "text": evidence.text,
        "confidence": evidence.confidence,
    }


def evidence_from_json(data: Row) -> Evidence:
    x0, y0, x1, y1 = (float(v) for v in data["bbox"])
    return Evidence(
        int(data["page"]), (x0, y0, x1, y1), str(data["text"]), float(data.get("confidence", 1.0))
    )


def encode_value(value: object) -> object:
    """A FieldValue's value as JSON. Tuples come back as lists; other objects are refused."""
    if isinstance(value, Party):
        return {
            "$type": "party",
            "name": value.name,
            "kind": value.kind,
            "credit_code": value.credit_code,
            "evidence": evidence_json(value.evidence),
        }
    if isinstance(value, dt.datetime):
        return {"$type": "datetime", "iso": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$type": "date", "iso": value.isoformat()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list | tuple):
        return [encode_value(item) for item in value]
    if isinstance(value, dict) and all(isinstance(key, str) for key in value):
        return {key: encode_value(item) for key, item in value.items()}
    raise TypeError(f"cannot store a {type(value).__name__} as an extracted value")


def decode_value(data: object) -> object:
    if isinstance(data, list):
        return [decode_value(item) for item in data]
    if not isinstance(data, dict):
        return data
    kind = data.get("$type")
    if kind == "party":
        evidence = evidence_from_json(data["evidence"])
        return Party(data["name"], data["kind"], data["credit_code"], evidence)
    if kind == "datetime":
        return dt.datetime.fromisoformat(data["iso"])
    if kind == "date":
        return dt.date.fromisoformat(data["iso"])
    return {key: decode_value(item) for key, item in data.items()}


def page_row(case_id: int, page: Page) -> Row:
    return {"case_id": case_id, **page_columns(page)}


def page_columns(page: Page) -> Row:
    """A page's own values (no spans, no seals): the row stored, and the page of a review package."""
    return {
        "number": page.number,
        "width": page.width,
        "height": page.height,
        "source": page.source.value,
        "sha256": page.sha256,
        "origin": page.origin,
        "origin_page": page.origin_page,
        "rotation": page.rotation,
        "skew": page.skew,
        "ocr_confidence": page.ocr_confidence,
        "text_layer_usable": page.text_layer_usable,
    }


def page_from(row: PageRow, spans: list[Span], seals: list[Seal]) -> Page:
    return Page(
        number=row.number,
        width=row.width,
        height=row.height,
        source=TextSource(row.source),
        spans=spans,
        sha256=row.sha256,
        origin=row.origin,
        origin_page=row.origin_page,
        rotation=row.rotation,
        skew=row.skew,
        ocr_confidence=row.ocr_confidence,
        text_layer_usable=row.text_layer_usable,
        seals=seals,
        cells_unread=row.cells_unread,
        unread_ink=ink_boxes(row.unread_ink),
    )


def ink_json(boxes: Iterable[BBox]) -> str:
    return json.dumps([list(b) for b in boxes])


def ink_boxes(data: str | None) -> list[BBox]:
    return [(float(b[0]), float(b[1]), float(b[2]), float(b[3])) for b in json.loads(data)] if data else []


def seal_row(case_id: int, seq: int, seal: Seal, page_id: int | None) -> Row:
    return {
        "case_id": case_id,
        "page_id": page_id,
        "seq": seq,
        "page": seal.page,
        **bbox_columns(seal.bbox),
        "red_ratio": seal.red_ratio,
    }


def seal_from(row: SealRow) -> Seal:
    return Seal(row.page, (row.x0, row.y0, row.x1, row.y1), row.red_ratio)


def document_row(case_id: int, seq: int, document: Document) -> Row:
    row: Row = {
        "case_id": case_id,
        "seq": seq,
        "type": document.type,
        "first_page": document.first_page,
        "last_page": document.last_page,
        "serves": document.serves,
    }
    if document.title_evidence is not None:
        row.update(evidence_columns(document.title_evidence, "title_"))
    return row


def document_from(row: DocumentRow) -> Document:
    evidence = None
    if row.title_page is not None:
        bbox = (row.title_x0 or 0.0, row.title_y0 or 0.0, row.title_x1 or 0.0, row.title_y1 or 0.0)
        evidence = Evidence(row.title_page, bbox, row.title_text or "", row.title_confidence or 0.0)
    return Document(row.type, row.first_page, row.last_page, row.serves, evidence)


def field_rows(case_id: int, extraction: Extraction) -> list[Row]:
    rows: list[Row] = []

    def add(name: str, seq: int, value: object, document: str, evidence: Evidence) -> None:
        rows.append(
            {
                "case_id": case_id,
                "name": name,
                "seq": seq,
                "value": value,
                "document": document,
                **evidence_columns(evidence),
            }
        )

    for name, values in ((CASE_NUMBER, extraction.case_numbers), (PARTY, extraction.parties)):
        for seq, item in enumerate(values):
            add(name, seq, encode_value(item.value), item.document, item.evidence)
    for seq, item in enumerate(extraction.articles):
        add(ARTICLE, seq, encode_value(item.value), item.document, item.evidence)
    for seq, mention in enumerate(extraction.dates):
        value: Row = {
            "date": mention.date.isoformat(),
            "time": mention.time.isoformat() if mention.time is not None else None,
            "role": mention.role,
            "label": mention.label,
        }
        add(DATE, seq, value, mention.document, mention.evidence)
    for seq, amount in enumerate(extraction.amounts):
        words = amount.written_in_words
        add(
            AMOUNT,
            seq,
            {"amount": amount.amount, "kind": amount.kind, "written_in_words": words},
            amount.document,
            amount.evidence,
        )
    for seq, officer in enumerate(extraction.officers):
        add(
            OFFICER,
            seq,
            {"name": officer.name, "certificate": officer.certificate},
            officer.document,
            officer.evidence,
        )
    return rows


def extraction_from(fields: Iterable[FieldRow], seals: list[Seal]) -> Extraction:
    """Rebuild an Extraction; ``fields`` must come ordered by seq within each name."""
    out = Extraction(seals=seals)
    for row in fields:
        evidence = Evidence(row.page, (row.x0, row.y0, row.x1, row.y1), row.text, row.confidence)
        value: Any = row.value
        if row.name in (CASE_NUMBER, PARTY, ARTICLE):
            item = FieldValue(decode_value(value), evidence, row.document)
            {CASE_NUMBER: out.case_numbers, PARTY: out.parties, ARTICLE: out.articles}[row.name].append(item)
        elif row.name == DATE:
            time = dt.time.fromisoformat(value["time"]) if value["time"] is not None else None
            date = dt.date.fromisoformat(value["date"])
            out.dates.append(DateMention(date, value["role"], row.document, evidence, time, value["label"]))
        elif row.name == AMOUNT:
            words = None if value["written_in_words"] is None else float(value["written_in_words"])
            out.amounts.append(
                PenaltyAmount(float(value["amount"]), value["kind"], row.document, evidence, words)
            )
        elif row.name == OFFICER:
            out.officers.append(Officer(value["name"], value["certificate"], row.document, evidence))
    return out


def first_value_text(value: object) -> str | None:
    """The text shown in case lists: a case number as is, a party by its name."""
    decoded = decode_value(value)
    if isinstance(decoded, Party):
        return decoded.name
    return None if decoded is None else str(decoded)
