"""The follow-up parts of the offline packages (issue 15): reasons and objections travel too.

Review package (lead → reviewer):

- ``reasons.json``: the session standard's reason library (常用理由), so the decision dialog
  offers it offline; imported into the reviewer's library (entries already there are kept);
- ``objections.json``: the pending objections (异议) on the reviewer's cases that they may
  re-review — not those whose original finding is theirs. The reviewer's machine keeps a copy of
  each (``outcome`` names the lead's objection id, :data:`casereview.rectify.objections.ORIGIN`)
  and decides it with the usual ``decide_objection``; a 变更 there records only the new deduction.

Results package (reviewer → lead): ``followup.json`` with the reviewer's decisions on those
copies (维持 / 变更, reason, new deduction), the reasons they added (and any they used) and each
use of a library reason (case, item, text, when). The lead applies them with
:mod:`casereview.sessions.package_followup_merge`.

Packages written before these parts lack the entries: they load and merge with none of them
(the manifest's ``content`` is 2 for packages that carry them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from casereview.db.cases import case_sha256s
from casereview.db.rectify_models import ObjectionRow
from casereview.db.review_models import AuditLogRow
from casereview.errors import InputError
from casereview.messages import describe
from casereview.reasons.model import Reason, ReasonSource
from casereview.reasons.store import import_entries, list_reasons
from casereview.rectify.model import ObjectionStatus
from casereview.rectify.objections import ORIGIN, list_objections, offline_origin
from casereview.review.audit import write_audit
from casereview.review.records import AuditAction
from casereview.sessions.model import SessionCase, SessionInfo
from casereview.sessions.package_zip import Entry, OpenedPackage, json_bytes, refused
from casereview.standards.reason_files import ReasonEntry

REASONS_ENTRY = "reasons.json"
OBJECTIONS_ENTRY = "objections.json"
FOLLOWUP_ENTRY = "followup.json"
CONTENT_VERSION = 2  # the manifest's "content": 2 with these parts; absent (1) without


@dataclass(frozen=True)
class PackedReason:
    entry: ReasonEntry
    source: ReasonSource
    use_count: int = 0  # on the machine that wrote the package (shown, never added up)


@dataclass(frozen=True)
class PackedObjection:
    """A lead's pending objection as the reviewer's package carries it."""

    id: int  # the lead's objection id
    sha256: str
    item_id: str
    reason: str
    filed_on: dt.date
    deadline: dt.date
    original_reviewer: str
    original_deduction: float
    unit: str = ""  # "" in a blind session
    filed_by: str = ""
    attachments: tuple[str, ...] = ()  # file names only: the files stay with the lead


@dataclass(frozen=True)
class PackedVerdict:
    """A reviewer's decision on the copy of the lead's objection ``origin``."""

    origin: int
    sha256: str
    item_id: str
    verdict: ObjectionStatus
    reason: str
    deduction: float | None
    decided_at: dt.datetime


@dataclass(frozen=True)
class PackedUse:
    """One decision of the reviewer that used a library reason."""

    sha256: str
    item_id: str
    text: str
    at: str  # ISO time of the use on the reviewer's machine (UTC): with the rest, its identity


@dataclass(frozen=True)
class ResultsFollowUp:
    standard: str | None = None
    verdicts: tuple[PackedVerdict, ...] = ()
    reasons: tuple[PackedReason, ...] = ()
    uses: tuple[PackedUse, ...] = field(default_factory=tuple)


# -- JSON ----------------------------------------------------------------------------------------


def _reason_json(reason: Reason) -> dict[str, Any]:
    return {
        "item": reason.item_id,
        "text": reason.text,
        "basis": list(reason.basis),
        "source": reason.source.value,
        "added_by": reason.added_by,
        "use_count": reason.use_count,
    }


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("text")
    return value


def _reason_from(data: dict[str, Any]) -> PackedReason:
    basis = data.get("basis", [])
    if not isinstance(basis, list):
        raise TypeError("basis")
    entry = ReasonEntry(
        _text(data["item"]), _text(data["text"]), tuple(_text(b) for b in basis), _text(data["added_by"])
    )
    return PackedReason(entry, ReasonSource(data["source"]), int(data.get("use_count", 0)))


def _aware(text: object) -> dt.datetime:
    value = dt.datetime.fromisoformat(_text(text))
    if value.tzinfo is None:
        raise ValueError("naive time")
    return value.astimezone(dt.UTC)


def _list(data: object) -> list[dict[str, Any]]:
    if not isinstance(data, list) or not all(isinstance(d, dict) for d in data):
        raise TypeError("list")
    return data


# -- the lead's review package ------------------------------------------------------------------


def review_entries(
    session: Session, info: SessionInfo, reviewer: str, cases: Sequence[SessionCase]
) -> list[Entry]:
    """``reasons.json`` and ``objections.json`` of a reviewer's review package."""
    sha = case_sha256s(session, [c.case_id for c in cases])
    objections: list[dict[str, Any]] = []
    for o in list_objections(session, info.id, status=ObjectionStatus.PENDING):
        if o.case_id not in sha or o.original_reviewer == reviewer or offline_origin(o.outcome) is not None:
            continue  # not their case, their own finding (refused), or a copy made here
        row: dict[str, Any] = {
            "id": o.id,
            "sha256": sha[o.case_id],
            "item_id": o.item_id,
            "reason": o.reason,
            "filed_on": o.filed_on.isoformat(),
            "deadline": o.deadline.isoformat(),
            "original_reviewer": o.original_reviewer,
            "original_deduction": o.original_deduction,
            "attachments": list(o.attachments),
        }
        if not info.blind:  # a blind session hides the unit under review from the reviewer
            row |= {"unit": o.unit, "filed_by": o.filed_by}
        objections.append(row)
    reasons = [_reason_json(r) for r in list_reasons(session, info.standard_id)]
    return [
        Entry(REASONS_ENTRY, data=json_bytes({"standard": info.standard_id, "reasons": reasons})),
        Entry(OBJECTIONS_ENTRY, data=json_bytes(objections)),
    ]


