"""法制审核意见书: drafted from the legal_review_precheck standard, validated, written as a 公文-style DOCX."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import docx
import pymupdf
import pytest
from docx.oxml.ns import qn

from casegen import generate_case
from casereview.checking import Checker
from casereview.errors import CaseReviewError, ErrorCode
from casereview.ingest.docx import convert_to_pdf, soffice_binary
from casereview.legal import Conclusion, LegalOpinion, OpinionProblem, draft_opinion, validate_opinion
from casereview.legal.layout import BODY_FONT, TITLE, TITLE_FONT, chinese_date
from casereview.legal.model import pages_text, problem_line
from casereview.legal.opinion import AGREE_TEXT, PROBLEMS_LEAD, write_opinion_docx
from casereview.messages import describe
from casereview.pipeline import Analysis, read_case
from casereview.scoring.model import ItemStatus, ScoreSheet

TODAY = dt.date(2026, 11, 21)


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker.create("legal_review_precheck")


def _case(tmp: Path, name: str, defects: list[str]) -> tuple[Analysis, dict[str, Any]]:
    path, truth = generate_case(tmp, name, kind="digital", seed=5, defects=defects)
    return read_case(path), truth


@pytest.fixture(scope="module")
def defective(
    tmp_path_factory: pytest.TempPathFactory, checker: Checker
) -> tuple[Analysis, ScoreSheet, dict[str, Any]]:
    analysis, truth = _case(tmp_path_factory.mktemp("defect"), "p01", ["P-01"])
    return analysis, checker.check(analysis), truth


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory, checker: Checker) -> tuple[Analysis, ScoreSheet]:
    analysis, _ = _case(tmp_path_factory.mktemp("clean"), "clean", [])
    return analysis, checker.check(analysis)


def _opinion(**changes: Any) -> LegalOpinion:
    base = LegalOpinion(
        case_number="湘攸交处罚〔2024〕1385号",
        party="某某运输有限公司",
        case_title="某某运输有限公司未按规定携带道路运输证案",
        unit="某某县交通运输综合行政执法大队",
        submitted=dt.date(2026, 11, 18),
        reviewer="张法审",
        reviewed=TODAY,
        conclusion=Conclusion.PROBLEMS,
        problems=[
            OpinionProblem(
                "PZ-02",
                "调查取证执法人员不少于两人并持有执法证件",
                "第4页现场笔录仅载明1名执法人员。",
                (4, 5),
            ),
            OpinionProblem("", "", "询问笔录未由当事人逐页签名。", (6,)),
        ],
        opinion=PROBLEMS_LEAD + "\n1．执法人员不足；\n2．笔录未签名。",
        suggestions="请承办机构补正后重新送审。",
    )
    return dataclasses.replace(base, **changes)


# ---------------------------------------------------------------- drafting


def test_a_deducted_item_makes_problems_naming_the_item_and_its_pages(
    defective: tuple[Analysis, ScoreSheet, dict[str, Any]], checker: Checker
) -> None:
    analysis, sheet, truth = defective
    assert sheet.item("PZ-02").status is ItemStatus.DEDUCTED
    op = draft_opinion(analysis, sheet, "张法审", TODAY, standard=checker.standard)

    assert op.conclusion is Conclusion.PROBLEMS
    assert op.case_number == truth["fields"]["case_number"]
    assert op.party == truth["fields"]["party_name"]
    assert op.case_title == truth["fields"]["party_name"] + "案"
    assert (op.reviewer, op.reviewed, op.submitted) == ("张法审", TODAY, None)
    listed = {p.item_id: p for p in op.problems}
    assert set(listed) == {
        i.item_id for i in sheet.items if i.status in (ItemStatus.DEDUCTED, ItemStatus.NEEDS_REVIEW)
    }
    problem = listed["PZ-02"]
    assert problem.title == sheet.item("PZ-02").title
    assert problem.text == sheet.item("PZ-02").reason
    assert not problem.unsure
    records = {
        page
        for d in truth["documents"]
        if d["type"].endswith("笔录")
        for page in range(d["first_page"], d["last_page"] + 1)
    }
    assert problem.pages and set(problem.pages) <= records  # the 笔录 that lacks an officer
    assert op.opinion.startswith(PROBLEMS_LEAD) and "（PZ-02）" in op.opinion
    rectification = next(i.rectification for i in checker.standard.items if i.id == "PZ-02")
    assert problem.rectification == rectification
    assert rectification.rstrip("。") in op.suggestions
    assert validate_opinion(op) == []


def test_a_clean_case_is_agreed_with_the_standard_wording(clean: tuple[Analysis, ScoreSheet]) -> None:
    analysis, sheet = clean
    assert not any(i.status in (ItemStatus.DEDUCTED, ItemStatus.NEEDS_REVIEW) for i in sheet.items)
    op = draft_opinion(analysis, sheet, "李审核", TODAY)
    assert op.conclusion is Conclusion.AGREE
    assert op.problems == []
    assert op.opinion == AGREE_TEXT
    assert "同意作出处罚决定" in op.opinion and op.suggestions
    assert validate_opinion(op) == []


def test_an_undecided_item_is_listed_but_does_not_refuse_the_case(clean: tuple[Analysis, ScoreSheet]) -> None:
    analysis, sheet = clean
    item = dataclasses.replace(
        sheet.item("PC-01"), status=ItemStatus.NEEDS_REVIEW, reason="需人工确认：立案日期不清。"
    )
    unsure = dataclasses.replace(sheet, items=tuple(item if i.item_id == "PC-01" else i for i in sheet.items))
    op = draft_opinion(analysis, unsure, "李审核", TODAY)
    assert op.conclusion is Conclusion.AGREE
    assert [(p.item_id, p.unsure, p.text) for p in op.problems] == [
        ("PC-01", True, "需人工确认：立案日期不清。")
    ]
    # The reviewer has to settle it before the opinion can be issued.
    assert any("取消勾选" in e for e in validate_opinion(op))


# ---------------------------------------------------------------- text helpers


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (dt.date(2026, 11, 21), "二〇二六年十一月二十一日"),
        (dt.date(2025, 1, 10), "二〇二五年一月十日"),
        (dt.date(2000, 10, 1), "二〇〇〇年十月一日"),
        (dt.date(2024, 12, 30), "二〇二四年十二月三十日"),
        (dt.date(2019, 2, 19), "二〇一九年二月十九日"),
    ],
)
def test_chinese_date(day: dt.date, text: str) -> None:
    assert chinese_date(day) == text


@pytest.mark.parametrize(
    ("pages", "text"),
    [((), ""), ((3, 5), "（第3、5页）"), ((5, 4, 4), "（第4、5页）"), ((3, 4, 5, 6, 9), "（第3至6、9页）")],
)
def test_pages_text(pages: tuple[int, ...], text: str) -> None:
    assert pages_text(pages) == text


def test_problem_line_names_item_and_pages_once_ending_in_a_full_stop() -> None:
    line = problem_line(OpinionProblem("PW-01", "各文书案号一致", "案号前后不一致。", (3, 5)))
    assert line == "评查项目PW-01（各文书案号一致）：案号前后不一致（第3、5页）。"
    assert problem_line(OpinionProblem("", "", "缺少送达回证", ())) == "缺少送达回证。"


# ---------------------------------------------------------------- validation


def test_validate_accepts_a_complete_opinion() -> None:
    assert validate_opinion(_opinion()) == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"reviewer": "  "}, "请填写审核人。"),
        ({"case_title": ""}, "请填写案件名称。"),
        ({"case_number": ""}, "请填写案号。"),
        ({"party": ""}, "请填写当事人。"),
        ({"opinion": "\n"}, "请填写审核意见。"),
        ({"problems": []}, "审核结论为“存在问题”，但没有列出任何问题。"),
        ({"submitted": dt.date(2026, 11, 22)}, "送审日期晚于审核日期。"),
        ({"problems": [OpinionProblem("", "", " ", ())]}, "第1个问题没有内容。"),
    ],
)
def test_validate_names_each_problem(changes: dict[str, Any], expected: str) -> None:
    assert expected in validate_opinion(_opinion(**changes))


def test_validate_refuses_agreeing_while_problems_are_listed() -> None:
    errors = validate_opinion(_opinion(conclusion=Conclusion.AGREE, opinion=AGREE_TEXT))
    assert len(errors) == 1 and "同意" in errors[0]
    assert validate_opinion(_opinion(conclusion=Conclusion.AGREE, opinion=AGREE_TEXT, problems=[])) == []


# ---------------------------------------------------------------- DOCX


def _east_asia(run: Any) -> str | None:
    fonts = run._element.rPr.rFonts
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


def test_docx_layout_and_content(tmp_path: Path) -> None:
    target = tmp_path / "法制审核意见书.docx"
    write_opinion_docx(_opinion(), target)
    document = docx.Document(str(target))

    section = document.sections[0]

    def mm(*lengths: Any) -> list[float]:  # stored in twips: compare to a tenth of a millimetre
        return [round(length.mm, 1) for length in lengths]

    assert mm(section.page_width, section.page_height) == [210, 297]
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert mm(*margins) == [37, 35, 28, 26]

    texts = [p.text for p in document.paragraphs]
    title = document.paragraphs[0]
    assert title.text == TITLE == "法制审核意见书"
    assert title.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    title_fonts = title.runs[0]._element.rPr.rFonts
    assert title_fonts.get(qn("w:eastAsia")) == title_fonts.get(qn("w:ascii")) == TITLE_FONT

    cells = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert cells == [
        ["案件名称", "某某运输有限公司未按规定携带道路运输证案"],
        ["当事人", "某某运输有限公司"],
        ["案号", "湘攸交处罚〔2024〕1385号"],
        ["承办机构", "某某县交通运输综合行政执法大队"],
        ["送审日期", "二〇二六年十一月十八日"],
    ]

    headings = ["一、审核结论", "二、存在的问题", "三、审核意见", "四、处理建议"]
    positions = [texts.index(h) for h in headings]
    assert positions == sorted(positions)
    assert texts[positions[0] + 1] == "存在问题。"
    assert (
        texts[positions[1] + 1]
        == "1．评查项目PZ-02（调查取证执法人员不少于两人并持有执法证件）：第4页现场笔录仅载明1名执法人员（第4、5页）。"
    )
    assert texts[positions[1] + 2] == "2．询问笔录未由当事人逐页签名（第6页）。"
    assert texts[positions[2] + 1] == PROBLEMS_LEAD  # one paragraph per line of the opinion
    assert texts[positions[2] + 2] == "1．执法人员不足；"
    assert texts[positions[3] + 1] == "请承办机构补正后重新送审。"
    assert texts[-2:] == ["审核人：张法审", "二〇二六年十一月二十一日"]

    body = document.paragraphs[positions[1] + 1]
    assert _east_asia(body.runs[0]) == BODY_FONT
    assert body.runs[0].font.size.pt == 16
    assert body.paragraph_format.first_line_indent.pt == 32
    default_fonts = document.styles.element.find(qn("w:docDefaults")).find(
        f"{qn('w:rPrDefault')}/{qn('w:rPr')}"
    )
    assert default_fonts.find(qn("w:rFonts")).get(qn("w:eastAsia")) == BODY_FONT
    assert default_fonts.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
    assert document.core_properties.title == TITLE


def test_docx_declares_the_fallback_fonts(tmp_path: Path) -> None:
    target = tmp_path / "op.docx"
    write_opinion_docx(_opinion(), target)
    document = docx.Document(str(target))
    part = next(r.target_part for r in document.part.rels.values() if r.reltype.endswith("/fontTable"))
    table = docx.oxml.parse_xml(part.blob)
    alternatives = {
        f.get(qn("w:name")): f.find(qn("w:altName")).get(qn("w:val"))
        for f in table.iter(qn("w:font"))
        if f.find(qn("w:altName")) is not None
    }
    assert alternatives[TITLE_FONT] == "黑体"
    assert alternatives[BODY_FONT] == "仿宋"


def test_agreed_opinion_without_problems_says_so(tmp_path: Path) -> None:
    target = tmp_path / "agree.docx"
    write_opinion_docx(
        _opinion(conclusion=Conclusion.AGREE, problems=[], opinion=AGREE_TEXT, submitted=None), target
    )
    texts = [p.text for p in docx.Document(str(target)).paragraphs]
    assert texts[texts.index("一、审核结论") + 1] == "同意。"
    assert texts[texts.index("二、存在的问题") + 1] == "未发现需要补正的问题。"
    assert AGREE_TEXT in texts
    cells = [[c.text for c in row.cells] for row in docx.Document(str(target)).tables[0].rows]
    assert cells[-1] == ["送审日期", ""]


def test_a_missing_folder_is_a_chinese_error_naming_the_file(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "op.docx"
    with pytest.raises(CaseReviewError) as info:
        write_opinion_docx(_opinion(), target)
    assert info.value.code is ErrorCode.WRITE_FAILED
    message = describe(info.value)
    assert message == f"无法保存文件：{target}（文件夹不存在）"
    assert not target.parent.exists()


def test_a_folder_as_target_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CaseReviewError) as info:
        write_opinion_docx(_opinion(), tmp_path)
    assert "文件夹" in describe(info.value)


def test_a_failing_write_leaves_no_half_file_and_keeps_the_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "op.docx"
    target.write_bytes(b"previous opinion")

    def broken_save(self: Any, path: str) -> None:
        Path(path).write_bytes(b"PK\x03\x04 half")  # the disk fills up halfway
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(docx.document.Document, "save", broken_save)
    with pytest.raises(CaseReviewError) as info:
        write_opinion_docx(_opinion(), target)
    assert "磁盘空间不足" in describe(info.value)
    assert target.read_bytes() == b"previous opinion"
    assert [p.name for p in tmp_path.iterdir()] == ["op.docx"]  # no temporary file left


def test_a_new_file_is_not_created_when_the_write_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_save(self: Any, path: str) -> None:
        Path(path).write_bytes(b"half")
        raise RuntimeError("boom")

    monkeypatch.setattr(docx.document.Document, "save", broken_save)
    with pytest.raises(CaseReviewError):
        write_opinion_docx(_opinion(), tmp_path / "op.docx")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
@pytest.mark.libreoffice
@pytest.mark.skipif(soffice_binary() is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_renders_the_opinion_as_an_a4_pdf(tmp_path: Path) -> None:
    target = tmp_path / "opinion.docx"
    write_opinion_docx(_opinion(), target)
    pdf = convert_to_pdf(target, tmp_path)
    with pymupdf.open(pdf) as rendered:
        first = rendered[0]
        assert (round(first.rect.width), round(first.rect.height)) == (595, 842)
        text = "".join(page.get_text() for page in rendered).replace("\n", "")
        assert TITLE in first.get_text().replace(" ", "")
    for expected in (
        "湘攸交处罚〔2024〕1385号",
        "二、存在的问题",
        "审核人：张法审",
        "二〇二六年十一月二十一日",
    ):
        assert expected in text.replace(" ", "")
