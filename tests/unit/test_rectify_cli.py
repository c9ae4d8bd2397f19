"""``casereview rectify …`` and ``casereview objection …`` on a SQLite file: the notice export of a
session records the ledger, then list, attach (a broken report refused by name), verify, close,
overdue, objections late / by the original reviewer / changed, the ledger workbook."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]
from rectify_kit import UNIT_A, UNIT_B, make_files, setup_session, write_report

from casereview.cli import main
from casereview.db import open_database
from casereview.export.rectify_ledger import COUNTS, OBJECTIONS

SESSION = "2026年度评查"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_rectify_and_objection_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    with open_database(url) as database:
        flow = setup_session(database, make_files(tmp_path / "cases"))
    db = ("--db", url)
    code, out, err = _run(capsys, "rectify", "periods", SESSION, *db, "--rectify-days", "20")
    assert code == 0 and "整改期限 20 个工作日" in out, err
    code, out, err = _run(
        capsys, "export", "notice", "--session", SESSION, *db, "--no-ocr", "--issued", "2026-03-02",
        "--out", str(tmp_path / "通知书"),
    )  # fmt: skip
    assert code == 0 and out.count("已导出") in (2, 4), err  # two units: DOCX (and PDF with LibreOffice)

    code, out, _ = _run(capsys, "rectify", "list", SESSION, *db, "--format", "json", "--today", "2026-03-02")
    items = {row["item"]: row for row in json.loads(out)}
    assert code == 0 and set(items) == {"ZT-02", "JA-02", "WS-07"}
    assert {row["deadline"] for row in items.values()} == {"2026-03-30"}  # 20 working days
    ja02, ws07 = str(items["JA-02"]["id"]), str(items["WS-07"]["id"])

    broken = tmp_path / "整改报告（损坏）.docx"
    broken.write_bytes(b"not a document")
    code, _, err = _run(
        capsys, "rectify", "attach", SESSION, str(broken), *db, "--unit", UNIT_A, "--items", ja02
    )
    assert code == 1 and "整改报告（损坏）.docx" in err and "无法打开" in err
    report = str(write_report(tmp_path / "整改报告.docx"))
    code, _, err = _run(
        capsys, "rectify", "attach", SESSION, report, *db, "--unit", UNIT_A, "--items", f"{ja02},{ws07}"
    )
    assert code == 1 and UNIT_B in err and "不能附整改报告" in err
    assert _run(capsys, "rectify", "attach", SESSION, report, *db, "--unit", UNIT_A, "--items", ja02)[0] == 0
    code, _, err = _run(
        capsys, "rectify", "verify", SESSION, ja02, *db, "--unit", UNIT_B, "--result", "已整改"
    )
    assert code == 1 and "不能核查" in err
    assert (
        _run(capsys, "rectify", "verify", SESSION, ja02, *db, "--unit", UNIT_A, "--result", "已整改")[0] == 0
    )
    assert _run(capsys, "rectify", "close", SESSION, ja02, *db)[0] == 0
    code, out, _ = _run(capsys, "rectify", "list", SESSION, *db, "--overdue", "--today", "2026-04-02")
    assert code == 0 and "逾期 3 个工作日" in out and "逾期 2 项" in out and f"[{ja02}]" not in out
    code, out, _ = _run(capsys, "rectify", "list", SESSION, *db, "--unit", UNIT_B)
    assert code == 0 and out.count("\n[") + out.startswith("[") == 1

    zt_case = str(flow.case_ids["ZT-02"])
    code, _, err = _run(
        capsys, "objection", "file", SESSION, *db, "--case", zt_case, "--item", "ZT-02",
        "--reason", "执法人员均持证", "--date", "2026-03-17",
    )  # fmt: skip
    assert code == 1 and "2026-03-17" in err and "2026-03-16" in err and "不予受理" in err
    code, _, err = _run(
        capsys, "objection", "file", SESSION, *db, "--case", zt_case, "--item", "ZT-02",
        "--reason", "执法人员均持证", "--date", "2026-03-16", "--attach", str(broken),
    )  # fmt: skip
    assert code == 1 and "整改报告（损坏）.docx" in err
    code, out, err = _run(
        capsys, "objection", "file", SESSION, *db, "--case", zt_case, "--item", "ZT-02",
        "--reason", "执法人员均持证", "--date", "2026-03-16", "--attach", report,
    )  # fmt: skip
    assert code == 0 and "已登记异议 #1" in out, err
    decide = ("objection", "decide", SESSION, "1", *db, "--result", "变更", "--reason", "查验执法证属实")
    code, _, err = _run(capsys, *decide, "--deduction", "0", "--by", "甲")
    assert code == 1 and "原评查意见" in err
    other = ("objection", "decide", "另一会话", "1", *db, "--result", "维持", "--reason", "x", "--by", "乙")
    code, _, err = _run(capsys, *other)
    assert code == 1 and "另一会话" in err
    code, out, err = _run(capsys, *decide, "--deduction", "0", "--by", "乙")
    assert code == 0 and "等次 不合格 →" in out, err
    code, out, _ = _run(capsys, "objection", "list", SESSION, *db, "--format", "json")
    (objection,) = json.loads(out)
    assert objection["status"] == "changed" and objection["attachments"] == ["整改报告.docx"]

    ledger = tmp_path / "整改台账.xlsx"
    code, out, err = _run(
        capsys, "rectify", "export", SESSION, *db, "--out", str(ledger), "--today", "2026-04-02"
    )
    assert code == 0, err
    book = load_workbook(ledger)
    total = [c.value for c in book[COUNTS][book[COUNTS].max_row]]
    head = [c.value for c in book[COUNTS][2]]
    counts = dict(zip(head, total, strict=True))
    assert (counts["合计"], counts["已销号"], counts["待整改"], counts["逾期"]) == (3, 2, 1, 1)
    assert [r[10] for r in book[OBJECTIONS].iter_rows(min_row=3, values_only=True)] == ["变更"]
