"""P-20 (fine within the statutory range and the discretion table's level) and P-10 (exemption
lists: 轻微不罚 / 首违不罚). The tables and lists are the standard's data (``policy:``), never code."""

from __future__ import annotations

import re

from casereview.domain.findings import Finding, Status
from casereview.domain.model import Document, Evidence
from casereview.extract.articles import ArticleMatch
from casereview.extract.reasons import circumstance_level, penalty_articles
from casereview.policy.model import Cited, PolicyData, Sourced, StatutoryEntry, pick, yuan
from casereview.rules.base import RuleContext, rule
from casereview.rules.common import needs_review, not_applicable, result
from casereview.rules.documents import DocText, amounts, decision_doc, readable

P20_BASIS = "《行政处罚法》第五条、第三十四条；《国务院办公厅关于进一步规范行政裁量权基准制定和管理工作的意见》（国办发〔2022〕27号）"
P10_BASIS = "《行政处罚法》第三十三条；《交通运输部关于建立交通运输行政执法规范化长效机制的意见》（交法发〔2021〕115号）"


def _cited(a: ArticleMatch) -> Cited:
    return Cited(a.law, a.article, a.paragraph, a.item)


def _cite(a: ArticleMatch) -> str:
    return f"《{a.law}》第{a.article}条" + (f"第（{a.item}）项" if a.item else "")


def _basis(ctx: RuleContext, doc: Document) -> tuple[DocText, list[ArticleMatch]]:
    text = DocText(ctx, doc)
    return text, penalty_articles(text.flat)


def _statutory_breach(
    policy: PolicyData, articles: list[ArticleMatch], text: DocText, amount: float
) -> tuple[list[str], list[str]]:
    """(ranges the fine breaks, ranges it keeps) over the cited articles with one statutory entry."""
    broken: list[str] = []
    kept: list[str] = []
    for article in articles:
        entries: list[Sourced[StatutoryEntry]] = pick(policy.statutory, _cited(article), text.flat)
        if len(entries) != 1:
            continue
        entry = entries[0].entry
        words = f"{entry.cite()}（{entry.violation}）法定罚款幅度“{entry.fine}”"
        (kept if entry.range().contains(amount) else broken).append(words)
    return broken, kept


@rule("P-20", "罚款在法定幅度和裁量基准幅度内", P20_BASIS)
def check_discretion(ctx: RuleContext) -> Finding:
    policy = ctx.policy
    if policy is None or not (policy.statutory or policy.discretion):
        return not_applicable("P-20", "评查标准未配置法定幅度表和裁量基准表。")
    doc = decision_doc(ctx)
    if doc is None:
        return needs_review("P-20", "未找到行政处罚决定书，无法核对罚款幅度，请人工核对。")
    decided = amounts(ctx, "decided", (doc.type,))
    text, articles = _basis(ctx, doc)
    where = f"第{doc.first_page}页{doc.type}"
    if not decided:
        if readable(ctx, doc) and not text.search(r"罚款"):
            return not_applicable("P-20", f"{where}未处罚款。")
        return needs_review("P-20", f"未能识别{where}的罚款数额，请人工核对罚款幅度。", [text.title()])
    fine = decided[0]
    if not articles:
        return needs_review(
            "P-20", f"未能识别{where}所依据的处罚条款（依据…第X条），请人工核对罚款幅度。", [fine.evidence]
        )
    evidence = [fine.evidence, *(text.hit_evidence(text.span(a.start, a.end)) for a in articles[:2])]
    doubt = any(ctx.uncertain(e) for e in evidence) or not readable(ctx, doc)
    amount = yuan(fine.amount)
    broken, kept = _statutory_breach(policy, articles, text, fine.amount)
    if broken and not doubt:
        return result(
            "P-20",
            Status.FAIL,
            f"{where}罚款{amount}，超出{'；'.join(broken)}。依据{P20_BASIS}，罚款应在法定幅度内。",
            evidence,
            statutory=broken,
        )
    table = next(
        (found for a in articles if len(found := pick(policy.discretion, _cited(a), text.flat)) == 1), None
    )
    if table is None:
        cited = "、".join(_cite(a) for a in articles)
        return needs_review(
            "P-20",
            f"裁量基准表中没有与{where}所依据的{cited}对应的条目（或对应多条无法区分），罚款{amount}请人工核对裁量幅度。",
            evidence,
        )
    row = table[0]
    entry = row.entry
    level, mentions = circumstance_level(text.flat)
    facts: dict[str, object] = {"table": row.title, "file": row.file, "entry": entry.id, "fine": fine.amount}
    if level is None:
        why = "写有不同的裁量情节" if mentions else "未写明裁量情节档次"
        if not broken and kept:
            return result(
                "P-20",
                Status.PASS,
                f"{where}罚款{amount}，在{'；'.join(kept)}内；决定书{why}，未按裁量基准{entry.id}的档次核对（见 P-19）。",
                evidence,
                violations=0,
                **facts,
            )
        return needs_review(
            "P-20", f"{where}{why}，无法按裁量基准{entry.id}核对罚款{amount}，请人工核对。", evidence, **facts
        )
    evidence.append(text.hit_evidence(text.span(level.start, level.end)))
    band = entry.level(level.value)
    if band is None:
        return needs_review(
            "P-20",
            f"{where}写明情节“{level.value}”，但{row.title}第{entry.id}项没有该档次，罚款{amount}请人工核对。",
            evidence,
            **facts,
        )
    facts |= {"level": level.value, "range": band.fine, "low": band.range().low, "high": band.range().high}
    row_text = f"{row.title}第{entry.id}项（{entry.violation}）“{band.level}”档次罚款幅度“{band.fine}”"
    if band.range().contains(fine.amount) and not broken:
        return result(
            "P-20",
            Status.PASS,
            f"{where}写明情节“{level.value}”，罚款{amount}，在{row_text}内。",
            evidence,
            violations=0,
            **facts,
        )
    if doubt or broken:
        return needs_review(
            "P-20",
            f"{where}罚款{amount}与{row_text}不符，但页面文字识别不可靠，请人工核对。",
            evidence,
            **facts,
        )
    return result(
        "P-20",
        Status.FAIL,
        f"{where}写明情节“{level.value}”，罚款{amount}，不在{row_text}内。依据{P20_BASIS}，"
        "罚款应在裁量基准对应档次的幅度内；确需突破的应说明理由并经集体讨论。",
        evidence,
        violations=1,
        **facts,
    )


