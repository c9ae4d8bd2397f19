"""Completeness and basic procedure: D-01, P-01, P-03, P-08 (rules.md).

The entry point of the procedure family: importing it registers the sibling modules' rules too.
"""

from __future__ import annotations

import re

from casereview.domain import doctypes as d
from casereview.domain.casetype import COMPULSION, INSPECTION, PENALTY, detect_case_type
from casereview.domain.findings import Finding, Status
from casereview.domain.model import Document, Evidence
from casereview.extract.officers import certificate_tokens
from casereview.rules import procedure_decision, procedure_review, procedure_rights
from casereview.rules.base import RuleContext, rule
from casereview.rules.common import needs_review, not_applicable, result
from casereview.rules.documents import (
    RECORDS,
    DocText,
    amounts,
    decision_doc,
    is_summary,
    party_kind,
    readable,
    unrecognised_pages,
    yuan,
)

D01_BASIS = (
    "《行政处罚法》第五十四条至第六十五条；《交通运输行政执法程序规定》第六十三条、第六十九条、第一百二十二条"
)
# The decision says a hearing was requested or held ("你申请听证，本机关于…举行了听证").
_HEARING_ASKED = re.compile(r"举行了听证|提出了?听证申请|申请听证[,，。;；]|要求举行听证[,，。;；]")


def _receipt(ctx: RuleContext, served: str) -> Document | None:
    return next((doc for doc in ctx.documents_of(d.SONGDA) if doc.serves == served), None)


def _hearing_requested(ctx: RuleContext) -> bool:
    if ctx.documents_of(d.TINGZHENG_TONGZHI, d.TINGZHENG_BILU, d.TINGZHENG_BAOGAO):
        return True
    decision = decision_doc(ctx)
    return decision is not None and DocText(ctx, decision).search(_HEARING_ASKED) is not None


def _ordinary_slots(ctx: RuleContext) -> list[tuple[str, Document | None]]:
    def first(*types: str) -> Document | None:
        found = ctx.documents_of(*types)
        return found[0] if found else None

    slots = [
        ("立案登记表", first(d.LIAN)),
        ("笔录（询问笔录、现场笔录或勘验笔录）", first(*RECORDS)),
        ("违法行为通知书", first(d.TONGZHI)),
        ("行政处罚决定书", first(d.JUEDING)),
        ("违法行为通知书的送达回证", _receipt(ctx, d.TONGZHI)),
        ("行政处罚决定书的送达回证", _receipt(ctx, d.JUEDING)),
        ("结案报告", first(d.JIEAN)),
    ]
    if _hearing_requested(ctx):
        slots += [("听证通知书", first(d.TINGZHENG_TONGZHI)), ("听证笔录", first(d.TINGZHENG_BILU))]
    return slots


def _title(ctx: RuleContext, doc: Document) -> Evidence:
    return DocText(ctx, doc).title()


# Words a missing document prints that an evidence attachment (a licence copy, a photo) does not:
# an "attachment" page that prints them may be the missing document with its title unread.
_MISSING_CUES: dict[str, str] = {
    "立案登记表": r"立案(审批|登记|日期)|同意立案",
    "违法行为通知书": r"陈述|申辩|拟(作出|给予|处以)",
    "行政处罚决定书": r"行政复议|行政诉讼|决定如下|本机关决定",
    "送达回证": r"送达|受送达人|签收",
    "结案报告": r"结案",
    "笔录": r"问[:：]|答[:：]|笔录",
    "听证": r"听证",
}


def _attachments_like(ctx: RuleContext, missing: list[str]) -> list[int]:
    cues = [cue for name in missing for key, cue in _MISSING_CUES.items() if key in name]
    if not cues:
        return []
    pattern = "|".join(cues)
    return [
        n
        for doc in ctx.documents_of(d.FUJIAN)
        if DocText(ctx, doc).search(pattern) is not None
        for n in doc.pages()
    ]


