"""The lead merges the follow-up part of a results package (``followup.json``, issue 15):

- the reasons the reviewer added join the library through the reasons store (audited); one the
  library has already is kept as it is (a different legal basis is noted, the lead's stays);
- each use of a library reason is counted once with ``record_use`` (audited, the audit row names
  the package's use, so merging again counts nothing twice);
- each objection decision goes through ``decide_objection`` as the reviewer's (a 变更 re-scores
  the review that counts, closes the fixed rectification item, and shows in every export). An
  objection the lead's side decided already is left alone: the same decision → nothing to do;
  another → listed as a conflict, never applied.

Anything that cannot be applied (an objection of another case or session, the reviewer of the
original finding, a deduction out of range, a reason of an unknown item) refuses the whole
package: it runs in the merge's one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from casereview.db import find_case_by_sha256
from casereview.db.rectify_models import ObjectionRow
from casereview.errors import CaseReviewError, ErrorCode
from casereview.messages import describe
from casereview.reasons.model import ReasonSource
from casereview.reasons.store import import_entries, list_reasons, record_use
from casereview.rectify.model import ObjectionStatus
from casereview.rectify.objections import decide_objection
from casereview.review.audit import audit_trail, write_audit
from casereview.review.records import AuditAction
from casereview.sessions.package_followup import PackedVerdict, ResultsFollowUp
from casereview.sessions.package_zip import refused
from casereview.standards.reason_files import MAX_TEXT
from casereview.standards.schema import Standard

USE_ORIGIN = "origin"  # key of a merged use's identity in its audit row


@dataclass
class FollowUpCounts:
    objections: int = 0  # objection decisions applied
    reasons_added: int = 0
    uses: int = 0  # uses of library reasons counted


def validate_followup(path: Path, standard: Standard, followup: ResultsFollowUp) -> None:
    """Refuse, before writing, what cannot be applied whatever the lead's database holds."""
    if followup.standard is not None and followup.standard != standard.id:
        raise refused(path, "reasons_other_standard", standard=followup.standard, mine=standard.id)
    items = {i.id for i in standard.items}
    for packed in followup.reasons:
        entry = packed.entry
        if entry.item_id not in items or not entry.text.strip() or len(entry.text) > MAX_TEXT:
            raise refused(path, "reason_invalid", text=entry.text[:40], item=entry.item_id)
    for verdict in followup.verdicts:
        if verdict.verdict is ObjectionStatus.PENDING or not verdict.reason.strip():
            raise refused(path, "verdict_incomplete", objection=verdict.origin)
        if verdict.verdict is ObjectionStatus.CHANGED and verdict.deduction is None:
            raise refused(path, "verdict_no_deduction", objection=verdict.origin)


Conflict = Callable[[int, str, str, str, str], None]  # case id, sha256, item, lead's, package's


def _verdict_text(status: ObjectionStatus, reason: str, who: str, deduction: object = None) -> str:
    change = f"，扣 {deduction:g} 分" if isinstance(deduction, float | int) else ""
    return f"异议复核{status.label}{change}（{who}）：{reason}"


def _merge_verdict(
    session: Session,
    path: Path,
    session_id: int,
    reviewer: str,
    verdict: PackedVerdict,
    standard: Standard,
    conflict: Conflict,
) -> int:
    case_id = find_case_by_sha256(session, verdict.sha256)
    row = session.get(ObjectionRow, verdict.origin)
    if row is None or (row.session_id, row.case_id, row.item_id) != (session_id, case_id, verdict.item_id):
        raise refused(path, "verdict_mismatch", objection=verdict.origin, item=verdict.item_id)
    if row.status != ObjectionStatus.PENDING.value:
        ours = (ObjectionStatus(row.status), row.decided_by, (row.decision_reason or "").strip())
        if ours == (verdict.verdict, reviewer, verdict.reason.strip()):
            return 0  # merged before (or the same decision reached here)
        outcome = row.outcome if isinstance(row.outcome, dict) else {}
        lead = _verdict_text(ours[0], ours[2], row.decided_by or "", outcome.get("new_deduction"))
        package = _verdict_text(verdict.verdict, verdict.reason, reviewer, verdict.deduction)
        conflict(row.case_id, verdict.sha256, f"{row.item_id}（异议 #{row.id}）", lead, package)
        return 0
    try:
        decide_objection(
            session,
            row.id,
            verdict.verdict,
            verdict.reason,
            reviewer,
            deduction=verdict.deduction,
            standards={standard.id: standard},
            session_id=session_id,
        )
    except CaseReviewError as error:
        if error.code is ErrorCode.PACKAGE_REFUSED:
            raise
        raise refused(path, "verdict_refused", objection=row.id, error=describe(error)) from error
    return 1


