"""A calibration round run through the CLI on any database URL (SQLite or PostgreSQL): three
generated cases reviewed by the lead (gold), two trainees scoring them in the workbench, bad
input along the way; then the figures the report must give, computed here from the contingency
each trainee's plan makes (not by the code under test)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import load_workbook

from casegen import generate_case
from casereview.checking import Checker
from casereview.cli import main
from casereview.db import Database, load_case, open_database
from casereview.library import open_case
from casereview.pipeline import Analysis
from casereview.review.workbench import Workbench
from casereview.scoring import ItemStatus

LEAD = "组长"
ROUND = "2026年第一轮校准"
# case letter → item → deduction; every other item decided as no deduction by the lead
GOLD = {"G1": {"SS-01": 4, "CX-01": 2}, "G2": {"SS-02": 3}, "G3": {"FL-02": 1, "WS-01": 2}}
TRAINEES = {
    # exact on G1, another amount on G2 (agrees on "deducted"), misses FL-02 on G3
    "学员甲": {"G1": {"SS-01": 4, "CX-01": 2}, "G2": {"SS-02": 2}, "G3": {"WS-01": 2}},
    # misses CX-01, SS-02 and FL-02; deducts ZT-01 that gold did not
    "学员乙": {"G1": {"SS-01": 4}, "G2": {}, "G3": {"WS-01": 2, "ZT-01": 2}},
}
# (both deducted, gold only = missed, trainee only = extra) in the binary "lost points" table
CONTINGENCY = {"学员甲": (4, 1, 0), "学员乙": (2, 3, 1)}


def expected_kappa(both: int, gold_only: int, trainee_only: int, n: int) -> float:
    neither = n - both - gold_only - trainee_only
    observed = (both + neither) / n
    gold_yes, trainee_yes = both + gold_only, both + trainee_only
    chance = (gold_yes * trainee_yes + (n - gold_yes) * (n - trainee_yes)) / (n * n)
    return (observed - chance) / (1 - chance)


@dataclass
class Outcome:
    judgments: int  # items judged per trainee over the three cases (neither side 不适用)
    out: str  # the report's text
    workbook: Path


def _score(database: Database, case_id: int, reviewer: str, deductions: dict[str, float]) -> int:
    checker = Checker.create()
    with database.session_scope(readonly=True) as session:
        analysis = Analysis(*load_case(session, case_id), case_id)
    bench = Workbench.open(database, analysis, checker, reviewer)
    # blind: a trainee's review starts from the machine's findings, not from the lead's decisions
    assert all(item.decision is None for item in bench.sheet.items)
    for item in bench.sheet.items:
        if item.item_id in deductions:
            bench.override(item.item_id, deductions[item.item_id], f"{reviewer}认为有问题")
        elif item.deduction or item.status in (ItemStatus.PENDING, ItemStatus.NEEDS_REVIEW):
            bench.override(item.item_id, 0, "经核查无问题")
    if reviewer == LEAD:
        bench.set_done(True)
    return bench.review_id


def run_round(folder: Path, url: str, capsys: pytest.CaptureFixture[str]) -> Outcome:
    paths = [generate_case(folder, f"c{n}", kind="digital", seed=960 + n)[0] for n in range(3)]
    db = ["--db", url]
    database = open_database(url)
    try:
        stored = [open_case(path, database).case_id for path in paths]
        ids = dict(zip(GOLD, map(str, stored), strict=True))
        assert list(ids.values()) == ["1", "2", "3"]
        assert main(["calibration", "gold", "1", "--lead", LEAD, *db]) == 1  # not reviewed yet
        assert "没有“组长”已完成的评查" in capsys.readouterr().err
        for letter, deductions in GOLD.items():
            _score(database, int(ids[letter]), LEAD, deductions)
        assert main(["calibration", "gold", *ids.values(), "--lead", LEAD, *db]) == 0
        assert main(["calibration", "gold", "1", "--lead", LEAD, *db]) == 1
        assert "已是标准答案案卷" in capsys.readouterr().err
        assert main(["calibration", "gold", "99", "--lead", LEAD, *db]) == 1
        assert "案卷不存在（编号 99）" in capsys.readouterr().err

        cases = [arg for i in ids.values() for arg in ("--case", i)]
        trainees = [arg for t in TRAINEES for arg in ("--trainee", t)]
        assert main(["calibration", "round", ROUND, *cases, *trainees, "--lead", LEAD, *db]) == 0
        assert main(["calibration", "round", "x", *cases, "--trainee", LEAD, "--lead", LEAD, *db]) == 1
        assert "其本人不能作为学员" in capsys.readouterr().err
        capsys.readouterr()
        assert main(["calibration", "cases", ROUND, "--trainee", "学员甲", *db]) == 0
        listed = capsys.readouterr().out
        assert "案卷 1" in listed and "尚未提交" in listed and "扣" not in listed  # no answer shown

        for trainee, plan in TRAINEES.items():
            _score(database, 1, trainee, plan["G1"])
            # Before handing in, a trainee cannot see gold, nor submit with a case unscored
            assert main(["calibration", "show", ROUND, "--trainee", trainee, *db]) == 1
            assert f"学员“{trainee}”尚未提交" in capsys.readouterr().err
            assert main(["calibration", "submit", ROUND, "--trainee", trainee, *db]) == 1
            assert "还有案卷未完成评查" in capsys.readouterr().err
            for letter in ("G2", "G3"):
                _score(database, int(ids[letter]), trainee, plan[letter])
        assert main(["calibration", "submit", ROUND, "--trainee", "学员甲", *db]) == 0
        capsys.readouterr()
        assert main(["calibration", "report", ROUND, *db]) == 0
        assert "未提交：学员乙" in capsys.readouterr().out  # 乙's figures wait for 乙
        assert main(["calibration", "submit", ROUND, "--trainee", "学员乙", *db]) == 0
        assert main(["calibration", "submit", ROUND, "--trainee", "学员乙", *db]) == 1
        assert "不能重复提交" in capsys.readouterr().err
        assert main(["calibration", "show", ROUND, "--trainee", "学员丙", *db]) == 1
        assert "不是校准轮次" in capsys.readouterr().err

        assert main(["calibration", "show", ROUND, "--trainee", "学员甲", *db]) == 0
        shown = capsys.readouterr().out
        assert "案卷 2 SS-02" in shown and "标准答案扣 3 分，学员扣 2 分（扣分不同）" in shown
        assert "案卷 3 FL-02" in shown and "（漏扣）" in shown and "SS-01" not in shown

        workbook = folder / "校准报告.xlsx"
        assert main(["calibration", "report", ROUND, "--xlsx", str(workbook), *db]) == 0
        out = capsys.readouterr().out
        judgments = int(out.splitlines()[2].split("\t")[1])
    finally:
        database.close()
    return Outcome(judgments, out, workbook)


def check_outcome(outcome: Outcome) -> None:
    """Kappas, missed items and the workbook against the plan."""
    lines = outcome.out.splitlines()
    rows = {line.split("\t")[0]: line.split("\t") for line in lines[2:4]}
    n = outcome.judgments
    assert n > 30  # every applicable item of three cases
    for trainee, (both, gold_only, trainee_only) in CONTINGENCY.items():
        row = rows[trainee]
        assert int(row[1]) == n
        kappa = expected_kappa(both, gold_only, trainee_only, n)
        assert row[4] == f"{kappa:.2f}", (trainee, row, kappa)
        assert (int(row[5]), int(row[6])) == (gold_only, trainee_only)
    agreed_first = n - 2  # 学员甲: SS-02 (another amount) and FL-02 (missed) differ
    assert int(rows["学员甲"][2]) == agreed_first
    assert int(rows["学员乙"][2]) == n - 4
    missed_at = lines.index("最常漏扣的评查项目：")
    assert (
        lines[missed_at + 1].startswith("  FL-02 ") and "漏扣 2 次（学员甲、学员乙）" in lines[missed_at + 1]
    )
    assert {line.split()[0] for line in lines[missed_at + 2 : missed_at + 4]} == {"CX-01", "SS-02"}

    book = load_workbook(outcome.workbook)
    assert book.sheetnames == ["学员汇总", "常见漏扣项目", "评查项目", "差异明细"]
    summary = book["学员汇总"]
    assert [summary.cell(3, c).value for c in (1, 3, 7, 8)] == ["学员甲", n, 1, 0]
    assert round(summary.cell(4, 6).value, 6) == round(expected_kappa(*CONTINGENCY["学员乙"], n), 6)
    missed = book["常见漏扣项目"]
    assert (missed["A3"].value, missed["H3"].value, missed["J3"].value) == ("FL-02", 2, "学员甲、学员乙")
    diffs = book["差异明细"]
    kinds = [
        (diffs.cell(r, 1).value, diffs.cell(r, 3).value, diffs.cell(r, 7).value)
        for r in range(3, diffs.max_row + 1)
    ]
    assert kinds == [
        ("学员甲", "SS-02", "扣分不同"),
        ("学员甲", "FL-02", "漏扣"),
        ("学员乙", "CX-01", "漏扣"),
        ("学员乙", "SS-02", "漏扣"),
        ("学员乙", "ZT-01", "多扣"),
        ("学员乙", "FL-02", "漏扣"),
    ]
