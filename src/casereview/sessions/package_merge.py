"""The lead merges a reviewer's results package into the session, deterministically.

Per case: a review the lead's database lacks is created (the machine findings re-checked here, on
the lead's stored analysis with the reviewer's field corrections) and the reviewer's decisions are
replayed in order with their original reviewer and ``decided_at``; an existing review gets only the
decisions it has not seen. Decisions are matched by (item, decided_at, kind, deduction, reason).
When the lead's copy changed an item after the last decision both sides share, and the package
changed it too, the item is a conflict: listed, never applied. Merging a package twice changes
nothing. Every merged case leaves an audit row ``merge_package`` carrying the reviewer's own audit
rows (who, when, which machine).

Before anything is read into the session, the package must be of this session (its id, not just
its name) and signed by a key the lead registered for the reviewer; an unsigned package (made
before signing) merges only when the lead accepts it explicitly, which is audited.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from casereview.checking import Checker
from casereview.db import Database, find_case_by_sha256, load_case
from casereview.errors import CaseReviewError, ErrorCode, InputError
from casereview.fieldnames import field_label
from casereview.messages import describe
from casereview.pipeline import Analysis
from casereview.review.audit import audit_trail, write_audit
from casereview.review.corrections import active_corrections, normalise, record_correction
from casereview.review.decisions import check_fits, to_reviewer_decision
from casereview.review.records import AuditAction, AuditEntry
from casereview.review.service import score_review, standard_meta
from casereview.review.store import (
    create_review,
    load_review,
    record_decision,
    replace_findings,
    reviews_of_case,
    set_review_status,
    update_review_score,
    withdraw_decision,
)
from casereview.review.workbench import machine_sheet_in
from casereview.scoring import ScoreSheet
from casereview.sessions.identity import reviewer_keys
from casereview.sessions.keys import fingerprint
from casereview.sessions.merge_plan import MergeConflict, MergeReport, decision_text, plan
from casereview.sessions.model import SessionInfo
from casereview.sessions.package_followup import read_results_followup
from casereview.sessions.package_followup_merge import merge_followup, validate_followup
from casereview.sessions.package_results import (
    REVIEWS,
    PackedCase,
    PackedCorrection,
    PackedReview,
    decode_reviews,
    with_withdrawals,
)
from casereview.sessions.package_sign import Signer, package_signer
from casereview.sessions.package_zip import read_package, refused
from casereview.sessions.store import get_session, link_reviews, reviewers, session_cases

# -- merging one case ----------------------------------------------------------------------------


@dataclass
class _Context:
    session: Session
    checker: Checker
    actor: str
    reviewer: str
    package: Path
    report: MergeReport
    signed_by: str | None  # the fingerprint of the key that signed the package; None: unsigned


def _check(session: Session, case_id: int, checker: Checker) -> ScoreSheet:
    """The machine's check as the workstation would make it: corrections and publication applied."""
    case, documents, extraction = load_case(session, case_id)
    return machine_sheet_in(session, Analysis(case, documents, extraction, case_id), checker)


def _merge_corrections(ctx: _Context, case_id: int, sha: str, packed: list[PackedCorrection]) -> int:
    changed = 0
    for correction in packed:
        current = active_corrections(ctx.session, case_id).get(correction.field)
        if correction.value is None:
            if current is not None and current.reviewer == correction.reviewer:
                record_correction(ctx.session, case_id, correction.field, None, correction.reviewer)
                changed += 1
            continue
        if current is not None and current.value == correction.value:
            continue
        if current is not None and current.reviewer != correction.reviewer:
            # Someone on the lead's side corrected the field differently: the lead decides.
            label = field_label(correction.field)
            conflict = MergeConflict(case_id, sha, label, current.value or "", correction.value)
            ctx.report.conflicts.append(conflict)
            continue
        record_correction(
            ctx.session,
            case_id,
            correction.field,
            correction.value,
            correction.reviewer,
            page=correction.page,
            reason=correction.reason,
        )
        changed += 1
    return changed


