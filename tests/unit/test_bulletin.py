"""评查结果通报 end to end: a settled session of three units exported with ``casereview export bulletin``,
the DOCX opened back (python-docx) and the PDF (PyMuPDF), their figures compared with the plan;
the rectification hook (not tracked, then a ledger table); bad input in Chinese."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import docx
import pymupdf
import pytest
from bulletin_kit import PHONE_IN_NOTE, PLAN, SESSION, UNITS, Built, build_session

from casereview.calendar.workdays import WorkCalendar
from casereview.checking import Checker
from casereview.cli import main
from casereview.export.anonymity_check import docx_images
from casereview.export.bulletin import BulletinSettings, write_bulletin
from casereview.export.bulletin_figures import bulletin_figures
from casereview.export.collect import collect
from casereview.ingest.docx import soffice_binary
from casereview.rectify.ledger import record_notice
from casereview.rectify.model import NewProblem
from casereview.rectify.status import NOT_TRACKED, rectification_status
from casereview.sessions.store import find_session, session_cases


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    made = build_session(tmp_path_factory.mktemp("bulletin"))
    yield made
    made.database.close()


def _scores() -> dict[str, float]:
    return {letter: 100 - sum(deductions.values()) for letter, (_, _, deductions) in PLAN.items()}


def _table(document: object, first_header: str) -> list[list[str]]:
    assert isinstance(document, docx.document.Document)
    for table in document.tables:
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        if rows[0][0] == first_header:
            return rows
    raise AssertionError(f"no table headed {first_header}")


def test_bulletin_figures_in_the_docx_and_the_pdf(
    built: Built, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert set(built.machine.values()) == {100.0}, "the plan's scores assume clean generated cases"
    out = tmp_path / "通报.docx"
    code = main(
        ["export", "bulletin", "--session", SESSION, "--db", built.url, "--out", str(out), "--no-ocr"]
    )
    assert code == 0, capsys.readouterr().err
    document = docx.Document(str(out))
    body = "\n".join(p.text for p in document.paragraphs)
    assert "关于2026年度行政执法案卷评查情况的通报" in body
    assert "由2名评查人员对3个执法单位报送的6件行政执法案卷" in body
    assert "优秀2件（占33.3%）、良好2件（占33.3%）、合格1件（占16.7%）、不合格1件（占16.7%）" in body
    scores = _scores()
    assert scores == {"A1": 100, "A2": 88, "B1": 83, "B2": 97, "C1": 73, "C2": 56}

    grades = _table(document, "执法单位")
    assert grades[0] == ["执法单位", "优秀", "良好", "合格", "不合格", "合计", "平均分"]
    assert grades[1:] == [
        [UNITS[0], "1", "1", "0", "0", "2", "94"],
        [UNITS[1], "1", "1", "0", "0", "2", "90"],
        [UNITS[2], "0", "0", "1", "1", "2", "64.5"],
        ["合计", "2", "2", "1", "1", "6", "82.83"],
    ]
    ranking = _table(document, "名次")
    assert [row[:5] for row in ranking[1:]] == [
        ["1", UNITS[0], "2", "94", "88"],
        ["2", UNITS[1], "2", "90", "83"],
        ["3", UNITS[2], "2", "64.5", "56"],
    ]
    assert [row[5] for row in ranking[1:]] == ["50.0%", "50.0%", "0.0%"]
    problems = _table(document, "序号")
    # SS-01 lost points in A2, B1, C1, C2; SS-02 in B1, B2, C1, C2; CX-01 in A2, B1, C2
    assert [row[1] for row in problems[1:4]] == ["SS-01", "SS-02", "CX-01"]
    assert problems[1][2] == "证据是否充分"  # the item's title, without its explanation
    assert [row[3:] for row in problems[1:4]] == [["4", "4"], ["4", "4"], ["3", "3"]]
    assert len(problems) == 11  # the ten most frequent
    categories = {row[0]: row[1:] for row in _table(document, "评查类别")[1:]}
    assert categories["事实认定与证据"] == ["10", "5", "56"]  # SS-01..04: 8+8+5+3+9+5+9+5+2+2

    assert (
        "1．东莞市交通运输局办理的" in body
        and "评查得分100分，等次为优秀。文书制作规范，证据链完整。" in body
    )
    assert "1．佛山市交通运输局办理的" in body and "评查得分56分，等次为不合格。" in body
    assert PHONE_IN_NOTE not in body, "the note's phone number is anonymised as in the compilation"
    assert "未纳入本系统整改台账跟踪" in body
    assert len(docx_images(document)) == 1  # the chart

    if soffice_binary() is None:
        return
    with pymupdf.open(out.with_suffix(".pdf")) as pdf:
        assert pdf.page_count >= 3
        words = "".join(page.get_text() for page in pdf).replace("\n", "")
        for page in pdf:
            page.get_pixmap(dpi=60).save(tmp_path / f"page{page.number + 1}.png")
    assert "64.5" in words and "82.83" in words and PHONE_IN_NOTE not in words
    assert all((tmp_path / f"page{n}.png").stat().st_size > 5000 for n in range(1, 4))


def test_rectification_counts_from_the_ledger(built: Built, tmp_path: Path) -> None:
    with built.database.session_scope(readonly=True) as session:
        assert rectification_status(session, built.session_id) is NOT_TRACKED
    case_ids = list(built.case_ids.values())[:3]
    problems = [NewProblem(c, None, "ZT-01", "立案审批", ("P-01",), "未按规定审批") for c in case_ids]
    with built.database.session_scope() as session:
        record_notice(
            session,
            built.session_id,
            UNITS[0],
            dt.date(2026, 3, 2),
            "评查〔2026〕1号",
            problems,
            "组长",
            WorkCalendar.default(),
        )
    with built.database.session_scope(readonly=True) as session:
        status = rectification_status(session, built.session_id)
        info = find_session(session, SESSION)
        finals = {c.case_id: c.final_review_id for c in session_cases(session, info.id) if c.final_review_id}
        units = {c.case_id: c.unit for c in session_cases(session, info.id)}
    assert status.tracked and dict(status.counts) == {"待整改": 3}
    cases = collect(
        [str(i) for i in built.case_ids.values()], Checker.create(), built.database, None, None, finals, units
    )
    figures = bulletin_figures(SESSION, 2026, cases)
    result = write_bulletin(figures, status, tmp_path / "t.docx", BulletinSettings(issuer="甲省交通运输厅"))
    body = "\n".join(p.text for p in docx.Document(str(result.docx)).paragraphs)
    assert "共列入整改台账问题3项，其中待整改3项" in body
    assert body.splitlines()[0] == "甲省交通运输厅"


def test_bad_input(built: Built, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.docx"
    assert (
        main(["export", "bulletin", "--session", "没有这个会话", "--db", built.url, "--out", str(out)]) == 1
    )
    assert "没有名为“没有这个会话”的评查会话" in capsys.readouterr().err
    assert main(["export", "bulletin", "1", "--db", built.url, "--out", str(out)]) == 1
    assert "请给出 --session 会话名称" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
