"""Internal approvals: P-05 (法制审核), P-06 (重大案件集体讨论) and P-13 (结案报告负责人审批)."""

from __future__ import annotations

import re

from casereview.domain import doctypes as d
from casereview.domain import roles
from casereview.domain.findings import Finding, Status
from casereview.domain.model import Document, Evidence
from casereview.extract.parsers import find_dates
from casereview.extract.plausible import party_name_problem
from casereview.rules.base import RuleContext, rule
from casereview.rules.common import cn_date, needs_review, not_applicable, result
from casereview.rules.documents import (
    DocText,
    Trigger,
    decision_doc,
    is_summary,
    major_trigger,
    readable,
    role_date,
    unrecognised_pages,
)

P05_BASIS = "《行政处罚法》第五十八条；《交通运输行政执法程序规定》第七十一条、第七十二条"
P06_BASIS = "《行政处罚法》第五十七条第二款；《交通运输行政执法程序规定》第七十六条"
MAJOR_PARAMS = ("major_fine_individual", "major_fine_organisation")

_AGREE = re.compile(r"同意")
_PROBLEMS = re.compile(r"不同意|不予同意|存在(?:以下)?问题|退回(?:补充|重新)|补充调查|予以补正")
_REVIEWER = re.compile(
    r"审核人员?+(?:签名|签字|签章)?[:：]?(?!审核|日期|签)(?P<name>[\u4e00-\u9fff]{2,4}?)(?=[^\u4e00-\u9fff]|审核|日期|签名|法律|$)"
)
_CONCLUSION_LABEL = r"(?:结论性意见|讨论结论|结论意见|讨论决定|会议决定)"
_CONCLUSION = re.compile(_CONCLUSION_LABEL + r"[:：]?(?!出席|签名)(?P<body>[\u4e00-\u9fff][^。]{3,})")


_REVIEWER_LABEL = re.compile(r"审核人员?(?:签名|签字|签章)?")
_NAME_TOKEN = re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{2,4}(?![\u4e00-\u9fff])")


def _name_near_label(text: DocText) -> bool:
    """A 审核人员 label with a plausible name among the next cells of the form, though not right after
    it: the table was read out of order, so the reviewer cannot be said to be missing."""
    for hit in text.find_all(_REVIEWER_LABEL):
        window = text.text[hit.end : hit.end + 40]
        if any(party_name_problem(token) is None for token in _NAME_TOKEN.findall(window)):
            return True
    return False


def _required(ctx: RuleContext, rule_id: str, what: str) -> Trigger | Finding:
    """The trigger when ``rule_id`` applies, else its not-applicable/needs-review finding."""
    if is_summary(ctx):
        return not_applicable(rule_id, f"简易程序案件无需{what}。")
    trigger = major_trigger(ctx, "major_fine", "decided", hearing_counts=True)
    if trigger.triggered:
        return trigger
    if trigger.amount is not None and trigger.uncertain:
        return needs_review(
            rule_id, f"{trigger.reason}，但金额识别不可靠，无法判断是否需要{what}，请人工核对。"
        )
    return not_applicable(rule_id, f"{trigger.reason}，且未经听证、无吊销或责令停产停业等处罚，无需{what}。")


def _missing(ctx: RuleContext, rule_id: str, trigger: Trigger, what: str, basis: str) -> Finding:
    hidden = unrecognised_pages(ctx)
    if hidden:
        return needs_review(
            rule_id,
            f"{trigger.reason}，应有{what}，未找到；第{'、'.join(map(str, hidden))}页文书未能识别，请人工核对。",
        )
    decision = decision_doc(ctx)
    evidence = [trigger.amount.evidence] if trigger.amount else []
    evidence += [DocText(ctx, decision).title()] if decision else []
    return result(
        rule_id,
        Status.FAIL,
        f"{trigger.reason}，属于应当{what.removesuffix('记录').removesuffix('意见')}的情形，但案卷中未见{what}。依据{basis}。",
        evidence,
    )


def _date_order(
    ctx: RuleContext, role: str, doc: Document, label: str
) -> tuple[str | None, list[Evidence], bool]:
    """(problem, evidence, undecidable) for "``doc`` is dated on or before the decision"."""
    decision = decision_doc(ctx)
    own = role_date(ctx, role, doc.type)
    decided = role_date(ctx, roles.DECISION, decision.type) if decision else None
    if own is None or decided is None:
        return None, [], True
    (day, ev), (dday, dev) = own, decided
    if ctx.uncertain(ev) or ctx.uncertain(dev):
        return None, [ev, dev], day > dday
    if day > dday:
        return f"{label}日期{cn_date(day)}晚于决定日期{cn_date(dday)}", [ev, dev], False
    return None, [ev, dev], False


