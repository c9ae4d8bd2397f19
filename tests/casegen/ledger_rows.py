"""A review session's follow-up rows written straight into a database: case files (rows only, no
pages), one notice per unit, rectification items in every status with some overdue, and
objections. For the window's screenshots and the ledger bench (2,000 cases, 6,000 items): the
rows are what the ledger and the objection list read, so their cost is measured, not casegen's."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from dataclasses import dataclass

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from casereview.db import Database
from casereview.db.models import CaseFileRow
from casereview.db.rectify_models import (
    ObjectionRow,
    RectifyAttachmentRow,
    RectifyItemRow,
    RectifyNoticeRow,
    RectifyReportLinkRow,
)
from casereview.db.session_models import SessionCaseRow
from casereview.sessions.store import create_session

UNITS = (
    "攸县交通运输局", "醴陵市交通运输局", "株洲市交通运输综合行政执法支队", "湘潭县交通运输局",
    "衡东县交通运输局", "岳阳市交通运输综合行政执法支队", "常德市港航事务中心", "吉林市地方海事局",
)  # fmt: skip
# (item, title, rules, reason as the notice prints it)
PROBLEMS = (
    ("ZT-02", "调查取证执法人员不少于两人并持有执法证件", ["P-01"], "询问笔录仅记载一名执法人员"),
    ("JA-02", "行政处罚决定依法按期公示", ["T-12"], "决定作出后 27 个工作日才公示，超过 20 个工作日的期限"),
    ("WS-07", "送达回证填写完整", ["W-01"], "送达回证缺少受送达人签名"),
    (
        "CX-02",
        "自立案之日起九十日内作出处罚决定",
        ["T-01"],
        "自立案至作出决定共 104 日，超过 90 日的办案期限",
    ),
    ("CX-03", "听证申请期限届满后方作出决定", ["T-03"], "违法行为通知书送达后仅 3 个工作日即作出决定"),
    ("FL-02", "适用法律依据正确、条款具体", ["P-05"], "决定书未引用具体条、款、项"),
    ("JA-03", "结案报告经负责人审批", ["P-11"], "结案报告无负责人审批签字"),
)
DECISIONS = {
    "upheld": "补充材料不能证明已履行该程序，维持原评查结论",
    "changed": "送达回证原件载有受送达人签名，扫描件缺页，变更为不扣分",
}
STATUSES = ("open", "open", "reported", "rectified", "not_rectified", "closed")


def _case_rows(session: Session, sid: int, cases: int, now: dt.datetime) -> list[int]:
    if not cases:
        return []
    first = session.scalar(select(CaseFileRow.id).order_by(CaseFileRow.id.desc()).limit(1)) or 0
    case_rows = []
    for n in range(cases):
        unit = UNITS[n % len(UNITS)]
        case_rows.append(
            {"sha256": f"{sid:08x}{first + n + 1:056x}", "source": f"/案卷/{unit}/案卷{n + 1:04d}.pdf",
             "kind": "pdf", "page_count": 24, "imported_at": now, "notices": [], "file_hashes": {},
             "unit": unit, "label": f"{unit[:2]}交执罚〔2026〕第{n + 1:04d}号", "case_type": "penalty"}
        )  # fmt: skip
    session.execute(insert(CaseFileRow), case_rows)
    query = select(CaseFileRow.id).where(CaseFileRow.id > first).order_by(CaseFileRow.id)
    ids = list(session.scalars(query))
    session.execute(
        insert(SessionCaseRow),
        [{"session_id": sid, "case_id": c, "unit": UNITS[i % len(UNITS)], "status": "done",
          "final_review_id": None, "version": 1} for i, c in enumerate(ids)],
    )  # fmt: skip
    return ids


def _reports(session: Session, sid: int, now: dt.datetime) -> None:
    """One 整改报告 per unit, linked to its items that are past 待整改 (as attach_report would)."""
    answered = ("reported", "rectified", "closed")
    rows = session.execute(
        select(RectifyItemRow.id, RectifyItemRow.unit)
        .where((RectifyItemRow.session_id == sid) & RectifyItemRow.status.in_(answered))
        .order_by(RectifyItemRow.id)
    ).all()
    by_unit: dict[str, list[int]] = {}
    for item_id, unit in rows:
        by_unit.setdefault(unit, []).append(item_id)
    links = []
    for unit, item_ids in by_unit.items():
        content = f"{unit}整改报告".encode()
        attachment = RectifyAttachmentRow(
            session_id=sid, unit=unit, purpose="report", file_name=f"{unit}整改报告.pdf", kind="pdf",
            sha256=hashlib.sha256(content).hexdigest(), size=len(content), content=content,
            attached_by="乙", attached_at=now,
        )  # fmt: skip
        session.add(attachment)
        session.flush()
        links += [{"attachment_id": attachment.id, "item_id": i} for i in item_ids]
    if links:
        session.execute(insert(RectifyReportLinkRow), links)


@dataclass(frozen=True)
class Populated:
    session_id: int
    session_name: str
    case_ids: list[int]
    items: int
    objections: int


def populate(
    database: Database,
    *,
    cases: int = 40,
    items_per_case: int = 3,
    objections_every: int = 7,
    objections_per_case: int = 1,
    issued: dt.date = dt.date(2026, 3, 2),
    deadline: dt.date = dt.date(2026, 4, 14),
    name: str = "2026年度评查",
    seed: int = 15,
    existing: int | None = None,
) -> Populated:
    """A new session of ``cases`` case rows (or the session ``existing`` with its cases) with a
    notice per unit, ``items_per_case`` ledger items per case and objections on some cases."""
    rnd = random.Random(seed)
    now = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    with database.session_scope() as session:
        if existing is None:
            sid = create_session(session, name, 2026, "transport_penalty", "组长")
            ids = _case_rows(session, sid, cases, now)
            units = [UNITS[i % len(UNITS)] for i in range(len(ids))]
        else:
            sid = existing
            rows = session.execute(
                select(SessionCaseRow.case_id, SessionCaseRow.unit)
                .where(SessionCaseRow.session_id == sid)
                .order_by(SessionCaseRow.id)
            ).all()
            ids, units = [r[0] for r in rows], [r[1] for r in rows]
        notices = {}
        for unit in dict.fromkeys(units):
            row = RectifyNoticeRow(
                session_id=sid, unit=unit, doc_number="湘交执法〔2026〕3号", issued=issued, rectify_days=30,
                deadline=deadline, objection_days=10, objection_deadline=issued + dt.timedelta(days=14),
                recorded_by="组长", recorded_at=now,
            )  # fmt: skip
            session.add(row)
            session.flush()
            notices[unit] = row.id
        items, objections = [], []
        for i, (case_id, unit) in enumerate(zip(ids, units, strict=True)):
            for k, (item, title, rules, reason) in enumerate(rnd.sample(PROBLEMS, items_per_case)):
                status = STATUSES[(i + k) % len(STATUSES)]
                late = status in ("open", "not_rectified") and (i + k) % 3 == 0
                items.append(
                    {"notice_id": notices[unit], "session_id": sid, "case_id": case_id, "review_id": None,
                     "unit": unit, "item_id": item, "title": title, "rules": rules, "reason": reason,
                     "deadline": deadline - dt.timedelta(days=60) if late else deadline, "status": status,
                     "note": "公示记录仍未归卷" if status == "not_rectified" else "", "verified_by": None,
                     "verified_at": None, "closed_by": "组长" if status == "closed" else None,
                     "closed_at": now if status == "closed" else None, "recheck_review_id": None, "version": 1}
                )  # fmt: skip
                if k < objections_per_case and i % objections_every == 0:
                    verdict = ("upheld", "pending", "changed")[(i // objections_every + k) % 3]
                    decided = verdict != "pending"
                    objections.append(
                        {"session_id": sid, "case_id": case_id, "review_id": None, "unit": unit, "item_id": item,
                         "reason": "该问题已在补充材料中说明，请求复核", "filed_on": issued + dt.timedelta(days=5),
                         "deadline": issued + dt.timedelta(days=14), "filed_by": unit,
                         "original_reviewer": "甲", "original_deduction": 2.0,
                         "status": verdict,
                         "decision_reason": DECISIONS.get(verdict),
                         "decided_by": "组长" if decided else None, "decided_at": now if decided else None,
                         "outcome": None, "version": 1}
                    )  # fmt: skip
        if items:
            session.execute(insert(RectifyItemRow), items)
        _reports(session, sid, now)
        if objections:
            session.execute(insert(ObjectionRow), objections)
    return Populated(sid, name, ids, len(items), len(objections))