# -- the reviewer's side: opening a review package -----------------------------------------------


@dataclass(frozen=True)
class ReviewFollowUp:
    reasons: tuple[PackedReason, ...] = ()
    objections: tuple[PackedObjection, ...] = ()


def read_review_followup(opened: OpenedPackage, standard_id: str, shas: Collection[str]) -> ReviewFollowUp:
    """The package's reasons and objections (none in a package made before them); refused when
    malformed, of another standard or about a case the package does not carry."""
    path = opened.path
    try:
        reasons: list[PackedReason] = []
        if REASONS_ENTRY in opened.texts:
            data = opened.json(REASONS_ENTRY)
            if data["standard"] != standard_id:
                raise ValueError("standard")
            reasons = [_reason_from(r) for r in _list(data["reasons"])]
        objections: list[PackedObjection] = []
        if OBJECTIONS_ENTRY in opened.texts:
            for o in _list(opened.json(OBJECTIONS_ENTRY)):
                attachments = o.get("attachments", [])
                if not isinstance(attachments, list) or not isinstance(o["id"], int):
                    raise TypeError("objection")
                packed = PackedObjection(
                    o["id"],
                    _text(o["sha256"]),
                    _text(o["item_id"]),
                    _text(o["reason"]),
                    dt.date.fromisoformat(_text(o["filed_on"])),
                    dt.date.fromisoformat(_text(o["deadline"])),
                    _text(o["original_reviewer"]),
                    float(o["original_deduction"]),
                    _text(o.get("unit", "")),
                    _text(o.get("filed_by", "")),
                    tuple(_text(a) for a in attachments),
                )
                if packed.sha256 not in shas:
                    raise ValueError(packed.sha256)
                objections.append(packed)
    except (KeyError, TypeError, ValueError, OverflowError) as exc:
        raise refused(path, "followup_malformed") from exc
    return ReviewFollowUp(tuple(reasons), tuple(objections))


def load_review_followup(
    session: Session,
    path: Path,
    session_id: int,
    reviewer: str,
    standard_id: str,
    known_items: Collection[str],
    followup: ReviewFollowUp,
    case_ids: dict[str, int],
) -> tuple[int, int]:
    """Import the reasons (audited by the reasons store) and copy the objections not copied yet
    (audited); (reasons added, objections copied). Opening the package again adds nothing."""
    added = 0
    try:
        for source in ReasonSource:
            entries = [r.entry for r in followup.reasons if r.source is source]
            if entries:
                result = import_entries(
                    session, standard_id, entries, reviewer, known_items=known_items, source=source
                )
                added += result.added
    except InputError as exc:
        raise refused(path, "followup_reasons_invalid", error=describe(exc)) from exc
    outcomes = session.scalars(select(ObjectionRow.outcome).where(ObjectionRow.session_id == session_id))
    copied = {offline_origin(o) for o in outcomes} - {None}
    count = 0
    for o in followup.objections:
        if o.id in copied:
            continue
        row = ObjectionRow(
            session_id=session_id,
            case_id=case_ids[o.sha256],
            review_id=None,  # the review that counts is the lead's: the score changes at the merge
            unit=o.unit,
            item_id=o.item_id,
            reason=o.reason,
            filed_on=o.filed_on,
            deadline=o.deadline,
            filed_by=o.filed_by,
            original_reviewer=o.original_reviewer,
            original_deduction=o.original_deduction,
            status=ObjectionStatus.PENDING.value,
            outcome={ORIGIN: o.id, "package": path.name},
            version=1,
        )
        session.add(row)
        session.flush()
        after = {"objection": row.id, ORIGIN: o.id, "package": path.name, "attachments": list(o.attachments)}
        write_audit(
            session, AuditAction.OBJECTION, reviewer, case_id=row.case_id, item_id=row.item_id, after=after
        )
        count += 1
    return added, count


