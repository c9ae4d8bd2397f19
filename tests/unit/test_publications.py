"""Publication lists (T-12): CSV in UTF-8/GBK and XLSX, header detection, refusals, look-up by 案号,
and the publication date a reviewer enters. Real SQLite files in tmp_path."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook  # type: ignore[import-untyped]
from sqlalchemy import func, select

from casereview.cli import main
from casereview.db import Database, open_database, save_case
from casereview.db.review_models import PublicationListRow, PublicationRow
from casereview.listfiles.publication_file import parse_date, parse_publication_list
from casereview.lists import (
    PublicationColumnsError,
    PublicationRowsError,
    PublicationUnreadable,
    find_publication,
    get_reviewer_publication_date,
    import_publication_list,
    list_publication_lists,
    publication_date_for_case,
    set_reviewer_publication_date,
)
from casereview.lists.publication_text import describe_publication_error
from casereview.review import AuditAction, audit_trail

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_db import build_sample

LIST_CSV = """某市交通运输局行政处罚决定公示清单
（导出时间：2025-05-01）
序号,行政处罚决定书文号,行政相对人名称,处罚决定日期,公示日期,处罚机关
1,粤东交罚〔2025〕00977号,某某运输有限公司,2025年4月10日,2025/4/18,某市交通运输局
2,粤东交罚[2025]978号,张三,2025-04-11,二〇二五年四月二十日,某市交通运输局
3,粤东交罚〔2025〕979号,李四,,20250422,
,,,,,
"""


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    with open_database(f"sqlite:///{tmp_path / 'review.db'}") as database:
        yield database


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def counts(db: Database) -> tuple[int, int]:
    with db.session_scope(readonly=True) as session:
        lists = session.scalar(select(func.count()).select_from(PublicationListRow))
        rows = session.scalar(select(func.count()).select_from(PublicationRow))
    return int(lists or 0), int(rows or 0)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_import_and_lookup_in_another_bracket_style(db: Database, tmp_path: Path, encoding: str) -> None:
    path = write(tmp_path, "公示清单.csv", LIST_CSV, encoding)
    with db.session_scope() as session:
        result = import_publication_list(session, path)
    assert (result.row_count, result.header_row, result.already_imported) == (3, 3, False)
    assert result.columns["publication_date"] == "公示日期"
    assert result.duplicates == [] and result.warnings == []
    with db.session_scope(readonly=True) as session:
        found = find_publication(session, "粤东交罚[2025]977号")
        assert found is not None
        assert (found.date, found.source) == (dt.date(2025, 4, 18), "list")
        assert "公示清单.csv" in found.note and "第4行" in found.note
        other = find_publication(session, "粤东交罚〔2025〕00978号")
        assert other is not None and other.date == dt.date(2025, 4, 20)
        assert find_publication(session, "粤东交罚 ( 2025 ) 第979号") is not None
        assert find_publication(session, "粤东交罚〔2025〕980号") is None
        (summary,) = list_publication_lists(session)
    assert (summary.file_name, summary.row_count, summary.id) == ("公示清单.csv", 3, result.list_id)


def test_same_file_twice_is_stored_once(db: Database, tmp_path: Path) -> None:
    path = write(tmp_path, "list.csv", LIST_CSV)
    with db.session_scope() as session:
        first = import_publication_list(session, path)
    with db.session_scope() as session:
        again = import_publication_list(session, path)
    assert again.already_imported and again.list_id == first.list_id
    assert counts(db) == (1, 3)


def test_xlsx_with_date_cells_serials_and_text(db: Database, tmp_path: Path) -> None:
    workbook = Workbook()
    notes = workbook.active
    assert notes is not None
    notes.title = "说明"
    notes.append(["本表由公示平台导出"])
    sheet = workbook.create_sheet("公示信息")
    sheet.append(["行政处罚决定书公示"])
    sheet.append(["决定书文号", "当事人名称", "处罚决定日期", "发布日期（年月日）"])
    sheet.append(
        [
            "粤东交罚〔2025〕00977号",
            "某某运输有限公司",
            dt.datetime(2025, 4, 10),
            dt.datetime(2025, 4, 18, 9, 30),
        ]
    )
    sheet.append(["粤东交罚〔2025〕00978号", "张三", "2025年4月11日", 45766])  # Excel serial of 2025-04-19
    sheet.append(["粤东交罚〔2025〕00979号", "李四", None, 20250422])
    sheet.append([None, None, None, None])
    path = tmp_path / "公示.xlsx"
    workbook.save(path)
    with db.session_scope() as session:
        result = import_publication_list(session, path)
        assert (result.sheet, result.header_row, result.row_count) == ("公示信息", 2, 3)
        dates = [find_publication(session, f"粤东交罚[2025]{n}号") for n in (977, 978, 979)]
    assert [d.date if d else None for d in dates] == [dt.date(2025, 4, d) for d in (18, 19, 22)]
    assert dates[0] is not None and "第3行" in dates[0].note


@pytest.mark.parametrize(
    ("header", "missing"),
    [
        ("序号,案件名称,日期", ["case_number", "publication_date"]),
        ("行政处罚决定书文号,行政相对人名称,公示截止期", ["publication_date"]),  # 截止期 is not the date
        ("公示日期,当事人", ["case_number"]),
    ],
)
def test_wrong_columns_are_refused(db: Database, tmp_path: Path, header: str, missing: list[str]) -> None:
    path = write(tmp_path, "wrong.csv", f"{header}\n粤东交罚〔2025〕1号,x,2025-04-18\n")
    with pytest.raises(PublicationColumnsError) as caught, db.session_scope() as session:
        import_publication_list(session, path)
    error = caught.value
    assert error.missing == missing
    assert error.found == header.split(",") and error.found_row == 1
    assert "行政处罚决定书文号" in error.expected["case_number"]
    text = describe_publication_error(error)
    assert "未找到必需的列" in text and header.split(",")[0] in text and "上网日期" in text
    assert counts(db) == (0, 0)


def test_bad_rows_refuse_the_whole_file(db: Database, tmp_path: Path) -> None:
    text = (
        "行政处罚决定书文号,处罚决定日期,公示日期\n"
        "粤东交罚〔2025〕1号,2025-04-01,2025-04-08\n"
        "粤东交罚〔2025〕2号,2025-04-01,2025年13月1日\n"
        "粤东交罚〔2025〕3号,2025-04-01,2025-04-09\n"
        "粤东交罚〔2025〕4号,下周一,待定\n"
    )
    path = write(tmp_path, "bad.csv", text, "gbk")
    with pytest.raises(PublicationRowsError) as caught, db.session_scope() as session:
        import_publication_list(session, path)
    bad = [(b.row, b.column, b.value, b.reason) for b in caught.value.bad_rows]
    assert bad == [
        (3, "公示日期", "2025年13月1日", "日期无法识别"),
        (5, "处罚决定日期", "下周一", "日期无法识别"),
        (5, "公示日期", "待定", "日期无法识别"),
    ]
    assert counts(db) == (0, 0)
    message = describe_publication_error(caught.value)
    assert "有 2 行数据有误" in message and "第3行" in message and "第5行" in message


def test_empty_number_and_empty_date_are_bad_rows(tmp_path: Path) -> None:
    text = "文号,公示日期\n,2025-04-08\n粤东交罚〔2025〕2号,\n"
    with pytest.raises(PublicationRowsError) as caught:
        parse_publication_list(write(tmp_path, "gaps.csv", text))
    assert [(b.row, b.reason) for b in caught.value.bad_rows] == [(2, "文号为空"), (3, "公示日期为空")]


def test_duplicates_are_reported_and_the_earliest_date_counts(db: Database, tmp_path: Path) -> None:
    text = (
        "案号\t公示日期\t处罚决定日期\n"
        "粤东交罚〔2025〕7号\t2025-04-20\t2025-04-10\n"
        "粤东交罚[2025]007号\t2025-04-15\t2025-04-10\n"
        "粤东交罚〔2025〕8号\t2025-04-01\t2025-04-10\n"
    )
    with db.session_scope() as session:
        result = import_publication_list(session, write(tmp_path, "dup.tsv", text))
        found = find_publication(session, "粤东交罚〔2025〕00007号")
    (duplicate,) = result.duplicates
    assert [row for row, _number, _date in duplicate.rows] == [2, 3]
    assert found is not None and found.date == dt.date(2025, 4, 15) and "第3行" in found.note
    assert [(w.row, w.reason) for w in result.warnings] == [(4, "公示日期早于处罚决定日期")]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-04-18", dt.date(2025, 4, 18)),
        ("2025-04-18T10:30:00+08:00", dt.date(2025, 4, 18)),
        ("2025-04-18 10:30", dt.date(2025, 4, 18)),
        ("２０２５年４月１８日", dt.date(2025, 4, 18)),
        ("2025.4.18", dt.date(2025, 4, 18)),
        ("20250418", dt.date(2025, 4, 18)),
        (45765, dt.date(2025, 4, 18)),
        (dt.datetime(2025, 4, 18, 8, 0), dt.date(2025, 4, 18)),
        ("", None),
        (None, None),
    ],
)
def test_date_forms(value: str | int | dt.datetime | None, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(PublicationUnreadable) as caught:
        parse_publication_list(write(tmp_path, "x.xls", "not really"))
    assert caught.value.problem == "xls"
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04 broken")
    with pytest.raises(PublicationUnreadable):
        parse_publication_list(tmp_path / "broken.xlsx")
    with pytest.raises(PublicationUnreadable) as caught:
        parse_publication_list(write(tmp_path, "header-only.csv", "文号,公示日期\n"))
    assert caught.value.problem == "no_rows"


def test_reviewer_publication_date(db: Database) -> None:
    with db.session_scope() as session:
        case_id = save_case(session, *build_sample())
        assert get_reviewer_publication_date(session, case_id) is None
        set_reviewer_publication_date(session, case_id, dt.date(2025, 4, 18), "王评查")
    with db.session_scope() as session:
        entered = get_reviewer_publication_date(session, case_id)
        assert entered is not None and (entered.date, entered.source, entered.note) == (
            dt.date(2025, 4, 18),
            "reviewer",
            "王评查",
        )
        set_reviewer_publication_date(session, case_id, dt.date(2025, 4, 19), "李复核")
        assert publication_date_for_case(
            session, case_id, "粤东交罚〔2025〕977号"
        ) == get_reviewer_publication_date(session, case_id)
        set_reviewer_publication_date(session, case_id, None, "李复核")
        assert get_reviewer_publication_date(session, case_id) is None
        trail = audit_trail(session, case_id)
    assert [e.action for e in trail] == [AuditAction.PUBLICATION_DATE] * 3
    assert [(e.before, e.after) for e in trail] == [
        (None, {"date": "2025-04-18", "reviewer": "王评查"}),
        ({"date": "2025-04-18", "reviewer": "王评查"}, {"date": "2025-04-19", "reviewer": "李复核"}),
        ({"date": "2025-04-19", "reviewer": "李复核"}, None),
    ]
    assert trail[1].actor == "李复核" and trail[1].machine


def test_cli_import_list_and_refusal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    good = write(tmp_path, "good.csv", LIST_CSV, "gbk")
    assert main(["publications", "import", str(good), "--db", url]) == 0
    assert "已导入公示清单 #1：good.csv，共 3 条公示记录" in capsys.readouterr().out
    assert main(["publications", "import", str(good), "--db", url]) == 0
    assert "已导入过" in capsys.readouterr().out
    bad = write(
        tmp_path, "bad.csv", "文号,公示日期\n粤东交罚〔2025〕1号,2025-02-30\n粤东交罚〔2025〕2号,明天\n"
    )
    assert main(["publications", "import", str(bad), "--db", url]) == 1
    err = capsys.readouterr().err
    assert "第2行" in err and "第3行" in err and "整个文件均未导入" in err
    assert main(["publications", "import", str(tmp_path / "missing.csv"), "--db", url]) == 1
    assert "找不到" in capsys.readouterr().err
    assert main(["publications", "list", "--db", url]) == 0
    out = capsys.readouterr().out
    assert "good.csv" in out and "bad.csv" not in out
