"""The case's headline fields (the ``fields`` object of the JSON contract) from an Extraction."""

from __future__ import annotations

from collections import Counter

from casereview.domain import doctypes as dt_
from casereview.domain import roles as r
from casereview.domain.model import Evidence, Extraction, FieldValue, Party
from casereview.extract.parsers import case_number_key

_DECISIONS = (dt_.JUEDING, dt_.DANGCHANG_JUEDING)

# JSON field name → date role.
DATE_FIELDS: dict[str, str] = {
    "violation_date": r.VIOLATION,
    "filing_date": r.FILING,
    "inquiry_date": r.INQUIRY,
    "notice_date": r.NOTICE,
    "notice_service_date": r.NOTICE_SERVICE,
    "hearing_date": r.HEARING,
    "legal_review_date": r.LEGAL_REVIEW,
    "discussion_date": r.DISCUSSION,
    "decision_date": r.DECISION,
    "decision_service_date": r.DECISION_SERVICE,
    "payment_date": r.PAYMENT,
    "publication_date": r.PUBLICATION,
    "closing_date": r.CLOSING,
    "compulsion_date": r.COMPULSION,
    "compulsion_extension_date": r.COMPULSION_EXTENSION,
    "compulsion_release_date": r.COMPULSION_RELEASE,
    "inspection_plan_date": r.INSPECTION_PLAN,
    "inspection_result_date": r.INSPECTION_RESULT,
}


def case_number(extraction: Extraction) -> FieldValue | None:
    """The decision's number when printed there, else the number most documents carry."""
    for value in extraction.case_numbers:
        if value.document in _DECISIONS:
            return value
    if not extraction.case_numbers:
        return None
    counts = Counter(case_number_key(str(v.value)) for v in extraction.case_numbers)
    key, _ = counts.most_common(1)[0]
    return next(v for v in extraction.case_numbers if case_number_key(str(v.value)) == key)


def party(extraction: Extraction) -> Party | None:
    for value in extraction.parties:
        if isinstance(value.value, Party):
            return value.value
    return None


def fine(extraction: Extraction, kind: str) -> tuple[float, Evidence] | None:
    for amount in extraction.amounts:
        if amount.kind == kind:
            return amount.amount, amount.evidence
    return None


def summary_fields(extraction: Extraction) -> dict[str, object]:
    """Plain JSON-ready values: ISO dates, amounts in yuan, null when not found."""
    number = case_number(extraction)
    who = party(extraction)
    decided = fine(extraction, "decided")
    proposed = fine(extraction, "proposed")
    fields: dict[str, object] = {
        "case_number": str(number.value) if number else None,
        "party_name": who.name if who else None,
        "party_kind": who.kind if who else None,
        "credit_code": who.credit_code if who else None,
        "fine_amount": decided[0] if decided else None,
        "proposed_fine": proposed[0] if proposed else None,
    }
    for name, role in DATE_FIELDS.items():
        mention = extraction.first_date(role)
        fields[name] = mention.date.isoformat() if mention else None
    certificates: dict[str, str | None] = {}
    for officer in extraction.officers:  # a name seen once with its number keeps the number
        certificates[officer.name] = certificates.get(officer.name) or officer.certificate
    fields["officers"] = [{"name": n, "certificate": c} for n, c in sorted(certificates.items())]
    fields["sealed_pages"] = sorted({seal.page for seal in extraction.seals})
    return fields
