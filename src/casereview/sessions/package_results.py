"""The reviewer's results package (评查结果包): their reviews of the assigned cases, as JSON.

``评查结果_<会话>_<评查人员>.zip`` holds ``manifest.json`` and ``reviews.json``: per assigned case
its SHA-256 and slot, and the reviewer's review under the session's standard — standard hash,
status, scores, the full decision history in order (with ``decided_at`` and whether a decision
was withdrawn), the reviewer's field corrections and the review's audit rows (who, when, which
machine). The lead merges it with :func:`casereview.sessions.package_merge.merge_results`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from casereview.db import Database
from casereview.db.cases import case_sha256s
from casereview.db.review_models import FieldCorrectionRow
from casereview.errors import InputError
from casereview.review.audit import audit_trail
from casereview.review.codec import decision_json
from casereview.review.records import (
    AuditAction,
    AuditEntry,
    ReviewStatus,
    StandardMeta,
    StoredDecision,
)
from casereview.review.store import load_review, reviews_of_case
from casereview.scoring.model import DecisionKind
from casereview.sessions.keys import load_or_create_key
from casereview.sessions.package_followup import CONTENT_VERSION, results_entry
from casereview.sessions.package_sign import manifest_signer
from casereview.sessions.package_zip import Entry, file_label, json_bytes, now_iso, write_package
from casereview.sessions.store import find_session, my_cases

REVIEWS = "reviews.json"

# What identifies one decision on both machines (database ids differ).
DecisionKey = tuple[str, dt.datetime, str, float | None, str]


def decision_key(decision: StoredDecision) -> DecisionKey:
    assert decision.decided_at is not None
    kind = DecisionKind(decision.kind).value
    return (decision.item_id, decision.decided_at, kind, decision.deduction, decision.reason)


@dataclass(frozen=True)
class PackedDecision:
    """A decision of the history; ``withdrawn``: the reviewer took it back (undo), nothing after."""

    decision: StoredDecision
    withdrawn: bool = False

    @property
    def key(self) -> DecisionKey:
        return decision_key(self.decision)


@dataclass(frozen=True)
class PackedCorrection:
    field: str
    value: str | None  # None: the reviewer withdrew their correction
    page: int | None
    reason: str
    reviewer: str
    at: dt.datetime


@dataclass(frozen=True)
class PackedReview:
    standard: StandardMeta
    profile: str
    status: ReviewStatus
    updated_at: dt.datetime
    machine_score: float
    score: float
    grade: str
    decisions: list[PackedDecision]
    corrections: list[PackedCorrection]
    audit: list[dict[str, Any]]


@dataclass(frozen=True)
class PackedCase:
    sha256: str
    slot: int
    review: PackedReview | None  # None: the reviewer has not opened the case


def with_withdrawals(history: Sequence[StoredDecision], trail: Iterable[AuditEntry]) -> list[PackedDecision]:
    """The history with each withdrawn decision marked, from the audit rows of the withdrawals
    (a superseded decision alone does not say whether a later one replaced it or it was undone)."""
    withdrawn: Counter[DecisionKey] = Counter()
    for entry in trail:
        before = entry.before
        if entry.action == AuditAction.WITHDRAW and isinstance(before, dict):
            withdrawn[_decision_from(before).key] += 1
    marked = []
    for decision in history:
        key = decision_key(decision)
        gone = decision.superseded and withdrawn[key] > 0
        withdrawn[key] -= gone
        marked.append(PackedDecision(replace(decision, superseded=False), gone))
    return marked


# -- JSON ----------------------------------------------------------------------------------------


def _decision_from(data: dict[str, Any]) -> PackedDecision:
    bbox = data.get("bbox")
    deduction = data.get("deduction")
    page = data.get("page")
    decision = StoredDecision(
        kind=DecisionKind(data["kind"]),
        item_id=str(data["item_id"]),
        deduction=None if deduction is None else float(deduction),
        reason=str(data.get("reason") or ""),
        page=None if page is None else int(page),
        bbox=None if bbox is None else (float(bbox[0]), float(bbox[1]), float(bbox[2]), float(bbox[3])),
        reviewer=str(data["reviewer"]),
        decided_at=_aware(data["decided_at"]),
    )
    return PackedDecision(decision, bool(data.get("withdrawn", False)))


def _aware(text: object) -> dt.datetime:
    value = dt.datetime.fromisoformat(str(text))
    if value.tzinfo is None:
        raise ValueError("naive time")
    return value.astimezone(dt.UTC)


def _audit_json(entry: AuditEntry) -> dict[str, Any]:
    action = entry.action.value if isinstance(entry.action, AuditAction) else entry.action
    return {
        "at": entry.at.isoformat(),
        "actor": entry.actor,
        "machine": entry.machine,
        "action": action,
        "item_id": entry.item_id,
        "before": entry.before,
        "after": entry.after,
    }


def _corrections(session: Session, case_id: int, reviewer: str) -> list[PackedCorrection]:
    """The reviewer's latest correction of each field (withdrawn ones too: the lead must drop them)."""
    rows = session.scalars(
        select(FieldCorrectionRow)
        .where((FieldCorrectionRow.case_id == case_id) & (FieldCorrectionRow.reviewer == reviewer))
        .order_by(FieldCorrectionRow.id)
    )
    latest = {
        row.field: PackedCorrection(
            row.field, None if row.withdrawn else row.value, row.page, row.reason or "", row.reviewer, row.at
        )
        for row in rows
    }
    return [latest[name] for name in sorted(latest)]


