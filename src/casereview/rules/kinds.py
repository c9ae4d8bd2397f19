"""Rules of the compulsion (查封/扣押) and inspection (行政检查) files: D-02, D-03, P-11 (rules.md).

Each lists the elements its file must hold and fails only when every document it looked in was read
cleanly and no page is left unrecognised (a "missing" document may be hiding there); otherwise it asks
a person and names what it could not find.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from casereview.domain import doctypes as d
from casereview.domain import roles as r
from casereview.domain.casetype import COMPULSION_DOCUMENTS, INSPECTION_DOCUMENTS
from casereview.domain.findings import Finding, Status
from casereview.domain.model import Document, Evidence, TextSource
from casereview.extract.measures import (
    AV_RECORD,
    GOODS_HEAD,
    HANDED_OVER,
    REFUSED,
    SIGNATURE_LABEL,
    SIGNED,
    period_days,
)
from casereview.rules.base import RuleContext, rule
from casereview.rules.common import cn_date, needs_review, not_applicable, result
from casereview.rules.documents import DocText, first_doc, readable, role_date, unrecognised_pages

D02_BASIS = (
    "《行政强制法》第十八条、第二十四条至第二十八条；《交通运输行政执法程序规定》第五十四条至第五十九条"
)
D03_BASIS = "国办发〔2024〕54号；《交通运输行政执法程序规定》第二十三条"
P11_BASIS = "《交通运输行政执法程序规定》第五十四条；国办发〔2018〕118号（执法全过程记录制度）"
WRAPPERS = (d.FENGMIAN, d.MULU, d.BEIKAO, d.UNKNOWN)


@dataclass
class Audit:
    """What a completeness rule found: the evidence of each element, what is missing, what is in doubt."""

    found: list[Evidence] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    doubt: list[str] = field(default_factory=list)  # why a missing element may just be unread

    def need(self, name: str, evidence: Evidence | None, unsure: str | None = None) -> None:
        if evidence is not None:
            self.found.append(evidence)
        else:
            self.missing.append(name)
            if unsure:
                self.doubt.append(unsure)

    def finding(self, rule_id: str, what: str, basis: str, required: str) -> Finding:
        if not self.missing:
            return result(
                rule_id, Status.PASS, f"{what}应有要素齐全（{required}），符合{basis}的规定。", self.found
            )
        lacking = "、".join(self.missing)
        if self.doubt:
            return needs_review(
                rule_id,
                f"未找到：{lacking}；但{'；'.join(dict.fromkeys(self.doubt))}，可能未能识别，请人工核对。",
                self.found,
                missing=self.missing,
            )
        return result(
            rule_id,
            Status.FAIL,
            f"{what}缺少{len(self.missing)}项应有要素：{lacking}。依据{basis}，{what}应有{required}。",
            self.found,
            violations=len(self.missing),
            missing=self.missing,
        )


def _title(ctx: RuleContext, doc: Document | None) -> Evidence | None:
    return None if doc is None else DocText(ctx, doc).title()


def _hidden(ctx: RuleContext) -> str | None:
    pages = unrecognised_pages(ctx)
    return f"第{'、'.join(str(n) for n in pages)}页的文书未能识别" if pages else None


def _search(ctx: RuleContext, pattern: str | re.Pattern[str], docs: list[Document]) -> Evidence | None:
    for doc in docs:
        text = DocText(ctx, doc)
        hit = text.search(pattern)
        if hit is not None:
            return text.hit_evidence(hit)
    return None


def _unreadable(ctx: RuleContext, docs: list[Document]) -> str | None:
    bad = [doc for doc in docs if not readable(ctx, doc)]
    if not bad:
        return None
    return "第" + "、".join(str(doc.first_page) for doc in bad) + "页文字识别不可靠"


def _content_docs(ctx: RuleContext) -> list[Document]:
    return [doc for doc in ctx.documents if doc.type not in WRAPPERS]


def av_record(ctx: RuleContext) -> tuple[Evidence | None, str | None]:
    """Evidence that the audio-video record is referenced, else why its absence may be unread."""
    docs = _content_docs(ctx)
    found = _search(ctx, AV_RECORD, docs)
    if found is not None:
        return found, None
    return None, _hidden(ctx) or _unreadable(ctx, docs)


# ---------------------------------------------------------------------------------------------- D-02
def _served_on_spot(ctx: RuleContext, decision: Document) -> tuple[Evidence | None, str | None]:
    receipt = next((doc for doc in ctx.documents_of(d.SONGDA) if doc.serves == d.QIANGZHI), None)
    if receipt is not None:
        return _title(ctx, receipt), None
    text = DocText(ctx, decision)
    hit = text.search(SIGNED)
    if hit is not None:
        return text.line_evidence(hit), None
    handed = _search(ctx, HANDED_OVER, ctx.documents_of(d.XIANCHANG))  # "当场交付行政强制措施决定书"
    if handed is not None:
        return handed, None
    if (why := _blank_signature(ctx, text)) is not None:
        return None, why
    unassigned = [doc for doc in ctx.documents_of(d.SONGDA) if doc.serves is None]
    if unassigned:
        return None, f"第{unassigned[0].first_page}页送达回证未能判断所送达的文书"
    return None, _unreadable(ctx, [decision])


def _goods_list(ctx: RuleContext, decision: Document) -> tuple[Evidence | None, str | None]:
    listed = first_doc(ctx, d.QINGDAN)
    if listed is not None:
        return _title(ctx, listed), None
    embedded = _search(ctx, GOODS_HEAD, [decision])  # a list printed on the decision itself
    return embedded, None if embedded else _hidden(ctx)


def _extension_needed(ctx: RuleContext) -> tuple[bool, str]:
    """Whether the measure ran past its period (read cleanly on both ends) without an extension."""
    taken = role_date(ctx, r.COMPULSION, d.QIANGZHI)
    released = role_date(ctx, r.COMPULSION_RELEASE, d.JIECHU_QIANGZHI)
    if taken is None or released is None or ctx.uncertain(taken[1]) or ctx.uncertain(released[1]):
        return False, ""
    held = (released[0] - taken[0]).days
    limit = ctx.param_int("compulsion_cd")
    note = f"{cn_date(taken[0])}至{cn_date(released[0])}共{held}日，超过{limit}日"
    return held > limit, note


@rule("D-02", "行政强制（查封、扣押）案卷文书齐全", D02_BASIS, ("compulsion_cd",))
def check_compulsion_file(ctx: RuleContext) -> Finding:
    decision = first_doc(ctx, d.QIANGZHI)
    if decision is None:
        if ctx.documents_of(*COMPULSION_DOCUMENTS):
            return needs_review(
                "D-02",
                "案卷中有查封、扣押相关文书，但未找到行政强制措施决定书，请人工核对。",
                [e for e in (_title(ctx, doc) for doc in ctx.documents_of(*COMPULSION_DOCUMENTS)) if e],
            )
        return not_applicable("D-02", "案卷中没有行政强制措施决定书，未采取查封、扣押措施。")
    audit = Audit()
    hidden = _hidden(ctx)
    audit.need("现场笔录", _title(ctx, first_doc(ctx, d.XIANCHANG)), hidden)
    audit.found.append(_title(ctx, decision) or DocText(ctx, decision).title())
    served, why = _served_on_spot(ctx, decision)
    audit.need("行政强制措施决定书的送达回证或当事人签收", served, why)
    goods, why = _goods_list(ctx, decision)
    audit.need("查封（扣押）物品清单", goods, why)
    ended = first_doc(ctx, d.JIECHU_QIANGZHI) or first_doc(ctx, d.JUEDING)
    audit.need("解除行政强制措施决定书或处理扣押物品的行政处罚决定书", _title(ctx, ended), hidden)
    extension = first_doc(ctx, d.YANCHANG_QIANGZHI)
    if extension is not None:
        audit.found.append(_title(ctx, extension) or DocText(ctx, decision).title())
    else:
        overdue, note = _extension_needed(ctx)
        if overdue:
            audit.need(f"延长行政强制措施期限通知书（扣押{note}）", None, hidden)
    video, why = av_record(ctx)
    audit.need("音像记录（执法记录仪编号等）", video, why)
    finding = audit.finding(
        "D-02",
        "行政强制（查封、扣押）案卷",
        D02_BASIS,
        "现场笔录、当场送达的行政强制措施决定书、查封（扣押）物品清单、解除决定或处理决定、"
        "超过三十日时的延长通知书以及全程音像记录",
    )
    days = period_days(DocText(ctx, decision).flat)
    if days is not None:
        finding.facts["period_days"] = days
    return finding


# ---------------------------------------------------------------------------------------------- D-03
_BASIS_CUE = r"检查依据|依据《|根据《|依照《"


def _inspection_record(ctx: RuleContext) -> Document | None:
    return first_doc(ctx, d.JIANCHA_JILU) or first_doc(ctx, d.XIANCHANG)


def _officers_ok(ctx: RuleContext, record: Document, audit: Audit) -> None:
    need = ctx.param_int("min_officers")
    officers = [
        o for o in ctx.extraction.officers if o.document == record.type and o.evidence.page in record.pages()
    ]
    certified = {o.name for o in officers if o.certificate}
    if len(certified) >= need:
        audit.found.extend(o.evidence for o in officers[:2])
        return
    text = DocText(ctx, record)
    block = text.search(r"(?:执法人员|检查人员?|执法人)[:：]")
    unsure = None
    if block is None or not readable(ctx, record) or any(ctx.uncertain(o.evidence) for o in officers):
        unsure = f"第{record.first_page}页{record.type}的执法人员栏未能完整识别"
    audit.need(f"{need}名以上持执法证的检查人员（{record.type}载明{len(certified)}名）", None, unsure)


def _blank_signature(ctx: RuleContext, text: DocText) -> str | None:
    """A signature label with nothing read after it on a scanned page: the name may be handwritten,
    which OCR does not read, so an empty box there is no evidence of a missing signature."""
    hit = text.search(SIGNATURE_LABEL)
    if hit is None:
        return None
    page = ctx.case.pages[text.hit_evidence(hit).page - 1]
    if page.source in (TextSource.OCR, TextSource.NONE):
        return f"第{page.number}页签名处未识别出文字（可能为手写签名）"
    return None


def _signed(ctx: RuleContext, record: Document) -> tuple[Evidence | None, str | None]:
    text = DocText(ctx, record)
    hit = text.search(SIGNED) or text.search(REFUSED)
    if hit is not None:
        return text.line_evidence(hit), None
    return None, _blank_signature(ctx, text) or _unreadable(ctx, [record])


@rule("D-03", "行政检查案卷要素齐全", D03_BASIS, ("min_officers",))
def check_inspection_file(ctx: RuleContext) -> Finding:
    if not ctx.documents_of(*INSPECTION_DOCUMENTS):
        return not_applicable(
            "D-03", "案卷中没有行政检查审批表、检查方案、检查记录或检查结果告知书，不是行政检查案卷。"
        )
    audit = Audit()
    hidden = _hidden(ctx)
    approval = first_doc(ctx, d.JIANCHA_SHENPI, d.JIANCHA_FANGAN)
    audit.need("行政检查审批表或检查方案", _title(ctx, approval), hidden)
    if approval is not None:
        audit.need("检查依据", _search(ctx, _BASIS_CUE, [approval]), _unreadable(ctx, [approval]))
    record = _inspection_record(ctx)
    audit.need("行政检查记录（现场笔录）", _title(ctx, record), hidden)
    if record is not None:
        _officers_ok(ctx, record, audit)
        signed, why = _signed(ctx, record)
        audit.need("被检查人签名或拒绝签名的记载", signed, why)
    told = first_doc(ctx, d.JIANCHA_GAOZHI, d.ZELING_GAIZHENG)
    audit.need("检查结果告知书或责令改正通知书", _title(ctx, told), hidden)
    return audit.finding(
        "D-03",
        "行政检查案卷",
        D03_BASIS,
        "检查依据和检查方案（审批表）、两名以上持证检查人员、经被检查人签名（或注明拒签）的检查记录、"
        "检查结果告知书或责令改正通知书",
    )


# ---------------------------------------------------------------------------------------------- P-11
@rule("P-11", "查封扣押全程音像记录", P11_BASIS)
def check_av_record(ctx: RuleContext) -> Finding:
    decision = first_doc(ctx, d.QIANGZHI)
    if decision is None:
        return not_applicable("P-11", "案卷中没有行政强制措施决定书，未采取查封、扣押措施。")
    video, why = av_record(ctx)
    if video is not None:
        return result(
            "P-11",
            Status.PASS,
            f"案卷载明查封、扣押的音像记录（“{video.text}”，第{video.page}页），符合{P11_BASIS}的规定。",
            [video],
        )
    if why:
        return needs_review(
            "P-11", f"未找到查封、扣押的音像记录，但{why}，请人工核对。", [DocText(ctx, decision).title()]
        )
    return result(
        "P-11",
        Status.FAIL,
        f"第{decision.first_page}页行政强制措施决定书所述查封、扣押，案卷中未见执法记录仪编号、音像记录或视听资料。"
        f"依据{P11_BASIS}，查封、扣押的现场执法活动应当进行全程音像记录并归档。",
        [DocText(ctx, decision).title()],
    )
