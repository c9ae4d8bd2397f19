"""The reader on forms laid out by other systems: 繁體 pages, label → value geometry, plausibility
of names, officers' certificates, titles over two rows, pages classified by content, broken figures."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from casereview.domain import doctypes as d
from casereview.domain.model import CaseFile, DateMention, Document, Evidence, Page, Span, TextSource
from casereview.extract.amounts import find_amounts
from casereview.extract.fields import _party_in
from casereview.extract.hanzi import is_traditional, simplified, simplified_always
from casereview.extract.officers import find_officers
from casereview.extract.pagetext import PageText
from casereview.extract.plausible import party_name_problem
from casereview.rules.consistency import near_variant
from casereview.segment.content import content_type
from casereview.segment.titles import compact, match_title, page_cues


def _page(*spans: tuple[str, tuple[float, float, float, float]]) -> Page:
    return Page(1, 595, 842, TextSource.TEXT_LAYER, [Span(t, b) for t, b in spans])


def test_traditional_page_is_matched_simplified_and_quoted_as_printed() -> None:
    page = _page(("行政處罰決定書", (200, 60, 400, 80)), ("當事人：張三", (60, 120, 200, 134)))
    text = PageText.of(page)
    assert text.text.startswith("行政处罚决定书") and "当事人:张三" in text.text.replace("：", ":")
    start = text.text.index("张三")
    assert text.evidence(start, start + 2).text == "張三"  # the evidence keeps the printed glyphs
    assert not is_traditional("当事人：乾坤公司，经查属实")  # one rare character is no 繁體 page
    assert simplified("当事人：乾坤公司") == "当事人：乾坤公司"
    assert simplified_always("送達回证") == "送达回证"


@pytest.mark.parametrize(
    ("spans", "want"),
    [
        # nested grid: 当事人 | 个人 | 姓名 | 张三 | 性别 | 男
        (
            [("当事人", (50, 100, 100, 112)), ("个人", (110, 100, 140, 112)), ("姓名", (150, 100, 180, 112)),
             ("张三", (200, 100, 240, 112)), ("性别", (300, 100, 330, 112)), ("男", (340, 100, 350, 112))],
            "张三",
        ),
        # caption above its value
        ([("当事人名称", (50, 100, 110, 108)), ("某某运输有限公司", (50, 112, 200, 126))], "某某运输有限公司"),
        # the label word alone must never be taken for the name
        ([("当事人", (50, 100, 100, 112)), ("姓名", (110, 100, 140, 112))], None),
    ],
)  # fmt: skip
def test_party_from_geometry(
    spans: list[tuple[str, tuple[float, float, float, float]]], want: str | None
) -> None:
    party = _party_in(Document(d.JUEDING, 1, 1), [PageText.of(_page(*spans))])
    assert (party.name if party else None) == want


@pytest.mark.parametrize(
    "name", ["姓名", "名称", "身份证件号", "执法证号", "91440101MA5C", "未取得道路运输经营许可擅自"]
)
def test_implausible_party_names(name: str) -> None:
    assert party_name_problem(name) is not None


@pytest.mark.parametrize(
    "name", ["张三", "欧阳明华", "阿卜杜·热合曼", "攸县顺昌汽车运输有限公司", "王记商行"]
)
def test_plausible_party_names(name: str) -> None:
    assert party_name_problem(name) is None


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("执法人员及证号：张三 川12345678 李四 川87654321\n被询问人：王五", [("张三", "川12345678"), ("李四", "川87654321")]),
        ("执法人员及证号田超欣 43022327219 高轩 43022373976", [("田超欣", "43022327219"), ("高轩", "43022373976")]),
        ("执法人员 执法证号\n张三 粤A123456\n李四 粤B234567\n当事人 王五", [("张三", "粤A123456"), ("李四", "粤B234567")]),
        ("执法人员:张三(执法证号:豫0123456789)、李四(执法证号:豫0123456788)", [("张三", "豫0123456789"), ("李四", "豫0123456788")]),
        ("询问人\n邹琪\n44070036943\n记录人\n胡志玉\n44070010626", [("邹琪", "44070036943"), ("胡志玉", "44070010626")]),
    ],
)  # fmt: skip
def test_officer_certificate_layouts(text: str, want: list[tuple[str, str]]) -> None:
    assert [(o.name, o.certificate) for o in find_officers(text)] == want


def test_titles_over_two_rows_with_qualifiers_or_misread() -> None:
    page = _page(
        ("交通运输行政处罚", (200, 60, 400, 80)),
        ("决定书", (260, 84, 340, 104)),
        ("当事人:张三", (60, 140, 200, 154)),
    )
    assert page_cues(page).title == d.JUEDING
    assert match_title("重大行政执法决定法制审核意见书") == d.FAZHI_SHENHE
    assert match_title("放弃陈述申辩权利声明书") == d.FANGQI
    assert match_title("重大行政处罚案件集体讨论笔录") == d.JITI_TAOLUN


def test_pages_without_a_title_classified_by_content() -> None:
    published = compact(
        "湘攸交处罚〔2026〕306号\n当事人:钱宇琪,女\n一、基本案情\n经查,……\n本机关决定对你罚款100.00元。\n"
        "对本决定不服的,可以自收到本决定书之日起六十日内申请行政复议,或者在六个月内提起行政诉讼。"
    )
    assert content_type(published, None) == d.JUEDING
    assert content_type(published, d.JUEDING) is None  # its second page continues it
    notice = compact(
        "公告\n张三:本机关作出行政处罚决定书……因无法直接送达,现予公告送达,自公告之日起经过三十日即视为送达。"
    )
    assert content_type(notice, None) == d.GONGGAO_SONGDA
    web = compact(
        "2023/11/23 11:24 行政处罚信息公示 - 某县人民政府\n发布日期:2023-11-21 信息来源:某县交通运输局\n……决定给予罚款1,000.00元的行政处罚。"
    )
    assert content_type(web, None) == d.GONGSHI
    assert content_type(compact("询问笔录续页 问:你还有什么补充 答:没有"), None) is None  # no guess


def test_figure_broken_by_a_line_end() -> None:
    found = find_amounts("建议给予罚款1,00\n0.00元(大写:人民币壹仟元整)")
    assert [a.amount for a in found] == [1000.0, 1000.0]
    # the label cell of a two-row value is read between the value's rows
    labelled = find_amounts("给予罚款人民币1\n处理结果\n2,000.00元(大写:壹万贰仟元整)")
    assert [a.amount for a in labelled] == [12000.0, 12000.0]
    signed = find_amounts("罚款人民币壹万伍仟元整(¥15,00\n0.00)的行政处罚")
    assert [a.amount for a in signed] == [15000.0, 15000.0]
    assert [a.amount for a in find_amounts("罚款人民币壹拾万元整(¥1\n00,000.00)")] == [100000.0, 100000.0]
    assert [a.amount for a in find_amounts("金额¥1,000\n12人")] == [1000.0]  # a whole figure, then a new row
    # both parts well formed alone, but one pair of brackets holds them: one figure
    bracketed = find_amounts("罚款人民币壹万伍仟元整（¥1\n5,000.00）。")
    assert [a.amount for a in bracketed] == [15000.0, 15000.0]
    assert [a.amount for a in find_amounts("金额¥1\n5,000.00")] == [1.0]  # no brackets: no join
    account = find_amounts("账号:8055809381510277087\n1000元")
    assert [a.amount for a in account] == [1000.0]  # an account number ending a row is no amount's head


def test_near_variants_of_a_name() -> None:
    assert near_variant("张三", "章三") and near_variant("某某市运输有限公司", "某某运输有限公司")
    assert not near_variant("支队二大队", "邹豪强")


PUBLISHED = (
    "某市交通运输局\n某交罚〔2025〕118号\n当事人：刘建国，男，公民身份号码4401**********1234。\n"
    "经查，2025年3月2日10时20分，刘建国驾驶粤A·12345小型客车在某市火车站从事道路旅客运输经营，"
    "未取得道路运输经营许可。上述事实有现场笔录、询问笔录等证据证实。\n"
    "你的行为违反了《中华人民共和国道路运输条例》第十条第一款的规定，依据该条例第六十三条的规定，"
    "本机关决定对你罚款5000元（大写：伍仟元整）。\n"
    "请于收到本决定书之日起十五日内到指定银行缴纳罚款。逾期不缴纳的，每日按罚款数额的百分之三加处罚款。\n"
    "如不服本决定，可以在收到本决定书之日起六十日内向某市人民政府申请行政复议，或者在六个月内依法向某市人民法院"
    "提起行政诉讼。\n某市交通运输局\n2025年3月20日"
)


def test_a_published_decision_without_a_title_is_read(tmp_path: object) -> None:
    import pathlib

    import pymupdf

    from casereview.pipeline import read_case

    path = pathlib.Path(str(tmp_path)) / "published.pdf"
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_textbox(pymupdf.Rect(60, 60, 535, 800), PUBLISHED, fontname="china-s", fontsize=11)
    doc.save(path)
    analysis = read_case(path)  # not refused as "not a case file"
    assert [(x.type, x.first_page) for x in analysis.documents] == [(d.JUEDING, 1)]
    fields = analysis.fields
    assert fields["party_name"] == "刘建国"
    assert fields["fine_amount"] == 5000.0
    assert fields["decision_date"] == "2025-03-20"


def test_dates_of_page_furniture_and_labels_in_the_cell_above() -> None:
    from casereview.domain import roles
    from casereview.extract.dateroles import date_mentions

    page = _page(
        ("立案审批表", (200, 60, 400, 80)),
        ("受案日期", (60, 120, 120, 134)),
        ("2025年06月11日", (60, 140, 200, 154)),
        ("违法时间", (60, 170, 120, 184)),
        ("2025年05月03日10时20分", (60, 190, 260, 204)),
        ("第1页/共1页 打印时间:2025-06-12 10:23:45", (60, 800, 400, 812)),
    )
    mentions = date_mentions(Document(d.LIAN, 1, 1), [PageText.of(page)])
    assert "2025-06-12" not in {m.date.isoformat() for m in mentions}  # the print time is furniture
    violation = [m for m in mentions if m.role == roles.VIOLATION]
    assert [m.date.isoformat() for m in violation] == ["2025-05-03"]  # label in the cell above


def test_officers_table_with_more_columns_and_a_wrapped_label() -> None:
    text = (
        "询问(记录) 姓名 执法证号 所属单位\n人 郝龙燕 HS2208621222 某市地方海事局执法科\n"
        "莫冬 HS2260649865 某市地方海事局执法科\n姓名 余辉庆 性别 男 年龄 27"
    )
    assert [(o.name, o.certificate) for o in find_officers(text)] == [
        ("郝龙燕", "HS2208621222"),
        ("莫冬", "HS2260649865"),
    ]


def test_an_implausible_overrun_is_doubt_not_a_fail() -> None:
    from rulekit import run

    from casereview.domain.findings import Status

    late = run("T-01", {"dates": {"立案": "2025-03-03", "决定": "2025-07-10"}})
    assert late.status == Status.FAIL  # 129 days: a real overrun
    misread = run("T-01", {"dates": {"立案": "2025-03-03", "决定": "2035-04-10"}})
    assert misread.status == Status.NEEDS_REVIEW and "识别有误" in misread.message  # 2035 for 2025


def test_binding_margin_marks_do_not_split_sentences() -> None:
    page = _page(
        ("二、依照法律规定，你有要求举行听", (80, 300, 520, 314)),
        ("装", (20, 312, 32, 326)),
        ("证的权利。", (80, 318, 200, 332)),
    )
    assert "举行听\n证的权利" in PageText.of(page).text  # the 装 of 装订线 is left out


def test_party_glued_to_a_bracketed_label() -> None:
    page = _page(
        ("当事人(单位名称)攸县长盛货运有限公司", (60, 120, 400, 134)),
        ("统一社会信用代码", (60, 140, 160, 154)),
    )
    party = _party_in(Document(d.DANGCHANG_JUEDING, 1, 1), [PageText.of(page)])
    assert party is not None and party.name == "攸县长盛货运有限公司"


@pytest.mark.parametrize("footer", ["14", "— 1 —", "- 2 -", "第1页 共2页", "共2页 第1页", "1/2"])
def test_a_page_number_under_the_last_row_does_not_split_a_sentence(footer: str) -> None:
    from casereview.rules.documents import _PAGE_NUMBER

    assert _PAGE_NUMBER.sub("", f"向某区人民法院提起行政诉\n{footer}") == "向某区人民法院提起行政诉"
    assert _PAGE_NUMBER.sub("", "罚款人民币\n2,000元") == "罚款人民币\n2,000元"


def test_titles_of_the_archive_contents_page() -> None:
    for title in ("卷内文件目录", "卷内文书目录", "卷内目录"):
        assert match_title(title) == d.MULU
    # A contents page running on that repeats its heading is the same 卷内目录.
    running_on = _page(
        ("卷内目录", (250, 60, 345, 80)), ("序号 文件名称 日期 页号 备注", (60, 100, 540, 114))
    )
    assert page_cues(running_on, previous=d.MULU).title is None
    assert page_cues(running_on, previous=d.FENGMIAN).title == d.MULU


def test_an_archive_cover_under_its_boxes_is_known_by_its_fields() -> None:
    cover = compact("全宗号 J031 目录号 2 案卷号 721 炎陵县交通运输局 交通运输行政处罚案卷 案件名称 …")
    assert content_type(cover, None) == d.FENGMIAN
    assert content_type(compact("案卷号 721 立案登记表 案件来源 …"), None) is None  # one field is no cover


def test_dates_whose_year_ocr_damaged() -> None:
    from casereview.extract.dates import find_damaged_dates, find_dates

    lost_mark = find_dates("某市交通运输局\n二〇二五五月六日\n")
    assert [(m.date.isoformat(), m.repaired) for m in lost_mark] == [("2025-05-06", True)]
    damaged = find_damaged_dates("某市交通运输综合执法总队\n二六年五月十五日\n", 2026)
    assert [(m.date.isoformat(), m.repaired) for m in damaged] == [("2026-05-15", True)]
    assert find_damaged_dates("二〇二六年五月十五日", 2026) == []  # a whole year is no damage
    # A seal over the signature date: one character each of year and day read as another.
    garbled = find_damaged_dates("某市交通运输局(印章\n冬〇二六年七月平四日\n", 2026)
    assert [(m.date.isoformat(), m.repaired) for m in garbled] == [("2026-07-14", True)]
    assert find_damaged_dates("二〇二六年七月平平日", 2026) == []  # two garbled in one part: no reading
    assert find_damaged_dates("冬〇二五年七月十四日", 2026) == []  # the year contradicts the file's
    assert find_damaged_dates("二〇二六年七月十平日", 2026) == []  # 十? is 十一…十九: ambiguous
    # The 日 under the seal, the date closing its row; a day that could go on is left alone.
    lost = find_damaged_dates("成都市交通运输局\n二〇二四年五月六\n", 2024)
    assert [(m.date.isoformat(), m.repaired) for m in lost] == [("2024-05-06", True)]
    assert find_damaged_dates("二〇二四年五月二\n", 2024) == []  # 二十…: the seal may hide more
    both = find_damaged_dates("成都市交通运输局\n〇二四年五月六\n", 2024)  # a digit of the year lost too
    assert [(m.date.isoformat(), m.repaired) for m in both] == [("2024-05-06", True)]
    assert find_damaged_dates("〇二三年五月六\n", 2024) == []  # no remnant of the file's year


def test_a_damaged_signature_date_is_unsure_until_a_witness_confirms_it() -> None:
    from casereview.domain import roles
    from casereview.extract.dateroles import UNSURE, date_mentions
    from casereview.extract.decision_dates import confirm_unsure_decision_dates

    decision = _page(
        ("行政处罚决定书", (200, 60, 400, 80)),
        ("本机关于2026年05月11日向你送达了《违法行为通知书》", (60, 120, 500, 134)),
        ("某市交通运输局", (380, 700, 500, 714)),
        ("二六年五月十五日", (380, 720, 500, 734)),
    )
    mentions = date_mentions(Document(d.JUEDING, 1, 1), [PageText.of(decision)])
    (signed,) = [m for m in mentions if m.role == roles.DECISION]
    assert signed.date.isoformat() == "2026-05-15" and signed.evidence.confidence <= UNSURE
    printed = Evidence(2, (0.0, 0.0, 1.0, 1.0), "2026-05-15", 0.99)
    witness = DateMention(signed.date, None, d.GONGSHI, printed, None, "处罚决定日期")
    confirmed = confirm_unsure_decision_dates([signed, witness])[0]
    assert confirmed.evidence.confidence > UNSURE


def test_a_signature_date_with_the_seal_glued_to_it_and_its_day_mark_hidden_is_read_unsure() -> None:
    from casereview.domain import roles
    from casereview.extract.dateroles import UNSURE, date_mentions

    decision = _page(
        ("行政处罚决定书", (200, 60, 400, 80)),
        ("经查,你单位于2024年4月6日从事道路运输经营,违反了相关规定。", (60, 120, 540, 134)),
        ("成都市交通运输局", (380, 734, 480, 754)),
        ("都", (404, 751, 426, 768)),  # a character of the seal's ring, on the date's row
        ("二〇二四年五月六", (426, 759, 510, 774)),  # the 日 under the seal
    )
    mentions = date_mentions(Document(d.JUEDING, 1, 1), [PageText.of(decision)])
    (signed,) = [m for m in mentions if m.role == roles.DECISION]
    assert signed.date.isoformat() == "2024-05-06" and signed.evidence.confidence <= UNSURE


def test_a_release_decision_is_dated_by_its_signature_not_the_measure_it_quotes() -> None:
    from casereview.domain import roles
    from casereview.extract.dateroles import UNSURE, date_mentions

    release = _page(
        ("解除证据登记保存决定书", (200, 60, 400, 80)),
        ("本机关于2026年06月28日对某车予以先行登记保存。现决定解除上述证据登记保存。", (60, 120, 540, 134)),
        ("某市交通运输局", (380, 700, 500, 714)),
        ("2026年/月14日", (380, 720, 500, 734)),
    )
    mentions = date_mentions(Document(d.JIECHU_BAOCUN, 1, 1), [PageText.of(release)])
    (released,) = [m for m in mentions if m.role == roles.PRESERVATION_RELEASE]
    assert released.evidence.confidence <= UNSURE  # the quoted measure date is no release date


def test_a_contents_page_running_on_is_no_document_it_lists() -> None:
    rows = [
        ("15 京(朝)交罚〔2026〕第01128号 某市交通运输综合执法总队", (60, 80, 280, 94)),
        ("重大行政执法决定法制审核意见书 20260828 16", (290, 80, 540, 94)),
        ("重大案件集体讨论笔录 20260831 17", (290, 110, 540, 124)),
        ("行政处罚决定书 20260831 18-19", (290, 140, 540, 154)),
        ("送达回证 20260901 20", (290, 170, 540, 184)),
        ("结案报告 20260915 21", (290, 200, 540, 214)),
    ]
    page = _page(*rows)
    assert page_cues(page, previous=d.MULU).title is None  # runs on from the contents' first page
    assert page_cues(page, previous=d.LIAN).title == d.MULU
    decision = _page(("行政处罚决定书", (200, 60, 400, 80)), ("当事人:张三", (60, 120, 200, 134)))
    assert page_cues(decision, previous=d.MULU).title == d.JUEDING


def test_a_notice_quoting_the_discretion_range_proposes_only_its_own_fine() -> None:
    from casereview.extract.fields import extract

    notice = _page(
        ("违法行为通知书", (200, 60, 400, 80)),
        ("当事人的违法情节属于“从重”情形,该情形对应的罚款幅度为2500元以上3000元以下。", (60, 120, 540, 134)),
        ("本机关拟对你单位作出罚款人民币叁仟元整(¥3000元)的行政处罚。", (60, 140, 540, 154)),
    )
    case = CaseFile("n.pdf", "0" * 64, "pdf", [notice])
    found = extract(case, [Document(d.TONGZHI, 1, 1)]).amounts
    assert [(a.amount, a.kind) for a in found if a.kind == "proposed"] == [(3000.0, "proposed")]


def test_the_party_label_may_name_its_kind_and_field_in_brackets() -> None:
    for label, name in (
        ("当事人（单位名称）：", "炎陵县大洋汽车运输有限公司"),
        ("当事人（个人姓名）：", "薛燕洋"),
    ):
        row = unicodedata.normalize("NFKC", label + name)  # as ingest gives a page's text
        page = _page(("行政处罚决定书", (200, 60, 400, 80)), (row, (60, 120, 400, 134)))
        party = _party_in(Document(d.JUEDING, 1, 1), [PageText.of(page)])
        assert party is not None and party.name == name


def test_a_range_bound_is_not_paired_with_the_words_of_the_fine_after_it() -> None:
    from casereview.extract.fields import extract

    report = _page(
        ("案件调查报告", (200, 60, 400, 80)),
        (
            "该情形对应的罚款幅度为5000元以上2万元以下。建议给予罚款人民币壹万伍仟元整(¥15000元)。",
            (60, 120, 560, 134),
        ),
    )
    case = CaseFile("r.pdf", "0" * 64, "pdf", [report])
    found = extract(case, [Document(d.DIAOCHA_BAOGAO, 1, 1)]).amounts
    # Only the fine proposed carries 大写, and they agree (C-03 compares the two).
    assert [(a.amount, a.written_in_words) for a in found if a.written_in_words] == [(15000.0, 15000.0)]


def test_a_decision_date_the_seal_hid_entirely_is_borrowed_from_the_publication_unsure() -> None:
    from casereview.domain import roles
    from casereview.extract.dateroles import UNSURE
    from casereview.extract.decision_dates import confirm_unsure_decision_dates

    printed = Evidence(19, (0.0, 0.0, 1.0, 1.0), "2026-02-24", 0.99)
    witness = DateMention(dt.date(2026, 2, 24), None, d.GONGSHI, printed, None, "处罚决定日期")
    (_, borrowed) = confirm_unsure_decision_dates([witness], d.JUEDING)
    assert (borrowed.role, borrowed.document, borrowed.date) == (
        roles.DECISION,
        d.JUEDING,
        dt.date(2026, 2, 24),
    )
    assert borrowed.evidence.confidence <= UNSURE and "未能识别" in borrowed.label
    assert confirm_unsure_decision_dates([witness]) == [witness]  # no decision in the file: nothing to date


def test_a_date_under_a_row_of_label_cells_takes_the_label_over_it() -> None:
    from casereview.domain import roles
    from casereview.extract.dateroles import date_mentions

    filing = _page(
        ("立案登记表", (200, 60, 400, 80)),
        ("受案时间", (48, 200, 80, 211)),
        ("违法行为发生时间", (219, 201, 281, 211)),
        ("2025-10-12", (48, 214, 105, 226)),
        ("2025-09-07 09:05", (220, 214, 305, 226)),
    )
    mentions = date_mentions(Document(d.LIAN, 1, 1), [PageText.of(filing)])
    assert [(m.date.isoformat(), m.label) for m in mentions][:2] == [
        ("2025-10-12", "受案时间"),
        ("2025-09-07", "违法行为发生时间"),
    ]
    assert [m.date.isoformat() for m in mentions if m.role == roles.VIOLATION] == ["2025-09-07"]


def test_a_signature_in_chinese_numerals_against_a_labelled_date_in_figures_borrows_the_figures() -> None:
    from casereview.domain import roles
    from casereview.extract.dateroles import UNSURE
    from casereview.extract.decision_dates import confirm_unsure_decision_dates

    header = Evidence(1, (0.0, 0.0, 1.0, 1.0), "2023-11-20", 1.0)
    stated = DateMention(dt.date(2023, 11, 20), None, d.JUEDING, header, None, "决定日期")
    signed_ev = Evidence(1, (0.0, 0.0, 1.0, 1.0), "二〇二三年一月二十日", 0.96)  # the engine lost 十
    signed = DateMention(dt.date(2023, 1, 20), roles.DECISION, d.JUEDING, signed_ev, None, "落款")
    (_, shown) = confirm_unsure_decision_dates([stated, signed], d.JUEDING)
    assert shown.date == dt.date(2023, 11, 20) and shown.evidence.confidence <= UNSURE


def test_officers_under_a_label_cell_naming_name_and_number() -> None:
    text = "执法人员(证号)\n郝龙燕(证号HS2208621222);莫冬(证号HS2260649865)\n记录人\n莫冬"
    assert [(o.name, o.certificate) for o in find_officers(text)] == [
        ("郝龙燕", "HS2208621222"),
        ("莫冬", "HS2260649865"),
    ]
