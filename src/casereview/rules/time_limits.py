"""Time-limit rules up to the decision (rules.md T-01 … T-05): 办案期限, 送达, 听证/陈述申辩 windows.

Each rule returns one Finding; the period arithmetic and the messages live in rules/dates.py.
"""

from __future__ import annotations

from casereview.domain import doctypes as d
from casereview.domain import roles as r
from casereview.domain.findings import Finding, Status
from casereview.domain.model import Evidence
from casereview.rules.base import RuleContext, rule
from casereview.rules.common import cn_date, not_applicable, result
from casereview.rules.dates import Point, at_least_wd, at_most_cd, at_most_wd, mention, missing, with_evidence
from casereview.rules.documents import DocText, is_summary, major_trigger

B01 = "行政处罚法第六十条；交通运输行政执法程序规定第七十八条"
B02 = "行政处罚法第六十一条、第八十五条"
B03 = "行政处罚法第六十四条第（一）项、第八十五条；交通运输行政执法程序规定第八十二条"
B04 = "行政处罚法第四十五条、第六十二条；本地规定的陈述申辩期限"
B05 = "行政处罚法第六十四条第（二）项、第八十五条；交通运输行政执法程序规定第八十三条"
SUMMARY = "简易程序（当场行政处罚决定书），"


def _decision(ctx: RuleContext) -> Point | None:
    found = mention(ctx, r.DECISION, d.JUEDING)
    return Point.of(found, "处罚决定日期") if found else None


def _doc_evidence(ctx: RuleContext, doc_type: str, role: str) -> Evidence | None:
    """Where a document is seen: its date when found, else its title."""
    found = mention(ctx, role, doc_type)
    if found is not None:
        return found.evidence
    docs = ctx.documents_of(doc_type)
    return docs[0].title_evidence if docs else None


@rule("T-01", "作出处罚决定期限", B01, ("decision_limit_cd", "decision_limit_extended_cd"))
def decision_in_time(ctx: RuleContext) -> Finding:
    if is_summary(ctx):
        return not_applicable("T-01", SUMMARY + "不适用立案后作出处罚决定的期限。")
    decision = _decision(ctx)
    if decision is None:
        return missing("T-01", "行政处罚决定书的作出日期")
    filing = mention(ctx, r.FILING)
    if filing is None:
        return missing("T-01", "立案登记表的立案（批准）日期", decision)
    extended = bool(ctx.documents_of(d.YANQI_SHENPI))
    limit = ctx.param_int("decision_limit_extended_cd" if extended else "decision_limit_cd")
    extra = f"案卷中有延期审批表，期限按{limit}日计算。" if extended else ""
    finding = at_most_cd(ctx, "T-01", Point.of(filing, "立案日期"), decision, limit, "办案期限", B01, extra)
    return with_evidence(finding, _doc_evidence(ctx, d.YANQI_SHENPI, r.EXTENSION) if extended else None)


@rule("T-02", "处罚决定书送达期限", B02, ("decision_service_wd",))
def decision_served(ctx: RuleContext) -> Finding:
    if is_summary(ctx):
        return not_applicable("T-02", SUMMARY + "决定书当场交付，不适用送达期限。")
    decision = _decision(ctx)
    if decision is None:
        return missing("T-02", "行政处罚决定书的作出日期")
    served = mention(ctx, r.DECISION_SERVICE, d.SONGDA) or mention(ctx, r.DECISION_SERVICE)
    if served is None:
        return missing("T-02", "行政处罚决定书的送达回证（送达日期）", decision)
    service = Point.of(served, "送达日期")
    extra = "处罚决定于作出当日送达。" if service.date == decision.date else ""
    limit = ctx.param_int("decision_service_wd")
    return at_most_wd(ctx, "T-02", decision, service, limit, "送达期限", B02, extra)


def _waiver(ctx: RuleContext, hearing: bool) -> tuple[str, Evidence | None] | None:
    """A written waiver (放弃陈述申辩（听证）声明) as (description, evidence); for the hearing window
    it must name 听证."""
    for doc in ctx.documents_of(d.FANGQI):
        if hearing and DocText(ctx, doc).search("听证") is None:
            continue
        dated = mention(ctx, r.WAIVER, d.FANGQI)
        if dated is not None:
            return f"声明日期为{cn_date(dated.date)}", dated.evidence
        return f"见第{doc.first_page}页", doc.title_evidence
    return None