def _merge_case(ctx: _Context, case_id: int, item: PackedCase, review: PackedReview) -> None:
    session, checker = ctx.session, ctx.checker
    meta = standard_meta(checker.standard)
    profile = checker.standard.profile(checker.profile).name
    corrected = _merge_corrections(ctx, case_id, item.sha256, review.corrections)
    review_id = next(
        (
            r.id
            for r in reviews_of_case(session, case_id)
            if r.reviewer == ctx.reviewer and r.standard == meta and r.profile == profile
        ),
        None,
    )
    created = review_id is None
    if review_id is None:
        sheet = _check(session, case_id, checker)
        review_id = create_review(
            session, case_id, meta, profile, ctx.reviewer, sheet.findings, sheet.score, sheet.grade
        )
    elif corrected:
        sheet = _check(session, case_id, checker)
        replace_findings(session, review_id, sheet.findings, sheet.score, sheet.grade, ctx.actor)
    current = load_review(session, review_id)
    trail = audit_trail(session, case_id, review_id=review_id)
    events, conflicts = plan(with_withdrawals(current.history, trail), review.decisions)
    for conflict_item, lead_value, package_value in conflicts:
        text = decision_text(lead_value), decision_text(package_value)
        ctx.report.conflicts.append(MergeConflict(case_id, item.sha256, conflict_item, *text))
    added = withdrawn = 0
    for (kind, _key), packed in events:
        if kind == "D":
            record_decision(session, review_id, packed.decision, ctx.actor)
            added += 1
        else:
            withdrawn += withdraw_decision(session, review_id, packed.decision.item_id, ctx.actor)
    status_from_package = review.status is not current.summary.status and (
        created or bool(events) or review.updated_at > _last_status_change(trail, current.summary.created_at)
    )
    if status_from_package:
        set_review_status(session, review_id, review.status, ctx.actor)
    merged = load_review(session, review_id)
    sheet = score_review(checker.standard, merged)
    if (sheet.score, sheet.grade) != (merged.summary.score, merged.summary.grade):
        update_review_score(session, review_id, sheet.score, sheet.grade, ctx.actor, action=AuditAction.MERGE)
    if not conflicts and abs(sheet.score - review.score) > 1e-6:
        ctx.report.notes.append(
            f"案卷 #{case_id}：合并后得分 {sheet.score:g} 与评查人员机器上的 {review.score:g} 不同"
            "（本机的公示清单、更正或评查标准可能不同）"
        )
    ctx.report.decisions_added += added
    if created or corrected or added or withdrawn or status_from_package:
        after: dict[str, Any] = {
            "package": ctx.package.name,
            "reviewer": ctx.reviewer,
            "created": created,
            "decisions_added": added,
            "withdrawn": withdrawn,
            "corrections": corrected,
            "conflicts": [c[0] for c in conflicts],
            "signed_by": ctx.signed_by,
            "trail": _new_trail(trail, review.audit),
        }
        write_audit(session, AuditAction.MERGE, ctx.actor, review_id=review_id, case_id=case_id, after=after)


def _last_status_change(trail: list[AuditEntry], default: dt.datetime) -> dt.datetime:
    return max((e.at for e in trail if e.action == AuditAction.STATUS), default=default)


