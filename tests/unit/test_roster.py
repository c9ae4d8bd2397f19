"""The officer roster (执法人员名单, P-21): CSV in UTF-8 and GBK and real XLSX into a real SQLite
file, listed, replaced; a duplicate certificate or a date that does not parse refuses the whole file
with its row and a Chinese reason, and nothing is half-imported."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook  # type: ignore[import-untyped]
from sqlalchemy import func, select

from casegen import generate_case
from casereview.cli import main
from casereview.db import Database, open_database
from casereview.db.review_models import RosterEntryRow, RosterListRow
from casereview.listfiles.roster_file import RosterError, parse_roster
from casereview.lists.roster import import_roster, list_rosters, load_roster

HEADER = "姓名,执法证号,执法领域/门类,有效期至\n"
ROWS = "张伟,44010012345,道路运输,2027-06-30\n李娜,44010012346,公路路政,2026年3月31日\n"


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'roster.db'}"


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    with open_database(db_url) as database:
        yield database


def _csv(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _counts(db: Database) -> tuple[int, int]:
    with db.session_scope(readonly=True) as session:
        lists = session.scalar(select(func.count()).select_from(RosterListRow))
        rows = session.scalar(select(func.count()).select_from(RosterEntryRow))
    return int(lists or 0), int(rows or 0)


def test_gbk_csv_round_trips(tmp_path: Path, db: Database) -> None:
    path = _csv(tmp_path, "执法人员名单.csv", HEADER + ROWS, "gbk")
    with db.session_scope() as session:
        done = import_roster(session, path)
    assert done.row_count == 2 and not done.already_imported
    with db.session_scope(readonly=True) as session:
        roster = load_roster(session)
    assert roster is not None and "执法人员名单.csv" in roster.source
    found = roster.find("4401 0012 346")
    assert found is not None and found.name == "李娜" and found.valid_until == dt.date(2026, 3, 31)
    assert found.field == "公路路政" and found.row == 3


def test_xlsx_with_a_title_row_and_date_cells(tmp_path: Path, db: Database) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["某市交通运输综合行政执法支队执法人员名单"])
    sheet.append(["序号", "姓名", "执法证号", "执法门类", "有效期至"])
    sheet.append([1, "王强", "粤A0012", "道路运输", dt.datetime(2026, 12, 31)])
    sheet.append([2, "赵敏", 44010099999, "海事", "2027/1/15"])
    path = tmp_path / "名单.xlsx"
    book.save(path)
    parsed = parse_roster(path)
    assert [(e.name, e.certificate, e.valid_until, e.row) for e in parsed.entries] == [
        ("王强", "粤A0012", dt.date(2026, 12, 31), 3),
        ("赵敏", "44010099999", dt.date(2027, 1, 15), 4),
    ]
    with db.session_scope() as session:
        import_roster(session, path)
    assert _counts(db) == (1, 2)


def test_duplicate_certificates_and_bad_dates_refuse_the_whole_file(tmp_path: Path, db: Database) -> None:
    text = HEADER + ROWS + "王五,44010012345,道路运输,2027-01-01\n赵六,44010012399,道路运输,明年\n"
    path = _csv(tmp_path, "bad.csv", text)
    with pytest.raises(RosterError) as caught, db.session_scope() as session:
        import_roster(session, path)
    described = caught.value.describe()
    assert "bad.csv:第4行 执法证号“44010012345”：执法证号与第2行重复" in described
    assert "bad.csv:第5行 有效期至“明年”：日期无法识别" in described
    assert _counts(db) == (0, 0)  # nothing half-imported


def test_replace_is_atomic_and_a_refused_replace_keeps_the_old_roster(tmp_path: Path, db: Database) -> None:
    first = _csv(tmp_path, "a.csv", HEADER + ROWS)
    second = _csv(tmp_path, "b.csv", HEADER + "孙七,44010077777,道路运输,2028-01-01\n")
    broken = _csv(tmp_path, "c.csv", HEADER + "周八,,道路运输,2028-01-01\n")
    with db.session_scope() as session:
        import_roster(session, first)
    with pytest.raises(RosterError), db.session_scope() as session:
        import_roster(session, broken, replace=True)
    assert _counts(db) == (1, 2)
    with db.session_scope() as session:
        assert import_roster(session, second, replace=True).replaced == 1
    with db.session_scope(readonly=True) as session:
        assert [s.file_name for s in list_rosters(session)] == ["b.csv"]
        roster = load_roster(session)
    assert roster is not None and [e.name for e in roster.entries] == ["孙七"]


def test_cli_import_list_and_refusal(tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    good = _csv(tmp_path, "执法人员名单.csv", HEADER + ROWS, "gbk")
    assert main(["roster", "import", str(good), "--db", db_url]) == 0
    assert "已导入执法人员名单 执法人员名单.csv" in capsys.readouterr().out
    assert main(["roster", "import", str(good), "--db", db_url]) == 0
    assert "此前已导入" in capsys.readouterr().out
    assert main(["roster", "list", "--entries", "--db", db_url]) == 0
    out = capsys.readouterr().out
    assert "2人" in out and "李娜\t44010012346\t公路路政\t有效期至2026-03-31" in out
    bad = _csv(tmp_path, "bad.csv", HEADER + "张三,1,道路运输,2026-02-30\n")
    assert main(["roster", "import", str(bad), "--db", db_url]) == 1
    assert "bad.csv:第2行 有效期至“2026-02-30”：日期无法识别" in capsys.readouterr().err
    nohead = _csv(tmp_path, "nohead.csv", "a,b\n1,2\n")
    assert main(["roster", "import", str(nohead), "--db", db_url]) == 1
    assert "没有找到表头" in capsys.readouterr().err


def _roster_xlsx(truth: dict[str, object], path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["姓名", "执法证号", "执法领域/门类", "有效期至"])
    rows = truth["roster"]
    assert isinstance(rows, list)
    for row in rows:
        sheet.append(
            [row["name"], row["certificate"], row["field"], dt.date.fromisoformat(row["valid_until"])]
        )
    book.save(path)
    return path


def test_check_and_stored_reviews_use_the_roster(
    tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """End to end: a lapsed certificate fails P-21 with check --roster, and with the stored roster."""
    case, truth = generate_case(tmp_path, "lapsed", kind="digital", seed=4, defects=["P-21"])
    roster = _roster_xlsx(truth, tmp_path / "执法人员名单.xlsx")
    args = ["check", str(case), "--standard", "legal_review_precheck", "--format", "json", "-q"]
    assert main([*args, "--roster", str(roster)]) == 0
    (result,) = json.loads(capsys.readouterr().out)
    p21 = next(f for f in result["findings"] if f["rule"] == "P-21")
    assert p21["status"] == "fail" and "已过期" in p21["message"] and "执法人员名单.xlsx" in p21["message"]
    assert main(args) == 0  # no roster: not applicable
    (result,) = json.loads(capsys.readouterr().out)
    assert next(f for f in result["findings"] if f["rule"] == "P-21")["status"] == "not_applicable"

    assert main(["roster", "import", str(roster), "--db", db_url]) == 0
    ingest = ["ingest", str(case), "--db", db_url, "--standard", "legal_review_precheck", "-q"]
    assert main([*ingest, "--reviewer", "测试员"]) == 0
    capsys.readouterr()
    assert main(["review", "show", "1", "--db", db_url]) == 0
    shown = capsys.readouterr().out
    assert "PZ-03" in shown and "已过期" in shown