# -- the reviewer's results package --------------------------------------------------------------


def results_entry(session: Session, info: SessionInfo, reviewer: str, cases: Sequence[SessionCase]) -> Entry:
    """``followup.json``: the reviewer's objection decisions, reasons and uses of reasons."""
    sha = case_sha256s(session, [c.case_id for c in cases])
    verdicts: list[dict[str, Any]] = []
    decided = select(ObjectionRow).where(
        (ObjectionRow.session_id == info.id) & (ObjectionRow.status != ObjectionStatus.PENDING.value)
    )
    for row in session.scalars(decided.order_by(ObjectionRow.id)):
        origin = offline_origin(row.outcome)
        if origin is None or row.decided_by != reviewer or row.case_id not in sha:
            continue
        assert row.decided_at is not None
        verdicts.append(
            {
                "origin": origin,
                "sha256": sha[row.case_id],
                "item_id": row.item_id,
                "verdict": row.status,
                "reason": row.decision_reason or "",
                "deduction": row.outcome.get("new_deduction"),
                "decided_at": row.decided_at.isoformat(),
            }
        )
    library = {r.id: r for r in list_reasons(session, info.standard_id)}
    uses: list[dict[str, Any]] = []
    audit = select(AuditLogRow).where(
        (AuditLogRow.action == AuditAction.REASON.value)
        & AuditLogRow.case_id.in_(list(sha))
        & (AuditLogRow.actor == reviewer)
    )
    for entry in session.scalars(audit.order_by(AuditLogRow.id)):
        after = entry.after
        if not isinstance(after, dict) or "used" not in after or after.get("reason") not in library:
            continue
        if "origin" in after:  # counted here from another package: not this reviewer's use here
            continue
        reason = library[after["reason"]]
        assert entry.case_id is not None
        at = entry.at.astimezone(dt.UTC).isoformat()
        uses.append({"sha256": sha[entry.case_id], "item_id": reason.item_id, "text": reason.text, "at": at})
    used = {(u["item_id"], u["text"]) for u in uses}
    reasons = [
        _reason_json(r)
        for r in library.values()
        if (r.source is ReasonSource.REVIEWER and r.added_by == reviewer) or (r.item_id, r.text) in used
    ]
    data = {"standard": info.standard_id, "objections": verdicts, "reasons": reasons, "uses": uses}
    return Entry(FOLLOWUP_ENTRY, data=json_bytes(data))


def read_results_followup(opened: OpenedPackage) -> ResultsFollowUp:
    """``followup.json`` back (empty for a package made before it); refused when malformed."""
    if FOLLOWUP_ENTRY not in opened.texts:
        return ResultsFollowUp()
    try:
        data = opened.json(FOLLOWUP_ENTRY)
        verdicts = []
        for v in _list(data["objections"]):
            deduction = v.get("deduction")
            if not isinstance(v["origin"], int):
                raise TypeError("origin")
            verdicts.append(
                PackedVerdict(
                    v["origin"],
                    _text(v["sha256"]),
                    _text(v["item_id"]),
                    ObjectionStatus(v["verdict"]),
                    _text(v["reason"]),
                    None if deduction is None else float(deduction),
                    _aware(v["decided_at"]),
                )
            )
        reasons = [_reason_from(r) for r in _list(data["reasons"])]
        uses = [
            PackedUse(_text(u["sha256"]), _text(u["item_id"]), _text(u["text"]), _aware(u["at"]).isoformat())
            for u in _list(data["uses"])
        ]
        return ResultsFollowUp(_text(data["standard"]), tuple(verdicts), tuple(reasons), tuple(uses))
    except (KeyError, TypeError, ValueError, OverflowError) as exc:
        raise refused(opened.path, "results_followup_malformed") from exc
