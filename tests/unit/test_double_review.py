"""Double review on a real SQLite file: four generated cases, each reviewed by two reviewers in the
workbench (one case within the tolerance, one beyond, one identical, one close), settled,
arbitrated by the lead, final deciders, the audit trail, the agreement statistics and their sheet."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook  # type: ignore[import-untyped]

from casegen import generate_case
from casereview.checking import Checker
from casereview.db import Database, load_case, open_database
from casereview.domain.model import Evidence
from casereview.errors import InputError
from casereview.export.agreement_sheet import SHEET, write_agreement_sheet
from casereview.pipeline import Analysis
from casereview.review.audit import audit_trail
from casereview.review.records import AuditAction, ReviewStatus
from casereview.review.service import current_sheet_in
from casereview.review.store import load_review, reviews_of_case
from casereview.review.workbench import Workbench
from casereview.scoring import ItemStatus
from casereview.scoring.model import DecisionKind
from casereview.sessions.agreement import Measure, PairAgreement, agreement, cohen_kappa
from casereview.sessions.arbitration import Custom, arbitrate
from casereview.sessions.double import compare, final_deciders, pending_arbitrations, settle
from casereview.sessions.importing import import_cases
from casereview.sessions.model import CaseStatus, SessionCase
from casereview.sessions.store import (
    add_case,
    add_reviewer,
    assign,
    create_session,
    link_reviews,
    session_cases,
)

UNITS = ("东莞市交通运输局", "江门市交通运输局")
LEAD = "组长"
# Case → (slot 1, slot 2): A within the tolerance, B beyond, C identical, D one point apart.
PEOPLE = {"A": ("甲", "乙"), "B": ("甲", "乙"), "C": ("甲", "丙"), "D": ("乙", "丙")}
BOX = (50.0, 60.0, 300.0, 120.0)


@dataclass
class Scenario:
    database: Database
    checker: Checker
    session_id: int
    cases: dict[str, SessionCase]  # by letter, as first read
    benches: dict[tuple[str, str], Workbench]  # (letter, reviewer)
    machine: dict[str, float]  # the machine's score of each case

    def case(self, letter: str) -> SessionCase:
        with self.database.session_scope(readonly=True) as session:
            return next(c for c in session_cases(session, self.session_id) if c.id == self.cases[letter].id)


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scenario]:
    made = tmp_path_factory.mktemp("double")
    entries = []
    for i in range(4):
        path, _ = generate_case(made, f"d{i}", kind="digital", seed=700 + i)
        entries.append((UNITS[i % 2], path))
    database = open_database(f"sqlite:///{made / 'd.db'}")
    checker = Checker.create()
    with database.session_scope() as session:
        sid = create_session(
            session, "双评", 2026, "transport_penalty", LEAD, double_review=True, tolerance=3
        )
        for name in ("甲", "乙", "丙"):
            add_reviewer(session, sid, name)
    assert len(import_cases(database, sid, entries).added) == 4
    with database.session_scope() as session:
        cases = dict(zip("ABCD", session_cases(session, sid), strict=True))
        for letter, (first, second) in PEOPLE.items():
            assign(session, cases[letter].id, first, 1, LEAD)
            assign(session, cases[letter].id, second, 2, LEAD)
    benches: dict[tuple[str, str], Workbench] = {}
    machine: dict[str, float] = {}
    for letter, names in PEOPLE.items():
        with database.session_scope(readonly=True) as session:
            analysis = Analysis(*load_case(session, cases[letter].case_id), cases[letter].case_id)
        for name in names:
            benches[letter, name] = Workbench.open(database, analysis, checker, name)
        machine[letter] = benches[letter, names[0]].sheet.score
    benches["A", "甲"].override("SS-01", 2, "证据不足以证明违法事实")
    benches["B", "甲"].override("SS-02", 6, "定性错误")
    benches["B", "乙"].manual("FL-02", 2, "裁量偏重", 2, BOX)
    benches["C", "甲"].override("SS-01", 3, "询问笔录缺少签名")
    benches["C", "丙"].override("SS-01", 3, "笔录未签名")
    benches["D", "乙"].override("SS-01", 1, "证据有瑕疵")
    benches["D", "丙"].override("SS-01", 2, "证据不足")
    for bench in benches.values():
        bench.set_done(True)
    with database.session_scope() as session:
        assert link_reviews(session, sid) == 8
    yield Scenario(database, checker, sid, cases, benches, machine)
    database.close()


def test_settle_then_arbitrate(scenario: Scenario) -> None:
    db, sid, benches = scenario.database, scenario.session_id, scenario.benches
    benches["D", "丙"].set_done(False)  # one review still open: D is not compared yet
    with db.session_scope() as session:
        settled = {c.session_case_id: c for c in settle(session, sid, LEAD)}
        assert compare(session, scenario.case("D"), scenario.checker.standard) is None
    a, b, c = (settled[scenario.cases[x].id] for x in "ABC")
    assert len(settled) == 3
    assert [(d.item_id, d.first, d.second, d.first_reason) for d in a.items] == [
        ("SS-01", 2, 0, "证据不足以证明违法事实")
    ]
    assert a.within_tolerance and a.total_difference == 2 and a.first_score == scenario.machine["A"] - 2
    assert [(d.item_id, d.first, d.second, d.difference) for d in b.items] == [
        ("SS-02", 6, 0, 6),
        ("FL-02", 0, 2, 2),
    ]
    assert not b.within_tolerance and b.total_difference == 4 and b.tolerance == 3
    fl02 = b.items[1]
    assert fl02.second_region == Evidence(2, BOX, "") and fl02.second_status is ItemStatus.DEDUCTED
    assert fl02.second_reason == "裁量偏重" and fl02.first_status is ItemStatus.PENDING
    assert c.items == () and c.within_tolerance and c.first_reviewer == "甲" and c.second_reviewer == "丙"

    review_of = {(x, n): bench.review_id for (x, n), bench in benches.items()}
    statuses = {x: (scenario.case(x).status, scenario.case(x).final_review_id) for x in "ABCD"}
    assert statuses == {
        "A": (CaseStatus.DONE, review_of["A", "甲"]),
        "B": (CaseStatus.ARBITRATION, None),
        "C": (CaseStatus.DONE, review_of["C", "甲"]),
        "D": (CaseStatus.REVIEWING, None),
    }
    benches["D", "丙"].set_done(True)
    with db.session_scope() as session:
        again = settle(session, sid, LEAD)
        waiting = pending_arbitrations(session, sid, scenario.checker.standard)
    assert [x.session_case_id for x in again] == [scenario.cases["D"].id]
    assert scenario.case("D").final_review_id == review_of["D", "乙"]
    assert [w.session_case_id for w in waiting] == [scenario.cases["B"].id]

    # Refused arbitrations leave no review behind.
    case_b = scenario.cases["B"]
    with pytest.raises(InputError, match="FL-02"):
        arbitrate(db, case_b.id, {"SS-02": "first"}, LEAD, scenario.checker)
    with pytest.raises(InputError, match="不能仲裁"):
        arbitrate(db, case_b.id, {"SS-02": "first", "FL-02": "second"}, "甲", scenario.checker)
    with pytest.raises(InputError, match="0 至 3 分"):
        arbitrate(db, case_b.id, {"SS-02": "first", "FL-02": Custom(6, "过重")}, LEAD, scenario.checker)
    with pytest.raises(InputError, match="无需仲裁"):
        arbitrate(
            db, case_b.id, {"SS-02": "first", "FL-02": "second", "SS-01": "first"}, LEAD, scenario.checker
        )
    with db.session_scope(readonly=True) as session:
        assert LEAD not in {r.reviewer for r in reviews_of_case(session, case_b.case_id)}

    final_id = arbitrate(db, case_b.id, {"SS-02": "first", "FL-02": "second"}, LEAD, scenario.checker)
    with db.session_scope(readonly=True) as session:
        review = load_review(session, final_id)
        sheet = current_sheet_in(session, final_id)
        deciders = {x: final_deciders(session, scenario.case(x)) for x in "ABCD"}
        trail = audit_trail(session, case_b.case_id)
    assert review.summary.reviewer == LEAD and review.summary.status is ReviewStatus.DONE
    assert scenario.case("B").status is CaseStatus.DONE and scenario.case("B").final_review_id == final_id
    assert sheet.score == scenario.machine["B"] - 8 == review.summary.score
    ss02, fl02_final = sheet.item("SS-02"), sheet.item("FL-02")
    assert ss02.deduction == 6 and ss02.reason == "仲裁采纳甲意见：定性错误"
    assert fl02_final.deduction == 2 and fl02_final.reason == "仲裁采纳乙意见：裁量偏重"
    assert fl02_final.decision is not None and fl02_final.decision.kind is DecisionKind.MANUAL
    assert fl02_final.decision.region == Evidence(2, BOX, "")
    # Agreed items keep both reviewers' outcome, in the first reviewer's name.
    first_sheet = benches["B", "甲"].sheet
    assert [(i.item_id, i.deduction) for i in sheet.items if i.item_id not in ("SS-02", "FL-02")] == [
        (i.item_id, i.deduction) for i in first_sheet.items if i.item_id not in ("SS-02", "FL-02")
    ]
    assert {k: v for k, v in deciders["B"].items() if v != "甲"} == {"SS-02": LEAD, "FL-02": LEAD}
    assert set(deciders["C"].values()) == {"甲"} and set(deciders["D"].values()) == {"乙"}
    assert len(deciders["B"]) == len(scenario.checker.standard.items)

    lead_rows = [e for e in trail if e.actor == LEAD]
    decision = next(e for e in lead_rows if e.action is AuditAction.DECISION and e.item_id == "SS-02")
    assert isinstance(decision.after, dict) and decision.after["reason"] == "仲裁采纳甲意见：定性错误"
    assert decision.after["reviewer"] == LEAD and decision.review_id == final_id
    session_rows = [e.after for e in lead_rows if e.action is AuditAction.SESSION]
    summary = session_rows[-2]
    assert isinstance(summary, dict) and summary["arbitration"] == {"SS-02": "first", "FL-02": "second"}
    assert (summary["final_review_id"], summary["score"]) == (final_id, scenario.machine["B"] - 8)
    assert session_rows[-1] == {"status": "done", "final_review_id": final_id}

    # A case within the tolerance may still be arbitrated, with the lead's own deduction.
    own = arbitrate(
        db, scenario.cases["A"].id, {"SS-01": Custom(1, " 证据基本充分 ")}, LEAD, scenario.checker
    )
    with db.session_scope(readonly=True) as session:
        item = current_sheet_in(session, own).item("SS-01")
        assert final_deciders(session, scenario.case("A"))["SS-01"] == LEAD
    assert (item.deduction, item.reason) == (1, "仲裁意见：证据基本充分")
    assert scenario.case("A").final_review_id == own


def test_single_review_settles_on_the_done_review(scenario: Scenario) -> None:
    db = scenario.database
    with db.session_scope() as session:
        sid = create_session(session, "单评", 2026, "transport_penalty", LEAD)
        add_reviewer(session, sid, "丁")
        case_id = scenario.cases["C"].case_id
        sc = add_case(session, sid, case_id, UNITS[0])
        assign(session, sc, "丁", 1, LEAD)
    with db.session_scope(readonly=True) as session:
        analysis = Analysis(*load_case(session, case_id), case_id)
    bench = Workbench.open(db, analysis, scenario.checker, "丁")
    with db.session_scope() as session:
        assert settle(session, sid, LEAD) == []
        assert session_cases(session, sid)[0].status is CaseStatus.REVIEWING  # not done yet
    bench.set_done(True)
    with db.session_scope() as session:
        assert settle(session, sid, LEAD) == []
        case = session_cases(session, sid)[0]
        assert (case.status, case.final_review_id) == (CaseStatus.DONE, bench.review_id)
        assert set(final_deciders(session, case).values()) == {"丁"}


def test_cohen_kappa_by_hand() -> None:
    # The classic 2×2 table: both yes 20, A yes B no 5, A no B yes 10, both no 15.
    table = [(True, True)] * 20 + [(True, False)] * 5 + [(False, True)] * 10 + [(False, False)] * 15
    kappa = cohen_kappa(table)
    assert kappa is not None and math.isclose(kappa, 0.4)
    # Three levels: po = 22/30, pe = (12·13 + 13·11 + 5·6)/900 = 329/900 → kappa = 331/571.
    counts = {(0, 0): 10, (0, 1): 2, (1, 0): 3, (1, 1): 8, (1, 2): 2, (2, 1): 1, (2, 2): 4}
    levels = [pair for pair, n in counts.items() for _ in range(n)]
    kappa = cohen_kappa(levels)
    assert kappa is not None and math.isclose(kappa, 331 / 571)
    assert cohen_kappa([(True, False), (False, True)]) == -1.0  # agreement below chance
    assert cohen_kappa([(False, False)] * 7) == 1.0  # pe = po = 1
    assert cohen_kappa([]) is None
    assert Measure(0, 0, 0, None).rate is None


def test_agreement_statistics(scenario: Scenario, tmp_path: Path) -> None:
    scenario.benches["D", "丙"].set_done(True)  # whatever ran before
    with scenario.database.session_scope(readonly=True) as session:
        stats = agreement(session, scenario.session_id, scenario.checker.standard)
        applicable = {}
        for x, (first, second) in PEOPLE.items():
            one = current_sheet_in(session, scenario.benches[x, first].review_id)
            two = current_sheet_in(session, scenario.benches[x, second].review_id)
            both_na = {i.item_id for i in one.items if i.status is ItemStatus.NOT_APPLICABLE} & {
                i.item_id for i in two.items if i.status is ItemStatus.NOT_APPLICABLE
            }
            applicable[x] = len(one.items) - len(both_na)

    assert (stats.overall.cases, stats.beyond_tolerance, stats.mean_difference) == (4, 1, 1.75)
    assert stats.overall.judgments == sum(applicable.values())
    assert stats.overall.judgments - stats.overall.agreed == 4  # A SS-01, B SS-02 + FL-02, D SS-01
    items = {i.item_id: i.measure for i in stats.items}
    # SS-01 by slot: A (2, 0), B (0, 0), C (3, 3), D (1, 2): same deduction 2 of 4; deducted or
    # not: po = 3/4, pe = 3/4·2/4 + 1/4·2/4 = 1/2 → kappa = 1/2.
    assert (items["SS-01"].judgments, items["SS-01"].agreed, items["SS-01"].rate) == (4, 2, 0.5)
    assert items["SS-01"].kappa is not None and math.isclose(items["SS-01"].kappa, 0.5)
    # SS-02 only (6, 0) in B: po = 3/4, pe = 1/4·0 + 3/4·1 = 3/4 → kappa 0; FL-02 alike.
    for item_id in ("SS-02", "FL-02"):
        assert (items[item_id].agreed, items[item_id].rate, items[item_id].kappa) == (3, 0.75, 0.0)
    assert items["ZT-01"].rate == 1.0 and items["ZT-01"].kappa == 1.0  # never touched: always equal

    pairs = {(p.first, p.second): p for p in stats.pairs}
    assert list(pairs) == sorted(pairs) and all(first < second for first, second in pairs)

    def pair(x: str, y: str) -> PairAgreement:
        return pairs[(min(x, y), max(x, y))]

    ab, ac, bc = pair("甲", "乙"), pair("甲", "丙"), pair("乙", "丙")
    assert (ab.measure.cases, ab.measure.judgments, ab.measure.agreed) == (
        2,
        applicable["A"] + applicable["B"],
        applicable["A"] + applicable["B"] - 3,
    )
    assert (ab.mean_difference, ab.beyond_tolerance, ac.mean_difference, bc.mean_difference) == (
        3.0,
        1,
        0.0,
        1.0,
    )
    assert ac.measure.rate == 1.0 and ac.measure.kappa == 1.0
    # The generated cases are clean (the machine deducts nothing), so only the reviewers' own
    # deductions count. 乙 (rater A, first by name) vs 甲 over A and B, n judgments: 乙 alone
    # deducts once (FL-02), 甲 alone twice (SS-01, SS-02), never both: po = (n−3)/n,
    # pe = (1·2 + (n−1)(n−2))/n², kappa = (n(n−3) − 2 − (n−1)(n−2)) / (n² − 2 − (n−1)(n−2)).
    assert scenario.machine == dict.fromkeys("ABCD", 100.0)
    n = ab.measure.judgments
    chance = 2 + (n - 1) * (n - 2)
    assert ab.first == "乙" and ab.measure.kappa is not None
    assert math.isclose(ab.measure.kappa, (n * (n - 3) - chance) / (n * n - chance))  # −4/167 for n = 57
    people = {r.reviewer: r for r in stats.reviewers}
    assert people["甲"].partners == tuple(sorted(("乙", "丙"))) and people["甲"].measure.cases == 3
    assert people["甲"].measure.judgments - people["甲"].measure.agreed == 3
    assert people["乙"].measure.judgments - people["乙"].measure.agreed == 4
    assert people["丙"].measure.judgments - people["丙"].measure.agreed == 1
    assert (people["甲"].mean_difference, people["乙"].mean_difference, people["丙"].mean_difference) == (
        2.0,
        2.33,
        0.5,
    )
    assert people["甲"].measure.judgments == ab.measure.judgments + ac.measure.judgments
    # 甲 over A, B, C: 甲 deducts 3 times (A SS-01, B SS-02, C SS-01), the co-reviewers twice (B FL-02,
    # C SS-01), both once (C SS-01): po = (n−3)/n, pe = (3·2 + (n−3)(n−2))/n².
    n = people["甲"].measure.judgments
    chance = 3 * 2 + (n - 3) * (n - 2)
    kappa = people["甲"].measure.kappa
    assert kappa is not None and math.isclose(kappa, (n * (n - 3) - chance) / (n * n - chance))

    workbook = Workbook()
    write_agreement_sheet(workbook, stats)
    workbook.save(tmp_path / "一致性.xlsx")
    ws = load_workbook(tmp_path / "一致性.xlsx")[SHEET]
    rows = {r[0].value: r for r in ws.iter_rows() if r[0].value}
    assert "允许差值 3 分" in ws["A1"].value
    ss01 = rows["SS-01"]
    assert [cell.value for cell in ss01[2:7]] == [10, 4, 2, 0.5, 0.5]
    assert (ss01[5].number_format, ss01[6].number_format) == ("0.0%", "0.00")
    partners = "、".join(sorted(("乙", "丙")))
    expected = [partners, 3, people["甲"].measure.judgments, people["甲"].measure.agreed]
    assert [cell.value for cell in rows["甲"][1:5]] == expected
    assert rows["全部双评案卷"][2].value == 4 and rows["全部双评案卷"][8].value == 1
    assert rows[f"{ab.first}、{ab.second}"][7].value == 3.0
