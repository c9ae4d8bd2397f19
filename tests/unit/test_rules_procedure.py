"""Procedure, consistency and drafting rules (D-01, P-01…P-14, C-01…C-03, W-01, S-01).

Small hand-built files (procedure_kit) pin each status; generated digital cases prove that every
injected defect fails its rule and that clean cases of every shape fail none of these rules.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from procedure_kit import (
    NO,
    Doc,
    build,
    closing,
    decision,
    discussion,
    drop,
    notice,
    ocr,
    ordinary,
    receipt,
    record,
    review,
    summary,
    swap,
)

import casereview.rules.consistency
from casegen import generate_case
from casereview.calendar import WorkCalendar
from casereview.domain import doctypes as d
from casereview.domain.findings import Finding, Status
from casereview.domain.model import Seal, TextSource
from casereview.extract.fields import extract
from casereview.pipeline import read_case
from casereview.rules.base import REGISTRY, RuleContext
from casereview.rules.procedure import SIBLINGS

MINE = (
    *("D-01", "P-01", "P-02", "P-03", "P-04", "P-05", "P-06", "P-07", "P-08", "P-13", "P-14"),
    *("C-01", "C-02", "C-03", "W-01", "S-01"),
)
assert SIBLINGS and casereview.rules.consistency  # imported to register the rules

PASS, FAIL, REVIEW, NA = Status.PASS, Status.FAIL, Status.NEEDS_REVIEW, Status.NOT_APPLICABLE


def major(hearing: bool = False) -> list[Doc]:
    """A clean case with a fine at the individual threshold: hearing right, 法制审核, 集体讨论."""
    return ordinary(20000, "贰万元整", major=True, hearing=hearing)


def check(rule_id: str, docs: list[Doc], **params: object) -> Finding:
    return REGISTRY[rule_id].check(build(docs, **params))


def test_every_rule_is_registered_with_title_and_basis() -> None:
    for rule_id in MINE:
        registered = REGISTRY[rule_id]
        assert registered.title and "第" in registered.basis


@pytest.mark.parametrize(
    "docs",
    [
        ordinary(),
        major(),
        major(hearing=True),
        summary(),
        summary(3000, "叁仟元整", True),
    ],
    ids=["ordinary", "major", "hearing", "summary", "summary-organisation"],
)
def test_clean_hand_built_cases_never_fail_and_carry_evidence(docs: list[Doc]) -> None:
    ctx = build(docs)
    for rule_id in MINE:
        finding = REGISTRY[rule_id].check(ctx)
        assert finding.rule == rule_id
        assert finding.status in (PASS, NA), (rule_id, finding.message)
        assert finding.message
        if finding.status == PASS:
            assert finding.evidence and all(e.page >= 1 and e.text for e in finding.evidence), rule_id


# ---------------------------------------------------------------- D-01


def test_d01_names_each_missing_document() -> None:
    finding = check("D-01", drop(drop(ordinary(), d.JIEAN), d.SONGDA, serves=d.TONGZHI))
    assert finding.status == FAIL and finding.violations == 2
    assert "结案报告" in finding.message and "违法行为通知书的送达回证" in finding.message


def test_d01_hearing_documents_required_once_a_hearing_was_held() -> None:
    finding = check("D-01", drop(major(hearing=True), d.TINGZHENG_BILU))
    assert finding.status == FAIL and "听证笔录" in finding.message


def test_d01_unrecognised_pages_make_a_missing_document_a_question() -> None:
    docs = [*drop(ordinary(), d.JIEAN), Doc(d.UNKNOWN, ["看不清的一页"])]
    assert check("D-01", docs).status == REVIEW


def test_d01_an_attachment_that_reads_like_the_missing_document_is_a_question() -> None:
    # A decision whose title sat in a letterhead image, taken for an evidence attachment.
    untitled = decision()
    untitled.type = d.FUJIAN
    docs = [untitled if doc.type == d.JUEDING else doc for doc in ordinary()]
    finding = check("D-01", docs)
    assert finding.status == REVIEW and "行政处罚决定书" in finding.message
    licence = Doc(d.FUJIAN, ["机动车行驶证(复印件)", "号牌号码 粤S·12345 车辆类型 重型自卸货车"])
    assert check("D-01", [licence if doc.type == d.JUEDING else doc for doc in ordinary()]).status == FAIL


def test_d01_summary_needs_only_the_on_the_spot_decision() -> None:
    assert check("D-01", summary()).status == PASS


# ---------------------------------------------------------------- P-01


def test_p01_counts_each_record_short_of_certified_officers() -> None:
    docs = [*swap(ordinary(), d.XUNWEN, record(second_cert=None)), record(None, d.XIANCHANG)]
    finding = check("P-01", docs)
    assert finding.status == FAIL and finding.violations == 2
    assert any("询问人:王五" in e.text for e in finding.evidence)


def test_p01_statuses() -> None:
    assert check("P-01", ordinary()).status == PASS
    assert check("P-01", swap(ordinary(), d.XUNWEN, ocr(record(second_cert=None)))).status == REVIEW
    assert check("P-01", drop(ordinary(), d.XUNWEN)).status == REVIEW
    assert check("P-01", summary()).status == NA
    assert check("P-01", ordinary(), min_officers=3).status == FAIL


# ---------------------------------------------------------------- P-02 / P-04


def _notice_without_basis() -> Doc:
    doc = notice()
    doc.lines = [line.replace("依据《道路运输条例》第六十三条的规定,", "") for line in doc.lines]
    return doc


def test_p02_names_missing_notice_elements() -> None:
    finding = check("P-02", swap(ordinary(), d.TONGZHI, _notice_without_basis()))
    assert finding.status == FAIL and "处罚依据" in finding.message
    silent = swap(major(), d.TONGZHI, notice(20000, "贰万元整", hearing=False))
    assert "要求听证的权利" in check("P-02", silent).message


def test_p02_missing_element_with_one_unreadable_line_asks_a_person() -> None:
    """A well-read OCR page with one garbled line ("器0零0:00" for the facts): not a fail."""
    docs = swap(ordinary(), d.TONGZHI, ocr(_notice_without_basis(), confidence=0.98))
    ctx = build(docs)
    notice_doc = next(doc for doc in ctx.documents if doc.type == d.TONGZHI)
    page = ctx.case.pages[notice_doc.first_page - 1]
    page.spans[1] = replace(page.spans[1], text="器0零0:00 违法", confidence=0.57)
    assert REGISTRY["P-02"].check(ctx).status == REVIEW
    page.spans[1] = replace(page.spans[1], confidence=0.97)
    assert REGISTRY["P-02"].check(ctx).status == FAIL


def test_p02_statuses() -> None:
    assert check("P-02", ordinary()).status == PASS
    assert check("P-02", major()).status == PASS
    assert check("P-02", drop(ordinary(), d.TONGZHI)).status == REVIEW
    assert check("P-02", swap(ordinary(), d.TONGZHI, ocr(_notice_without_basis()))).status == REVIEW
    assert check("P-02", summary()).status == NA


def test_p04_hearing_right_when_the_fine_reaches_the_threshold() -> None:
    no_hearing = swap(major(), d.TONGZHI, notice(20000, "贰万元整", hearing=False))
    assert check("P-04", no_hearing).status == FAIL
    assert check("P-04", major()).status == PASS
    assert check("P-04", major(hearing=True)).status == PASS
    assert check("P-04", drop(major(), d.TONGZHI)).status == REVIEW
    assert check("P-04", ordinary()).status == NA
    assert check("P-04", no_hearing, hearing_fine_individual=50000).status == NA


def test_p04_a_ticked_option_offers_the_hearing_an_unticked_one_does_not() -> None:
    def with_options(hearing_box: str) -> Doc:
        doc = notice(20000, "贰万元整", hearing=False)
        doc.lines.insert(
            5,
            f"☑陈述、申辩权:可在收到本通知书之日起五日内提出。{hearing_box}听证权:可在收到本通知书之日起五日内"
            "向本机关书面提出听证要求,逾期未提出的,视为放弃此权利。",
        )
        return doc

    assert check("P-04", swap(major(), d.TONGZHI, with_options("☑"))).status == PASS
    assert check("P-02", swap(major(), d.TONGZHI, with_options("☑"))).status == PASS
    assert check("P-04", swap(major(), d.TONGZHI, with_options("□"))).status == FAIL


def test_p04_revocation_triggers_a_hearing_whatever_the_amount() -> None:
    doc = notice(hearing=False)
    doc.lines[3] = doc.lines[3].replace("的行政处罚", "并吊销道路运输经营许可证的行政处罚")
    assert check("P-04", swap(ordinary(), d.TONGZHI, doc)).status == FAIL


# ---------------------------------------------------------------- P-03


def test_p03_decision_heavier_than_the_notice_fails() -> None:
    docs = swap(ordinary(), d.JUEDING, decision(3000, "叁仟元整"))
    finding = check("P-03", docs)
    assert finding.status == FAIL and finding.facts == {"decided": 3000.0, "proposed": 2000.0}
    assert check("P-03", swap(ordinary(), d.JUEDING, decision(1000, "壹仟元整"))).status == PASS
    assert check("P-03", swap(ordinary(), d.JUEDING, ocr(decision(3000, "叁仟元整")))).status == REVIEW
    assert check("P-03", drop(ordinary(), d.TONGZHI)).status == REVIEW
    assert check("P-03", summary()).status == NA


def test_p03_c03_read_the_decided_fine_not_the_restated_proposal() -> None:
    restating = decision(2000, "贰仟元整")
    restating.lines.insert(
        3, "本机关拟对你作出罚款人民币叁仟元整(¥3000.00)的行政处罚。你提出陈述申辩,经复核予以采纳。"
    )
    statement = Doc(d.CHENSHU, ["陈述申辩笔录", NO, "陈述申辩人称:请求从轻处罚。"])
    docs = [*swap(ordinary(), d.TONGZHI, notice(3000, "叁仟元整")), statement]
    docs = swap(docs, d.JUEDING, restating)
    assert build(docs).extraction.amounts  # the restated 3000 is not read as the decided fine
    assert check("P-03", docs).facts == {"decided": 2000.0, "proposed": 3000.0}
    assert check("C-03", docs).status == PASS


# ---------------------------------------------------------------- P-05 / P-06


def test_p05_legal_review_checks() -> None:
    assert check("P-05", major()).status == PASS
    assert check("P-05", drop(major(), d.FAZHI_SHENHE)).status == FAIL
    assert "审核人员" in check("P-05", swap(major(), d.FAZHI_SHENHE, review(reviewer=""))).message
    late = check("P-05", swap(major(), d.FAZHI_SHENHE, review(date="2025年3月25日")))
    assert late.status == FAIL and "晚于决定日期" in late.message
    problems = review(conclusion="存在以下问题:证据不足,退回补充调查。")
    assert check("P-05", swap(major(), d.FAZHI_SHENHE, problems)).status == REVIEW
    assert check("P-05", ordinary()).status == NA


def test_p05_p06_hearing_makes_review_and_discussion_required() -> None:
    docs = drop(drop(major(hearing=True), d.FAZHI_SHENHE), d.JITI_TAOLUN)
    ctx = build(docs, major_fine_individual=50000)
    assert REGISTRY["P-05"].check(ctx).status == FAIL
    assert REGISTRY["P-06"].check(ctx).status == FAIL


def test_p06_collective_discussion_checks() -> None:
    assert check("P-06", major()).status == PASS
    no_conclusion = check("P-06", swap(major(), d.JITI_TAOLUN, discussion(conclusion=False)))
    assert no_conclusion.status == FAIL and "结论性意见" in no_conclusion.message
    assert check("P-06", drop(major(), d.JITI_TAOLUN)).status == FAIL
    undated = Doc(d.JITI_TAOLUN, ["重大案件集体讨论记录", NO, "结论性意见:一致同意作出罚款的行政处罚。"])
    assert check("P-06", swap(major(), d.JITI_TAOLUN, undated)).status == REVIEW
    assert check("P-06", ordinary()).status == NA


# ---------------------------------------------------------------- P-07 / S-01


def _decision_without(fragment: str, **kwargs: Any) -> Doc:
    doc = decision(**kwargs)
    doc.lines = [line for line in doc.lines if fragment not in line]
    return doc


def test_p07_names_missing_elements_and_seal() -> None:
    finding = check("P-07", swap(ordinary(), d.JUEDING, _decision_without("六十日")))
    assert finding.status == FAIL and "六十日、六个月" in finding.message
    unsealed = decision()
    unsealed.sealed = False
    finding = check("P-07", swap(ordinary(), d.JUEDING, unsealed))
    assert finding.status == FAIL and "印章" in finding.message and finding.violations == 1


def test_p07_statuses() -> None:
    assert check("P-07", ordinary()).status == PASS
    assert check("P-07", summary()).status == PASS  # 复议前置 wording after 2024-01-01
    short_form = summary()  # 对复议决定不服的 (without 行政) is the same 复议前置 wording
    short_form[0].lines = [
        line.replace(
            "先向东莞市人民政府申请行政复议;对行政复议决定不服的",
            "向东莞市人民政府申请行政复议;对复议决定不服的",
        )
        for line in short_form[0].lines
    ]
    assert check("P-07", short_form).status == PASS
    long_way = decision()  # the bank and the platform named between 十五日内 and 缴纳
    long_way.lines = [
        line.replace(
            "十五日内",
            "十五日内,持本决定书到中国农业银行股份有限公司某县支行各营业网点或通过某省政府非税收入缴款平台",
        )
        for line in long_way.lines
    ]
    assert check("P-07", swap(ordinary(), d.JUEDING, long_way)).status == PASS
    assert check("P-07", swap(ordinary(), d.JUEDING, ocr(_decision_without("十五日")))).status == REVIEW
    assert check("P-07", drop(ordinary(), d.JUEDING)).status == REVIEW
    outdated = decision()
    outdated.lines = [line.replace("六个月", "三个月") for line in outdated.lines]
    assert check("P-07", swap(ordinary(), d.JUEDING, outdated)).status == FAIL


def _decision_replacing(old: str, new: str) -> Doc:
    doc = decision()
    doc.lines = [line.replace(old, new) for line in doc.lines]
    return doc


def test_p07_element_worded_otherwise_is_doubt_not_fail() -> None:
    # Rules.md: a fail needs positive evidence. The subject is there, the wording unknown → ask.
    vague_remedy = _decision_replacing(
        "可以在收到本决定书之日起六十日内依法向东莞市人民政府申请行政复议,或者在六个月内依法向东莞市第一人民法院提起行政诉讼",
        "可依法申请行政复议或者提起行政诉讼",
    )
    finding = check("P-07", swap(ordinary(), d.JUEDING, vague_remedy))
    assert finding.status == REVIEW and "相关文字" in finding.message
    vague_payment = _decision_replacing("自收到本决定书之日起十五日内,将罚款缴至", "按规定将罚款缴至")
    assert check("P-07", swap(ordinary(), d.JUEDING, vague_payment)).status == REVIEW


def test_p07_wrong_or_absent_element_still_fails() -> None:
    thirty_days = _decision_replacing("十五日内", "三十日内")
    finding = check("P-07", swap(ordinary(), d.JUEDING, thirty_days))
    assert finding.status == FAIL and "履行方式和期限" in finding.message
    no_payment = _decision_without("缴至")
    assert check("P-07", swap(ordinary(), d.JUEDING, no_payment)).status == FAIL


def test_s01_signature_block_split_by_a_page_break() -> None:
    # The agency's name and its seal end page 1; the date alone opens page 2.
    split = decision()
    split.lines, split.pages = split.lines[:-1], [["交通运输行政执法文书式样之十五", split.lines[-1]]]
    ctx = build(swap(ordinary(), d.JUEDING, split))
    decision_doc = next(x for x in ctx.documents if x.type == d.JUEDING)
    for page in ctx.case.pages:
        page.seals = [s for s in page.seals if page.number != decision_doc.last_page]
    ctx.case.pages[decision_doc.first_page - 1].seals = [
        Seal(decision_doc.first_page, (400.0, 300.0, 520.0, 420.0), 0.5)
    ]
    ctx = RuleContext(ctx.case, ctx.documents, extract(ctx.case, ctx.documents), ctx.calendar, ctx.params)
    assert REGISTRY["S-01"].check(ctx).status == PASS


def test_s01_in_a_black_and_white_file_a_missing_seal_is_doubt_unless_rings_show_elsewhere() -> None:
    def grey(docs: list[Doc], ringed: tuple[str, ...] = ()) -> RuleContext:
        ctx = build(docs)
        for doc in ctx.documents:  # the 送达回证 sealed too, as real files do
            if doc.type in ringed:
                page = ctx.case.pages[doc.last_page - 1]
                page.seals.append(Seal(page.number, (400.0, 600.0, 520.0, 720.0), 0.5))
        for page in ctx.case.pages:  # a B/W scan: seals found by their ring, colour unknown
            page.seals = [replace(s, red_ratio=0.0) for s in page.seals]
        return RuleContext(
            ctx.case, ctx.documents, extract(ctx.case, ctx.documents), ctx.calendar, ctx.params
        )

    assert REGISTRY["S-01"].check(grey(ordinary())).status == PASS  # rings on both: sealed
    unsealed = decision()
    unsealed.sealed = False
    finding = REGISTRY["S-01"].check(grey(swap(ordinary(), d.JUEDING, unsealed)))
    assert finding.status == REVIEW and "黑白扫描件" in finding.message  # one ring: could be chance
    assert check("S-01", swap(ordinary(), d.JUEDING, unsealed)).status == FAIL  # colour: a real fail
    # Rings on the notice and the 送达回证: this scan keeps its seals, the decision has none.
    finding = REGISTRY["S-01"].check(grey(swap(ordinary(), d.JUEDING, unsealed), ringed=(d.SONGDA,)))
    assert finding.status == FAIL and "未见印章" in finding.message


def test_s01_seals_on_decision_and_notice() -> None:
    assert check("S-01", ordinary()).status == PASS
    unsealed = notice()
    unsealed.sealed = False
    finding = check("S-01", swap(ordinary(), d.TONGZHI, unsealed))
    assert finding.status == FAIL and "违法行为通知书" in finding.message and finding.evidence
    assert check("S-01", summary()).status == PASS  # no notice in the summary procedure
    text_only = decision()
    text_only.sealed, text_only.source = False, TextSource.DOCX_TEXT
    assert check("S-01", swap(ordinary(), d.JUEDING, text_only)).status == REVIEW
    assert check("S-01", drop(ordinary(), d.TONGZHI)).status == REVIEW


# ---------------------------------------------------------------- P-08 / P-13 / P-14


def test_p08_summary_ceiling_by_party_kind() -> None:
    assert check("P-08", summary()).status == PASS
    assert check("P-08", summary(3000, "叁仟元整", organisation=True)).status == PASS
    over = check("P-08", summary(500, "伍佰元整"))
    assert over.status == FAIL and "200" in over.message
    assert check("P-08", ordinary()).status == NA
    unreadable = summary()
    unreadable[0].lines = [line for line in unreadable[0].lines if "罚款" not in line]
    assert check("P-08", unreadable).status == REVIEW


def test_p13_closing_report_approval() -> None:
    assert check("P-13", ordinary()).status == PASS
    assert check("P-13", swap(ordinary(), d.JIEAN, closing(head=""))).status == FAIL
    assert "日期" in check("P-13", swap(ordinary(), d.JIEAN, closing(head="同意结案。 签名:李局"))).message
    assert check("P-13", drop(ordinary(), d.JIEAN)).status == FAIL
    assert check("P-13", swap(ordinary(), d.JIEAN, ocr(closing(head="")))).status == REVIEW
    assert check("P-13", summary()).status == NA


def test_p14_flags_three_day_hearing_window_and_old_articles() -> None:
    old = notice(20000, "贰万元整", hearing=True)
    old.lines = [
        line.replace("第六十三条、第六十四条", "第四十二条").replace("五日内", "三日内") for line in old.lines
    ]
    finding = check("P-14", swap(major(), d.TONGZHI, old))
    assert finding.status == FAIL and finding.violations == 2
    assert check("P-14", major()).status == PASS
    early = swap(major(), d.JUEDING, decision(20000, "贰万元整", date="2021年3月1日"))
    assert check("P-14", swap(early, d.TONGZHI, old)).status == NA
    undated = swap(
        drop(ordinary(), d.TONGZHI), d.JUEDING, Doc(d.JUEDING, ["行政处罚决定书", NO, "当事人:张三"])
    )
    assert check("P-14", undated).status == REVIEW


# ---------------------------------------------------------------- C-01 / C-02 / C-03 / W-01


def _renumber(doc: Doc, new: str) -> Doc:
    doc.lines = [line.replace(NO, new) for line in doc.lines]
    return doc


def test_c01_compares_year_and_serial_only() -> None:
    finding = check("C-01", swap(ordinary(), d.JIEAN, _renumber(closing(), "案号:粤东交罚〔2025〕00978号")))
    assert finding.status == FAIL and "00978" in finding.message and "00977" in finding.message
    assert "结案报告" in finding.message
    other_prefix = swap(ordinary(), d.TONGZHI, _renumber(notice(), "案号:粤东交罚告〔2025〕977号"))
    assert check("C-01", other_prefix).status == PASS
    blurred = ocr(_renumber(closing(), "案号:粤东交罚〔2025〕00978号"))
    assert check("C-01", swap(ordinary(), d.JIEAN, blurred)).status == REVIEW
    assert check("C-01", [Doc(d.FUJIAN, ["身份证复印件"])]).status == REVIEW


def test_c02_party_names() -> None:
    finding = check("C-02", swap(ordinary(), d.TONGZHI, notice(name="张山")))
    assert finding.status == FAIL and "张山" in finding.message and "张三" in finding.message
    receipt_typo = swap(
        ordinary(), d.SONGDA, receipt(d.JUEDING, "2025年3月21日", name="章三"), serves=d.JUEDING
    )
    assert check("C-02", receipt_typo).status == FAIL
    assert check("C-02", swap(ordinary(), d.TONGZHI, notice(name="张 三"))).status == PASS  # OCR spacing
    split = Doc(d.LIAN, ["立案登记表", NO, "当事人 张 三 性别 男"])
    assert check("C-02", swap(ordinary(), d.LIAN, split)).status == PASS
    blurred = ocr(notice(name="张山"))
    assert check("C-02", swap(ordinary(), d.TONGZHI, blurred)).status == REVIEW


def test_c03_amount_agreement() -> None:
    assert check("C-03", ordinary()).status == PASS
    words = check("C-03", swap(ordinary(), d.JUEDING, decision(2000, "贰仟伍佰元整")))
    assert words.status == FAIL and "大写" in words.message
    lowered = swap(ordinary(), d.JUEDING, decision(1000, "壹仟元整"))
    assert check("C-03", lowered).status == FAIL  # lower, but no 陈述申辩 in the file
    statement = Doc(d.CHENSHU, ["陈述申辩笔录", NO, "陈述申辩人称:请求从轻处罚。"])
    assert check("C-03", [*lowered, statement]).status == PASS
    paid = Doc(d.PIAOJU, ["罚没款票据", "金额(大写) 叁仟元整", "金额(小写) ¥3,000.00"])
    assert check("C-03", [*ordinary(), paid]).status == FAIL
    assert check("C-03", swap(ordinary(), d.JUEDING, ocr(decision(2000, "贰仟伍佰元整")))).status == REVIEW
    assert check("C-03", [Doc(d.LIAN, ["立案登记表", NO])]).status == NA


def test_w01_counts_every_leftover() -> None:
    doc = decision()
    doc.lines[4] = doc.lines[4].replace("决定给予你", "决定给予你(单位)")
    doc.lines[5] = "你应当自收到本决定书之日起十五日内,将罚款缴至________。"
    doc.lines.append("(分以下情况说明:1.罚款的履行方式和期限)")
    finding = check("W-01", swap(ordinary(), d.JUEDING, doc))
    assert finding.status == FAIL and finding.violations == 3 and len(finding.evidence) == 3
    assert check("W-01", ordinary()).status == PASS
    assert check("W-01", swap(ordinary(), d.JUEDING, ocr(doc))).status == REVIEW


def test_w01_blank_field_as_a_scan_shows_it() -> None:
    """OCR does not read underscores: the unfilled account shows as "(账号: )"."""
    doc = decision()
    doc.lines[5] = (
        "你应当自收到本决定书之日起十五日内,将罚款缴至中国工商银行(账号: ),或者通过非税收入电子缴款渠道缴纳。"
    )
    finding = check("W-01", swap(ordinary(), d.JUEDING, doc))
    assert finding.status == FAIL and "空白栏目" in finding.message


# ---------------------------------------------------------------- generated cases

CLEAN = (  # (seed, procedure, party kind): individual/organisation × ordinary/summary × hearing/major/lowered
    (1, None, None),
    (5, None, None),
    (7, None, None),
    (10, None, None),
    (11, None, None),
    (13, None, None),
    (7002, None, None),
    (7009, None, None),
    (7036, None, None),
    (7101, None, None),
    (9000, "summary", None),
    (9500, "summary", "organisation"),
)
DEFECT_SEEDS = (11, 22, 33)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., tuple[dict[str, Any], RuleContext]]:
    out = tmp_path_factory.mktemp("procedure_cases")
    calendar = WorkCalendar()

    def make(seed: int, defects: tuple[str, ...] = (), **kw: Any) -> tuple[dict[str, Any], RuleContext]:
        name = f"c{seed}-{'-'.join(defects) or 'clean'}"
        path, truth = generate_case(Path(out), name, kind="digital", seed=seed, defects=list(defects), **kw)
        analysis = read_case(path)
        return truth, RuleContext(analysis.case, analysis.documents, analysis.extraction, calendar)

    return make


def _statuses(ctx: RuleContext) -> dict[str, Finding]:
    return {rule_id: REGISTRY[rule_id].check(ctx) for rule_id in MINE}


@pytest.mark.parametrize("seed", DEFECT_SEEDS)
@pytest.mark.parametrize("defect", MINE)
def test_injected_defect_fails_its_rule_and_only_the_expected_ones(
    generated: Callable[..., tuple[dict[str, Any], RuleContext]], defect: str, seed: int
) -> None:
    truth, ctx = generated(seed, (defect,))
    findings = _statuses(ctx)
    failed = {rule_id for rule_id, f in findings.items() if f.status == FAIL}
    assert defect in failed, findings[defect].message
    assert failed == set(truth["expected_failures"]) & set(MINE), truth["notes"]
    assert findings[defect].evidence, "a fail must show where"


def test_clean_generated_cases_fail_none_of_these_rules(
    generated: Callable[..., tuple[dict[str, Any], RuleContext]],
) -> None:
    reviews = 0
    shapes = set()
    for seed, procedure_kind, party_kind in CLEAN:
        truth, ctx = generated(seed, procedure=procedure_kind, party_kind=party_kind)
        assert not truth["expected_failures"]
        shapes.add((truth["procedure"], truth["fields"]["party_kind"], truth["hearing"], truth["major"]))
        findings = _statuses(ctx)
        failed = {rule_id: f.message for rule_id, f in findings.items() if f.status == FAIL}
        assert not failed, (seed, failed)
        reviews += sum(f.status == REVIEW for f in findings.values())
    assert len(shapes) >= 6  # ordinary/summary × individual/organisation × hearing/major
    assert reviews <= 2, f"{reviews} needs_review findings on clean digital cases"


def test_c01_a_publication_list_of_several_cases_counts_only_this_cases_number() -> None:
    """A website's 公开 list prints other cases' numbers beside this one's: not this file's numbers."""
    rows = ["粤东交罚〔2025〕00981号 李四 罚款500元", "粤东交罚〔2025〕00977号 张三 罚款2000元"]
    listing = Doc(
        d.GONGSHI, ["行政处罚信息公开", "公开日期 2025年3月25日", *rows, "粤东交罚〔2025〕00970号 王五"]
    )
    assert check("C-01", [*ordinary(), listing]).status == PASS
    others = Doc(
        d.GONGSHI, ["行政处罚信息公开", "公开日期 2025年3月25日", rows[0], "粤东交罚〔2025〕00970号 王五"]
    )
    assert check("C-01", [*ordinary(), others]).status == PASS  # a list without it says nothing of it
    wrong = Doc(d.GONGSHI, ["行政处罚信息公开", "公开日期 2025年3月25日", rows[0]])
    assert check("C-01", [*ordinary(), wrong]).status == FAIL  # one number, and not this case's
