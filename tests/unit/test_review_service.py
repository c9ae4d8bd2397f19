"""Reviews through the command line on a real SQLite file: ingest stores the machine review, the
reviewer's decisions re-score it with an audit trail, an entered publication date reaches T-12,
and ``rescore`` reports and stores the effect of a new standard version."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from casegen import generate_case
from casereview.checking import DEFAULT_STANDARD, Checker
from casereview.cli import main
from casereview.db import Database, list_cases, open_database
from casereview.domain.findings import Status
from casereview.domain.model import Evidence
from casereview.errors import InputError, StandardUnavailable
from casereview.review import (
    AuditAction,
    StandardMeta,
    StoredDecision,
    StoredFinding,
    audit_trail,
    load_review,
    reviews_of_case,
)
from casereview.review.decisions import fit_decisions, to_reviewer_decision, to_stored_decision
from casereview.review.service import current_sheet, decide, review_case
from casereview.review.standard_scorer import StandardScorer
from casereview.scoring import DecisionKind, ItemStatus, ReviewerDecision
from casereview.standards import content_hash, default_root, find_standards, load_standard

STANDARD_FILE = default_root() / DEFAULT_STANDARD / "standard.yaml"
AT = dt.datetime(2025, 6, 3, 9, 30, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def case_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A digital case file published too late (T-12 fails: JA-02 loses its 3 points)."""
    path, _truth = generate_case(
        tmp_path_factory.mktemp("case"), "c1", kind="digital", seed=5, defects=["T-12"]
    )
    return path


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'review.db'}"


def ingest(case_pdf: Path, url: str, *extra: str) -> int:
    """Ingest through the CLI; the stored case id."""
    assert main(["ingest", str(case_pdf), "--db", url, "--no-ocr", "-q", *extra]) == 0
    with open_database(url) as database, database.session_scope(readonly=True) as session:
        (case,) = list_cases(session)
    return case.id


def latest(database: Database, case_id: int) -> int:
    with database.session_scope(readonly=True) as session:
        return reviews_of_case(session, case_id)[0].id


