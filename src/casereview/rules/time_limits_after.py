"""Time-limit rules on measures and after the decision (rules.md T-06, T-07, T-11, T-12, T-16, T-19).

T-16 (limitation) and T-19 (procedural order) live here too: they read the same dates.
"""

from __future__ import annotations

import datetime as dt
import re

from casereview.domain import doctypes as d
from casereview.domain import roles as r
from casereview.domain.findings import Finding, Status
from casereview.domain.model import Evidence
from casereview.rules.base import RuleContext, rule
from casereview.rules.common import cn_date, needs_review, not_applicable, result
from casereview.rules.dates import (
    Point,
    at_most_cd,
    at_most_wd,
    evidence_of,
    make_finding,
    mention,
    missing,
    unsure,
    with_evidence,
)
from casereview.rules.documents import DocText, fine, is_summary

B06 = "行政处罚法第五十六条、第八十五条；交通运输行政执法程序规定第四十五条"
B07 = "行政强制法第二十五条；交通运输行政执法程序规定第五十六条"
B11 = "行政处罚法第六十七条、第七十二条；交通运输行政执法程序规定第九十九条"
B12 = "国办发〔2018〕118号"
B16 = "行政处罚法第三十六条；交通运输行政执法程序规定第七十四条"
B19 = "交通运输行政执法程序规定第六十二条至第一百二十二条"
DECISIONS = (d.JUEDING, d.DANGCHANG_JUEDING)
# A surcharge actually charged, not the decision's warning "到期不缴纳罚款的…加处罚款".
SURCHARGE = re.compile(r"(?<![未不无免])(?:已|并|含|缴纳|收取)?加处罚款(?!的数额不超过)")


@rule("T-06", "先行登记保存处理期限", B06, ("preservation_wd",))
def preservation_disposed(ctx: RuleContext) -> Finding:
    if not ctx.documents_of(d.ZHENGJU_BAOCUN):
        return not_applicable("T-06", "案卷中没有证据登记保存清单，未采取先行登记保存措施。")
    kept = mention(ctx, r.PRESERVATION, d.ZHENGJU_BAOCUN)
    if kept is None:
        return missing("T-06", "证据登记保存清单的日期")
    start = Point.of(kept, "证据登记保存日期")
    released = mention(ctx, r.PRESERVATION_RELEASE)
    if released is None:
        return missing("T-06", "解除证据登记保存决定书（或其他处理决定）", start)
    end = Point.of(released, "解除保存日期")
    limit = ctx.param_int("preservation_wd")
    return at_most_wd(ctx, "T-06", start, end, limit, "先行登记保存处理期限", B06)


@rule("T-07", "查封扣押期限", B07, ("compulsion_cd", "compulsion_extension_cd"))
def compulsion_period(ctx: RuleContext) -> Finding:
    if not ctx.documents_of(d.QIANGZHI):
        return not_applicable("T-07", "案卷中没有行政强制措施决定书，未采取查封、扣押措施。")
    taken = mention(ctx, r.COMPULSION, d.QIANGZHI)
    if taken is None:
        return missing("T-07", "行政强制措施决定书的日期")
    start = Point.of(taken, "强制措施决定日期")
    released = mention(ctx, r.COMPULSION_RELEASE)
    if released is None:
        return missing("T-07", "解除行政强制措施决定书", start)
    extended = bool(ctx.documents_of(d.YANCHANG_QIANGZHI))
    limit = ctx.param_int("compulsion_cd") + (ctx.param_int("compulsion_extension_cd") if extended else 0)
    extra = f"案卷中有延长行政强制措施期限通知书，期限按{limit}日计算。" if extended else ""
    end = Point.of(released, "解除强制措施日期")
    finding = at_most_cd(ctx, "T-07", start, end, limit, "查封、扣押期限", B07, extra)
    notice = ctx.documents_of(d.YANCHANG_QIANGZHI)
    return with_evidence(finding, notice[0].title_evidence if extended else None)


