"""整改通知书: one GB/T 9704-style DOCX per enforcement unit, read back with python-docx (and PyMuPDF)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import docx
import pymupdf
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn

from casegen import generate_case
from casereview.checking import Checker
from casereview.domain.model import Evidence
from casereview.errors import CaseReviewError, ErrorCode
from casereview.export import ReviewedCase, collect
from casereview.export.notice import (
    CLEAN_CASE,
    NO_PROBLEMS,
    NUMBER_PLACEHOLDER,
    UNKNOWN_UNIT,
    NoticeSettings,
    case_problems,
    notice_file_name,
    notices_by_unit,
    to_pdf,
    write_notice,
    write_notices,
)
from casereview.ingest.docx import soffice_binary
from casereview.legal.model import pages_text
from casereview.office import gongwen
from casereview.office.gongwen import BODY_FONT, HEADING_FONT, ISSUER_FONT, TITLE_FONT
from casereview.scoring import score_case
from casereview.scoring.model import DecisionKind, ReviewerDecision

ISSUED = dt.date(2026, 11, 21)
SETTINGS = NoticeSettings(
    issuer="湖南省交通运输厅",
    doc_number="湘交执法〔2026〕12号",
    issued=ISSUED,
    contact="张三，0731-88888888",
)
AT = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)
MANUAL_REASON = "执法主体超越法定职权查处水路运输违法行为"


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker.create()


def _decided(case: ReviewedCase, checker: Checker, decisions: dict[str, ReviewerDecision]) -> ReviewedCase:
    sheet = score_case(checker.standard, checker.profile, case.sheet.findings, decisions)
    return dataclasses.replace(case, sheet=sheet, reviewer="李四", reviewed_at=AT)


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory, checker: Checker) -> list[ReviewedCase]:
    """攸县 (two cases with defects), 吉林 (one), 炎陵 (a clean one); reviewer decisions on top."""
    tmp = tmp_path_factory.mktemp("cases")
    specs = [
        (3, ["W-01", "P-01", "C-02"]),  # 攸县: 立卷 WS-07, 实体 WS-05, 程序 ZT-02
        (4, ["T-12"]),  # 攸县: 程序 JA-02
        (11, ["P-01", "T-12"]),  # 吉林市地方海事局
        (7, []),  # 炎陵县: nothing deducted
    ]
    paths = [
        str(generate_case(tmp, f"c{seed}", kind="digital", seed=seed, defects=d)[0]) for seed, d in specs
    ]
    first, second, third, clean = collect(paths, checker)
    # The reviewer waives WS-07 of the first case and adds a finding of their own to the second.
    first = _decided(
        first,
        checker,
        {"WS-07": ReviewerDecision(DecisionKind.OVERRIDE, "李四", AT, 0.0, "下划线系打印格式")},
    )
    manual = ReviewerDecision(
        DecisionKind.MANUAL, "李四", AT, 2.0, MANUAL_REASON, Evidence(3, (72.0, 100.0, 300.0, 130.0), "立案")
    )
    second = _decided(second, checker, {"ZT-01": manual})
    return [first, second, third, clean]


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory, cases: list[ReviewedCase]) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("notices")
    files = write_notices(cases, out, SETTINGS, pdf=False)
    return {path.name: docx.Document(str(path)) for path in files}


def _texts(document: Any) -> list[str]:
    return [p.text for p in document.paragraphs]


def _east_asia(run: Any) -> str:
    return str(run._element.rPr.rFonts.get(qn("w:eastAsia")))


def _sections(document: Any) -> dict[str, dict[str, list[list[str]]]]:
    """二、发现的问题 as {case heading: {group: [[item line, 依据, 整改要求], …]}}."""
    texts = _texts(document)
    start, end = texts.index("二、发现的问题"), texts.index("三、整改要求")
    found: dict[str, dict[str, list[list[str]]]] = {}
    case = group = ""
    for text in texts[start + 1 : end]:
        if text.startswith("（") and "案" in text and "评查项目" not in text:
            case, group = text, ""
            found[case] = {}
        elif text[:2] in ("1．", "2．", "3．"):
            group = text[2:].removesuffix("问题")
            found[case][group] = []
        elif text.startswith("（") and "评查项目" in text:
            found[case][group].append([text])
        elif group and found[case][group]:
            found[case][group][-1].append(text)
    return found


def _item_id(line: str) -> str:
    return line.split("评查项目", 1)[1].split("（", 1)[0]


# ---------------------------------------------------------------- grouping and selection


def test_cases_are_grouped_by_their_unit(cases: list[ReviewedCase]) -> None:
    first, second, third, clean = cases
    assert first.unit == second.unit == "攸县交通运输局"
    assert len({first.unit, third.unit, clean.unit}) == 3
    by_unit = notices_by_unit([*cases, dataclasses.replace(clean, unit=" ")])
    assert list(by_unit) == [first.unit, third.unit, clean.unit, UNKNOWN_UNIT]
    assert by_unit[first.unit] == [first, second]
    assert [c.case_number for c in by_unit[UNKNOWN_UNIT]] == [clean.case_number]


def test_only_deducted_items_are_problems(cases: list[ReviewedCase], checker: Checker) -> None:
    first, second, _, clean = cases
    standard = checker.standard
    listed = [p.item_id for p in case_problems(first, standard)]
    assert listed == [i.item_id for i in first.sheet.items if i.deduction > 0]
    assert set(listed) == {"ZT-02", "WS-05"}  # WS-07 waived by the reviewer; JA-01 only awaits one
    assert first.sheet.item("WS-07").proposed_deduction > 0
    assert case_problems(clean, standard) == []

    manual = next(p for p in case_problems(second, standard) if p.item_id == "ZT-01")
    assert (manual.group, manual.reason, manual.pages) == ("实体", MANUAL_REASON, (3,))
    spec = standard.item("ZT-01")
    assert manual.legal_basis == tuple(spec.legal_basis) and manual.rectification == spec.rectification


# ---------------------------------------------------------------- the DOCX


def test_page_header_title_and_addressee(written: dict[str, Any]) -> None:
    document = written["整改通知书_攸县交通运输局.docx"]
    section = document.sections[0]
    assert [round(v.mm, 1) for v in (section.page_width, section.page_height)] == [210, 297]
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(v.mm, 1) for v in margins] == [37, 35, 28, 26]

    mark, _, number, _, title = document.paragraphs[:5]
    assert mark.text == "湖南省交通运输厅" and mark.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert _east_asia(mark.runs[0]) == ISSUER_FONT
    assert str(mark.runs[0].font.color.rgb) == "FF0000"
    assert number.text == "湘交执法〔2026〕12号" and number.alignment == WD_ALIGN_PARAGRAPH.CENTER
    rule = number._p.pPr.find(f"{qn('w:pBdr')}/{qn('w:bottom')}")
    assert rule.get(qn("w:color")) == "FF0000" and rule.get(qn("w:val")) == "single"

    assert title.text.replace("\n", "") == "关于2024年度行政执法案卷评查发现问题的整改通知书"
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert {_east_asia(r) for r in title.runs} == {TITLE_FONT}
    assert {r.font.size.pt for r in title.runs} == {22}
    assert document.core_properties.title == title.text.replace("\n", "")

    texts = _texts(document)
    addressee = document.paragraphs[texts.index("攸县交通运输局：")]
    assert addressee.paragraph_format.first_line_indent is None  # 顶格

    heading = document.paragraphs[texts.index("一、评查基本情况")]
    assert _east_asia(heading.runs[0]) == HEADING_FONT
    body = document.paragraphs[texts.index("一、评查基本情况") + 1]
    assert _east_asia(body.runs[0]) == BODY_FONT and body.runs[0].font.size.pt == 16
    assert body.paragraph_format.first_line_indent.pt == 32
    normal = document.styles["Normal"].paragraph_format
    assert normal.line_spacing_rule == WD_LINE_SPACING.EXACTLY and round(normal.line_spacing.pt) == 29


def test_summary_counts_cases_scores_and_problems(written: dict[str, Any], cases: list[ReviewedCase]) -> None:
    first, second = cases[:2]
    texts = _texts(written["整改通知书_攸县交通运输局.docx"])
    summary = texts[texts.index("一、评查基本情况") + 1]
    average = round((first.sheet.score + second.sheet.score) / 2, 1)
    assert summary.startswith(f"本次共评查你单位行政执法案卷2件，平均得分{average:g}分，")
    assert f"评为{first.sheet.grade}的1件" in summary and f"评为{second.sheet.grade}的1件" in summary
    assert "2件案卷存在扣分问题，共4个（实体问题2个、程序问题2个）。" in summary  # WS-05 ZT-01, ZT-02 JA-02
    assert "西宁市评查标准" in texts[texts.index("攸县交通运输局：") + 1]  # the profile applied

    single = _texts(written["整改通知书_吉林市地方海事局.docx"])
    sheet = cases[2].sheet
    assert single[single.index("一、评查基本情况") + 1].startswith(
        f"本次共评查你单位行政执法案卷1件，得分{sheet.score:g}分，评查等次为{sheet.grade}。"
    )


def test_each_problem_sits_under_its_case_and_group(
    written: dict[str, Any], cases: list[ReviewedCase], checker: Checker
) -> None:
    document = written["整改通知书_攸县交通运输局.docx"]
    sections = _sections(document)
    first, second = cases[:2]
    headings = list(sections)
    assert headings == [
        f"（一）{first.case_number}案（当事人：{first.party}）",
        f"（二）{second.case_number}案（当事人：{second.party}）",
    ]
    listed = [{g: [_item_id(p[0]) for p in ps] for g, ps in sections[h].items()} for h in headings]
    assert listed == [{"实体": ["WS-05"], "程序": ["ZT-02"]}, {"实体": ["ZT-01"], "程序": ["JA-02"]}]
    for case, heading in zip((first, second), headings, strict=True):
        for group, problems in sections[heading].items():
            for lines in problems:
                item_id = _item_id(lines[0])
                spec, result = checker.standard.item(item_id), case.sheet.item(item_id)
                assert spec.group == group and result.deduction > 0
                assert lines[0].startswith(
                    f"（{problems.index(lines) + 1}）评查项目{item_id}（{spec.title}）："
                )
                assert lines[1] == "依据：" + "；".join(spec.legal_basis) + "。"
                assert lines[2].startswith("整改要求：" + spec.rectification.rstrip("。"))
    manual = sections[headings[1]]["实体"][0][0]
    assert (
        manual == f"（1）评查项目ZT-01（{checker.standard.item('ZT-01').title}）：{MANUAL_REASON}（第3页）。"
    )
    wrong_name = sections[headings[0]]["实体"][0][0]
    assert "第18页送达回证" in wrong_name and wrong_name.endswith(pages_text((16, 18)) + "。")


def test_passed_and_waived_items_are_not_listed(written: dict[str, Any], cases: list[ReviewedCase]) -> None:
    document = written["整改通知书_攸县交通运输局.docx"]
    for case, groups in zip(cases[:2], _sections(document).values(), strict=True):
        listed = {_item_id(lines[0]) for problems in groups.values() for lines in problems}
        assert listed == {i.item_id for i in case.sheet.items if i.deduction > 0}
    text = "\n".join(_texts(document))
    assert "WS-07" not in text  # proposed by the machine, waived by the reviewer
    assert "JA-01" not in text  # awaits a reviewer: no finding yet


def test_deadline_signature_and_footer(written: dict[str, Any]) -> None:
    document = written["整改通知书_吉林市地方海事局.docx"]
    texts = _texts(document)
    assert "请于二〇二六年十二月二十一日前将整改情况书面报送湖南省交通运输厅。" in texts
    assert texts[-3:] == [
        "湖南省交通运输厅",
        "二〇二六年十一月二十一日",
        "（联系人及电话：张三，0731-88888888）",
    ]
    issuer, date = document.paragraphs[-3:-1]
    assert issuer.alignment == date.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert (issuer.paragraph_format.right_indent.pt, date.paragraph_format.right_indent.pt) == (
        8 * 16,
        2 * 16,
    )

    footer = document.sections[0].footer.paragraphs[0]
    assert footer.alignment == WD_ALIGN_PARAGRAPH.CENTER
    field = footer._p.find(qn("w:fldSimple"))
    assert field.get(qn("w:instr")) == "PAGE"
    assert "".join(t.text for t in footer._p.iter(qn("w:t"))) == "— 1 —"


def test_a_unit_without_problems_is_told_so(written: dict[str, Any]) -> None:
    texts = _texts(written["整改通知书_炎陵县交通运输局.docx"])
    assert texts[texts.index("二、发现的问题") + 1] == NO_PROBLEMS
    assert "三、整改要求" not in texts and "三、工作要求" in texts
    assert not any(t.startswith("请于") for t in texts) and CLEAN_CASE not in texts
    assert "评查项目" not in "".join(texts)


def test_a_clean_case_beside_a_flawed_one_says_so(tmp_path: Path, cases: list[ReviewedCase]) -> None:
    clean = dataclasses.replace(cases[3], unit=cases[2].unit)
    target = tmp_path / "n.docx"
    write_notice(cases[2].unit, [cases[2], clean], target, NoticeSettings(issued=ISSUED, year=2025))
    texts = _texts(docx.Document(str(target)))
    heading = texts.index(f"（二）{clean.case_number}案（当事人：{clean.party}）")
    assert texts[heading + 2] == CLEAN_CASE
    assert texts[4].replace("\n", "") == "关于2025年度行政执法案卷评查发现问题的整改通知书"
    assert texts[2] == NUMBER_PLACEHOLDER and texts[0] == "XX省交通运输厅"


# ---------------------------------------------------------------- files


def test_file_names_and_what_write_notices_returns(
    tmp_path: Path, cases: list[ReviewedCase], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert notice_file_name('某局/第"一"大队:') == "整改通知书_某局_第_一_大队.docx"
    assert notice_file_name("") == f"整改通知书_{UNKNOWN_UNIT}.docx"
    monkeypatch.setattr(gongwen, "soffice_binary", lambda: None)  # no LibreOffice: DOCX only
    twins = [dataclasses.replace(cases[2], unit="甲/乙"), dataclasses.replace(cases[3], unit="甲:乙")]
    files = write_notices(twins, tmp_path / "new", SETTINGS)
    assert [f.name for f in files] == ["整改通知书_甲_乙.docx", "整改通知书_甲_乙_2.docx"]
    assert sorted(p.name for p in (tmp_path / "new").iterdir()) == sorted(f.name for f in files)
    assert to_pdf(files[0], tmp_path) is None


def test_a_failing_write_leaves_no_file(
    tmp_path: Path, cases: list[ReviewedCase], monkeypatch: pytest.MonkeyPatch
) -> None:
    old = tmp_path / "old.docx"
    old.write_bytes(b"previous notice")

    def broken_save(self: Any, path: str) -> None:
        Path(path).write_bytes(b"PK\x03\x04 half")  # the disk fills up halfway
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(docx.document.Document, "save", broken_save)
    for target in (old, tmp_path / "new.docx"):
        with pytest.raises(CaseReviewError) as info:
            write_notice("攸县交通运输局", cases[:2], target, SETTINGS)
        assert info.value.code is ErrorCode.WRITE_FAILED and info.value.path == str(target)
        assert info.value.detail == {"reason": "磁盘空间不足"}
    assert old.read_bytes() == b"previous notice"
    assert [p.name for p in tmp_path.iterdir()] == ["old.docx"]  # no temporary file either


def test_a_missing_standard_still_lists_the_problem(tmp_path: Path, cases: list[ReviewedCase]) -> None:
    stray = dataclasses.replace(cases[2], sheet=dataclasses.replace(cases[2].sheet, standard_id="gone"))
    assert {p.group for p in case_problems(stray, None)} == {"其他"}
    target = tmp_path / "n.docx"
    write_notice("某单位", [stray], target, SETTINGS)
    assert "1．其他问题" in _texts(docx.Document(str(target)))


@pytest.mark.slow
@pytest.mark.libreoffice
@pytest.mark.skipif(soffice_binary() is None, reason="LibreOffice (soffice) is not installed")
def test_notices_convert_to_pdf(tmp_path: Path, cases: list[ReviewedCase]) -> None:
    files = write_notices(cases[:3], tmp_path, SETTINGS)
    assert [f.suffix for f in files] == [".docx", ".pdf", ".docx", ".pdf"]
    with pymupdf.open(files[1]) as rendered:
        assert (round(rendered[0].rect.width), round(rendered[0].rect.height)) == (595, 842)
        text = "".join(page.get_text() for page in rendered).replace("\n", "").replace(" ", "")
    for expected in (
        "整改通知书",
        "攸县交通运输局：",
        "评查项目ZT-02",
        "评查项目JA-02",
        "二〇二六年十二月二十一日前",
        "—1—",
    ):
        assert expected in text
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f.name for f in files)  # no work folders
