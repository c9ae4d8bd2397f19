"""The decision itself: P-07 (第五十九条 six elements and seal) and S-01 (seals on decision and notice)."""

from __future__ import annotations

import datetime as dt
import re

from casereview.domain import doctypes as d
from casereview.domain import roles
from casereview.domain.casetype import COMPULSION, INSPECTION, detect_case_type
from casereview.domain.findings import Finding, Status
from casereview.domain.model import Document, Evidence, Party
from casereview.extract.agency import AGENCY_LINE
from casereview.rules.base import RuleContext, rule
from casereview.rules.common import needs_review, not_applicable, result
from casereview.rules.documents import (
    SEALS_UNSEEN,
    SEALS_UNSEEN_WHY,
    DocText,
    Hit,
    amounts,
    decision_doc,
    first_doc,
    is_summary,
    readable,
    role_date,
    seal_on,
    seals_visible,
)
from casereview.rules.elements import Cue, sort_missing

P07_BASIS = "《行政处罚法》第五十九条；《交通运输行政执法程序规定》第七十七条"
S01_BASIS = "《行政处罚法》第五十九条第二款；《交通运输行政执法程序规定》第六十九条、第七十七条"
NEW_REVIEW_LAW = dt.date(2024, 1, 1)  # 2023 行政复议法: 当场 decisions go to reconsideration first

_PARTY = r"(?:当事人|被处罚人|被处罚单位)[^:：]{0,6}[:：]?[\u4e00-\u9fff]{2}"
_FACTS = r"违法事实|经查|查明|经调查|基本案情|案件事实|查处行为|主要违法事实|调查认定"
_EVIDENCE = r"证据"
_BASIS = r"(?:依据|依照|根据)《[^》]{2,40}》"
_PENALTY = r"(?:决定|给予|处以)[^。]{0,40}?(?:罚款|警告|吊销|暂扣|没收|责令)"
_PAYMENT = r"(?:十五日|15日)[^。]{0,90}?缴|当场缴纳"
_COMPLY = r"(?:履行|执行)方式[^。]{0,6}期限[:：]?(?!/|无)[\u4e00-\u9fff]"
_REVIEW_60 = r"复议[^。]{0,60}?(?:六十日|60日)|(?:六十日|60日)[^。]{0,60}?复议"
_SUIT_6M = r"(?:六个月|6个月)[^。]{0,40}?诉讼"
_REVIEW_FIRST = r"先向[^。]{0,30}?申请行政复议|复议前置|对(?:行政)?复议决定不服"
_AGENCY_LINE = AGENCY_LINE

# What each element is about, to tell "worded otherwise" (needs_review) from "not there" or "wrong"
# (fail): see rules/elements.py.
_REMEDY_CUE = Cue(
    "复议|诉讼|起诉",
    "复议|诉讼|起诉",
    frozenset({"六十日", "60日", "60天", "六个月", "6个月", "十五日", "15日", "15天"}),
)
_PAY_WORDS = "缴纳|缴款|缴至|缴入|交纳|缴交"
_CUES: dict[str, Cue] = {
    "当事人的姓名或者名称": Cue("当事人|被处罚"),
    "违法事实": Cue("事实|经查|查明"),
    "违法事实和证据": Cue("事实|经查|查明|证据|笔录|照片|证明"),
    "行政处罚的种类和依据": Cue("《[^》]{2,40}》|罚款|警告"),
    "行政处罚的履行方式和期限": Cue(_PAY_WORDS, _PAY_WORDS, frozenset({"十五日", "15日", "15天"})),
    "申请行政复议、提起行政诉讼的途径和期限（六十日、六个月）": _REMEDY_CUE,
    "申请行政复议的途径和期限": _REMEDY_CUE,
    "作出决定的行政机关名称和日期": Cue(
        "(?:局|委员会|支队|大队|中心|管理处|政府)|年[^。]{1,3}月[^。]{1,3}日"
    ),
}


def _agency(text: DocText) -> Evidence | None:
    offset = 0
    found: Evidence | None = None
    for line in text.text.split("\n"):
        if _AGENCY_LINE.match("".join(line.split())):
            found = text.evidence(offset, offset + len(line))  # the last one signs the decision
        offset += len(line) + 1
    return found