def test_ingest_stores_the_machine_review(
    case_pdf: Path, url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    case_id = ingest(case_pdf, url, "--no-review")
    with open_database(url) as database, database.session_scope(readonly=True) as session:
        assert reviews_of_case(session, case_id) == []
    ingest(case_pdf, url, "--reviewer", "王评查")  # the same file again: reused, and now reviewed
    out = capsys.readouterr().out
    assert "复用记录" in out and f"已评查 #{case_id}" in out
    installed = find_standards()[DEFAULT_STANDARD]
    with open_database(url) as database, database.session_scope(readonly=True) as session:
        (summary,) = reviews_of_case(session, case_id)
        review = load_review(session, summary.id)
        trail = audit_trail(session, case_id)
    assert summary.standard == StandardMeta(DEFAULT_STANDARD, installed.version, content_hash(STANDARD_FILE))
    assert summary.standard.hash == installed.content_hash()
    assert (summary.reviewer, summary.profile) == ("王评查", installed.default_profile)
    assert (summary.score, summary.grade) == (summary.machine_score, summary.machine_grade)
    (t12,) = [f for f in review.findings if f.rule == "T-12"]
    assert (t12.status, t12.item) == (Status.FAIL, "JA-02")
    assert [e.action for e in trail] == [AuditAction.CREATE_REVIEW]
    ingest(case_pdf, url)
    assert "已评查" not in capsys.readouterr().out  # reviewed under this standard already


def test_override_with_reason_rescored_and_audited(
    case_pdf: Path, url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    case_id = ingest(case_pdf, url)
    decide_args = ["review", "decide", str(case_id), "JA-02", "--db", url, "--reviewer", "张三"]
    assert main([*decide_args, "--override", "1", "--reason", "公示平台故障，延迟有据"]) == 0
    assert "→" in capsys.readouterr().out
    with open_database(url) as database:
        review_id = latest(database, case_id)
        with database.session_scope(readonly=True) as session:
            summary = load_review(session, review_id).summary
            trail = audit_trail(session, case_id, review_id=review_id)
        sheet = current_sheet(database, review_id)
    assert summary.score == summary.machine_score + 2  # 3 points deducted by the machine, 1 by the reviewer
    assert (sheet.score, sheet.grade) == (summary.score, summary.grade)
    item = sheet.item("JA-02")
    assert (item.deduction, item.proposed_deduction, item.status) == (1.0, 3.0, ItemStatus.DEDUCTED)
    assert item.decision is not None and item.decision.reviewer == "张三"
    decision, score = trail[-2:]
    assert (decision.action, decision.actor, decision.item_id, decision.before) == (
        AuditAction.DECISION,
        "张三",
        "JA-02",
        None,
    )
    assert isinstance(decision.after, dict) and decision.after["deduction"] == 1.0
    assert decision.after["reason"] == "公示平台故障，延迟有据"
    assert score.action is AuditAction.SCORE
    assert score.before == {"score": summary.machine_score, "grade": summary.machine_grade}
    assert score.after == {"score": summary.score, "grade": summary.grade}

    assert main([*decide_args, "--accept"]) == 0  # supersedes the override: the machine's 3 points stand
    assert main(["review", "show", str(case_id), "--db", url, "--audit"]) == 0
    shown = capsys.readouterr().out
    assert "决定：确认（张三" in shown and "机器评查：扣分，扣 3 分" in shown
    assert "审计记录" in shown and "评查决定  评查" in shown and "公示平台故障" in shown
    with open_database(url) as database, database.session_scope(readonly=True) as session:
        review = load_review(session, review_id)
        last = audit_trail(session, case_id)[-2]
    assert review.summary.score == review.summary.machine_score
    assert [d.kind for d in review.history] == [DecisionKind.OVERRIDE, DecisionKind.ACCEPT]
    assert isinstance(last.before, dict) and last.before["kind"] == "override"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["JA-02", "--override", "1"], "改判机器评查结果必须填写理由"),
        (["JA-02", "--override", "1", "--reason", "  "], "必须填写理由"),
        (["JA-04", "--manual", "1", "--reason", "卷内目录无页码"], "必须标注所在页码"),
        (["JA-02", "--override", "5", "--reason", "理由"], "超过该项分值 3 分"),
        (["XX-01", "--accept"], "没有评查项目 XX-01"),
    ],
)
def test_refused_decisions_change_nothing(
    case_pdf: Path, url: str, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    case_id = ingest(case_pdf, url)
    assert main(["review", "decide", str(case_id), *args, "--db", url]) != 0
    assert message in capsys.readouterr().err
    with open_database(url) as database, database.session_scope(readonly=True) as session:
        (summary,) = reviews_of_case(session, case_id)
        assert load_review(session, summary.id).history == []
        assert [e.action for e in audit_trail(session, case_id)] == [AuditAction.CREATE_REVIEW]


def test_decide_without_a_review_or_case(
    case_pdf: Path, url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    case_id = ingest(case_pdf, url, "--no-review")
    assert main(["review", "decide", str(case_id), "JA-02", "--accept", "--db", url]) == 1
    assert "还没有评查记录" in capsys.readouterr().err
    assert main(["review", "show", str(case_id + 1), "--db", url]) == 1
    assert f"没有案卷 #{case_id + 1}" in capsys.readouterr().err


def test_entered_publication_date_reaches_T12_on_rereview(
    case_pdf: Path, url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    case_id = ingest(case_pdf, url)
    with open_database(url) as database:
        first = latest(database, case_id)
        t12 = current_sheet(database, first).item("JA-02").findings[0]
    decided = dt.date.fromisoformat(str(t12.facts["start"]))
    published = decided + dt.timedelta(days=1)
    set_date = ["publications", "set-date", str(case_id), published.isoformat(), "--reviewer", "张三"]
    assert main([*set_date, "--db", url]) == 0
    assert main(["review", "run", str(case_id), "--db", url, "--reviewer", "张三"]) == 0
    assert "已评查" in capsys.readouterr().out
    with open_database(url) as database:
        second = latest(database, case_id)
        sheet = current_sheet(database, second)
        again = review_case(database, case_id, Checker.create(), "李复核")  # the service, as the GUI calls it
        with database.session_scope(readonly=True) as session:
            old = load_review(session, first).summary
            trail = audit_trail(session, case_id)
    assert second != first and again != second
    item = sheet.item("JA-02")
    (finding,) = item.findings
    assert (finding.status, item.deduction) == (Status.PASS, 0.0)
    assert str(finding.facts["source"]).startswith("评查人员录入的公示日期")
    assert sheet.score == old.machine_score + 3
    assert any(e.action is AuditAction.PUBLICATION_DATE and e.actor == "张三" for e in trail)
    assert (
        main(["publications", "set-date", str(case_id + 5), "2024-01-02", "--reviewer", "张三", "--db", url])
        == 1
    )
    assert "没有案卷" in capsys.readouterr().err


def new_version(tmp_path: Path) -> Path:
    """Version 2025.2: JA-02 (T-12) worth 11 points instead of 3, SS-01 2 instead of 10; totals add up."""
    text = STANDARD_FILE.read_text(encoding="utf-8")
    replacements = [
        ('version: "2026.1"', 'version: "2025.2"'),
        ("{id: facts, name: 事实认定与证据, points: 20}", "{id: facts, name: 事实认定与证据, points: 12}"),
        (
            "{id: closing, name: 执行结案与归档, points: 10}",
            "{id: closing, name: 执行结案与归档, points: 18}",
        ),
    ]
    for old, new in replacements:
        assert text.count(old) == 1
        text = text.replace(old, new)
    for item_id, old_points, new_points in (("SS-01", 10, 2), ("JA-02", 3, 11)):
        start = text.index(f"  - id: {item_id}\n")
        at = text.index(f"points: {old_points}\n", start)
        text = text[:at] + f"points: {new_points}\n" + text[at + len(f"points: {old_points}\n") :]
    path = tmp_path / "standard-2025.2.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_rescore_reports_and_applies_a_new_version(
    case_pdf: Path, url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case_id = ingest(case_pdf, url)
    manual = ["JA-04", "--manual", "1", "--reason", "卷内目录无页码", "--page", "2", "--bbox", "40,60,300,90"]
    assert main(["review", "decide", str(case_id), *manual, "--reviewer", "李四", "--db", url]) == 0
    path = new_version(tmp_path)
    with open_database(url) as database, database.session_scope(readonly=True) as session:
        (case,) = list_cases(session)
        (before,) = reviews_of_case(session, case_id)
    assert (before.score, before.grade) == (96.0, "优秀")
    capsys.readouterr()

    assert main(["rescore", "--standard-file", str(path), "--db", url]) == 0
    report = capsys.readouterr().out
    assert f"{case.case_number}（案卷 #{case_id}，评查 #{before.id}）：96 分 优秀 → 88 分 良好" in report
    assert "JA-02 行政处罚决定依法按期公示：扣分 3 → 11（分值调整：该项 3 → 11 分）" in report
    assert "1 个案卷等次变化" in report and "版本 2025.2" in report and "SS-01" not in report
    with open_database(url) as database, database.session_scope(readonly=True) as session:
        assert len(reviews_of_case(session, case_id)) == 1  # a report only

    assert (
        main(["rescore", "--standard-file", str(path), "--db", url, "--apply", "--reviewer", "王主任"]) == 0
    )
    assert f"#{before.id} → #" in capsys.readouterr().out
    new = load_standard(path)
    with open_database(url) as database, database.session_scope(readonly=True) as session:
        latest_summary, old_summary = reviews_of_case(session, case_id)
        review = load_review(session, latest_summary.id)
        rescored = audit_trail(session, case_id, review_id=latest_summary.id)[-1]
    assert old_summary.id == before.id
    assert latest_summary.standard == StandardMeta(DEFAULT_STANDARD, "2025.2", new.content_hash())
    assert (latest_summary.machine_score, latest_summary.score, latest_summary.grade) == (89.0, 88.0, "良好")
    (carried,) = review.decisions
    assert (carried.item_id, carried.reviewer, carried.page, carried.bbox) == (
        "JA-04",
        "李四",
        2,
        (40, 60, 300, 90),
    )
    assert rescored.action is AuditAction.RESCORE and rescored.actor == "王主任"
    assert isinstance(rescored.before, dict) and rescored.before["review"] == before.id

    assert main(["rescore", "--standard-file", str(path), "--db", url]) == 0
    assert "没有案卷的分数或等次发生变化" in capsys.readouterr().out
    # The installed standard is still 2025.1: decisions on the 2025.2 review wait for it.
    assert main(["review", "decide", str(case_id), "JA-02", "--accept", "--db", url]) == 1
    assert "rescore" in capsys.readouterr().err
    with open_database(url) as database, pytest.raises(StandardUnavailable):
        decide(database, latest_summary.id, "JA-02", ReviewerDecision(DecisionKind.ACCEPT, "x", AT), "x")


def test_decisions_map_between_storage_and_scoring() -> None:
    manual = ReviewerDecision(
        DecisionKind.MANUAL, "李四", AT, 1.0, "缺页码", Evidence(2, (1.0, 2.0, 3.0, 4.0), "")
    )
    stored = to_stored_decision("JA-04", manual)
    assert (stored.kind, stored.item_id, stored.page, stored.bbox, stored.decided_at) == (
        DecisionKind.MANUAL,
        "JA-04",
        2,
        (1.0, 2.0, 3.0, 4.0),
        AT,
    )
    assert to_reviewer_decision(stored) == manual
    whole_page = StoredDecision(DecisionKind.MANUAL, "JA-04", 1.0, "缺页码", 3, None, "李四", AT)
    assert to_stored_decision("JA-04", to_reviewer_decision(whole_page)) == whole_page
    with pytest.raises(InputError, match="必须填写理由"):
        to_reviewer_decision(StoredDecision(DecisionKind.OVERRIDE, "JA-02", 1.0, ""))
    standard = find_standards()[DEFAULT_STANDARD]
    fitted, notes = fit_decisions(
        standard,
        [
            StoredDecision(DecisionKind.OVERRIDE, "JA-02", 3.0, "理由", reviewer="甲", decided_at=AT),
            StoredDecision(DecisionKind.OVERRIDE, "ZT-01", 9.0, "理由", reviewer="甲", decided_at=AT),
            StoredDecision(DecisionKind.ACCEPT, "GONE-1", reviewer="乙", decided_at=AT),
        ],
    )
    assert {k: v.deduction for k, v in fitted.items()} == {"JA-02": 3.0, "ZT-01": 4.0}
    assert notes == [
        "评查人员 甲 对 ZT-01 的改判决定扣 9 分，超过新分值 4 分，按 4 分计",
        "评查人员 乙 对 GONE-1 的确认决定不再适用：版本 2026.1 没有该评查项目",
    ]


def test_scorer_reasons_name_caps_and_grade_bands() -> None:
    installed = find_standards()[DEFAULT_STANDARD]
    grades = [g.model_copy(update={"min": 98.0}) if g.name == "优秀" else g for g in installed.grades]
    new = installed.model_copy(update={"version": "2025.9", "caps": [], "grades": grades})
    findings = [
        StoredFinding("T-12", Status.FAIL, "公示超期", violations=1),
        StoredFinding("S-01", Status.FAIL, "决定书未盖章", violations=1),
    ]
    score, grade, reasons = StandardScorer(new, None, installed)(findings, [])
    assert (score, grade) == (95.0, "良好")
    assert reasons == [
        "等次分数线调整：优秀 ≥98，良好 ≥75，合格 ≥60，不合格 ≥0",
        "等次封顶 CAP-01 主要对外文书未加盖执法机关印章：新版标准下不再触发",
    ]
    _score, _grade, alone = StandardScorer(new)(findings, [])
    assert alone == [
        "原版本无法逐项比对；按版本 2025.9：WS-02 行政处罚决定书、违法行为通知书加盖执法机关印章 扣 2 分；"
        "JA-02 行政处罚决定依法按期公示 扣 3 分"
    ]
