"""Conversions between review rows and the dataclasses of ``records`` (and their audit JSON)."""

from __future__ import annotations

from typing import Any

from casereview.db.convert import decode_value, encode_value, evidence_from_json, evidence_json
from casereview.db.review_models import ReviewDecisionRow, ReviewFindingRow, ReviewRow
from casereview.domain.findings import Status
from casereview.domain.model import BBox
from casereview.review.records import (
    ReviewStatus,
    ReviewSummary,
    StandardMeta,
    StoredDecision,
    StoredFinding,
)
from casereview.scoring.model import DecisionKind

Row = dict[str, Any]


def _bbox(values: object) -> BBox | None:
    if values is None:
        return None
    assert isinstance(values, list | tuple)
    x0, y0, x1, y1 = (float(v) for v in values)
    return (x0, y0, x1, y1)


def finding_row(review_id: int, seq: int, finding: StoredFinding) -> Row:
    facts = encode_value(dict(finding.facts))  # dates and other values tagged as in `fields`
    return {
        "review_id": review_id,
        "seq": seq,
        "rule": finding.rule,
        "item": finding.item,
        "status": finding.status.value,
        "message": finding.message,
        "evidence": [evidence_json(e) for e in finding.evidence],
        "facts": facts,
        "violations": finding.violations,
    }


def finding_from(row: ReviewFindingRow) -> StoredFinding:
    facts = decode_value(row.facts)
    assert isinstance(facts, dict)
    return StoredFinding(
        rule=row.rule,
        status=Status(row.status),
        message=row.message,
        evidence=tuple(evidence_from_json(e) for e in row.evidence),
        facts=facts,
        violations=row.violations,
        item=row.item,
    )


def decision_row(review_id: int, decision: StoredDecision) -> Row:
    assert decision.decided_at is not None
    return {
        "review_id": review_id,
        "item_id": decision.item_id,
        "kind": DecisionKind(decision.kind).value,
        "deduction": decision.deduction,
        "reason": decision.reason or None,
        "page": decision.page,
        "bbox": None if decision.bbox is None else list(decision.bbox),
        "reviewer": decision.reviewer,
        "decided_at": decision.decided_at,
    }


def decision_from(row: ReviewDecisionRow, *, superseded: bool = False) -> StoredDecision:
    return StoredDecision(
        kind=DecisionKind(row.kind),
        item_id=row.item_id,
        deduction=row.deduction,
        reason=row.reason or "",
        page=row.page,
        bbox=_bbox(row.bbox),
        reviewer=row.reviewer,
        decided_at=row.decided_at,
        superseded=superseded,
    )


def decision_json(decision: StoredDecision) -> Row:
    """A decision as recorded in the audit log."""
    return {
        "kind": DecisionKind(decision.kind).value,
        "item_id": decision.item_id,
        "deduction": decision.deduction,
        "reason": decision.reason,
        "page": decision.page,
        "bbox": None if decision.bbox is None else list(decision.bbox),
        "reviewer": decision.reviewer,
        "decided_at": None if decision.decided_at is None else decision.decided_at.isoformat(),
    }


def standard_json(meta: StandardMeta) -> Row:
    return {"id": meta.id, "version": meta.version, "hash": meta.hash}


def summary_from(row: ReviewRow) -> ReviewSummary:
    return ReviewSummary(
        id=row.id,
        case_id=row.case_id,
        standard=StandardMeta(row.standard_id, row.standard_version, row.standard_hash),
        profile=row.profile,
        reviewer=row.reviewer,
        created_at=row.created_at,
        updated_at=row.updated_at,
        machine_score=row.machine_score,
        machine_grade=row.machine_grade,
        score=row.score,
        grade=row.grade,
        status=ReviewStatus(row.status),
        version=row.version,
    )