def _elements(ctx: RuleContext, doc: Document, text: DocText) -> tuple[list[str], list[Evidence]]:
    """(missing element names, evidence of those found) for the six elements of 第五十九条."""
    summary = doc.type == d.DANGCHANG_JUEDING
    missing: list[str] = []
    found: list[Evidence] = []

    def need(name: str, *patterns: str) -> None:
        hits: list[Hit] = []
        for pattern in patterns:
            hit = text.search(pattern)
            if hit is None:
                missing.append(name)
                return
            hits.append(hit)
        found.append(text.hit_evidence(hits[0]))

    party = next(
        (p for p in ctx.extraction.parties if p.document == doc.type and isinstance(p.value, Party)), None
    )
    if party is not None:
        found.append(party.evidence)
    else:
        need("当事人的姓名或者名称", _PARTY)
    if summary:
        need("违法事实", _FACTS)
    else:
        need("违法事实和证据", _FACTS, _EVIDENCE)
    need("行政处罚的种类和依据", _BASIS, _PENALTY)
    fined = bool(amounts(ctx, "decided", (doc.type,)))
    need("行政处罚的履行方式和期限", _PAYMENT if fined else _COMPLY)
    dated = role_date(ctx, roles.DECISION, doc.type)
    if summary and dated is not None and dated[0] >= NEW_REVIEW_LAW and text.search(_REVIEW_FIRST):
        need("申请行政复议的途径和期限", _REVIEW_60)  # 复议前置: no direct suit to state
    else:
        need("申请行政复议、提起行政诉讼的途径和期限（六十日、六个月）", _REVIEW_60, _SUIT_6M)
    agency = _agency(text)
    if agency is None or dated is None:
        missing.append("作出决定的行政机关名称和日期")
    else:
        found += [agency, dated[1]]
    return missing, found


# Label cells of a grid-form decision: read in a scan's line order, a label can land in the middle
# of its own value ("申请行政复 / 救济途径和期限 / 议").
_LABEL_CELLS = re.compile(r"救济途径和期限|履行方式和期限|处罚理由|处罚依据|处罚决定|违法事实|证据")
_ELEMENT_PATTERNS: dict[str, tuple[str, ...]] = {
    "违法事实和证据": (_FACTS, _EVIDENCE),
    "违法事实": (_FACTS,),
    "行政处罚的种类和依据": (_BASIS, _PENALTY),
    "申请行政复议、提起行政诉讼的途径和期限（六十日、六个月）": (_REVIEW_60, _SUIT_6M),
    "申请行政复议的途径和期限": (_REVIEW_60,),
}


def _split_by_labels(text: DocText, missing: list[str]) -> list[str]:
    """The missing elements that are there once label cells are taken out of the text: the form was
    read out of order, so their absence is doubt, not a finding."""
    joined = _LABEL_CELLS.sub("", text.flat)
    return [
        name
        for name in missing
        if name in _ELEMENT_PATTERNS and all(re.search(p, joined) for p in _ELEMENT_PATTERNS[name])
    ]


@rule("P-07", "行政处罚决定书内容要素及印章", P07_BASIS)
def check_decision_elements(ctx: RuleContext) -> Finding:
    doc = decision_doc(ctx)
    if doc is None:
        return needs_review("P-07", "未找到行政处罚决定书，无法核对其内容要素，请人工核对。")
    text = DocText(ctx, doc)
    missing, evidence = _elements(ctx, doc, text)
    seal = seal_on(ctx, doc.pages())
    unseen = seal is None and not seals_visible(ctx, doc.pages())
    if seal is not None:
        evidence.append(seal)
    elif not unseen:
        missing.append("行政机关印章")
    where = f"第{doc.first_page}页{doc.type}"
    if not missing and not unseen:
        return result(
            "P-07",
            Status.PASS,
            f"{where}载明第五十九条规定的六项内容并加盖印章，符合{P07_BASIS}的规定。",
            evidence,
        )
    interrupted = _split_by_labels(text, missing)
    if interrupted and len(interrupted) == len(missing):
        return needs_review(
            "P-07",
            f"{where}的{'、'.join(interrupted)}被表格栏目名称隔断，未能确认，请人工核对。",
            evidence or [text.title()],
        )
    if not readable(ctx, doc) or (unseen and not missing):
        why = "、".join(missing) if missing else f"印章（{SEALS_UNSEEN_WHY}）"
        return needs_review(
            "P-07", f"{where}未识别出：{why}，页面文字或图像不可靠，请人工核对。", evidence or [text.title()]
        )
    sorted_ = sort_missing(text.flat, missing, _CUES)
    if not sorted_.failing:
        return needs_review(
            "P-07",
            f"{where}载有{'、'.join(sorted_.unsure)}的相关文字，但未能确认其按规定载明，请人工核对。",
            evidence or [text.title()],
            unsure=sorted_.unsure,
        )
    missing = sorted_.failing
    return result(
        "P-07",
        Status.FAIL,
        f"{where}缺少或未按规定载明：{'、'.join(missing)}。依据{P07_BASIS}，决定书应当载明当事人、违法事实和证据、处罚种类和依据、"
        "履行方式和期限、复议诉讼途径和期限、机关名称和日期，并加盖印章。",
        evidence or [text.title()],
        violations=len(missing),
        missing=missing,
    )