def _surcharge(ctx: RuleContext) -> Evidence | None:
    """Evidence that a late-payment surcharge was charged (receipt, 结案报告, 催告书 …)."""
    for doc in ctx.documents:
        if doc.type in (*DECISIONS, d.TONGZHI):
            continue  # they print the statutory warning, not a surcharge
        text = DocText(ctx, doc)
        hit = text.search(SURCHARGE)
        if hit is not None:
            return text.hit_evidence(hit)
    return None


@rule("T-11", "罚款缴纳期限", B11, ("payment_cd",))
def fine_paid(ctx: RuleContext) -> Finding:
    decided = fine(ctx, "decided")
    if (decided is None or decided.amount <= 0) and not ctx.documents_of(d.PIAOJU):
        return not_applicable("T-11", "处罚决定未处以罚款，不适用罚款缴纳期限。")
    if is_summary(ctx):
        dated = mention(ctx, r.DECISION, d.DANGCHANG_JUEDING)
        start = Point.of(dated, "当场处罚决定日期") if dated else None
    else:
        served = mention(ctx, r.DECISION_SERVICE)
        start = Point.of(served, "决定书送达日期") if served else None
    if start is None:
        return missing("T-11", "行政处罚决定书的送达日期")
    paid = mention(ctx, r.PAYMENT)
    if paid is None:
        return missing("T-11", "罚没款票据（缴款日期）", start)
    end = Point.of(paid, "缴款日期")
    limit = ctx.param_int("payment_cd")
    finding = at_most_cd(ctx, "T-11", start, end, limit, "罚款缴纳期限", B11)
    surcharge = _surcharge(ctx) if finding.status == Status.FAIL else None
    if surcharge is None:
        return finding
    message = f"{finding.message.rstrip('。')}；案卷已记录加处罚款（“{surcharge.text}”），符合行政处罚法第七十二条。"
    return make_finding(
        "T-11", Status.PASS, message, [*finding.evidence, surcharge], {**finding.facts, "surcharge": True}
    )


_SOURCES = {"list": "导入的公示清单", "reviewer": "评查人员录入的公示日期"}


@rule("T-12", "处罚决定公示期限", B12, ("publication_wd",))
def decision_published(ctx: RuleContext) -> Finding:
    dated = mention(ctx, r.DECISION, *DECISIONS)
    if dated is None:
        return missing("T-12", "行政处罚决定书的作出日期")
    decision = Point.of(dated, "处罚决定日期")
    if ctx.publication is not None:
        source = _SOURCES.get(ctx.publication.source, ctx.publication.source)
        source += f"（{ctx.publication.note}）" if ctx.publication.note else ""
        published = Point(ctx.publication.date, "公示日期")
    else:
        record = mention(ctx, r.PUBLICATION)
        if record is None:
            return needs_review(
                "T-12", "案卷中未找到公示记录，请导入公示清单或录入公示日期。", evidence_of(decision)
            )
        source = "案卷中的公示记录"
        published = Point.of(record, "公示日期")
    limit = ctx.param_int("publication_wd")
    finding = at_most_wd(
        ctx, "T-12", decision, published, limit, "公示期限", B12, f"公示日期来源：{source}。"
    )
    if finding.status in (Status.PASS, Status.FAIL):
        facts = {**finding.facts, "source": source}
        return make_finding("T-12", finding.status, finding.message, list(finding.evidence), facts)
    return finding