def _merge_reasons(
    session: Session, actor: str, standard: Standard, followup: ResultsFollowUp
) -> tuple[int, list[str]]:
    basis = {(r.item_id, r.text): r.basis for r in list_reasons(session, standard.id)}
    items = {i.id for i in standard.items}
    notes: list[str] = []
    added = 0
    for packed in followup.reasons:
        entry = packed.entry
        key = (entry.item_id, entry.text.strip())
        theirs = tuple(b.strip() for b in entry.basis if b.strip())
        if key in basis:
            if tuple(basis[key]) != theirs:
                notes.append(f"常用理由“{entry.text}”（{entry.item_id}）的法律依据与本机不同，保留本机的")
            continue
        source = ReasonSource.REVIEWER if packed.source is ReasonSource.REVIEWER else ReasonSource.IMPORT
        added += import_entries(session, standard.id, [entry], actor, known_items=items, source=source).added
        basis[key] = theirs
    return added, notes


def _merge_uses(
    session: Session, path: Path, actor: str, reviewer: str, standard: Standard, followup: ResultsFollowUp
) -> int:
    library = {(r.item_id, r.text): r.id for r in list_reasons(session, standard.id)}
    seen: dict[int, set[tuple[object, ...]]] = {}
    counted = 0
    for use in followup.uses:
        case_id = find_case_by_sha256(session, use.sha256)
        reason_id = library.get((use.item_id, use.text))
        if case_id is None or reason_id is None:
            raise refused(path, "reason_use_unknown", text=use.text[:40], item=use.item_id)
        if case_id not in seen:
            seen[case_id] = {
                tuple(e.after[USE_ORIGIN].get(k) for k in ("reviewer", "item_id", "text", "at"))
                for e in audit_trail(session, case_id)
                if e.action is AuditAction.REASON
                and isinstance(e.after, dict)
                and isinstance(e.after.get(USE_ORIGIN), dict)
            }
        key = (reviewer, use.item_id, use.text, use.at)
        if key in seen[case_id]:
            continue
        origin = {
            "reviewer": reviewer,
            "item_id": use.item_id,
            "text": use.text,
            "at": use.at,
            "package": path.name,
        }
        record_use(session, reason_id, actor, item_id=use.item_id, case_id=case_id, origin=origin)
        seen[case_id].add(key)
        counted += 1
    return counted


def merge_followup(
    session: Session,
    path: Path,
    session_id: int,
    actor: str,
    reviewer: str,
    standard: Standard,
    followup: ResultsFollowUp,
    conflict: Conflict,
    notes: list[str],
    signed_by: str | None,
) -> FollowUpCounts:
    """Apply the package's follow-up part inside the merge's transaction (refusals roll it back)."""
    counts = FollowUpCounts()
    counts.reasons_added, reason_notes = _merge_reasons(session, actor, standard, followup)
    notes.extend(reason_notes)
    counts.uses = _merge_uses(session, path, actor, reviewer, standard, followup)
    for verdict in followup.verdicts:
        if _merge_verdict(session, path, session_id, reviewer, verdict, standard, conflict):
            counts.objections += 1
            row = session.get(ObjectionRow, verdict.origin)
            assert row is not None
            after = {"package": path.name, "reviewer": reviewer, "objection": row.id}
            after |= {"verdict": verdict.verdict.value, "signed_by": signed_by}
            after |= {"decided_offline_at": verdict.decided_at.isoformat()}
            write_audit(
                session,
                AuditAction.MERGE,
                actor,
                review_id=row.review_id,
                case_id=row.case_id,
                item_id=row.item_id,
                after=after,
            )
    return counts