@rule("P-05", "重大执法决定法制审核", P05_BASIS, MAJOR_PARAMS)
def check_legal_review(ctx: RuleContext) -> Finding:
    required = _required(ctx, "P-05", "法制审核")
    if isinstance(required, Finding):
        return required
    docs = ctx.documents_of(d.FAZHI_SHENHE)
    if not docs:
        return _missing(ctx, "P-05", required, "法制审核意见", P05_BASIS)
    doc = docs[-1]  # a resubmitted case ends with the opinion that counts
    text = DocText(ctx, doc)
    problems: list[str] = []
    evidence: list[Evidence] = []
    agree = text.search(_AGREE)
    objection = text.search(_PROBLEMS)
    if objection is not None:
        evidence.append(text.hit_evidence(objection))
    elif agree is None:
        problems.append("未载明“同意”的审核结论")
    else:
        evidence.append(text.line_evidence(agree))
    reviewer = text.search(_REVIEWER, "name")
    unread_reviewer = reviewer is None and _name_near_label(text)
    ink = None if reviewer is not None else text.ink_beside_label(_REVIEWER_LABEL)
    if ink is not None:
        evidence.append(ink)
        unread_reviewer = True
    if reviewer is None and not unread_reviewer:
        problems.append("未载明审核人员")
    elif reviewer is not None:
        evidence.append(text.hit_evidence(reviewer))
    late, date_ev, undecidable = _date_order(ctx, roles.LEGAL_REVIEW, doc, "审核")
    evidence += date_ev
    if late:
        problems.append(late)
    where = f"第{doc.first_page}页法制审核意见"
    if problems and readable(ctx, doc) and not unread_reviewer:
        return result(
            "P-05",
            Status.FAIL,
            f"{required.reason}，应当法制审核。{where}：{'；'.join(problems)}。依据{P05_BASIS}，审核应出具同意或存在问题的"
            "书面意见，载明审核人员，并在作出决定前完成。",
            evidence or [text.title()],
            violations=len(problems),
        )
    if unread_reviewer:
        problems.append("审核人员栏的姓名未能识别（表格版式或扫描字迹）")
    if problems or objection is not None or undecidable:
        why = "；".join(problems) or (
            "审核意见提出了问题，需核对是否已整改" if objection else "未识别出审核日期或决定日期"
        )
        return needs_review("P-05", f"{where}：{why}，请人工核对。", evidence or [text.title()])
    return result(
        "P-05",
        Status.PASS,
        f"{required.reason}，{where}结论为同意，审核人员{reviewer.text if reviewer else ''}，审核日期不晚于决定日期，"
        f"符合{P05_BASIS}的规定。",
        evidence,
    )


@rule("P-06", "重大案件集体讨论", P06_BASIS, MAJOR_PARAMS)
def check_collective_discussion(ctx: RuleContext) -> Finding:
    required = _required(ctx, "P-06", "集体讨论")
    if isinstance(required, Finding):
        return required
    docs = ctx.documents_of(d.JITI_TAOLUN)
    if not docs:
        return _missing(ctx, "P-06", required, "重大案件集体讨论记录", P06_BASIS)
    doc = docs[-1]
    text = DocText(ctx, doc)
    problems: list[str] = []
    evidence: list[Evidence] = []
    conclusion = text.search(_CONCLUSION)
    # Unread ink where the conclusion would be (a scan's handwriting): it may be there, unread.
    ink = text.ink_beside_label(_CONCLUSION_LABEL) if conclusion is None else None
    if ink is not None:
        evidence.append(ink)
    elif conclusion is None:
        problems.append("无结论性意见")
    else:
        evidence.append(text.line_evidence(conclusion))
    late, date_ev, undecidable = _date_order(ctx, roles.DISCUSSION, doc, "讨论")
    evidence += date_ev
    if late:
        problems.append(late)
    where = f"第{doc.first_page}页集体讨论记录"
    if problems and readable(ctx, doc):
        return result(
            "P-06",
            Status.FAIL,
            f"{required.reason}，应当集体讨论决定。{where}：{'；'.join(problems)}。依据{P06_BASIS}，"
            "集体讨论应形成结论性意见并在作出决定前进行。",
            evidence or [text.title()],
            violations=len(problems),
        )
    if ink is not None:
        problems.append("结论栏的字迹未能识别")
    if problems or undecidable:
        why = "；".join(problems) or "未识别出讨论日期或决定日期"
        return needs_review("P-06", f"{where}：{why}，请人工核对。", evidence or [text.title()])
    return result(
        "P-06",
        Status.PASS,
        f"{required.reason}，{where}有结论性意见，讨论日期不晚于决定日期，符合{P06_BASIS}的规定。",
        evidence,
    )