def _years_later(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later; 2月29日 becomes 2月28日 (a period ends on the month's last day)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


@rule("T-16", "追责时效", B16, ("limitation_years",))
def limitation(ctx: RuleContext) -> Finding:
    summary = is_summary(ctx)
    ended = mention(ctx, r.DECISION, d.DANGCHANG_JUEDING) if summary else mention(ctx, r.FILING)
    if ended is None:
        return missing("T-16", "立案日期")
    end = Point.of(ended, "当场处罚决定日期" if summary else "立案日期")
    # The latest violation date on or before 立案: a continuing violation runs from its end, and an
    # earlier stray date must not fail the case.
    found = [m for m in ctx.extraction.dates if m.role == r.VIOLATION and m.date <= end.date]
    if not found:
        return missing("T-16", "违法行为发生日期", end)
    start = Point.of(max(found, key=lambda m: m.date), "违法行为发生日期")
    years = ctx.param_int("limitation_years")
    last = _years_later(start.date, years)
    limit = (last - start.date).days
    finding = at_most_cd(
        ctx, "T-16", start, end, limit, "追责时效", B16, last_day=last, limit_text=f"{years}年"
    )
    if finding.status in (Status.PASS, Status.FAIL):
        return make_finding(
            "T-16",
            finding.status,
            finding.message,
            list(finding.evidence),
            {**finding.facts, "limit_years": years},
        )
    return finding


# 程序顺序: (role, label, documents it is read from; empty = any).
STAGES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (r.FILING, "立案日期", (d.LIAN,)),
    (r.INQUIRY, "调查笔录日期", (d.XUNWEN, d.XIANCHANG, d.KANYAN)),
    (r.NOTICE, "违法行为通知书日期", (d.TONGZHI,)),
    (r.LEGAL_REVIEW, "法制审核日期", (d.FAZHI_SHENHE,)),
    (r.DISCUSSION, "集体讨论日期", (d.JITI_TAOLUN,)),
    (r.DECISION, "处罚决定日期", (d.JUEDING,)),
    (r.DECISION_SERVICE, "决定书送达日期", ()),
    (r.CLOSING, "结案日期", (d.JIEAN,)),
)


def _stages(ctx: RuleContext) -> list[tuple[str, list[Point]]]:
    """(stage, its dates) in procedural order; every 笔录 counts for the investigation."""
    out: list[tuple[str, list[Point]]] = []
    for role, label, docs in STAGES:
        found = [m for m in ctx.extraction.dates if m.role == role and (not docs or m.document in docs)]
        if role != r.INQUIRY:
            found = found[:1]
        # Several 笔录 can share a type and a date: the page tells them apart in the message.
        points = [
            Point.of(m, f"{m.document}（第{m.evidence.page}页）日期" if role == r.INQUIRY else label)
            for m in found
        ]
        if points:
            out.append((label.removesuffix("日期"), points))
    return out


@rule("T-19", "程序顺序", B19)
def procedural_order(ctx: RuleContext) -> Finding:
    if is_summary(ctx):
        return not_applicable("T-19", "简易程序（当场行政处罚决定书），不适用普通程序的程序顺序检查。")
    stages = _stages(ctx)
    if len(stages) < 2:
        return needs_review("T-19", "案卷中找到的程序日期不足两项，无法检查程序顺序，请人工核查。")
    inversions: list[tuple[Point, Point]] = []
    latest: Point | None = None
    for _, points in stages:
        if latest is not None:
            inversions += [(latest, p) for p in points if p.date < latest.date]
        top = max(points, key=lambda p: p.date)
        latest = top if latest is None or top.date >= latest.date else latest
    order = [[p.label, p.date.isoformat()] for _, points in stages for p in points]
    # Only the dates that decide the outcome: every date for a pass, the inverted pairs for a fail.
    involved = [p for pair in inversions for p in pair] or [p for _, points in stages for p in points]
    if doubt := unsure(ctx, "T-19", *involved):
        return doubt
    if not inversions:
        spans = [f"{stage}{_range(points)}" for stage, points in stages]
        message = f"{'、'.join(spans)}，日期先后顺序符合程序要求，未发现程序倒置（{B19}）。"
        return result(
            "T-19",
            Status.PASS,
            message,
            evidence_of(*(p for _, points in stages for p in points)),
            order=order,
        )
    said = "；".join(f"{b.label}{cn_date(b.date)}早于{a.label}{cn_date(a.date)}" for a, b in inversions)
    message = f"{said}，程序倒置（{B19}）。"
    facts = {
        "order": order,
        "inversions": [[a.label, a.date.isoformat(), b.label, b.date.isoformat()] for a, b in inversions],
    }
    return result("T-19", Status.FAIL, message, evidence_of(*involved), len(inversions), **facts, basis=B19)


def _range(points: list[Point]) -> str:
    days = sorted({p.date for p in points})
    if len(days) == 1:
        return f"（{cn_date(days[0])}）"
    return f"（{cn_date(days[0])}至{cn_date(days[-1])}）"
