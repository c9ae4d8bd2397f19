"""A reviewer's corrections of extracted fields, and the extraction the rules see with them applied.

OCR misreads a date or an amount; the reviewer types the right value. The correction is stored
(append-only, audited), and the rules re-run on the corrected extraction — the machine's reading
is never overwritten, so withdrawing the correction brings it back.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from casereview.db.cases import case_exists
from casereview.db.review_models import FieldCorrectionRow
from casereview.domain.model import (
    DateMention,
    Document,
    Evidence,
    Extraction,
    FieldValue,
    Party,
    PenaltyAmount,
)
from casereview.errors import ErrorCode, InputError, StorageError
from casereview.extract.summary import DATE_FIELDS
from casereview.fieldnames import field_label
from casereview.review.audit import write_audit
from casereview.review.records import AuditAction

AMOUNT_FIELDS: Mapping[str, str] = {"fine_amount": "decided", "proposed_fine": "proposed"}
TEXT_FIELDS = ("case_number", "party_name")
CORRECTABLE: tuple[str, ...] = (*TEXT_FIELDS, *DATE_FIELDS, *AMOUNT_FIELDS)
WHOLE_PAGE = (0.0, 0.0, 0.0, 0.0)

_DATE_RE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_AMOUNT_RE = re.compile(r"^[¥￥]?\s*([0-9][0-9,]*(?:\.[0-9]{1,2})?)\s*元?$")


@dataclass(frozen=True)
class FieldCorrection:
    field: str  # JSON field name
    value: str | None  # normalised; None = the correction was withdrawn
    reviewer: str
    at: dt.datetime
    page: int | None = None
    reason: str = ""


def normalise(field: str, text: str) -> str:
    """The value to store for ``field`` as typed; InputError naming the field if unusable.

    Dates: 2026-03-05, 2026/3/5, 2026年3月5日 → 2026-03-05. Amounts: 2,000 / 2000元 / ¥2000.5.
    """
    if field not in CORRECTABLE:
        raise InputError("field_not_correctable", field=field)
    value = unicodedata.normalize("NFKC", text).strip()
    label = field_label(field)
    if not value:
        raise InputError("field_empty", field=label)
    if field in DATE_FIELDS:
        match = _DATE_RE.match(value)
        try:
            day = None if match is None else dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:  # 2026-02-30: the library's refusal becomes the typed error naming the field
            day = None
        if day is None:
            raise InputError("field_bad_date", field=label, value=text)
        return day.isoformat()
    if field in AMOUNT_FIELDS:
        match = _AMOUNT_RE.match(value)
        if match is None:
            raise InputError("field_bad_amount", field=label, value=text)
        return f"{float(match[1].replace(',', '')):.2f}"
    return " ".join(value.split())


def _document_at(documents: Sequence[Document], page: int | None) -> str:
    if page is None:
        return ""
    return next((d.type for d in documents if d.first_page <= page <= d.last_page), "")


def _evidence(old: Evidence | None, page: int | None, text: str) -> Evidence:
    """Where the corrected value is: the machine's spot (now confirmed), else the page named."""
    if old is not None:
        return Evidence(old.page, old.bbox, old.text, 1.0)
    return Evidence(page or 1, WHOLE_PAGE, f"评查人员更正：{text}", 1.0)


def _correct_dates(
    extraction: Extraction, role: str, day: dt.date, page: int | None, documents: Sequence[Document]
) -> list[DateMention]:
    mentions = list(extraction.dates)
    hits = [i for i, m in enumerate(mentions) if m.role == role]
    if not hits:  # a date the machine did not find: it lives on the page the reviewer named
        evidence = _evidence(None, page, day.isoformat())
        mentions.append(DateMention(day, role, _document_at(documents, page), evidence, label="评查人员更正"))
        return mentions
    first = mentions[hits[0]].date
    for i in hits:  # the same misreading wherever it was repeated; other dates of the role stay
        mention = mentions[i]
        if i == hits[0] or mention.date == first:
            mentions[i] = replace(mention, date=day, evidence=_evidence(mention.evidence, page, ""))
    return mentions


