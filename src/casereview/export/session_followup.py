"""What a session workbook adds after the scores (issue 15): the 整改台账 (items with status,
deadline and working days overdue), the 异议复核 (objections and their decisions) and the
常用理由 (the session standard's reason library with its usage counts) — each sheet only when the
session has rows for it, so a session without follow-up keeps the workbook it always had.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from casereview.db.cases import case_labels_of
from casereview.export.rectify_ledger import (
    LEDGER,
    OBJECTIONS,
    items_sheet,
    objections_sheet,
    row_values,
    table,
)
from casereview.reasons.model import Reason
from casereview.reasons.store import list_reasons
from casereview.rectify.ledger import list_items
from casereview.rectify.model import Objection, RectifyItem
from casereview.rectify.objections import list_objections
from casereview.sessions.store import get_session

REASONS = "常用理由"
SOURCE_LABELS = {"standard": "随评查标准", "reviewer": "评查人员添加", "import": "导入"}
REASON_HEAD = (
    ("评查项目", 10),
    ("理由", 50),
    ("法律依据", 40),
    ("来源", 12),
    ("添加人", 10),
    ("使用次数", 9),
)


@dataclass(frozen=True)
class SessionFollowUp:
    session_name: str
    items: tuple[RectifyItem, ...] = ()
    objections: tuple[Objection, ...] = ()
    reasons: tuple[Reason, ...] = ()
    labels: dict[int, str] = field(default_factory=dict)  # case id → 案号 / label


def session_followup(session: Session, session_id: int, today: dt.date | None = None) -> SessionFollowUp:
    """The session's ledger, objections and its standard's reasons (overdue counted at ``today``)."""
    info = get_session(session, session_id)
    items = list_items(session, session_id, today=today)
    objections = list_objections(session, session_id)
    labels = case_labels_of(session, {i.case_id for i in items} | {o.case_id for o in objections})
    reasons = list_reasons(session, info.standard_id)
    return SessionFollowUp(info.name, tuple(items), tuple(objections), tuple(reasons), labels)


def _reasons_sheet(ws: Any, reasons: tuple[Reason, ...]) -> None:
    table(ws, "常用理由及使用次数", REASON_HEAD)
    for row, reason in enumerate(reasons, 3):
        values = (
            reason.item_id,
            reason.text,
            "；".join(reason.basis),
            SOURCE_LABELS.get(reason.source.value, reason.source.value),
            reason.added_by,
            reason.use_count,
        )
        row_values(ws, row, values)


def add_followup_sheets(workbook: Any, followup: SessionFollowUp) -> list[str]:
    """Append the sheets the session has rows for; their names."""
    added: list[str] = []
    if followup.items:
        items_sheet(workbook.create_sheet(LEDGER), followup.session_name, followup.items, followup.labels)
        added.append(LEDGER)
    if followup.objections:
        objections_sheet(workbook.create_sheet(OBJECTIONS), followup.objections, followup.labels)
        added.append(OBJECTIONS)
    if followup.reasons:
        _reasons_sheet(workbook.create_sheet(REASONS), followup.reasons)
        added.append(REASONS)
    return added