# The head's approval row of a 结案报告; the handling unit's own head (经办机构负责人) is not it.
# A label cell may wrap (机关负责人审批 / 意见) with the value between the two halves in reading
# order, so 意见 is optional; 法定代表人(负责人) of the party is not the head.
_HEAD_LABEL = re.compile(r"(?<![(（])负责人(?:审批|批准)?(?:意见)?(?![)）])")
_UNIT_HEAD = re.compile(r"(?:经办|承办|办案)(?:机构|部门)?(?:意见)?$")
_SIGNED = re.compile(r"(?:签[名字章]?[:：]?)?(?P<name>[\u4e00-\u9fff]{2,4})")
_ROW_END = re.compile(r"备注|案号|打印时间|第\d+页")


@rule("P-13", "结案报告及负责人审批", "《交通运输行政执法程序规定》第一百二十二条")
def check_closing_approved(ctx: RuleContext) -> Finding:
    if is_summary(ctx):
        return not_applicable("P-13", "简易程序案卷不制作结案报告，本项不适用。")
    basis = "《交通运输行政执法程序规定》第一百二十二条"
    reports = ctx.documents_of(d.JIEAN)
    if not reports:
        hidden = unrecognised_pages(ctx)
        if hidden:
            return needs_review(
                "P-13", f"未找到结案报告，第{'、'.join(map(str, hidden))}页文书未能识别，请人工核对。"
            )
        decision = decision_doc(ctx)
        ev = [DocText(ctx, decision).title()] if decision else []
        return result(
            "P-13", Status.FAIL, f"案卷中未见结案报告。依据{basis}，结案应制作结案报告并经负责人批准。", ev
        )
    doc = reports[0]
    text = DocText(ctx, doc)
    heads = [h for h in text.find_all(_HEAD_LABEL) if not _UNIT_HEAD.search(text.before(h, 6))]
    if not heads:
        if not readable(ctx, doc):
            return needs_review(
                "P-13",
                f"第{doc.first_page}页结案报告未识别出负责人审批意见栏，文字识别不可靠，请人工核对。",
                [text.title()],
            )
        return result(
            "P-13",
            Status.FAIL,
            f"第{doc.first_page}页结案报告无负责人审批意见栏。依据{basis}，结案报告应经负责人批准。",
            [text.title()],
        )
    head = heads[-1]
    row = text.text[head.end :]
    stop = _ROW_END.search(row)
    row = row[: stop.start()] if stop else row
    dates = find_dates(row)
    signer = _SIGNED.search(re.sub(r"同意|结案|批准|意见|审批|[。，,、]", " ", row))
    evidence = [text.line_evidence(head)]
    if dates and signer:
        return result(
            "P-13",
            Status.PASS,
            f"结案报告有负责人审批意见，签名{signer['name']}，日期{dates[0].text}，符合{basis}的规定。",
            evidence,
        )
    lacking = "、".join(x for x, ok in (("签名", signer), ("日期", dates)) if not ok)
    ink = text.ink_beside(head)  # the head's hand, unread by the OCR engine
    if ink is not None:
        return needs_review(
            "P-13",
            f"结案报告负责人审批意见栏有未能识别的字迹，未识别出{lacking}，请人工核对。",
            [*evidence, ink],
        )
    if not readable(ctx, doc) or ctx.uncertain(evidence[0]):
        return needs_review(
            "P-13", f"结案报告负责人审批意见栏未识别出{lacking}，文字识别不可靠，请人工核对。", evidence
        )
    return result(
        "P-13",
        Status.FAIL,
        f"第{doc.first_page}页结案报告负责人审批意见栏缺少{lacking}。依据{basis}，结案报告应经负责人审批、签名并注明日期。",
        evidence,
    )