@rule("D-01", "案卷文书齐全", D01_BASIS)
def check_required_documents(ctx: RuleContext) -> Finding:
    if is_summary(ctx):
        summary = ctx.documents_of(d.DANGCHANG_JUEDING)[0]
        return result(
            "D-01",
            Status.PASS,
            f"简易程序案卷，当场行政处罚决定书在第{summary.first_page}页，符合{D01_BASIS}的要求。",
            [_title(ctx, summary)],
        )
    typed = [doc for doc in ctx.documents if doc.type not in (d.UNKNOWN, d.FUJIAN)]
    if not typed:
        return needs_review("D-01", "未识别出任何执法文书，无法判断程序类型和应有文书，请人工核对。")
    slots = _ordinary_slots(ctx)
    missing = [name for name, doc in slots if doc is None]
    found = [_title(ctx, doc) for _, doc in slots if doc is not None]
    if not missing:
        return result(
            "D-01",
            Status.PASS,
            f"普通程序应有文书齐全（{'、'.join(name for name, _ in slots)}），符合{D01_BASIS}的要求。",
            found,
        )
    hidden = sorted(set(unrecognised_pages(ctx)) | set(_attachments_like(ctx, missing)))
    unassigned = [doc for doc in ctx.documents_of(d.SONGDA) if doc.serves is None]
    if hidden or (unassigned and any("送达回证" in name for name in missing)):
        where = "、".join(str(n) for n in hidden) or "、".join(str(doc.first_page) for doc in unassigned)
        return needs_review(
            "D-01",
            f"未找到：{'、'.join(missing)}；第{where}页的文书未能识别（或送达回证未能判断所送达的文书），"
            "可能即为缺少的文书，请人工核对。",
            found,
        )
    return result(
        "D-01",
        Status.FAIL,
        f"普通程序案卷缺少{len(missing)}种应有文书：{'、'.join(missing)}。"
        f"依据{D01_BASIS}，普通程序应有立案登记表、笔录、违法行为通知书、行政处罚决定书及其送达回证、结案报告"
        "（申请听证的还应有听证通知书和听证笔录）。",
        found,
        violations=len(missing),
        missing=missing,
    )


# The two-officer rule as each kind of file states it.
P01_BASIS = {
    PENALTY: "《行政处罚法》第四十二条、《交通运输行政执法程序规定》第二十三条",
    COMPULSION: "《行政强制法》第十八条、《交通运输行政执法程序规定》第二十三条",
    INSPECTION: "《交通运输行政执法程序规定》第二十三条、国办发〔2024〕54号",
}
_OFFICER_LABEL = re.compile(
    r"(?<!被)(?:执法人员|执法人|询问人|勘验人|检查人员?|调查人员?|记录人|办案人员|承办人员?)"
    r"(?:及(?:其)?(?:执法)?证件?号)?(?:[:：]|\s+(?:姓名\s+)?(?:执法证|证件|证号)|\s*\((?:执法)?证件?号\))"  # "执法人员：", a table head, 执法人员（证号）
    # a grid row: 询问人 | 姓名 | 执法证号 | number, the label cell followed by a name and its number
    # or a label cell without a colon followed by a name and its number (执法人员及证号 | 郝龙燕 HS22…)
    r"|(?<!被)(?:询问人|记录人|勘验人|检查人员?|执法人员)(?:及(?:其)?(?:执法)?证件?号)?"
    # (the number may stand in brackets behind the name: 郝龙燕（执法证号：HS22…）)
    r"(?=[\u4e00-\u9fff]{2,4}[(（]?(?:执法证|证件号|证号|[A-Z\u4e00-\u9fff]{0,3}[0-9]{6,}))"
)


# The header of an officers table (姓名 | 执法证号 | 所属单位): the block is there and was read.
_OFFICER_TABLE = re.compile(r"姓名执法证件?(?:编号|号码|号)")


def _officer_lines(text: DocText) -> list[Evidence]:
    return [text.line_evidence(hit) for hit in text.find_all(_OFFICER_LABEL)]


# Where a record's header ends and its body (questions, the inspection's account) begins.
_BODY_START = re.compile(r"问\s*[:：]|答\s*[:：]|(?:检查|勘验|现场)情况")
# A form's own number in the page header (文书流水号：SB2025…, No.0011, 文书编号): never an officer's
# certificate. A bare 编号 is left alone: a header may list an officer's number under it.
_FORM_NUMBER = re.compile(r"(?:(?:流水号|文书编号)\s*[:：]?\s*(?:N[Oo]\.?\s*)?|N[Oo]\.?\s*)[0-9A-Za-z\-]+")
_NOT_CERT = re.compile(r"^(?:1\d{10}|\d{17}[\dX])$")  # a mobile phone, an ID number