def _correct_amounts(
    extraction: Extraction, kind: str, amount: float, page: int | None, documents: Sequence[Document]
) -> list[PenaltyAmount]:
    amounts = list(extraction.amounts)
    hits = [i for i, a in enumerate(amounts) if a.kind == kind]
    if not hits:
        evidence = _evidence(None, page, f"{amount:g}元")
        amounts.insert(0, PenaltyAmount(amount, kind, _document_at(documents, page), evidence))
        return amounts
    first = amounts[hits[0]].amount
    for i in hits:
        item = amounts[i]
        if i == hits[0] or item.amount == first:
            amounts[i] = replace(item, amount=amount, evidence=_evidence(item.evidence, page, ""))
    return amounts


def apply_corrections(
    extraction: Extraction,
    corrections: Mapping[str, FieldCorrection],
    documents: Sequence[Document] = (),
) -> Extraction:
    """A copy of ``extraction`` with the active corrections in place of the machine's readings."""
    result = replace(
        extraction,
        case_numbers=list(extraction.case_numbers),
        parties=list(extraction.parties),
        dates=list(extraction.dates),
        amounts=list(extraction.amounts),
    )
    for name, correction in corrections.items():
        value = correction.value
        if value is None:
            continue
        page = correction.page
        if name == "case_number":
            old = result.case_numbers[0] if result.case_numbers else None
            evidence = _evidence(old.evidence if old else None, page, value)
            document = old.document if old else _document_at(documents, page)
            # Every copy of the number reads the same now: the reviewer says what it is.
            result.case_numbers = [FieldValue(value, evidence, document)] + [
                replace(v, value=value) for v in result.case_numbers[1:]
            ]
        elif name == "party_name":
            index = next((i for i, p in enumerate(result.parties) if isinstance(p.value, Party)), None)
            if index is None:
                evidence = _evidence(None, page, value)
                party = Party(value, "individual", None, evidence)
                result.parties.insert(0, FieldValue(party, evidence, _document_at(documents, page)))
            else:
                found = result.parties[index]
                assert isinstance(found.value, Party)
                result.parties[index] = replace(found, value=replace(found.value, name=value))
        elif name in DATE_FIELDS:
            day = dt.date.fromisoformat(value)
            result.dates = _correct_dates(result, DATE_FIELDS[name], day, page, documents)
        elif name in AMOUNT_FIELDS:
            result.amounts = _correct_amounts(result, AMOUNT_FIELDS[name], float(value), page, documents)
    return result


# -- storage -------------------------------------------------------------------------------------


def _from_row(row: FieldCorrectionRow) -> FieldCorrection:
    value = None if row.withdrawn else row.value
    return FieldCorrection(row.field, value, row.reviewer, row.at, row.page, row.reason or "")


def active_corrections(session: Session, case_id: int) -> dict[str, FieldCorrection]:
    """The reviewer's corrections in force for a case (field → correction)."""
    rows = session.scalars(
        select(FieldCorrectionRow)
        .where(FieldCorrectionRow.case_id == case_id)
        .order_by(FieldCorrectionRow.id)
    )
    latest: dict[str, FieldCorrection] = {}
    for row in rows:
        latest[row.field] = _from_row(row)
    return {name: c for name, c in latest.items() if c.value is not None}


def record_correction(
    session: Session,
    case_id: int,
    field: str,
    value: str | None,
    reviewer: str,
    *,
    page: int | None = None,
    reason: str = "",
) -> FieldCorrection:
    """Store a correction (``value`` as typed; None withdraws the field's correction), audited."""
    if not case_exists(session, case_id):
        raise StorageError(ErrorCode.STORAGE, "", {"reason": "not_found", "case_id": case_id})
    stored = None if value is None else normalise(field, value)
    if value is None and field not in CORRECTABLE:
        raise InputError("field_not_correctable", field=field)
    before = active_corrections(session, case_id).get(field)
    now = dt.datetime.now(dt.UTC)
    row = FieldCorrectionRow(
        case_id=case_id,
        field=field,
        value=stored,
        withdrawn=stored is None,
        page=page,
        reason=reason.strip() or None,
        reviewer=reviewer,
        at=now,
    )
    session.add(row)
    session.flush()
    write_audit(
        session,
        AuditAction.CORRECTION,
        reviewer,
        case_id=case_id,
        item_id=field,
        before=None if before is None else {"value": before.value, "page": before.page},
        after=None if stored is None else {"value": stored, "page": page, "reason": reason.strip()},
        at=now,
    )
    return FieldCorrection(field, stored, reviewer, now, page, reason.strip())