def _review_json(session: Session, case_id: int, review_id: int, reviewer: str) -> dict[str, Any]:
    review = load_review(session, review_id)
    summary = review.summary
    trail = [
        e
        for e in audit_trail(session, case_id)
        if e.review_id == review_id or (e.action == AuditAction.CORRECTION and e.actor == reviewer)
    ]
    decisions = with_withdrawals(review.history, trail)
    return {
        "standard": {
            "id": summary.standard.id,
            "version": summary.standard.version,
            "hash": summary.standard.hash,
        },
        "profile": summary.profile,
        "status": summary.status.value,
        "created_at": summary.created_at.isoformat(),
        "updated_at": summary.updated_at.isoformat(),
        "machine_score": summary.machine_score,
        "machine_grade": summary.machine_grade,
        "score": summary.score,
        "grade": summary.grade,
        "decisions": [decision_json(d.decision) | {"withdrawn": d.withdrawn} for d in decisions],
        "corrections": [
            {
                "field": c.field,
                "value": c.value,
                "page": c.page,
                "reason": c.reason,
                "reviewer": c.reviewer,
                "at": c.at.isoformat(),
            }
            for c in _corrections(session, case_id, reviewer)
        ],
        "audit": [_audit_json(e) for e in trail],
    }


def decode_reviews(data: object) -> list[PackedCase]:
    """``reviews.json`` back; KeyError/TypeError/ValueError when malformed."""
    if not isinstance(data, list):
        raise TypeError("reviews")
    cases: list[PackedCase] = []
    for row in data:
        raw = row["review"]
        review = None
        if raw is not None:
            standard = raw["standard"]
            audit = raw["audit"]
            if not isinstance(audit, list) or not all(isinstance(a, dict) for a in audit):
                raise TypeError("audit")
            review = PackedReview(
                standard=StandardMeta(str(standard["id"]), str(standard["version"]), str(standard["hash"])),
                profile=str(raw["profile"]),
                status=ReviewStatus(raw["status"]),
                updated_at=_aware(raw["updated_at"]),
                machine_score=float(raw["machine_score"]),
                score=float(raw["score"]),
                grade=str(raw["grade"]),
                decisions=[_decision_from(d) for d in raw["decisions"]],
                corrections=[
                    PackedCorrection(
                        str(c["field"]),
                        None if c["value"] is None else str(c["value"]),
                        None if c["page"] is None else int(c["page"]),
                        str(c["reason"]),
                        str(c["reviewer"]),
                        _aware(c["at"]),
                    )
                    for c in raw["corrections"]
                ],
                audit=audit,
            )
        cases.append(PackedCase(str(row["sha256"]), int(row["slot"]), review))
    return cases


# -- export --------------------------------------------------------------------------------------


def results_name(session_name: str, reviewer: str) -> str:
    return f"评查结果_{file_label(session_name)}_{file_label(reviewer)}.zip"


def export_results(
    database: Database,
    session_name: str,
    reviewer: str,
    out: Path,
    *,
    key: Ed25519PrivateKey | None = None,
) -> Path:
    """Write ``out/评查结果_<会话>_<评查人员>.zip``: the reviewer's reviews of their cases in the
    session (the newest under the session's standard; cases not opened yet go without one), with
    the session's id, signed by the reviewer's key (``key``, default: this user's).
    InputError for an unknown session or a reviewer without cases in it."""
    key = key or load_or_create_key()
    with database.session_scope(readonly=True) as session:
        info = find_session(session, session_name)
        cases = my_cases(session, info.id, reviewer)
        if not cases:
            raise InputError("reviewer_no_session_cases", reviewer=reviewer, name=info.name)
        rows: list[dict[str, Any]] = []
        for case in cases:
            sha = case_sha256s(session, [case.case_id]).get(case.case_id)
            slot = next(a.slot for a in case.assignments if a.reviewer == reviewer)
            review_id = next(
                (
                    r.id
                    for r in reviews_of_case(session, case.case_id)  # newest first
                    if r.reviewer == reviewer and r.standard.id == info.standard_id
                ),
                None,
            )
            review = None if review_id is None else _review_json(session, case.case_id, review_id, reviewer)
            rows.append({"sha256": sha, "slot": slot, "review": review})
        followup = results_entry(session, info, reviewer, cases)
    header: dict[str, object] = {
        "kind": "results",
        "session": {"uid": info.uid, "name": info.name, "year": info.year, "standard_id": info.standard_id},
        "reviewer": reviewer,
        "lead": info.lead,
        "created_at": now_iso(),
        "content": CONTENT_VERSION,
    }
    entries = [Entry(REVIEWS, data=json_bytes(rows)), followup]
    return write_package(out / results_name(info.name, reviewer), header, entries, manifest_signer(key))