def _header_tokens(text: DocText) -> set[str]:
    """Certificate-like numbers printed in the header part of a record (before its questions)."""
    body = _BODY_START.search(text.text)
    head = text.text[: body.start() if body else 800]
    head = re.sub(r"[〔\[【(（][^〕\]】)）]{2,8}[〕\]】)）]\s*第?\d+", " ", head)  # case numbers
    head = _FORM_NUMBER.sub(" ", head)  # the platform's serial number of the form, not a certificate
    return {t for t in certificate_tokens(head) if not _NOT_CERT.match(t) and not re.fullmatch(r"\d{4}", t)}


def _unread_certificates(lines: list[Evidence], certified: set[str], certs: set[str], text: DocText) -> bool:
    """The officer lines, or the header of the record, print a certificate-like number that no
    officer was given: the block was not read completely, so a missing number is doubt, not a
    finding."""
    tokens = {t for ev in lines for t in certificate_tokens(ev.text)}
    if bool(tokens - certs) and len(certified) < len(tokens):
        return True
    return bool(_header_tokens(text) - certs)


@rule(
    "P-01",
    "笔录执法人员及执法证号",
    "《行政处罚法》第四十二条；《交通运输行政执法程序规定》第二十三条",
    ("min_officers",),
)
def check_record_officers(ctx: RuleContext) -> Finding:
    need = ctx.param_int("min_officers")
    records = ctx.documents_of(*RECORDS)
    if not records:
        if is_summary(ctx):
            return not_applicable("P-01", "简易程序案卷无询问、现场或勘验笔录，本项不适用。")
        return needs_review("P-01", "未找到询问笔录、现场笔录或勘验笔录，无法核对执法人员，请人工核对。")
    bad: list[str] = []
    unsure: list[str] = []
    evidence: list[Evidence] = []
    for doc in records:
        officers = [
            o for o in ctx.extraction.officers if o.document == doc.type and o.evidence.page in doc.pages()
        ]
        certified = {o.name for o in officers if o.certificate}
        text = DocText(ctx, doc)
        lines = _officer_lines(text) or [o.evidence for o in officers] or [text.title()]
        evidence.extend(lines[:2])
        if len(certified) >= need:
            continue
        label = f"第{doc.first_page}页{doc.type}（载明{len(certified)}名持执法证号的执法人员）"
        certs = {o.certificate for o in officers if o.certificate}
        # A fail needs the officer block positively read: its label line found and no number on it
        # left unassigned; otherwise the finding says what could not be read.
        # A table header with no row read is not a block read.
        block = _officer_lines(text) or (text.search(_OFFICER_TABLE) is not None and bool(officers))
        # Unread ink beside an officer label (a scan's name or number the OCR engine missed).
        ink = text.ink_beside_label(_OFFICER_LABEL)
        if ink is not None:
            evidence.append(ink)
        unread = not block or ink is not None or _unread_certificates(lines, certified, certs, text)
        if unread:
            label += "（未能完整识别执法人员栏）"
        doubtful = unread or not readable(ctx, doc) or any(ctx.uncertain(o.evidence) for o in officers)
        (unsure if doubtful else bad).append(label)
    basis = P01_BASIS[detect_case_type(doc.type for doc in ctx.documents)]
    if bad:
        return result(
            "P-01",
            Status.FAIL,
            f"{len(bad)}份笔录执法人员不足{need}名或未载明执法证号：{'；'.join(bad)}。依据{basis}，执法人员不得少于{need}人"
            "并应出示执法证件。",
            evidence,
            violations=len(bad),
        )
    if unsure:
        return needs_review(
            "P-01",
            f"以下笔录识别出的持证执法人员不足{need}名，但文字识别不可靠：{'；'.join(unsure)}，请人工核对。",
            evidence,
        )
    return result(
        "P-01",
        Status.PASS,
        f"{len(records)}份笔录均载明至少{need}名执法人员及其执法证号，符合{basis}的规定。",
        evidence,
    )


