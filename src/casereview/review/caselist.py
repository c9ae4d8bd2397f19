"""The stored case list: every case file with its newest review, in one query.

The GUI's case list and its filters (执法单位, 状态, 等级, 评查人员) read these rows. One query with
outer joins instead of one per case: the list must stay instant with thousands of stored cases.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from casereview.db import convert
from casereview.db.cases import case_heads
from casereview.db.review_models import ReviewRow
from casereview.review.records import ReviewStatus

# The status texts the case list shows and filters on.
PENDING: Final = "待评查"  # no review yet
IN_PROGRESS: Final = "评查中"
DONE: Final = "已完成"
_STATUS_TEXT: Final = {ReviewStatus.IN_PROGRESS.value: IN_PROGRESS, ReviewStatus.DONE.value: DONE}


@dataclass(frozen=True)
class CaseListRow:
    """One stored case file and its newest review (the review fields are empty/None without one)."""

    case_id: int
    source: str
    name: str  # the label the reviewer gave it, else the file name
    case_number: str  # the first 案号 extracted, "" when none
    party: str  # the first party's name, "" when none
    unit: str  # 执法单位, "" when unknown
    page_count: int
    imported_at: dt.datetime  # aware, UTC
    review_id: int | None
    status: str  # PENDING | IN_PROGRESS | DONE
    score: float | None
    grade: str
    reviewer: str
    updated_at: dt.datetime | None  # of the review


def file_name(source: str) -> str:
    """The last part of a stored source path, whichever OS's separators it was stored with."""
    stripped = source.rstrip("/\\")
    return stripped.replace("\\", "/").rsplit("/", 1)[-1] or source


def case_list(session: Session, standard_id: str | tuple[str, ...] | None = None) -> list[CaseListRow]:
    """Every stored case file with its newest review (of ``standard_id`` when given, or of any of
    several: the standards of the case types), newest first."""
    newest = select(ReviewRow.case_id, func.max(ReviewRow.id).label("review_id")).group_by(ReviewRow.case_id)
    if isinstance(standard_id, str):
        newest = newest.where(ReviewRow.standard_id == standard_id)
    elif standard_id is not None:
        newest = newest.where(ReviewRow.standard_id.in_(standard_id))
    latest = newest.subquery("latest")
    cases = case_heads()
    query = (
        select(
            cases.c.id,
            cases.c.source,
            cases.c.label,
            cases.c.unit,
            cases.c.page_count,
            cases.c.imported_at,
            cases.c.case_number,
            cases.c.party,
            ReviewRow.id,
            ReviewRow.status,
            ReviewRow.score,
            ReviewRow.grade,
            ReviewRow.reviewer,
            ReviewRow.updated_at,
        )
        .outerjoin(latest, latest.c.case_id == cases.c.id)
        .outerjoin(ReviewRow, ReviewRow.id == latest.c.review_id)
        .order_by(cases.c.imported_at.desc(), cases.c.id.desc())
    )
    rows: list[CaseListRow] = []
    for (
        case_id,
        source,
        label,
        unit,
        page_count,
        imported_at,
        number_value,
        party_value,
        review_id,
        status,
        score,
        grade,
        reviewer,
        updated_at,
    ) in session.execute(query):
        rows.append(
            CaseListRow(
                case_id=case_id,
                source=source,
                name=label or file_name(source),
                case_number=convert.first_value_text(number_value) or "",
                party=convert.first_value_text(party_value) or "",
                unit=unit or "",
                page_count=page_count,
                imported_at=imported_at,
                review_id=review_id,
                status=PENDING if review_id is None else _STATUS_TEXT.get(status, IN_PROGRESS),
                score=score,
                grade=grade or "",
                reviewer=reviewer or "",
                updated_at=updated_at,
            )
        )
    return rows