def _notice_window(
    ctx: RuleContext, rule_id: str, limit: int, what: str, basis: str, hearing: bool
) -> Finding:
    """T-03/T-04: ``limit`` working days between the notice's service and the decision, unless waived."""
    waiver = _waiver(ctx, hearing)
    if waiver is not None:
        said, evidence = waiver
        rights = "听证" if hearing else "陈述、申辩"
        message = f"当事人已书面放弃{rights}权利（{said}），不受{limit}个工作日的{what}限制（{basis}）。"
        found = [evidence] if evidence else []
        return result(rule_id, Status.PASS, message, found, waived=True, limit=limit, unit="WD", basis=basis)
    decision = _decision(ctx)
    if decision is None:
        return missing(rule_id, "行政处罚决定书的作出日期")
    served = mention(ctx, r.NOTICE_SERVICE)
    if served is None:
        return missing(rule_id, "违法行为通知书的送达回证（送达日期）", decision)
    service = Point.of(served, "违法行为通知书送达日期")
    return at_least_wd(ctx, rule_id, service, decision, limit, what, basis)


@rule(
    "T-03",
    "听证申请期限",
    B03,
    ("hearing_request_wd", "hearing_fine_individual", "hearing_fine_organisation"),
)
def hearing_window(ctx: RuleContext) -> Finding:
    if is_summary(ctx):
        return not_applicable("T-03", SUMMARY + "不适用听证申请期限。")
    notices = ctx.documents_of(d.TONGZHI)
    offered = any(DocText(ctx, doc).search("听证") for doc in notices)
    trigger = major_trigger(ctx, "hearing_fine", "proposed", hearing_counts=False)
    if not offered and not trigger.triggered:
        if not notices and trigger.uncertain:
            return missing("T-03", "违法行为通知书和罚款金额")
        return not_applicable(
            "T-03", f"违法行为通知书未告知听证权利，且{trigger.reason}，不适用听证申请期限。"
        )
    limit = ctx.param_int("hearing_request_wd")
    return _notice_window(ctx, "T-03", limit, "听证申请期限", B03, hearing=True)


@rule("T-04", "陈述申辩期限", B04, ("statement_wd",))
def statement_window(ctx: RuleContext) -> Finding:
    if is_summary(ctx):
        return not_applicable("T-04", SUMMARY + "陈述申辩当场进行，不适用陈述申辩期限。")
    limit = ctx.param_int("statement_wd")
    return _notice_window(ctx, "T-04", limit, "陈述申辩期限", B04, hearing=False)


@rule("T-05", "听证通知期限", B05, ("hearing_notice_wd",))
def hearing_notice_in_time(ctx: RuleContext) -> Finding:
    held = mention(ctx, r.HEARING, d.TINGZHENG_BILU) or mention(ctx, r.HEARING)
    if held is None and not ctx.documents_of(d.TINGZHENG_TONGZHI, d.TINGZHENG_BILU):
        return not_applicable("T-05", "案卷中没有听证通知书和听证笔录，本案未举行听证。")
    if held is None:
        return missing("T-05", "听证举行日期（听证笔录或听证通知书）")
    hearing = Point.of(held, "听证日期")
    served = mention(ctx, r.HEARING_NOTICE_SERVICE)
    extra = ""
    if served is not None:
        start = Point.of(served, "听证通知书送达日期")
    else:
        dated = mention(ctx, r.HEARING_NOTICE, d.TINGZHENG_TONGZHI)
        if dated is None:
            return missing("T-05", "听证通知书及其送达日期", hearing)
        start = Point.of(dated, "听证通知书日期")
        extra = "未找到听证通知书的送达回证，按听证通知书落款日期计算。"
    limit = ctx.param_int("hearing_notice_wd")
    return at_least_wd(ctx, "T-05", start, hearing, limit, "听证通知期限", B05, extra)
