"""Small hand-built case files for the procedure and consistency rule tests.

A case is a list of ``Doc`` (type, lines, served type); every line becomes one span on its own row,
pages are numbered in order and the real extraction (``casereview.extract.fields.extract``) fills
the Extraction, so the rules see what they would see on a real file.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace

from casereview.calendar import WorkCalendar
from casereview.domain import doctypes as d
from casereview.domain.model import CaseFile, Document, Page, Seal, Span, TextSource
from casereview.extract.fields import extract
from casereview.rules.base import DEFAULT_PARAMS, RuleContext

NO = "案号:粤东交罚〔2025〕00977号"
AGENCY = "东莞市交通运输局"
_CALENDAR = WorkCalendar()


@dataclass
class Doc:
    type: str
    lines: list[str]
    serves: str | None = None
    sealed: bool = False
    confidence: float = 1.0  # span confidence of every line (OCR-like when below 1)
    source: TextSource = TextSource.TEXT_LAYER
    pages: list[list[str]] = field(default_factory=list)  # further pages, when the document runs on


def build(docs: list[Doc], **params: object) -> RuleContext:
    """A RuleContext over ``docs``: one page per entry of ``[doc.lines, *doc.pages]``."""
    pages: list[Page] = []
    documents: list[Document] = []
    for doc in docs:
        first = len(pages) + 1
        for lines in [doc.lines, *doc.pages]:
            number = len(pages) + 1
            spans = [
                Span(
                    unicodedata.normalize("NFKC", text),
                    (72.0, 60.0 + 20 * i, 72.0 + 12 * len(text), 74.0 + 20 * i),
                    doc.confidence,
                )
                for i, text in enumerate(lines)
            ]
            page = Page(
                number,
                595.0,
                842.0,
                doc.source,
                spans,
                ocr_confidence=doc.confidence if doc.source == TextSource.OCR else None,
            )
            pages.append(page)
        if doc.sealed:
            pages[-1].seals.append(Seal(len(pages), (400.0, 600.0, 520.0, 720.0), 0.5))
        documents.append(Document(doc.type, first, len(pages), doc.serves))
    case = CaseFile("kit.pdf", "0" * 64, "pdf", pages)
    return RuleContext(case, documents, extract(case, documents), _CALENDAR, {**DEFAULT_PARAMS, **params})


def money(amount: int, words: str) -> str:
    return f"罚款人民币{words}(¥{amount}.00)"


def notice(amount: int = 2000, words: str = "贰仟元整", hearing: bool = False, name: str = "张三") -> Doc:
    lines = [
        "违法行为通知书",
        NO,
        f"{name}:",
        "经调查,本机关认为:2025年3月1日你驾驶粤B·12345从事道路旅客运输经营。你的上述行为违反了《道路运输条例》"
        f"第十条的规定,依据《道路运输条例》第六十三条的规定,本机关拟对你作出{money(amount, words)}的行政处罚。",
        "根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定,你享有陈述、申辩的权利。",
    ]
    if hearing:
        lines.append(
            "根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定,你有权要求举行听证。你要求听证的,"
            "应当在收到本通知书之日起五日内向本机关提出。"
        )
    return Doc(d.TONGZHI, [*lines, AGENCY, "2025年3月10日"], sealed=True)


def decision(
    amount: int = 2000, words: str = "贰仟元整", name: str = "张三", date: str = "2025年3月20日"
) -> Doc:
    return Doc(
        d.JUEDING,
        [
            "行政处罚决定书",
            NO,
            f"当事人:{name},性别:男,住址:东莞市南城区1号。",
            "经查,2025年3月1日你驾驶粤B·12345从事道路旅客运输经营。以上事实有以下证据证明:1.询问笔录。",
            "你的上述行为违反了《道路运输条例》第十条的规定。依据《道路运输条例》第六十三条的规定,本机关决定给予你"
            f"{money(amount, words)}的行政处罚。",
            "你应当自收到本决定书之日起十五日内,将罚款缴至中国银行东莞分行。",
            "如不服本处罚决定,可以在收到本决定书之日起六十日内依法向东莞市人民政府申请行政复议,或者在六个月内依法向"
            "东莞市第一人民法院提起行政诉讼。",
            AGENCY,
            date,
        ],
        sealed=True,
    )


def record(second_cert: str | None = "44010012346", kind: str = d.XUNWEN) -> Doc:
    second = "记录人:赵六" + (f" 执法证号:{second_cert}" if second_cert else "") + " 单位:执法支队"
    return Doc(
        kind,
        [
            kind,
            NO,
            "询问时间:2025年3月4日9时00分至10时00分",
            "询问人:王五 执法证号:44010012345 单位:执法支队",
            second,
            "被询问人:张三 性别:男 年龄:40岁",
        ],
    )


def receipt(served: str, date: str, name: str = "张三") -> Doc:
    return Doc(d.SONGDA, ["送达回证", NO, f"受送达人 {name}", f"送达日期 {date}"], serves=served)


def closing(head: str = "同意结案。 签名:李局 2025年4月10日") -> Doc:
    return Doc(d.JIEAN, ["结案报告", NO, "当事人 张三 性别 男", f"负责人审批意见 {head}"])


def review(
    conclusion: str = "同意承办机构的处理意见。", reviewer: str = "孙审", date: str = "2025年3月18日"
) -> Doc:
    return Doc(
        d.FAZHI_SHENHE,
        ["法制审核意见书", NO, f"审核结论 经审核,{conclusion}", f"审核人员 {reviewer}", f"审核日期 {date}"],
    )


def discussion(conclusion: bool = True, date: str = "2025年3月19日") -> Doc:
    lines = ["重大案件集体讨论记录", NO, f"讨论时间:{date}15时00分至16时00分", "讨论记录:同意。"]
    if conclusion:
        lines += ["结论性意见:", "经集体讨论,一致同意作出罚款的行政处罚。"]
    return Doc(d.JITI_TAOLUN, [*lines, "出席人员签名:李局 钱副"])


def ordinary(
    amount: int = 2000, words: str = "贰仟元整", major: bool = False, hearing: bool = False
) -> list[Doc]:
    """A clean ordinary-procedure case; ``major`` adds the hearing right, 法制审核 and 集体讨论."""
    docs = [
        Doc(
            d.LIAN,
            [
                "立案登记表",
                NO,
                "当事人 张三 性别 男",
                "行政机关负责人审批意见 同意立案。 签名:李局 2025年3月3日",
            ],
        ),
        record(),
        notice(amount, words, hearing=major),
        receipt(d.TONGZHI, "2025年3月11日"),
    ]
    if hearing:
        docs += [
            Doc(
                d.TINGZHENG_TONGZHI,
                ["听证通知书", NO, "张三:", "现定于2025年3月15日举行听证。", AGENCY, "2025年3月12日"],
            ),
            Doc(d.TINGZHENG_BILU, ["听证笔录", NO, "听证时间:2025年3月15日9时30分至11时00分"]),
        ]
    if major:
        docs += [review(), discussion()]
    docs += [decision(amount, words), receipt(d.JUEDING, "2025年3月21日"), closing()]
    return docs


def summary(amount: int = 200, words: str = "贰佰元整", organisation: bool = False) -> list[Doc]:
    party = "当事人(单位) 东莞市快运物流有限公司" if organisation else "当事人 张三 性别 男"
    return [
        Doc(
            d.DANGCHANG_JUEDING,
            [
                "当场行政处罚决定书",
                NO,
                party,
                "违法事实:2025年3月1日驾驶粤B·12345未随车携带道路运输证。",
                "你的行为违反了《道路运输条例》第三十四条的规定,依据《道路运输条例》第六十八条的规定,决定给予"
                f"{money(amount, words)}的行政处罚。",
                "罚款的履行方式和期限:■当场缴纳 □自收到本决定书之日起十五日内缴至中国银行。",
                "如不服本决定,应当自收到本决定书之日起六十日内先向东莞市人民政府申请行政复议;对行政复议决定不服的,"
                "可以依法提起行政诉讼。",
                "执法人员签名:王五(执法证号:44010012345) 赵六(执法证号:44010012346)",
                AGENCY,
                "2025年3月1日",
            ],
            sealed=True,
        )
    ]


def swap(docs: list[Doc], doc_type: str, new: Doc, serves: str | None = None) -> list[Doc]:
    """``docs`` with the (first) document of ``doc_type`` replaced by ``new``."""
    out = list(docs)
    index = next(
        i for i, doc in enumerate(out) if doc.type == doc_type and (serves is None or doc.serves == serves)
    )
    out[index] = new
    return out


def drop(docs: list[Doc], doc_type: str, serves: str | None = None) -> list[Doc]:
    return [doc for doc in docs if not (doc.type == doc_type and (serves is None or doc.serves == serves))]


def ocr(doc: Doc, confidence: float = 0.5) -> Doc:
    return replace(doc, confidence=confidence, source=TextSource.OCR)
