"""Reviews on a real SQLite file: migration 0002 over a 0001 database, decisions with supersession
and audit rows, the append-only audit log, and re-scoring under a new standard version."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, text
from sqlalchemy.orm import Session

from casereview.db import Database, delete_case, load_case, open_database, save_case
from casereview.db.engine import make_engine
from casereview.db.migrate import alembic_config, head_revision
from casereview.db.models import Base
from casereview.domain.findings import Finding, Status
from casereview.domain.model import Evidence
from casereview.errors import InputError, StorageError
from casereview.review import (
    AuditAction,
    DecisionKind,
    StandardMeta,
    StoredDecision,
    StoredFinding,
    audit_trail,
    create_review,
    format_rescore_report,
    load_review,
    record_decision,
    rescore,
    reviews_of_case,
    update_review_score,
)
from casereview.review.audit import machine_name

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_db import build_sample

REVIEW_TABLES = {
    "publication_lists",
    "publications",
    "case_publication_dates",
    "reviews",
    "review_findings",
    "review_decisions",
    "audit_log",
}
STANDARD = StandardMeta("jt-2025", "1.0", "a" * 64)
NEW_STANDARD = StandardMeta("jt-2025", "1.1", "b" * 64)
EVIDENCE = Evidence(12, (72.0, 640.5, 260.1, 660.0), "2025年4月10日", 0.97)


def sample_findings() -> list[Finding]:
    return [
        Finding(
            "T-12",
            Status.FAIL,
            "处罚决定于2025年4月10日作出，2025年5月20日公示，超过7个工作日（国办发〔2018〕118号）",
            (EVIDENCE,),
            {"start": "2025-04-10", "end": dt.date(2025, 5, 20), "limit": 7, "count": 26},
            1,
            "2.3",
        ),
        Finding("P-01", Status.PASS, "询问笔录有2名执法人员及执法证号", item="1.1"),
    ]


def upgrade_to(engine: Engine, revision: str) -> None:
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def check_upgrade_keeps_cases(url: str) -> Database:
    """Build a 0001 database holding a case, then open it (migrating to head): the case is kept."""
    engine = make_engine(url)
    try:
        upgrade_to(engine, "0001")
        case, documents, extraction = build_sample()
        with Session(engine) as session:
            case_id = save_case(session, case, documents, extraction)
            session.commit()
        assert "reviews" not in inspect(engine).get_table_names()
    finally:
        engine.dispose()
    database = open_database(url)
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection)
        assert context.get_current_revision() == head_revision()
        assert compare_metadata(context, Base.metadata) == []
    assert set(inspect(database.engine).get_table_names()) >= REVIEW_TABLES
    with database.session_scope(readonly=True) as session:
        assert load_case(session, case_id) == (case, documents, extraction)
    return database


def check_decision_round_trip(database: Database) -> None:
    """Review → accept → override (supersedes) → reload; audit rows carry before and after."""
    with database.session_scope() as session:
        case_id = save_case(session, *build_sample(sha256="d" * 64))
        review_id = create_review(
            session, case_id, STANDARD, "gb118", "王评查", sample_findings(), 82.5, "良好"
        )
    accept = StoredDecision(DecisionKind.ACCEPT, "2.3")
    override = StoredDecision(
        DecisionKind.OVERRIDE,
        "2.3",
        deduction=0.0,
        reason="公示记录见卷内第18页",
        page=18,
        bbox=(70.0, 100.0, 300.0, 120.0),
    )
    with database.session_scope() as session:
        record_decision(session, review_id, accept, "王评查")
    with database.session_scope() as session:
        record_decision(session, review_id, override, "李复核", expected_version=2)
        update_review_score(session, review_id, 90.0, "优秀", "李复核")
    with database.session_scope(readonly=True) as session:
        review = load_review(session, review_id)
        trail = audit_trail(session, case_id)
    assert [f.to_finding() for f in review.findings] == sample_findings()
    assert review.findings[0].facts["end"] == dt.date(2025, 5, 20)
    (active,) = review.decisions
    assert (active.kind, active.deduction, active.reason, active.page) == (
        "override",
        0.0,
        "公示记录见卷内第18页",
        18,
    )
    assert active.bbox == (70.0, 100.0, 300.0, 120.0) and active.reviewer == "李复核"
    assert active.decided_at is not None and active.decided_at.tzinfo is not None
    assert [(d.kind, d.superseded) for d in review.history] == [("accept", True), ("override", False)]
    summary = review.summary
    assert (summary.machine_score, summary.machine_grade, summary.score, summary.grade) == (
        82.5,
        "良好",
        90.0,
        "优秀",
    )
    assert summary.standard == STANDARD and summary.version == 4 and summary.profile == "gb118"
    assert [e.action for e in trail] == [
        AuditAction.CREATE_REVIEW,
        AuditAction.DECISION,
        AuditAction.DECISION,
        AuditAction.SCORE,
    ]
    created, first, second, score = trail
    assert created.after["score"] == 82.5 and created.after["standard"]["hash"] == STANDARD.hash  # type: ignore[index]
    assert first.before is None and first.after["kind"] == "accept" and first.item_id == "2.3"  # type: ignore[index]
    assert second.before["kind"] == "accept" and second.after["kind"] == "override"  # type: ignore[index]
    assert second.after["reason"] == "公示记录见卷内第18页" and second.actor == "李复核"  # type: ignore[index]
    assert score.before == {"score": 82.5, "grade": "良好"} and score.after == {
        "score": 90.0,
        "grade": "优秀",
    }
    assert all(e.machine == machine_name() and e.review_id == review_id for e in trail)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    with open_database(f"sqlite:///{tmp_path / 'review.db'}") as database:
        yield database


@pytest.fixture
def review(db: Database) -> tuple[int, int]:
    with db.session_scope() as session:
        case_id = save_case(session, *build_sample())
        review_id = create_review(
            session, case_id, STANDARD, "gb118", "王评查", sample_findings(), 82.5, "良好"
        )
    return case_id, review_id


def test_migration_0002_upgrades_a_0001_database_holding_a_case(tmp_path: Path) -> None:
    check_upgrade_keeps_cases(f"sqlite:///{tmp_path / 'old.db'}").close()


def test_decisions_supersede_and_are_audited(db: Database) -> None:
    check_decision_round_trip(db)


@pytest.mark.parametrize("kind", [DecisionKind.OVERRIDE, DecisionKind.MANUAL])
def test_override_or_manual_without_reason_is_refused(
    db: Database, review: tuple[int, int], kind: DecisionKind
) -> None:
    case_id, review_id = review
    with pytest.raises(InputError, match="必须填写理由"), db.session_scope() as session:
        record_decision(session, review_id, StoredDecision(kind, "2.3", deduction=1.0, reason="  "), "王评查")
    with db.session_scope(readonly=True) as session:
        assert load_review(session, review_id).history == []
        assert [e.action for e in audit_trail(session, case_id)] == [AuditAction.CREATE_REVIEW]


def test_manual_finding_with_page_mark(db: Database, review: tuple[int, int]) -> None:
    _case_id, review_id = review
    manual = StoredDecision(
        DecisionKind.MANUAL, "3.1", 2.0, "送达回证无受送达人签名", 15, (10.0, 20.0, 30.0, 40.0)
    )
    with db.session_scope() as session:
        record_decision(session, review_id, manual, "王评查")
        with pytest.raises(InputError, match="页码"):
            record_decision(
                session,
                review_id,
                StoredDecision(DecisionKind.MANUAL, "3.2", 1.0, "x", None, (0, 0, 1, 1)),
                "王评查",
            )
        with pytest.raises(ValueError):
            record_decision(session, review_id, StoredDecision("veto", "3.2"), "王评查")  # type: ignore[arg-type]
    with db.session_scope(readonly=True) as session:
        (stored,) = load_review(session, review_id).decisions
    assert (stored.item_id, stored.deduction, stored.page, stored.reviewer) == ("3.1", 2.0, 15, "王评查")


def test_unknown_review_and_stale_version(db: Database, review: tuple[int, int]) -> None:
    _case_id, review_id = review
    with pytest.raises(StorageError) as missing, db.session_scope() as session:
        record_decision(session, review_id + 99, StoredDecision(DecisionKind.ACCEPT, "1.1"), "王评查")
    assert missing.value.detail["reason"] == "not_found"
    with pytest.raises(StorageError) as stale, db.session_scope() as session:
        record_decision(
            session, review_id, StoredDecision(DecisionKind.ACCEPT, "1.1"), "王评查", expected_version=7
        )
    assert stale.value.detail["reason"] == "conflict"


def test_audit_log_is_append_only_and_outlives_the_case(db: Database, review: tuple[int, int]) -> None:
    case_id, _review_id = review
    for statement in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(StorageError) as refused, db.session_scope() as session:
            session.execute(text(statement))
        assert refused.value.detail["reason"] == "conflict"
    with db.session_scope() as session:
        assert delete_case(session, case_id)
    with db.session_scope(readonly=True) as session:
        assert reviews_of_case(session, case_id) == []
        assert [e.action for e in audit_trail(session, case_id)] == [AuditAction.CREATE_REVIEW]


def test_reviews_of_case_newest_first(db: Database, review: tuple[int, int]) -> None:
    case_id, first = review
    with db.session_scope() as session:
        second = create_review(session, case_id, NEW_STANDARD, "general", "李复核", [], 100.0, "优秀")
        assert [r.id for r in reviews_of_case(session, case_id)] == [second, first]
        with pytest.raises(StorageError):
            create_review(session, case_id + 99, STANDARD, "gb118", "x", [], 0.0, "不合格")


def fake_scorer(
    findings: list[StoredFinding], decisions: list[StoredDecision]
) -> tuple[float, str, list[str]]:
    """New version: a late publication (T-12 fail) costs 15 points instead of 5; overrides win."""
    decided = {d.item_id: d for d in decisions}
    score, reasons = 100.0, []
    for finding in findings:
        if finding.status != Status.FAIL:
            continue
        decision = decided.get(finding.item or "")
        if decision is not None and decision.kind == DecisionKind.OVERRIDE:
            score -= decision.deduction or 0.0
            continue
        score -= 15.0
        reasons.append(f"{finding.rule}（项目 {finding.item}）扣分由 5 分改为 15 分")
    grade = "优秀" if score >= 90 else "良好" if score >= 80 else "合格"
    return score, grade, reasons


def test_rescore_reports_grade_changes_with_reasons(db: Database, review: tuple[int, int]) -> None:
    case_id, _review_id = review
    with db.session_scope() as session:
        overridden = save_case(session, *build_sample(sha256="e" * 64), label="复查案卷")
        kept = create_review(
            session, overridden, STANDARD, "gb118", "王评查", sample_findings(), 95.0, "优秀"
        )
        override = StoredDecision(DecisionKind.OVERRIDE, "2.3", 5.0, "情节轻微")
        record_decision(session, kept, override, "王评查")
        other = save_case(session, *build_sample(sha256="f" * 64))
        create_review(
            session, other, StandardMeta("other", "1", "c" * 64), "gb118", "王评查", sample_findings(), 1, "x"
        )
    with db.session_scope(readonly=True) as session:
        changes = rescore(session, fake_scorer, NEW_STANDARD)
    (change,) = changes
    assert (change.case_id, change.case_label) == (case_id, "交运罚〔2024〕12号")
    assert (change.old_score, change.old_grade, change.new_score, change.new_grade) == (
        82.5,
        "良好",
        85.0,
        "良好",
    )
    assert not change.grade_changed and change.old_standard == STANDARD and change.standard == NEW_STANDARD

    def harsher(
        findings: list[StoredFinding], decisions: list[StoredDecision]
    ) -> tuple[float, str, list[str]]:
        score, _grade, reasons = fake_scorer(findings, decisions)
        return score - 10, ("良好" if score - 10 >= 80 else "合格"), reasons

    with db.session_scope(readonly=True) as session:
        changes = rescore(session, harsher, NEW_STANDARD)
    assert [(c.case_label, c.old_grade, c.new_grade) for c in changes] == [
        ("交运罚〔2024〕12号", "良好", "合格"),
        ("复查案卷", "优秀", "良好"),
    ]
    report = format_rescore_report(changes)
    assert "2 个案卷等次变化" in report and "82.5 分 良好 → 75 分 合格" in report
    assert "T-12（项目 2.3）扣分由 5 分改为 15 分" in report and "版本 1.1" in report
    assert "没有案卷" in format_rescore_report([])


@pytest.mark.parametrize(
    ("decision", "message"),
    [
        (StoredDecision(DecisionKind.OVERRIDE, "2.3", None, "理由"), "必须填写扣分"),
        (StoredDecision(DecisionKind.OVERRIDE, "2.3", -1.0, "理由"), "不能为负数"),
        (StoredDecision(DecisionKind.MANUAL, "3.1", 1.0, "理由"), "所在页码"),
        (StoredDecision(DecisionKind.ACCEPT, " "), "评查项目"),
    ],
)
def test_decisions_that_could_not_be_scored_are_refused(
    db: Database, review: tuple[int, int], decision: StoredDecision, message: str
) -> None:
    with pytest.raises(InputError, match=message), db.session_scope() as session:
        record_decision(session, review[1], decision, "王评查")
