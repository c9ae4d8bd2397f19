"""The sheets-only collection of a session's stored cases (the 通报 of 2,000 cases in < 20 s):
cases with a stored review, a known unit and no training tag come from a few bulk queries —
their rows, tags and reviews — without pages, documents or extraction. What it cannot settle
(tagged cases, which the 通报 names from their pages; a unit nobody recorded; a case never
reviewed; a checker that picks the standard by case type) it leaves to :mod:`collect`'s
one-case-at-a-time path, so the figures are the same either way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from casereview.checking import Checker
from casereview.db import Database
from casereview.db.cases import CaseRecord, case_records
from casereview.db.review_models import ReviewRow, TrainingTagRow
from casereview.domain.model import CaseFile, Extraction
from casereview.export.model import ReviewedCase
from casereview.pipeline import Analysis
from casereview.review.service import score_review
from casereview.review.store import load_reviews

CHUNK = 500  # ids per IN (…): well below SQLite's bound on host parameters


def light_analysis(row: CaseRecord) -> Analysis:
    """The case without its pages, documents or extraction: enough for the figures of a sheet."""
    case = CaseFile(row.source, row.sha256, row.kind, notices=list(row.notices))
    return Analysis(case, [], Extraction(), row.id)


def _chunks(ids: Sequence[int]) -> list[list[int]]:
    return [list(ids[i : i + CHUNK]) for i in range(0, len(ids), CHUNK)]


def _newest(session: Session, ids: Sequence[int], standard_id: str) -> dict[int, int]:
    """Case id → its newest review under ``standard_id`` (as ``reviews_of_case`` orders them)."""
    best: dict[int, tuple[dt.datetime, int]] = {}
    for part in _chunks(ids):
        query = select(ReviewRow.id, ReviewRow.case_id, ReviewRow.created_at).where(
            ReviewRow.case_id.in_(part) & (ReviewRow.standard_id == standard_id)
        )
        for review_id, case_id, created in session.execute(query):
            key = (created, review_id)
            if case_id not in best or key > best[case_id]:
                best[case_id] = key
    return {case_id: key[1] for case_id, key in best.items()}


def collect_sheets(
    database: Database,
    case_ids: Sequence[int],
    checker: Checker,
    final_reviews: Mapping[int, int],
    units: Mapping[int, str],
) -> dict[int, ReviewedCase]:
    """The cases it can give without pages, by case id; the rest are not in the result."""
    if checker.kinds is not None:  # the standard depends on the case type: one at a time
        return {}
    with database.session_scope(readonly=True) as session:
        rows = case_records(session, case_ids)
        tagged: set[int] = set()
        for part in _chunks(case_ids):
            tagged |= set(
                session.scalars(select(TrainingTagRow.case_id).where(TrainingTagRow.case_id.in_(part)))
            )
        unsettled = [c for c in case_ids if c not in final_reviews]
        picked = _newest(session, unsettled, checker.standard.id) | dict(final_reviews)
        light = [
            c
            for c in dict.fromkeys(case_ids)
            if c in rows and c not in tagged and c in picked and (units.get(c) or rows[c].unit)
        ]
        reviews = load_reviews(session, [picked[c] for c in light])
        found: dict[int, ReviewedCase] = {}
        for case_id in light:
            review = reviews.get(picked[case_id])
            if review is None:
                continue
            row = rows[case_id]
            sheet = score_review(checker.standard, review)
            deciders = sorted({d.reviewer for d in review.decisions})
            reviewer = "、".join(deciders) if deciders else review.summary.reviewer
            unit = units.get(case_id) or row.unit or ""
            analysis = light_analysis(row)
            found[case_id] = ReviewedCase(
                analysis, sheet, unit, reviewer, review.summary.updated_at, case_id, review.id, ()
            )
    return found
