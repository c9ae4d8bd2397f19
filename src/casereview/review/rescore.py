"""Re-scoring stored reviews under a new version of their standard, and the Chinese report of what
changed. The scoring itself is plugged in as a :data:`Scorer`, so this module knows nothing of how
a standard weighs its items.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath

from sqlalchemy.orm import Session

from casereview.db.repository import list_cases
from casereview.review.records import StandardMeta, StoredDecision, StoredFinding
from casereview.review.store import latest_reviews, load_review

# (stored machine findings, active reviewer decisions) → (score, grade, reasons). ``reasons`` are
# Chinese sentences saying what the new standard weighs differently (e.g. "T-12 扣分由 2 分改为 5 分").
Scorer = Callable[[list[StoredFinding], list[StoredDecision]], tuple[float, str, list[str]]]


@dataclass(frozen=True)
class RescoreChange:
    case_id: int
    review_id: int
    case_label: str  # the reviewer's label, else the first 案号, else the file name
    old_standard: StandardMeta
    standard: StandardMeta  # the version re-scored with
    old_score: float
    old_grade: str
    new_score: float
    new_grade: str
    reasons: list[str]

    @property
    def grade_changed(self) -> bool:
        return self.old_grade != self.new_grade


def _labels(session: Session) -> dict[int, str]:
    return {
        case.id: case.label or case.case_number or PurePath(case.source).name or f"#{case.id}"
        for case in list_cases(session)
    }


def rescore(session: Session, scorer: Scorer, standard_meta: StandardMeta) -> list[RescoreChange]:
    """Re-score the newest review of every case reviewed with ``standard_meta.id``.

    The stored findings and the reviewer's active decisions are scored again by ``scorer``;
    reviews whose score or grade would change are returned, grade changes first. Nothing is
    written: storing the new result is a new review, the caller's decision.
    """
    labels = _labels(session)
    changes: list[RescoreChange] = []
    for summary in latest_reviews(session, standard_meta.id):
        review = load_review(session, summary.id)
        score, grade, reasons = scorer(list(review.findings), list(review.decisions))
        if math.isclose(score, summary.score, abs_tol=1e-9) and grade == summary.grade:
            continue
        changes.append(
            RescoreChange(
                case_id=summary.case_id,
                review_id=summary.id,
                case_label=labels.get(summary.case_id, f"#{summary.case_id}"),
                old_standard=summary.standard,
                standard=standard_meta,
                old_score=summary.score,
                old_grade=summary.grade,
                new_score=score,
                new_grade=grade,
                reasons=list(reasons),
            )
        )
    changes.sort(key=lambda change: (not change.grade_changed, change.case_id))
    return changes


def _points(value: float) -> str:
    return f"{value:g}"


def _line(change: RescoreChange) -> list[str]:
    head = (
        f"  {change.case_label}（案卷 #{change.case_id}，评查 #{change.review_id}）："
        f"{_points(change.old_score)} 分 {change.old_grade} → {_points(change.new_score)} 分 {change.new_grade}"
    )
    reasons = [f"    · {reason}" for reason in change.reasons] or ["    · （评分程序未说明原因）"]
    return [head, *reasons]


def format_rescore_report(changes: list[RescoreChange]) -> str:
    """The Chinese report: which cases change grade (and why), then score-only changes."""
    if not changes:
        return "按新版评查标准重新评分后，没有案卷的分数或等次发生变化。"
    standard = changes[0].standard
    graded = [c for c in changes if c.grade_changed]
    scored = [c for c in changes if not c.grade_changed]
    lines = [
        f"按评查标准 {standard.id}（版本 {standard.version}）重新评分："
        f"{len(graded)} 个案卷等次变化，{len(scored)} 个案卷仅分数变化。"
    ]
    if graded:
        lines.append("等次变化：")
        for change in graded:
            lines.extend(_line(change))
    if scored:
        lines.append("分数变化（等次不变）：")
        for change in scored:
            lines.extend(_line(change))
    return "\n".join(lines)
