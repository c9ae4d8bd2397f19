"""Re-scoring with a standard: the :data:`casereview.review.rescore.Scorer` the CLI and GUI plug in,
the reasons a new version scores a case differently, and storing the new scores as new reviews.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from casereview.review import codec
from casereview.review.audit import write_audit
from casereview.review.decisions import fit_decisions, to_stored_decision
from casereview.review.records import AuditAction, StoredDecision, StoredFinding
from casereview.review.service import sheet_meta
from casereview.review.store import (
    create_review,
    latest_reviews,
    load_review,
    record_decision,
    update_review_score,
)
from casereview.scoring import ScoreSheet, score_case
from casereview.standards.schema import Item, Standard


def _pts(value: float) -> str:
    return f"{value:g}"


def _why(old: Item, new: Item) -> str:
    """Why the same item deducts differently under two versions (the first difference that matters)."""
    if not math.isclose(old.points, new.points):
        return f"分值调整：该项 {_pts(old.points)} → {_pts(new.points)} 分"
    if (old.deduction, old.per_violation) != (new.deduction, new.per_violation):
        per = f"每处 {_pts(new.per_violation)} 分" if new.per_violation else "不符合即扣全部分值"
        return f"扣分方式调整为{per}"
    if old.manual != new.manual:
        return "改为人工评查项" if new.manual else "改为由规则评查"
    if old.rules != new.rules:
        return f"检查规则调整为 {'、'.join(new.rules) or '无'}"
    return "评查标准调整"


def _item_reasons(old: ScoreSheet, new: ScoreSheet, old_standard: Standard, standard: Standard) -> list[str]:
    reasons: list[str] = []
    before = {r.item_id: r for r in old.items}
    for result in new.items:
        was = before.pop(result.item_id, None)
        if was is None:
            if result.deduction > 0:
                reasons.append(f"{result.item_id} {result.title}：新增评查项，扣分 {_pts(result.deduction)}")
            continue
        if not math.isclose(was.deduction, result.deduction):
            why = _why(old_standard.item(was.item_id), standard.item(result.item_id))
            reasons.append(
                f"{result.item_id} {result.title}：扣分 {_pts(was.deduction)} → {_pts(result.deduction)}（{why}）"
            )
    for gone in before.values():
        if gone.deduction > 0:
            reasons.append(
                f"{gone.item_id} {gone.title}：新版标准已删除该项，原扣分 {_pts(gone.deduction)} 不再计"
            )
    return reasons


def _trigger_reasons(old: ScoreSheet, new: ScoreSheet) -> list[str]:
    labels = {"veto": "一票否决", "cap": "等次封顶"}
    before = {t.id: t for t in (*old.vetoes, *old.caps) if t.triggered}
    after = {t.id: t for t in (*new.vetoes, *new.caps) if t.triggered}
    started = [
        f"{labels[t.kind]} {t.id} {t.title}：新版标准下触发" for i, t in after.items() if i not in before
    ]
    ended = [
        f"{labels[t.kind]} {t.id} {t.title}：新版标准下不再触发" for i, t in before.items() if i not in after
    ]
    return started + ended


def change_reasons(old: ScoreSheet, new: ScoreSheet, old_standard: Standard, standard: Standard) -> list[str]:
    """Chinese sentences: the items whose deduction changed and why, totals, grade bands, vetoes, caps."""
    reasons = _item_reasons(old, new, old_standard, standard)
    if not math.isclose(old.total, new.total):
        reasons.append(f"总分 {_pts(old.total)} → {_pts(new.total)}")
    bands = [(g.name, g.min) for g in standard.grades]
    if [(g.name, g.min) for g in old_standard.grades] != bands and old.score_grade != new.score_grade:
        reasons.append("等次分数线调整：" + "，".join(f"{name} ≥{_pts(low)}" for name, low in bands))
    return reasons + _trigger_reasons(old, new)


@dataclass(frozen=True)
class StandardScorer:
    """Scores stored findings and decisions with ``standard`` (a :data:`~casereview.review.rescore.Scorer`).

    ``baseline`` is the version the stored reviews were scored with, when it is at hand (the
    installed file while a new one is being tried): the reasons then name every item whose
    deduction changes and why. Without it they list the new version's deductions.
    """

    standard: Standard
    profile: str | None = None
    baseline: Standard | None = None

    def sheet(
        self, standard: Standard, findings: Sequence[StoredFinding], decisions: Sequence[StoredDecision]
    ) -> tuple[ScoreSheet, list[str]]:
        fitted, notes = fit_decisions(standard, decisions)
        profile = self.profile if self.profile in {p.name for p in standard.profiles} else None
        return score_case(standard, profile, [f.to_finding() for f in findings], fitted), notes

    def __call__(
        self, findings: list[StoredFinding], decisions: list[StoredDecision]
    ) -> tuple[float, str, list[str]]:
        new, notes = self.sheet(self.standard, findings, decisions)
        if self.baseline is not None:
            old, _ = self.sheet(self.baseline, findings, decisions)
            reasons = change_reasons(old, new, self.baseline, self.standard)
        else:
            deducted = [
                f"{r.item_id} {r.title} 扣 {_pts(r.deduction)} 分" for r in new.items if r.deduction > 0
            ]
            reasons = [
                f"原版本无法逐项比对；按版本 {self.standard.version}：{'；'.join(deducted) or '无扣分'}"
            ]
        return new.score, new.grade, reasons + notes


def apply_rescore(session: Session, scorer: StandardScorer, actor: str) -> list[tuple[int, int]]:
    """Store the newest review of every case made under another version of ``scorer.standard`` again,
    scored with it: a new review (machine score from the findings) with the still-fitting decisions
    copied (reviewer and time kept). Returns (old review id, new review id) pairs.
    """
    standard = scorer.standard
    target = standard.content_hash()
    stored: list[tuple[int, int]] = []
    for summary in latest_reviews(session, standard.id):
        if summary.standard.hash == target:
            continue
        review = load_review(session, summary.id)
        keep = StandardScorer(standard, scorer.profile or summary.profile)
        machine, _ = keep.sheet(standard, review.findings, [])
        new_id = create_review(
            session,
            summary.case_id,
            sheet_meta(machine),
            machine.profile,
            actor,
            machine.findings,
            machine.score,
            machine.grade,
        )
        fitted, _notes = fit_decisions(standard, review.decisions)
        for item_id, decision in fitted.items():
            record_decision(session, new_id, to_stored_decision(item_id, decision), actor)
        sheet, _ = keep.sheet(standard, review.findings, review.decisions)
        if fitted:
            update_review_score(session, new_id, sheet.score, sheet.grade, actor)
        before = {"review": summary.id, "standard": codec.standard_json(summary.standard)}
        write_audit(
            session,
            AuditAction.RESCORE,
            actor,
            review_id=new_id,
            case_id=summary.case_id,
            before=before | {"score": summary.score, "grade": summary.grade},
            after={
                "standard": codec.standard_json(sheet_meta(sheet)),
                "score": sheet.score,
                "grade": sheet.grade,
            },
        )
        stored.append((summary.id, new_id))
    return stored
