"""评查评分表 XLSX: the case layout, the session summaries, formulas (re-computed by LibreOffice),
and saving whole or not at all."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook  # type: ignore[import-untyped]

from casegen import generate_case
from casereview.checking import Checker
from casereview.domain.findings import Status
from casereview.domain.model import Evidence
from casereview.errors import CaseReviewError, ErrorCode
from casereview.export import ReviewedCase, collect
from casereview.export.scoresheet import CASE_SHEET_LIMIT, write_case_scoresheet, write_session_workbook
from casereview.export.scoresheet_session import case_sheet_name
from casereview.ingest.docx import soffice_binary
from casereview.messages import describe
from casereview.scoring import DecisionKind, ReviewerDecision, score_case

# seed → defects; seeds 41/44 are drawn to the same Beijing unit, 42 Jiangmen, 45 Changsha.
SEEDS = {41: ["T-12"], 42: ["P-01"], 44: ["S-01"], 45: ["T-02", "P-05"]}
AT = dt.datetime(2026, 3, 1, 17, 30, tzinfo=dt.UTC)  # 2026-03-02 01:30 in China
SUMMARIES = ["案卷汇总", "单位汇总", "问题频次", "评查人员"]


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[ReviewedCase], dict[int, list[str]]]:
    """Four checked cases; on the first (T-12) 李四 overrides the T-12 item to no deduction and
    deducts 2 on the manual item ZT-01 (page 3), and 王五 accepts SS-01."""
    folder = tmp_path_factory.mktemp("scoresheet")
    checker = Checker.create()
    failures: dict[int, list[str]] = {}
    paths = []
    for seed, defects in SEEDS.items():
        path, truth = generate_case(folder, f"c{seed}", kind="digital", seed=seed, defects=defects)
        paths.append(str(path))
        failures[seed] = list(truth["expected_failures"])
    cases = collect(paths, checker)
    first = cases[0]
    t12 = next(f.item for f in first.sheet.findings if f.rule == "T-12")
    assert t12 is not None
    decisions = {
        t12: ReviewerDecision(DecisionKind.OVERRIDE, "李四", AT, 0.0, "公示记录另附"),
        "ZT-01": ReviewerDecision(
            DecisionKind.MANUAL, "李四", AT, 2.0, "立案登记表无执法主体", Evidence(3, (0, 0, 10, 10), "立案")
        ),
        "SS-01": ReviewerDecision(DecisionKind.ACCEPT, "王五", AT),
    }
    sheet = score_case(checker.standard, checker.profile, first.sheet.findings, decisions)
    cases[0] = dataclasses.replace(first, sheet=sheet, reviewer="李四、王五", reviewed_at=AT)
    return cases, failures


def test_case_scoresheet_header_items_and_formulas(session: Any, tmp_path: Path) -> None:
    cases, _ = session
    case = cases[0]
    target = tmp_path / "评分表.xlsx"
    write_case_scoresheet(case, target)
    ws = load_workbook(target).active
    sheet = case.sheet
    assert ws["A1"].value == "交通运输行政执法案卷评查评分表"
    assert (ws["B2"].value, ws["H2"].value) == (case.case_number, case.party) and case.case_number
    assert (ws["B3"].value, ws["H3"].value) == (case.unit, case.source)
    assert sheet.standard_id in ws["B4"].value and sheet.standard_version in ws["B4"].value
    assert sheet.standard_hash[:12] in ws["B4"].value and sheet.standard_hash[:13] not in ws["B4"].value
    assert ws["H4"].value.startswith(sheet.profile)
    assert ws["B5"].value == "李四、王五"
    assert ws["H5"].value.date() == dt.date(2026, 3, 2)  # China time, not the UTC date
    assert ws["B6"].value == sheet.total == 100

    first, last = 13, 12 + len(sheet.items)
    assert ws["H6"].value == f"=SUM(E{first}:E{last})"
    assert ws["B7"].value == f"=MAX(0,B6-SUM(E{first}:E{last}))"
    assert ws["H7"].value.startswith(sheet.grade)
    assert [ws.cell(r, 2).value for r in range(first, last + 1)] == [i.item_id for i in sheet.items]
    for row, item in enumerate(sheet.items, first):
        assert ws[f"D{row}"].value == item.points and ws[f"E{row}"].value == item.deduction
        assert ws[f"F{row}"].value == f"=D{row}-E{row}"
        assert ws[f"G{row}"].value == item.status.value
        assert ws[f"J{row}"].value == case.decider(item.item_id)
    assert sum(ws[f"E{r}"].value for r in range(first, last + 1)) == sheet.deduction == 2.0
    assert [ws[f"{c}{last + 1}"].value for c in "DEF"] == [f"=SUM({c}{first}:{c}{last})" for c in "DEF"]

    manual = first + [i.item_id for i in sheet.items].index("ZT-01")
    assert (ws[f"E{manual}"].value, ws[f"J{manual}"].value, ws[f"I{manual}"].value) == (2.0, "李四", "第3页")
    assert ws[f"K{manual}"].value == dt.datetime(2026, 3, 2, 1, 30)
    t12 = first + [i.item_id for i in sheet.items].index(
        next(f.item for f in sheet.findings if f.rule == "T-12")
    )
    assert ws[f"E{t12}"].value == 0 and ws[f"H{t12}"].value == "公示记录另附"
    pages = sorted({e.page for f in sheet.item(ws[f"B{t12}"].value).findings for e in f.evidence})
    assert pages and ws[f"I{t12}"].value == f"第{'、'.join(map(str, pages))}页"

    assert ws.freeze_panes == f"A{first}" and ws.print_title_rows == "$12:$12"
    assert (ws.page_setup.orientation, ws.page_setup.paperSize) == ("landscape", 9)  # 9: A4
    assert ws.oddHeader.center.text == "交通运输行政执法案卷评查评分表"
    assert ws[f"H{first}"].font.name == "宋体" and ws[f"H{first}"].alignment.wrap_text
    assert ws[f"C{first}"].border.left.style == "thin" and ws.column_dimensions["H"].width >= 30


def test_unsaved_check_is_dated_today(session: Any, tmp_path: Path) -> None:
    cases, _ = session
    write_case_scoresheet(cases[1], tmp_path / "x.xlsx")
    ws = load_workbook(tmp_path / "x.xlsx").active
    today = dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).date()
    assert cases[1].reviewed_at is None and ws["H5"].value.date() == today
    assert ws["B5"].value == "机器初评"


def _rows(ws: Any, first: int = 3) -> list[tuple[Any, ...]]:
    rows = []
    for row in ws.iter_rows(min_row=first, values_only=True):
        if row[0] is None:
            break
        rows.append(row)
    return rows


def test_session_workbook_summaries(session: Any, tmp_path: Path) -> None:
    cases, failures = session
    target = tmp_path / "session.xlsx"
    write_session_workbook(cases, target, "2026年第一季度评查")
    book = load_workbook(target)
    assert book.sheetnames[:4] == SUMMARIES and len(book.sheetnames) == 4 + len(cases)

    summary = book["案卷汇总"]
    assert summary["A1"].value == "2026年第一季度评查"
    rows = _rows(summary)
    assert [r[2] for r in rows] == [c.case_number for c in cases]
    for row, name in zip(rows, book.sheetnames[4:], strict=True):
        assert row[4] == f"='{name}'!B7"  # 得分 is the case sheet's own formula
    assert [r[5] for r in rows] == [c.sheet.grade for c in cases]
    assert rows[0][7] == "李四、王五" and rows[0][8].date() == dt.date(2026, 3, 2)
    vetoed = [any(t.triggered for t in c.sheet.vetoes) for c in cases]
    assert [r[6] is not None for r in rows] == vetoed and any(vetoed)

    units = book["单位汇总"]
    grades = [units.cell(2, c).value for c in range(4, 8)]
    assert grades == ["优秀", "良好", "合格", "不合格"]
    unit_rows = _rows(units)[:-1]  # without 合计
    assert [r[0] for r in unit_rows] == list(dict.fromkeys(c.unit for c in cases)) and len(unit_rows) == 3
    assert unit_rows[0][1] == "=COUNTIF('案卷汇总'!$B$3:$B$6,$A3)"
    assert unit_rows[0][2] == "=ROUND(AVERAGEIF('案卷汇总'!$B$3:$B$6,$A3,'案卷汇总'!$E$3:$E$6),2)"
    assert unit_rows[0][3] == "=COUNTIFS('案卷汇总'!$B$3:$B$6,$A3,'案卷汇总'!$F$3:$F$6,D$2)"
    assert "P-05" in unit_rows[2][7] and "T-02" in unit_rows[2][7]  # 长沙 has only case 45

    # Problems: the generator's expected failures, less T-12 (overridden), plus 李四's ZT-01.
    expected_cases = Counter(rule for rules in failures.values() for rule in set(rules))
    expected_cases["T-12"] -= 1
    expected_cases["ZT-01"] += 1
    expected = {key: n for key, n in expected_cases.items() if n}
    problems = book["问题频次"]
    table = _rows(problems)
    assert {r[1]: r[5] for r in table} == expected
    assert [r[5] for r in table] == sorted((r[5] for r in table), reverse=True)
    counted: Counter[str] = Counter()
    for case in cases:  # occurrences straight from the sheets: failing rules of items that lost points
        for item in case.sheet.items:
            fails = [f for f in item.findings if f.status is Status.FAIL] if item.deduction > 0 else []
            counted.update({f.rule: max(f.violations, 1) for f in fails})
            counted.update([item.item_id] if item.deduction > 0 and not fails else [])
    assert {r[1]: r[4] for r in table} == dict(counted)
    t02 = next(r for r in table if r[1] == "T-02")
    assert t02[2] == "处罚决定书送达期限" and t02[3] == "文书制作与送达"
    assert t02[6] == f"=F{3 + table.index(t02)}/COUNT('案卷汇总'!$A$3:$A$6)"
    assert next(r for r in table if r[1] == "ZT-01")[2].startswith("人工评查")

    people = {r[0]: r[1:] for r in _rows(book["评查人员"])}
    assert people["李四"] == (1, cases[0].sheet.score, 1, 1)
    assert people["王五"] == (1, cases[0].sheet.score, 0, 0)
    assert people["机器初评"][0] == 3

    assert sorted(type(c).__name__ for c in units._charts) == ["BarChart", "PieChart"]
    assert [type(c).__name__ for c in problems._charts] == ["BarChart"]
    case_sheet = book[book.sheetnames[4]]
    assert case_sheet["B2"].value == cases[0].case_number and case_sheet["B7"].value.startswith("=MAX(0,")


def test_large_session_has_summaries_only_and_empty_session_writes(session: Any, tmp_path: Path) -> None:
    cases, _ = session
    many = [dataclasses.replace(cases[i % 4], case_id=i) for i in range(CASE_SHEET_LIMIT + 1)]
    write_session_workbook(many, tmp_path / "many.xlsx")
    book = load_workbook(tmp_path / "many.xlsx")
    assert book.sheetnames == SUMMARIES
    scores = [r[4] for r in _rows(book["案卷汇总"])]
    assert scores == [c.sheet.score for c in many]  # values, there is no case sheet to link

    write_session_workbook([], tmp_path / "empty.xlsx")
    empty = load_workbook(tmp_path / "empty.xlsx")
    assert empty.sheetnames == SUMMARIES and _rows(empty["案卷汇总"]) == []


def test_case_sheet_names_are_valid_and_unique() -> None:
    odd: Any = SimpleNamespace(case_number="湘交罚[2025]/12:3*?号" + "长" * 30, source="/x/y.pdf")
    taken: set[str] = set()
    names = [case_sheet_name(7, odd, taken) for _ in range(3)]
    assert len(set(names)) == 3 and all(len(n) <= 31 for n in names)
    assert not any(ch in n for n in names for ch in "[]:*?/\\")
    assert names[0].startswith("7 湘交罚_2025__12_3__号")
    nameless: Any = SimpleNamespace(case_number="", source="/x/第12号案卷.pdf")
    assert case_sheet_name(8, nameless, taken) == "8 第12号案卷"


def test_bad_targets_raise_a_chinese_error_and_leave_nothing(
    session: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cases, _ = session
    missing = tmp_path / "无此文件夹" / "评分表.xlsx"
    with pytest.raises(CaseReviewError) as caught:
        write_case_scoresheet(cases[0], missing)
    assert caught.value.code is ErrorCode.WRITE_FAILED
    assert describe(caught.value) == f"无法保存文件：{missing}（文件夹不存在）"

    with pytest.raises(CaseReviewError) as caught:
        write_session_workbook(cases, tmp_path)  # a folder
    assert "该路径是一个文件夹" in describe(caught.value)

    if os.geteuid() != 0:  # root writes anywhere
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        with pytest.raises(CaseReviewError) as caught:
            write_case_scoresheet(cases[0], locked / "a.xlsx")
        assert "没有写入权限" in describe(caught.value)
        locked.chmod(0o700)

    def broken_save(self: Any, filename: str) -> None:
        Path(filename).write_bytes(b"PK\x03\x04 partial")
        raise OSError(28, "No space left on device")

    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "old.xlsx").write_bytes(b"previous")
    monkeypatch.setattr(Workbook, "save", broken_save)
    with pytest.raises(CaseReviewError) as caught:
        write_session_workbook(cases, folder / "old.xlsx")
    assert "磁盘空间不足" in describe(caught.value) and str(folder / "old.xlsx") in describe(caught.value)
    assert [p.name for p in folder.iterdir()] == ["old.xlsx"]
    assert (folder / "old.xlsx").read_bytes() == b"previous"  # the earlier file survives


def _recalculated(path: Path, out: Path) -> Any:
    """``path`` opened, recalculated and saved again by LibreOffice, read back as values."""
    out.mkdir()
    profile = out / "profile"
    binary = soffice_binary()
    assert binary is not None
    command = [binary, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore"]
    subprocess.run(
        [*command, "--convert-to", "xlsx", "--outdir", str(out), str(path)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    shutil.rmtree(profile, ignore_errors=True)
    return load_workbook(out / path.name, data_only=True)


def _calc_installed() -> bool:
    """LibreOffice with its spreadsheet part (Debian: libreoffice-calc-nogui), not Writer alone."""
    binary = soffice_binary()
    if binary is None:
        return False
    program = Path(binary).resolve().parent
    return (program.parent / "share" / "registry" / "calc.xcd").exists()


@pytest.mark.slow
@pytest.mark.libreoffice
@pytest.mark.skipif(
    not _calc_installed(), reason="LibreOffice Calc (libreoffice-calc-nogui) is not installed"
)
def test_libreoffice_computes_the_same_scores(session: Any, tmp_path: Path) -> None:
    cases, _ = session
    write_case_scoresheet(cases[3], tmp_path / "case.xlsx")
    write_session_workbook(cases, tmp_path / "session.xlsx")

    ws = _recalculated(tmp_path / "case.xlsx", tmp_path / "lo1").active
    sheet = cases[3].sheet
    assert sheet.deduction > 0 and ws["H6"].value == pytest.approx(sheet.deduction)
    assert ws["B7"].value == pytest.approx(sheet.score)
    rows = range(13, 13 + len(sheet.items))
    assert [ws[f"F{r}"].value for r in rows] == pytest.approx([i.score for i in sheet.items])

    book = _recalculated(tmp_path / "session.xlsx", tmp_path / "lo2")
    assert [r[4] for r in _rows(book["案卷汇总"])] == pytest.approx([c.sheet.score for c in cases])
    for name in book.sheetnames[4:]:
        assert book[name]["B7"].value is not None
    unit_rows = _rows(book["单位汇总"])
    for unit, count, mean, *grades in (r[:7] for r in unit_rows[:-1]):
        members = [c for c in cases if c.unit == unit]
        assert count == len(members)
        assert mean == pytest.approx(round(sum(c.sheet.score for c in members) / len(members), 2))
        assert grades == [
            sum(c.sheet.grade == g for c in members) for g in ("优秀", "良好", "合格", "不合格")
        ]
    assert unit_rows[-1][:2] == ("合计", len(cases))
    problems = _rows(book["问题频次"])
    assert problems and [r[6] for r in problems] == pytest.approx([r[5] / len(cases) for r in problems])