def _new_trail(trail: list[AuditEntry], packed: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The reviewer's audit rows not yet carried by an earlier merge of this review."""
    seen = {
        (row.get("at"), row.get("action"), row.get("item_id"), row.get("machine"))
        for entry in trail
        if entry.action == AuditAction.MERGE and isinstance(entry.after, dict)
        for row in entry.after.get("trail", [])
        if isinstance(row, dict)
    }
    return [
        r for r in packed if (r.get("at"), r.get("action"), r.get("item_id"), r.get("machine")) not in seen
    ]


# -- the package ---------------------------------------------------------------------------------


def _validate(path: Path, checker: Checker, reviewer: str, cases: list[PackedCase]) -> None:
    """Refuse, before writing, what could not be stored or scored here."""
    meta = standard_meta(checker.standard)
    profile = checker.standard.profile(checker.profile).name
    for item in cases:
        review = item.review
        if review is None:
            continue
        if review.standard != meta:
            raise refused(
                path,
                "results_standard_differs",
                standard=review.standard.id,
                version=review.standard.version,
                mine=meta.version,
            )
        if review.profile != profile:
            raise refused(path, "results_profile_differs", profile=review.profile, mine=profile)
        people = {d.decision.reviewer for d in review.decisions} | {c.reviewer for c in review.corrections}
        if people - {reviewer}:
            raise refused(path, "results_other_people", reviewer=reviewer, others=sorted(people - {reviewer}))
        try:
            for packed in review.decisions:
                check_fits(checker.standard, packed.decision.item_id, to_reviewer_decision(packed.decision))
            for correction in review.corrections:
                if correction.value is not None:
                    normalise(correction.field, correction.value)
        except (ValueError, InputError) as exc:  # ValueError: ReviewerDecision's own checks
            raise refused(path, "results_invalid", error=str(exc)) from exc


def merge_results(
    database: Database, session_id: int, package: Path, actor: str, *, accept_unsigned: bool = False
) -> MergeReport:
    """Merge a reviewer's results package into session ``session_id`` in one transaction.

    A refused package (any guard of the package reader, a bad signature or one by a key not
    registered for the reviewer, another session, another standard version, a case not in the
    session, an invalid decision) comes back as ``refused`` with the Chinese reason, and nothing
    is written. ``accept_unsigned``: the lead takes a package without signature or session id
    (made before signing) on their own word; an audit row records it."""
    try:
        return _merge(database, session_id, package, actor, accept_unsigned)
    except CaseReviewError as error:
        if error.code is not ErrorCode.PACKAGE_REFUSED:
            raise
        return MergeReport(0, 0, [], describe(error))


def _check_origin(
    package: Path, info: SessionInfo, uid: str | None, signer: Signer | None, keys: set[str], reviewer: str
) -> None:
    """Refuse a package of another session, or signed by a key not registered for the reviewer."""
    if uid is not None and uid != info.uid:
        mine = info.uid[:8] if info.uid else None
        raise refused(package, "results_other_session", uid=uid[:8], mine=mine, name=info.name)
    if signer is not None and signer.public_key not in keys:
        registered = sorted(fingerprint(k) for k in keys)
        raise refused(
            package,
            "key_not_registered",
            fingerprint=signer.fingerprint,
            reviewer=reviewer,
            registered=registered,
        )


def _merge(
    database: Database, session_id: int, package: Path, actor: str, accept_unsigned: bool
) -> MergeReport:
    opened = read_package(package, "results")
    signer = package_signer(opened)  # refuses a signature that does not match
    manifest = opened.manifest
    try:
        session_name, reviewer = str(manifest["session"]["name"]), str(manifest["reviewer"])
        uid = manifest["session"].get("uid")
        if uid is not None and not isinstance(uid, str):
            raise TypeError("uid")
        cases = decode_reviews(opened.json(REVIEWS))
    except (KeyError, TypeError, ValueError) as exc:
        raise refused(package, "results_malformed") from exc
    followup = read_results_followup(opened)
    if len({c.sha256 for c in cases}) != len(cases):
        raise refused(package, "results_duplicate")
    with database.session_scope(readonly=True) as session:
        info = get_session(session, session_id)
        people = {r.name for r in reviewers(session, session_id)}
        keys = reviewer_keys(session, session_id, reviewer)
    _check_origin(package, info, uid, signer, keys, reviewer)
    unsigned = signer is None or uid is None
    if unsigned and not accept_unsigned:
        raise refused(package, "results_unsigned", reviewer=reviewer)
    if info.name != session_name:
        raise refused(package, "results_other_session_name", session=session_name, name=info.name)
    if reviewer not in people:
        raise refused(package, "results_not_reviewer", reviewer=reviewer, name=info.name)
    checker = Checker.create(info.standard_id, info.profile)
    _validate(package, checker, reviewer, cases)
    validate_followup(package, checker.standard, followup)
    report = MergeReport(0, 0)
    with database.session_scope() as session:
        by_case = {c.case_id: c for c in session_cases(session, session_id)}
        signed_by = signer.fingerprint if signer is not None and not unsigned else None
        ctx = _Context(session, checker, actor, reviewer, package, report, signed_by)
        if unsigned:
            after = {"session_id": session_id, "package": package.name, "reviewer": reviewer}
            after |= {"manifest_sha256": hashlib.sha256(opened.manifest_bytes).hexdigest()}
            write_audit(session, AuditAction.ACCEPT_UNSIGNED, actor, after=after)
            report.notes.append(f"已按组长确认接受未签名的评查结果包“{package.name}”（已记入审计记录）")
        for item in cases:
            case_id = find_case_by_sha256(session, item.sha256)
            if case_id is None or case_id not in by_case:
                raise refused(package, "results_case_unknown", sha=item.sha256[:12])
            if item.review is None:
                continue
            if reviewer not in by_case[case_id].reviewers():
                report.notes.append(f"案卷 #{case_id} 已不再分配给“{reviewer}”，其评查结果未合并")
                continue
            _merge_case(ctx, case_id, item, item.review)
            report.cases += 1
        link_reviews(session, session_id)

        def conflict(case_id: int, sha: str, item: str, lead: str, theirs: str) -> None:
            report.conflicts.append(MergeConflict(case_id, sha, item, lead, theirs))

        counts = merge_followup(
            session,
            package,
            session_id,
            actor,
            reviewer,
            checker.standard,
            followup,
            conflict,
            report.notes,
            signed_by,
        )
        report.objections, report.reasons_added, report.reason_uses = (
            counts.objections,
            counts.reasons_added,
            counts.uses,
        )
    return report