def _seal_part(
    ctx: RuleContext, doc: Document | None, name: str, role: str
) -> tuple[str, str, list[Evidence]]:
    """("ok" | "fail" | "review", message part, evidence) for one document that must be sealed."""
    if doc is None:
        return "review", f"未找到{name}", []
    dated = role_date(ctx, role, doc.type)
    # The signature block: the last page, the date's page, and the page of the agency's name (a
    # block split by a page break leaves the name and its seal above, the date below).
    text = DocText(ctx, doc)
    signed = _agency(text)
    pages = {doc.last_page} | ({dated[1].page} if dated else set()) | ({signed.page} if signed else set())
    seal = seal_on(ctx, sorted(pages))
    if seal is not None:
        return "ok", f"第{seal.page}页{name}有红色印章", [seal]
    spot = [dated[1]] if dated else [text.title()]
    if not seals_visible(ctx, sorted(pages)):
        return "review", f"第{doc.last_page}页{name}{SEALS_UNSEEN}", spot
    if not readable(ctx, doc):
        # The signature block itself is not read reliably: this may not even be its last page.
        return "review", f"第{doc.last_page}页{name}文字识别不可靠，未能确认落款处有无印章", spot
    return "fail", f"第{doc.last_page}页{name}落款处未见印章", spot


# Files without a penalty decision or notice (compulsion and inspection files): the documents they
# hand to the party instead, each with the date role its signature date carries.
S01_MEASURE_BASIS = "《行政强制法》第二十四条、第二十七条、第二十八条；《交通运输行政执法程序规定》第五十四条"
S01_INSPECTION_BASIS = "《交通运输行政执法程序规定》第二十三条；国办发〔2024〕54号"
_MEASURE_DOCS = ((d.QIANGZHI, roles.COMPULSION), (d.JIECHU_QIANGZHI, roles.COMPULSION_RELEASE))
_INSPECTION_DOCS = ((d.JIANCHA_GAOZHI, roles.INSPECTION_RESULT), (d.ZELING_GAIZHENG, roles.INSPECTION_RESULT))


def _other_kind_parts(ctx: RuleContext) -> tuple[list[tuple[str, str, list[Evidence]]], str, str] | None:
    """The seal checks of a compulsion or inspection file; None for a penalty file."""
    if decision_doc(ctx) is not None or first_doc(ctx, d.TONGZHI) is not None:
        return None
    kind = detect_case_type(doc.type for doc in ctx.documents)
    for table, basis, what, of_kind in (
        (_MEASURE_DOCS, S01_MEASURE_BASIS, "行政强制措施决定书和解除决定书", COMPULSION),
        (_INSPECTION_DOCS, S01_INSPECTION_BASIS, "检查结果告知书或责令改正通知书", INSPECTION),
    ):
        found = [(doc, role) for typ, role in table if (doc := first_doc(ctx, typ)) is not None]
        if (
            found or kind == of_kind
        ):  # none found in a file of that kind: nothing to look at (D-02/D-03 say so)
            return [_seal_part(ctx, doc, doc.type, role) for doc, role in found], basis, what
    return None


@rule("S-01", "决定书和通知书加盖印章", S01_BASIS)
def check_seals(ctx: RuleContext) -> Finding:
    summary = is_summary(ctx)
    other = _other_kind_parts(ctx)
    basis, what = S01_BASIS, "行政处罚决定书和违法行为通知书"
    if other is not None:
        parts, basis, what = other
        if not parts:
            return not_applicable(
                "S-01", f"案卷中没有{what}，无可核对印章的对外文书（所缺文书见 D-02、D-03）。"
            )
    else:
        parts = [
            _seal_part(
                ctx, decision_doc(ctx), "当场行政处罚决定书" if summary else "行政处罚决定书", roles.DECISION
            )
        ]
        if not summary:
            parts.append(_seal_part(ctx, first_doc(ctx, d.TONGZHI), "违法行为通知书", roles.NOTICE))
    evidence = [e for _, _, ev in parts for e in ev]
    fails = [m for status, m, _ in parts if status == "fail"]
    if fails:
        return result(
            "S-01",
            Status.FAIL,
            f"{'；'.join(fails)}。依据{basis}，{what}必须加盖作出机关的印章。",
            evidence,
            violations=len(fails),
        )
    reviews = [m for status, m, _ in parts if status == "review"]
    if reviews:
        return needs_review("S-01", f"{'；'.join(reviews)}，请人工核对印章。", evidence)
    return result("S-01", Status.PASS, f"{'；'.join(m for _, m, _ in parts)}，符合{basis}的规定。", evidence)
