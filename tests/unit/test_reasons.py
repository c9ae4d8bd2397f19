"""The reason library: seeded from the standard's file, reviewers' own reasons, export and import
round trip, a malformed file refused naming the file and line, and a decision's use counted in
the decision's own transaction (audited; undo/redo do not count again)."""

from __future__ import annotations

from pathlib import Path

import pytest

from casegen import generate_case
from casereview.checking import Checker
from casereview.cli import main
from casereview.db import Database, open_database
from casereview.errors import InputError
from casereview.library import open_case
from casereview.reasons import store
from casereview.reasons.model import Reason, match_reason
from casereview.review import AuditAction, audit_trail
from casereview.review.workbench import Workbench
from casereview.standards.loader import find_standards
from casereview.standards.reason_files import ReasonEntry, read_reasons_file, seed_file, write_reasons_file

STD = "transport_penalty"


@pytest.fixture
def database(tmp_path: Path) -> Database:
    db = open_database(f"sqlite:///{tmp_path / 'reasons.db'}")
    yield db  # type: ignore[misc]
    db.close()


def test_seed_file_is_valid_for_its_standard() -> None:
    standard_id, entries = read_reasons_file(seed_file(STD))
    items = {i.id for i in find_standards()[STD].items}
    assert standard_id == STD and entries
    assert {e.item_id for e in entries} <= items


def test_seed_add_export_import_round_trip(database: Database, tmp_path: Path) -> None:
    with database.session_scope() as session:
        added = store.seed_if_empty(session, STD)
        assert added == len(read_reasons_file(seed_file(STD))[1])
        assert store.seed_if_empty(session, STD) == 0  # only an empty library is seeded
        own = store.add_reason(session, STD, ReasonEntry("JA-03", "结案报告审批栏空白"), "王五")
        with pytest.raises(InputError, match="已有"):
            store.add_reason(session, STD, ReasonEntry("JA-03", "结案报告审批栏空白"), "王五")
        with pytest.raises(InputError, match="没有评查项目 XX-99"):
            store.add_reason(session, STD, ReasonEntry("XX-99", "任意"), "王五", known_items={"JA-03"})
        entries = store.export_entries(session, STD)
    assert own.source.value == "reviewer"
    out = write_reasons_file(tmp_path / "out" / "reasons.yaml", STD, entries)
    other = open_database(f"sqlite:///{tmp_path / 'other.db'}")
    try:
        with other.session_scope() as session:
            standard_id, result = store.import_file(session, out, "李四")
            assert (standard_id, result.added, result.skipped) == (STD, added + 1, 0)
            _, again = store.import_file(session, out, "李四")
            assert (again.added, again.skipped) == (0, added + 1)
            texts = {r.text for r in store.list_reasons(session, STD, "JA-03")}
    finally:
        other.close()
    assert "结案报告审批栏空白" in texts


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ("standard: transport_penalty\nreasons:\n  - item: JA-02\n    txt: 错字\n", 4, "未知的字段 txt"),
        (
            "standard: transport_penalty\nreasons:\n  - item: JA-02\n    text: 好\n  - text: 无项目\n",
            5,
            "缺少评查项目编号",
        ),
        ("standard: transport_penalty\nreasons:\n  - item: JA-02\n    text: [未闭合\n", 5, ""),
        ("reasons: []\n", 1, "缺少评查标准编号"),
    ],
)
def test_malformed_file_is_refused_naming_file_and_line(
    tmp_path: Path, database: Database, body: str, line: int, words: str
) -> None:
    path = tmp_path / "坏理由库.yaml"
    path.write_text(body, encoding="utf-8")
    with database.session_scope() as session, pytest.raises(InputError) as caught:
        store.import_file(session, path, "王五")
    text = str(caught.value)
    assert "坏理由库.yaml" in text and f"第{line}行" in text and words in text
    with database.session_scope(readonly=True) as session:
        assert store.list_reasons(session, STD) == []


def test_cli_import_refuses_unknown_item_with_chinese_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("standard: transport_penalty\nreasons:\n  - item: ZZ-01\n    text: 某理由\n", "utf-8")
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    assert main(["reasons", "import", str(path), "--db", db]) == 1
    assert "没有评查项目 ZZ-01" in capsys.readouterr().err
    assert main(["reasons", "import", "--db", db]) == 0
    assert main(["reasons", "add", "JA-02", "公示截图不清晰", "--basis", "某依据", "--db", db]) == 0
    assert main(["reasons", "list", "--item", "JA-02", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "公示截图不清晰（依据：某依据）" in out and "使用 0 次" in out


def test_match_reason_prefers_the_longest_prefix() -> None:
    short = Reason(1, STD, "JA-02", "未公示", ("第四十八条",))
    long = Reason(2, STD, "JA-02", "未公示，公示记录未归卷")
    other = Reason(3, STD, "JA-03", "未公示，公示记录未归卷，另")
    reasons = [short, long, other]
    assert match_reason(reasons, "JA-02", "未公示，公示记录未归卷。补充：见第5页") is long
    assert match_reason(reasons, "JA-02", "未公示（依据：第四十八条）") is short
    assert match_reason(reasons, "JA-02", "另写的理由") is None


def test_a_decision_counts_its_reason_once(tmp_path: Path, database: Database) -> None:
    path, _ = generate_case(tmp_path, "r1", kind="digital", seed=11, defects=["T-12"])
    analysis = open_case(path, database)
    with database.session_scope() as session:
        store.seed_if_empty(session, STD)
        reason = store.list_reasons(session, STD, "JA-02")[0]
    bench = Workbench.open(database, analysis, Checker.create(), "李评查")
    bench.override("JA-02", 0.0, reason.full_text(), reason.id)
    bench.undo()
    bench.redo()
    with database.session_scope(readonly=True) as session:
        counted = store.list_reasons(session, STD, "JA-02")
        trail = [e for e in audit_trail(session, case_id=analysis.case_id) if e.action == AuditAction.REASON]
    assert next(r for r in counted if r.id == reason.id).use_count == 1
    assert len(trail) == 1 and trail[0].after == {"reason": reason.id, "used": 1}
    with pytest.raises(InputError, match="属于评查项目 JA-02"):
        bench.override("JA-03", 0.0, "x", reason.id)


def test_standards_lint_checks_the_shipped_library(tmp_path: Path) -> None:
    from casereview.standards.lint import lint
    from casereview.standards.loader import default_root

    assert not [p for p in lint() if "reasons" in p.path]
    folder = tmp_path / STD
    folder.mkdir()
    (folder / "standard.yaml").write_bytes((default_root() / STD / "standard.yaml").read_bytes())
    (folder / "reasons.yaml").write_text(
        "standard: transport_penalty\nreasons:\n  - item: JA-02\n    text: 好\n  - item: QQ-01\n    text: 无此项\n",
        encoding="utf-8",
    )
    problems = [p for p in lint([folder], tmp_path) if p.path.endswith("reasons.yaml")]
    assert [p.message for p in problems] == ["评查标准 transport_penalty 中没有评查项目 QQ-01"]
    (folder / "reasons.yaml").write_text("standard: transport_penalty\nreasons:\n  - txt: x\n", "utf-8")
    (bad,) = [p for p in lint([folder], tmp_path) if p.path.endswith("reasons.yaml")]
    assert bad.line == 3 and "未知的字段 txt" in bad.message
