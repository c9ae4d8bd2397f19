"""The marks a review puts on the pages: each failing or doubtful finding's evidence, each manual
deduction's region, and (when asked) every extracted field's place."""

from __future__ import annotations

from casereview.domain.findings import Status
from casereview.domain.model import Extraction
from casereview.scoring import ScoreSheet
from casereview_ui.fieldrows import field_rows
from casereview_ui.review.panel import mark_kind
from casereview_ui.viewer.marks import Mark, MarkKind


def review_marks(sheet: ScoreSheet, fields: Extraction | None = None) -> list[Mark]:
    """The marks of ``sheet``, and of the fields of ``fields`` if given."""
    marks: list[Mark] = []
    for result in sheet.items:
        for finding in result.findings:
            if finding.status not in (Status.FAIL, Status.NEEDS_REVIEW):
                continue
            kind = mark_kind(result, finding.status)
            tip = f"{result.item_id} {finding.rule}：{finding.message}"
            marks.extend(Mark(e.page, e.bbox, kind, tip, result.item_id) for e in finding.evidence)
        decision = result.decision
        if decision is not None and decision.region is not None:
            tip = f"{result.item_id} 人工扣分：{decision.reason}"
            marks.append(
                Mark(decision.region.page, decision.region.bbox, MarkKind.MANUAL, tip, result.item_id)
            )
    if fields is not None:
        for row in field_rows(fields):
            if row.evidence is not None:
                ev = row.evidence
                marks.append(Mark(ev.page, ev.bbox, MarkKind.FIELD, f"{row.label}：{row.text}", row.name))
    return marks