@rule("P-03", "不得因陈述申辩加重处罚", "《行政处罚法》第四十五条；《交通运输行政执法程序规定》第七十条")
def check_not_heavier(ctx: RuleContext) -> Finding:
    if is_summary(ctx):
        return not_applicable("P-03", "简易程序当场作出决定，无书面告知的拟处罚金额，本项不适用。")
    decided = amounts(ctx, "decided", (d.JUEDING,))
    proposed = amounts(ctx, "proposed", (d.TONGZHI,))
    if not decided and not proposed:
        if ctx.documents_of(d.JUEDING) and ctx.documents_of(d.TONGZHI):
            return not_applicable("P-03", "违法行为通知书和行政处罚决定书均未载明罚款，本项不适用。")
        return needs_review("P-03", "未找到违法行为通知书或行政处罚决定书中的罚款金额，请人工核对。")
    if not decided or not proposed:
        which = "行政处罚决定书的决定罚款" if not decided else "违法行为通知书的拟罚款"
        return needs_review("P-03", f"未识别出{which}金额，无法比较决定与告知的罚款，请人工核对。")
    dec, pro = decided[0], proposed[0]
    evidence = [pro.evidence, dec.evidence]
    basis = "《行政处罚法》第四十五条第二款、《交通运输行政执法程序规定》第七十条"
    if dec.amount <= pro.amount:
        return result(
            "P-03",
            Status.PASS,
            f"决定罚款{yuan(dec.amount)}不高于告知的拟罚款{yuan(pro.amount)}，符合{basis}的规定。",
            evidence,
            decided=dec.amount,
            proposed=pro.amount,
        )
    if ctx.uncertain(dec.evidence) or ctx.uncertain(pro.evidence):
        return needs_review(
            "P-03",
            f"决定罚款{yuan(dec.amount)}似高于拟罚款{yuan(pro.amount)}，但金额识别不可靠，请人工核对。",
            evidence,
        )
    return result(
        "P-03",
        Status.FAIL,
        f"决定罚款{yuan(dec.amount)}高于违法行为通知书告知的拟罚款{yuan(pro.amount)}。依据{basis}，"
        "不得因当事人陈述、申辩而给予更重的处罚；加重处罚应重新告知。",
        evidence,
        decided=dec.amount,
        proposed=pro.amount,
    )


@rule(
    "P-08",
    "简易程序罚款限额",
    "《行政处罚法》第五十一条；《交通运输行政执法程序规定》第六十条",
    ("summary_fine_individual", "summary_fine_organisation"),
)
def check_summary_ceiling(ctx: RuleContext) -> Finding:
    if not is_summary(ctx):
        return not_applicable("P-08", "本案适用普通程序，简易程序限额不适用。")
    doc = ctx.documents_of(d.DANGCHANG_JUEDING)[0]
    found = amounts(ctx, "decided", (d.DANGCHANG_JUEDING,))
    low, high = ctx.param_int("summary_fine_individual"), ctx.param_int("summary_fine_organisation")
    basis = "《行政处罚法》第五十一条"
    if not found:
        text = DocText(ctx, doc)
        warning = text.search("警告")
        if warning is not None:
            return result(
                "P-08",
                Status.PASS,
                f"当场决定给予警告，属简易程序适用范围（{basis}）。",
                [text.hit_evidence(warning)],
            )
        return needs_review("P-08", "未识别出当场行政处罚决定书的罚款金额，请人工核对。", [text.title()])
    amount = max(found, key=lambda a: a.amount)
    kind = party_kind(ctx)
    limit = high if kind == "organisation" else low
    who = {"organisation": "法人或者其他组织", "individual": "公民"}.get(kind or "", "")
    if kind is None and low < amount.amount <= high:
        return needs_review(
            "P-08",
            f"当场罚款{yuan(amount.amount)}，未能判断当事人是公民还是单位（限额{low}元/{high}元），请人工核对。",
            [amount.evidence],
        )
    if amount.amount <= limit:
        return result(
            "P-08",
            Status.PASS,
            f"当场罚款{yuan(amount.amount)}，未超过{who}简易程序限额{limit}元（{basis}）。",
            [amount.evidence],
        )
    if ctx.uncertain(amount.evidence):
        return needs_review(
            "P-08",
            f"当场罚款似为{yuan(amount.amount)}，超过限额{limit}元，但金额识别不可靠，请人工核对。",
            [amount.evidence],
        )
    return result(
        "P-08",
        Status.FAIL,
        f"当场罚款{yuan(amount.amount)}，超过{who}简易程序限额{limit}元。依据{basis}，对{who}处以超过{limit}元罚款的，"
        "应当适用普通程序。",
        [amount.evidence],
        fine=amount.amount,
        limit=limit,
    )


SIBLINGS = (procedure_decision, procedure_review, procedure_rights)  # imported to register their rules
