"""A settled review session for the 通报 tests: six generated cases of three units, each reviewed
in the workbench with its own deductions (so the units' grades differ), settled (final reviews),
two of them tagged for training."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from casegen import generate_case
from casereview.checking import Checker
from casereview.db import Database, load_case, open_database
from casereview.pipeline import Analysis
from casereview.review.workbench import Workbench
from casereview.scoring import ItemStatus
from casereview.sessions.double import settle
from casereview.sessions.importing import import_cases
from casereview.sessions.store import add_reviewer, assign, create_session, session_cases
from casereview.training.tags import TrainingTag, add_tag

SESSION = "2026年度案卷评查"
LEAD = "组长"
UNITS = ("东莞市交通运输局", "江门市交通运输局", "佛山市交通运输局")
# case → (unit, reviewer, {item: deduction}); reviewers never review their own unit
PLAN: dict[str, tuple[str, str, dict[str, float]]] = {
    "A1": (UNITS[0], "乙", {}),  # 100 优秀
    "A2": (UNITS[0], "乙", {"SS-01": 8, "CX-01": 4}),  # 88 良好
    "B1": (UNITS[1], "甲", {"SS-01": 8, "SS-02": 5, "CX-01": 4}),  # 83 良好
    "B2": (UNITS[1], "甲", {"SS-02": 3}),  # 97 优秀
    "C1": (UNITS[2], "甲", {"SS-01": 9, "SS-02": 5, "ZT-02": 6, "FL-01": 4, "CX-02": 3}),  # 73 合格
    "C2": (  # 56 不合格 (partial deductions: no item is lost whole, so no veto)
        UNITS[2],
        "乙",
        {
            "SS-01": 9,
            "SS-02": 5,
            "ZT-02": 6,
            "FL-01": 4,
            "CX-01": 4,
            "WS-01": 4,
            "FL-02": 3,
            "CX-02": 3,
            "CX-03": 2,
            "SS-03": 2,
            "SS-04": 2,
        },
    ),
}
PHONE_IN_NOTE = "13912345678"
TAGS = {
    "A1": (TrainingTag.GOOD, "文书制作规范，证据链完整"),
    "C2": (TrainingTag.POOR, f"多项程序缺失，当事人联系电话{PHONE_IN_NOTE}未核实"),
}


@dataclass
class Built:
    database: Database
    url: str
    session_id: int
    case_ids: dict[str, int]
    machine: dict[str, float]  # the machine's score of each case before any decision


def build_session(folder: Path, url: str | None = None) -> Built:
    """The session in a new SQLite file in ``folder`` (or the database at ``url``)."""
    url = url or f"sqlite:///{folder / 'bulletin.db'}"
    entries = []
    for n, (letter, (unit, _, _)) in enumerate(PLAN.items()):
        path, _ = generate_case(folder, f"b{letter}", kind="digital", seed=900 + n)
        entries.append((unit, path))
    database = open_database(url)
    with database.session_scope() as session:
        sid = create_session(session, SESSION, 2026, "transport_penalty", LEAD)
        add_reviewer(session, sid, "甲", UNITS[0])
        add_reviewer(session, sid, "乙", UNITS[1])
    assert len(import_cases(database, sid, entries).added) == len(PLAN)
    with database.session_scope() as session:
        cases = dict(zip(PLAN, session_cases(session, sid), strict=True))
        for letter, (_, reviewer, _) in PLAN.items():
            assign(session, cases[letter].id, reviewer, 1, LEAD)
    checker = Checker.create()
    machine: dict[str, float] = {}
    for letter, (_, reviewer, deductions) in PLAN.items():
        case_id = cases[letter].case_id
        with database.session_scope(readonly=True) as session:
            analysis = Analysis(*load_case(session, case_id), case_id)
        bench = Workbench.open(database, analysis, checker, reviewer)
        machine[letter] = bench.sheet.score
        for item in bench.sheet.items:  # every item decided: the machine's doubts are resolved
            if item.item_id in deductions:
                bench.override(item.item_id, deductions[item.item_id], "评查发现问题")
            elif item.deduction or item.status in (ItemStatus.PENDING, ItemStatus.NEEDS_REVIEW):
                bench.override(item.item_id, 0, "经核查无问题")
        bench.set_done(True)
    with database.session_scope() as session:
        settle(session, sid, LEAD)
        for letter, (tag, note) in TAGS.items():
            add_tag(session, cases[letter].case_id, tag, note, "王培训")
    return Built(database, url, sid, {k: v.case_id for k, v in cases.items()}, machine)