_NO_PENALTY = re.compile(r"(?:决定|依法)?不予(?:行政)?处罚")
_ORDER = re.compile(r"责令(?:限期|立即|当场)?改正|责令改正违法行为通知书")
_EDUCATION = re.compile(r"告知承诺书|承诺书|批评教育|教育引导|法治教育|普法")
_FIRST = re.compile(r"(?:系|属|为)?(?:首次|初次|第一次)(?:实施|违法)")
_CORRECTED = re.compile(r"(?:已|当场|立即|及时|主动)(?:自行)?(?:改正|纠正|补办|补正|清除)")


def _case_search(ctx: RuleContext, pattern: re.Pattern[str]) -> Evidence | None:
    for doc in ctx.documents:
        text = DocText(ctx, doc)
        hit = text.search(pattern)
        if hit is not None:
            return text.hit_evidence(hit)
    return None


@rule("P-10", "轻微不罚、首违不罚的考虑", P10_BASIS)
def check_exemption(ctx: RuleContext) -> Finding:
    policy = ctx.policy
    if policy is None or not policy.exemptions:
        return not_applicable("P-10", "评查标准未配置轻微违法行为免予处罚清单。")
    doc = decision_doc(ctx)
    if doc is None:
        return needs_review("P-10", "未找到处罚决定书，无法核对免罚清单的适用，请人工核对。")
    text, articles = _basis(ctx, doc)
    where = f"第{doc.first_page}页{doc.type}"
    refused = text.search(_NO_PENALTY)
    if refused is not None and not amounts(ctx, "decided", (doc.type,)):
        return _no_penalty(ctx, doc, text, refused.start, where)
    if not articles:
        return needs_review(
            "P-10", f"未能识别{where}所依据的处罚条款，无法核对免罚清单，请人工核对。", [text.title()]
        )
    listed = next((found for a in articles if (found := pick(policy.exemptions, _cited(a), text.flat))), None)
    if not listed:
        cited = "、".join(_cite(a) for a in articles)
        return result(
            "P-10",
            Status.PASS,
            f"{where}所依据的{cited}不在免罚清单中。",
            [text.hit_evidence(text.span(articles[0].start, articles[0].end))],
        )
    row = listed[0]
    entry = row.entry
    first, corrected = _case_search(ctx, _FIRST), _case_search(ctx, _CORRECTED)
    facts = {"list": row.title, "file": row.file, "entry": entry.id, "conditions": entry.conditions}
    spot = [text.hit_evidence(text.span(articles[0].start, articles[0].end))]
    if first is not None and corrected is not None:
        return needs_review(
            "P-10",
            f"{where}对{entry.matter}作出罚款，而该事项列入{row.title}第{entry.id}项（{entry.kind}），"
            f"卷中记载首次违法并已改正；适用条件：{'；'.join(entry.conditions)}。请核对是否应依{P10_BASIS}不予处罚。",
            [*spot, first, corrected],
            **facts,
        )
    return result(
        "P-10",
        Status.PASS,
        f"{entry.matter}列入{row.title}第{entry.id}项（{entry.kind}），但卷中未见首次违法且及时改正的记载，作出处罚未违反清单。",
        spot,
        violations=0,
        **facts,
    )


def _no_penalty(ctx: RuleContext, doc: Document, text: DocText, at: int, where: str) -> Finding:
    """A 不予行政处罚 decision must rest on 责令改正 and education (行政处罚法 第33条第3款)."""
    order, taught = _case_search(ctx, _ORDER), _case_search(ctx, _EDUCATION)
    spot = text.hit_evidence(text.span(at, at + 4)) if at < len(text.flat) else text.title()
    missing = [name for name, ev in (("责令改正", order), ("教育或告知承诺书记录", taught)) if ev is None]
    found = [e for e in (order, taught) if e is not None]
    if not missing:
        return result("P-10", Status.PASS, f"{where}不予行政处罚，卷中有责令改正和教育记录。", [spot, *found])
    if any(not readable(ctx, x) for x in ctx.documents):
        return needs_review(
            "P-10",
            f"{where}不予行政处罚，未能识别{'、'.join(missing)}（部分页面识别不可靠），请人工核对。",
            [spot],
        )
    return result(
        "P-10",
        Status.FAIL,
        f"{where}不予行政处罚，但卷中没有{'、'.join(missing)}。依据{P10_BASIS}，对不予处罚的当事人应当责令改正并进行教育。",
        [spot, *found],
        missing=missing,
    )
