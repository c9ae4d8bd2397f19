"""The review workbench on a real SQLite file: decisions with undo/redo, field corrections that
re-run the rules, conflicts between two writers, and everything still there when reopened."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from casegen import generate_case
from casereview.checking import Checker
from casereview.db import Database, open_database
from casereview.domain.findings import Status
from casereview.errors import InputError, ReviewConflict
from casereview.library import open_case
from casereview.pipeline import Analysis
from casereview.review import AuditAction, audit_trail
from casereview.review.corrections import apply_corrections, normalise
from casereview.review.workbench import DecisionChange, Workbench
from casereview.scoring import DecisionKind, ItemStatus


@pytest.fixture(scope="module")
def late_case(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    """Published too late: T-12 fails and its item loses points."""
    path, truth = generate_case(
        tmp_path_factory.mktemp("wb"), "w1", kind="digital", seed=11, defects=["T-12"]
    )
    return path, truth


@pytest.fixture
def database(tmp_path: Path) -> Database:
    db = open_database(f"sqlite:///{tmp_path / 'wb.db'}")
    yield db  # type: ignore[misc]
    db.close()


@pytest.fixture
def analysis(late_case: tuple[Path, dict[str, object]], database: Database) -> Analysis:
    return open_case(late_case[0], database)


def t12_item(bench: Workbench) -> str:
    finding = next(f for f in bench.sheet.findings if f.rule == "T-12")
    assert finding.status is Status.FAIL and finding.item is not None
    return finding.item


def test_decisions_undo_redo_and_reopen(database: Database, analysis: Analysis) -> None:
    bench = Workbench.open(database, analysis, Checker.create(), "李评查")
    item = t12_item(bench)
    machine = bench.sheet.item(item)
    assert machine.deduction > 0 and machine.status is ItemStatus.DEDUCTED
    start_score = bench.sheet.score

    bench.override(item, 0.0, "公示日期以门户网站截图为准")
    assert bench.sheet.item(item).deduction == 0
    assert bench.sheet.score == pytest.approx(start_score + machine.deduction)
    manual_item = next(i.item_id for i in bench.sheet.items if i.status is ItemStatus.PENDING)
    bench.manual(manual_item, 1.0, "询问笔录未载明告知事项", 2, (50.0, 100.0, 300.0, 160.0))
    assert bench.sheet.item(manual_item).deduction == 1.0
    assert bench.can_undo and bench.undo_text().startswith("人工扣分")

    undone = bench.undo()
    assert isinstance(undone, DecisionChange) and undone.item_id == manual_item
    assert bench.sheet.item(manual_item).status is ItemStatus.PENDING
    bench.undo()
    assert bench.sheet.item(item).deduction == machine.deduction
    assert not bench.can_undo and bench.can_redo
    bench.redo()
    assert bench.sheet.item(item).deduction == 0
    assert bench.decisions[item].kind is DecisionKind.OVERRIDE

    # Reopened (a new window, a restart): the same review with the decision as left.
    again = Workbench.open(database, analysis, Checker.create(), "李评查")
    assert again.review_id == bench.review_id
    assert again.sheet.item(item).deduction == 0
    assert again.sheet.item(manual_item).status is ItemStatus.PENDING
    with database.session_scope(readonly=True) as session:
        actions = [e.action for e in audit_trail(session, bench.case_id, review_id=bench.review_id)]
    assert actions.count(AuditAction.WITHDRAW) == 2  # the two undos
    assert actions.count(AuditAction.DECISION) == 3


def test_another_reviewer_gets_an_own_review(database: Database, analysis: Analysis) -> None:
    first = Workbench.open(database, analysis, Checker.create(), "甲")
    second = Workbench.open(database, analysis, Checker.create(), "乙")
    assert first.review_id != second.review_id


def test_correction_reruns_the_rules_and_undo_restores(
    database: Database, analysis: Analysis, late_case: tuple[Path, dict[str, object]]
) -> None:
    bench = Workbench.open(database, analysis, Checker.create(), "李评查")
    item = t12_item(bench)
    decided = analysis.extraction.first_date("决定")
    assert decided is not None
    in_time = (decided.date + dt.timedelta(days=2)).isoformat()

    changes = bench.correct("publication_date", in_time, reason="以网站公示记录为准")
    assert [c.rule for c in changes] == ["T-12"] and changes[0].after is Status.PASS
    assert bench.sheet.item(item).deduction == 0
    assert bench.analysis.extraction.first_date("公示").date.isoformat() == in_time  # type: ignore[union-attr]
    assert analysis.extraction.first_date("公示").date.isoformat() != in_time  # type: ignore[union-attr]

    bench.undo()
    assert bench.sheet.item(item).deduction > 0
    assert "publication_date" not in bench.corrections
    bench.redo()
    again = Workbench.open(database, analysis, Checker.create(), "李评查")
    assert again.corrections["publication_date"].value == in_time
    assert again.sheet.item(item).deduction == 0


def test_two_writers_conflict_instead_of_overwriting(database: Database, analysis: Analysis) -> None:
    one = Workbench.open(database, analysis, Checker.create(), "李评查")
    two = Workbench.open(database, analysis, Checker.create(), "李评查")  # a second window
    item = t12_item(one)
    one.override(item, 1.0, "部分扣分")
    with pytest.raises(ReviewConflict, match="重新载入"):
        two.accept(item)
    two.reload()
    assert two.sheet.item(item).deduction == 1.0
    two.accept(item)
    assert two.decisions[item].kind is DecisionKind.ACCEPT


def test_refused_decision_writes_nothing(database: Database, analysis: Analysis) -> None:
    bench = Workbench.open(database, analysis, Checker.create(), "李评查")
    item = t12_item(bench)
    version = bench.version
    with pytest.raises(InputError, match="超过该项分值"):
        bench.override(item, 99.0, "太多")
    assert bench.version == version and not bench.can_undo


@pytest.mark.parametrize(
    ("field", "typed", "stored"),
    [
        ("decision_date", "2026年3月5日", "2026-03-05"),
        ("decision_date", "２０２６/3/5", "2026-03-05"),
        ("fine_amount", "2,000元", "2000.00"),
        ("fine_amount", "￥1500.5", "1500.50"),
        ("case_number", " 粤交执罚〔2026〕 12号 ", "粤交执罚〔2026〕 12号"),
    ],
)
def test_normalise(field: str, typed: str, stored: str) -> None:
    assert normalise(field, typed) == stored


@pytest.mark.parametrize(
    ("field", "typed"), [("decision_date", "2026-02-30"), ("fine_amount", "两千"), ("officers", "x")]
)
def test_normalise_refuses(field: str, typed: str) -> None:
    with pytest.raises(InputError):
        normalise(field, typed)


def test_apply_corrections_leaves_the_machine_reading(analysis: Analysis) -> None:
    from casereview.review.corrections import FieldCorrection

    now = dt.datetime.now(dt.UTC)
    corrected = apply_corrections(
        analysis.extraction,
        {"fine_amount": FieldCorrection("fine_amount", "123.00", "x", now)},
        analysis.documents,
    )
    decided = [a.amount for a in corrected.amounts if a.kind == "decided"]
    assert decided and decided[0] == 123.0
    assert all(a.amount != 123.0 for a in analysis.extraction.amounts)
