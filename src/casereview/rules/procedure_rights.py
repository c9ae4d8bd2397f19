"""The notice and the party's rights: P-02 (告知内容), P-04 (听证权利), P-14 (过时文书表述)."""

from __future__ import annotations

import re

from casereview.domain import doctypes as d
from casereview.domain import roles
from casereview.domain.findings import Finding, Status
from casereview.domain.model import Evidence
from casereview.rules.base import RuleContext, rule
from casereview.rules.common import cn_date, needs_review, not_applicable, result
from casereview.rules.documents import (
    DocText,
    Trigger,
    amounts,
    decision_doc,
    first_doc,
    is_summary,
    major_trigger,
    readable,
    role_date,
)
from casereview.rules.elements import Cue, sort_missing

P02_BASIS = "《行政处罚法》第四十四条、第六十二条；《交通运输行政执法程序规定》第六十九条"
P04_BASIS = "《行政处罚法》第六十三条、第六十四条；《交通运输行政执法程序规定》第八十条"
HEARING_PARAMS = ("hearing_fine_individual", "hearing_fine_organisation")

# Notice elements: name → pattern (searched without whitespace).
_FACTS = r"经调查|经查|查明|违法事实|本机关认为|你单位于|你于|基本案情|案件事实|查处行为"
_BREACH = r"违反了?"
# The penalty's own basis: an article of a law other than the 行政处罚法, whose articles the notice
# cites for the rights, not for the penalty.
_BASIS = r"(?:依据|依照|根据)《(?!中华人民共和国行政处罚法|行政处罚法)[^》]{2,40}》[^。；]{0,40}?第[^。；]{1,12}?条"
_PROPOSED = r"拟(?:对你(?:单位)?)?(?:作出|给予|处以)[^。]{0,40}?(?:罚款|警告|吊销|暂扣|没收|责令)"
_STATEMENT = r"陈述[^。]{0,6}申辩|申辩权"
_HEARING = r"(?:要求|申请)(?:举行)?听证|听证(?:的)?权|听证要求|有权要求举行听证"
# What each element is about (rules/elements.py): its words there but its wording unknown → ask.
_CUES: dict[str, Cue] = {
    "违法事实": Cue("事实|经查|查明|调查"),
    "违反的规定（理由）": Cue("违反|不符合|违背|未按"),
    # An article cited "by" something other than the 行政处罚法 (依据该条例第六十九条).
    "处罚依据": Cue(
        r"(?:依据|依照|根据|按照)(?![^。；]{0,4}《(?:中华人民共和国)?行政处罚法)[^。；]{0,60}第[^。；]{1,12}条"
    ),
    "拟作出的处罚": Cue("罚款|警告|吊销|暂扣|没收"),
    "陈述、申辩权利": Cue("陈述|申辩"),
    "要求听证的权利": Cue("听证"),
}


def _notice(ctx: RuleContext) -> DocText | None:
    doc = first_doc(ctx, d.TONGZHI)
    return DocText(ctx, doc) if doc else None


@rule("P-02", "违法行为通知书告知内容", P02_BASIS, HEARING_PARAMS)
def check_notice_content(ctx: RuleContext) -> Finding:
    if is_summary(ctx):
        return not_applicable("P-02", "简易程序当场口头告知，无违法行为通知书，本项不适用。")
    notice = _notice(ctx)
    if notice is None:
        return needs_review("P-02", "未找到违法行为通知书，无法核对告知内容，请人工核对。")
    trigger = major_trigger(ctx, "hearing_fine", "proposed", hearing_counts=False)
    wanted = [
        ("违法事实", _FACTS),
        ("违反的规定（理由）", _BREACH),
        ("处罚依据", _BASIS),
        ("拟作出的处罚", _PROPOSED),
        ("陈述、申辩权利", _STATEMENT),
    ]
    if trigger.triggered:
        wanted.append(("要求听证的权利", _HEARING))
    found: list[Evidence] = []
    missing: list[str] = []
    for name, pattern in wanted:
        hit = notice.search_ticked(pattern)
        if hit is None and name == "拟作出的处罚" and amounts(ctx, "proposed", (d.TONGZHI,)):
            hit = notice.search(r"拟")
        if hit is None:
            missing.append(name)
        else:
            found.append(notice.hit_evidence(hit))
    page = notice.document.first_page
    if not missing:
        extra = "，并告知了听证权利（" + trigger.reason + "）" if trigger.triggered else ""
        return result(
            "P-02",
            Status.PASS,
            f"第{page}页违法行为通知书载明违法事实、理由、依据、拟作出的处罚和陈述申辩权利{extra}，符合{P02_BASIS}的规定。",
            found,
        )
    only_hearing = missing == ["要求听证的权利"]
    if not readable(ctx, notice.document) or (only_hearing and trigger.uncertain):
        return needs_review(
            "P-02",
            f"第{page}页违法行为通知书未识别出：{'、'.join(missing)}，文字或金额识别不可靠，请人工核对。",
            found or [notice.title()],
        )
    sorted_ = sort_missing(notice.flat, missing, _CUES)
    if not sorted_.failing:
        return needs_review(
            "P-02",
            f"第{page}页违法行为通知书载有{'、'.join(sorted_.unsure)}的相关文字，但未能确认其完整告知，请人工核对。",
            found or [notice.title()],
            unsure=sorted_.unsure,
        )
    missing = sorted_.failing
    why = f"（{trigger.reason}，应告知听证权利）" if "要求听证的权利" in missing else ""
    return result(
        "P-02",
        Status.FAIL,
        f"第{page}页违法行为通知书缺少：{'、'.join(missing)}{why}。依据{P02_BASIS}，作出行政处罚决定前应告知拟作出的"
        "行政处罚内容及事实、理由、依据，以及陈述、申辩、要求听证等权利。",
        found or [notice.title()],
        violations=len(missing),
        missing=missing,
    )


@rule("P-04", "依法告知听证权利", P04_BASIS, HEARING_PARAMS)
def check_hearing_offered(ctx: RuleContext) -> Finding:
    if is_summary(ctx):
        return not_applicable("P-04", "简易程序案件不适用听证。")
    trigger: Trigger = major_trigger(ctx, "hearing_fine", "proposed", hearing_counts=False)
    hearing_docs = ctx.documents_of(d.TINGZHENG_TONGZHI, d.TINGZHENG_BILU)
    if hearing_docs:
        doc = hearing_docs[0]
        return result(
            "P-04",
            Status.PASS,
            f"案卷有{doc.type}（第{doc.first_page}页），已保障听证权利（{P04_BASIS}）。",
            [DocText(ctx, doc).title()],
        )
    notice = _notice(ctx)
    if not trigger.triggered:
        unread = notice is None or not readable(ctx, notice.document)
        if (trigger.amount is None and unread) or (trigger.amount is not None and trigger.uncertain):
            return needs_review("P-04", f"{trigger.reason}，无法判断是否应告知听证权利，请人工核对。")
        return not_applicable(
            "P-04", f"{trigger.reason}，且无吊销许可证件、责令停产停业等处罚，不属于应告知听证的情形。"
        )
    if notice is None:
        return needs_review("P-04", f"{trigger.reason}，应告知听证权利，但未找到违法行为通知书，请人工核对。")
    hit = notice.search_ticked(_HEARING)
    evidence = [trigger.amount.evidence] if trigger.amount else []
    if hit is not None:
        return result(
            "P-04",
            Status.PASS,
            f"{trigger.reason}，违法行为通知书已告知听证权利，符合{P04_BASIS}的规定。",
            [notice.hit_evidence(hit), *evidence],
        )
    if trigger.uncertain or not readable(ctx, notice.document):
        return needs_review(
            "P-04", f"{trigger.reason}，违法行为通知书未识别出听证告知，但识别不可靠，请人工核对。", evidence
        )
    return result(
        "P-04",
        Status.FAIL,
        f"{trigger.reason}，属于应当告知听证权利的情形，但第{notice.document.first_page}页违法行为通知书未告知当事人"
        f"有权要求听证。依据{P04_BASIS}，较大数额罚款、吊销许可证件、责令停产停业等处罚前应告知听证权利。",
        [notice.title(), *evidence],
    )


# 2019 form text: a three-day hearing window, or the pre-2021 articles (第31、32、42条) of the
# 行政处罚法 cited for notice and hearing.
_THREE_DAYS = re.compile(
    r"(?:要求|申请)(?:举行)?听证[^。]{0,30}?(?:三|3)日|(?:三|3)日内[^。，,]{0,20}?(?:要求|申请)?(?:举行)?听证"
)
_OLD_ARTICLE = re.compile(
    r"行政处罚法》?(?:第(?:三十一|三十二|四十二|31|32|42)条[、,，和及]?)+(?=[^。]{0,40}(?:告知|陈述|申辩|听证))"
)
_P14_DOCS = (d.TONGZHI, d.TINGZHENG_TONGZHI, d.JUEDING, d.DANGCHANG_JUEDING)


@rule(
    "P-14",
    "文书使用过时格式文本",
    "《行政处罚法》（2021年修订）第四十四条、第六十三条、第六十四条",
    ("new_law_effective",),
)
def check_outdated_forms(ctx: RuleContext) -> Finding:
    effective = ctx.param_date("new_law_effective")
    decision = decision_doc(ctx)
    dated = role_date(ctx, roles.DECISION, decision.type) if decision else None
    if dated is None:
        dated = role_date(ctx, roles.NOTICE, d.TONGZHI)
    if dated is None:
        return needs_review(
            "P-14", "未识别出决定日期，无法判断是否应适用2021年修订的行政处罚法，请人工核对。"
        )
    day, day_evidence = dated
    if day < effective:
        return not_applicable(
            "P-14", f"决定日期{cn_date(day)}早于{cn_date(effective)}，适用修订前的行政处罚法。"
        )
    hits: list[tuple[str, Evidence]] = []
    for doc in ctx.documents_of(*_P14_DOCS):
        text = DocText(ctx, doc)
        for pattern, what in ((_THREE_DAYS, "三日内要求听证"), (_OLD_ARTICLE, "引用修订前行政处罚法条文")):
            for hit in text.find_all(pattern):
                ev = text.hit_evidence(hit)
                hits.append((f"第{ev.page}页{doc.type}“{hit.text}”（{what}）", ev))
    basis = "2021年修订的《行政处罚法》第四十四条、第六十三条、第六十四条（听证申请期限为五日）"
    if not hits:
        return result(
            "P-14",
            Status.PASS,
            f"决定日期{cn_date(day)}，告知、听证文书未见过时的“三日内听证”表述或旧条文序号（{basis}）。",
            [day_evidence],
        )
    if all(ctx.uncertain(ev) for _, ev in hits):
        return needs_review(
            "P-14", "疑似过时文书表述，但识别不可靠：" + "；".join(t for t, _ in hits), [ev for _, ev in hits]
        )
    return result(
        "P-14",
        Status.FAIL,
        f"决定日期{cn_date(day)}晚于{cn_date(effective)}，文书仍使用2019年式样的过时表述：{'；'.join(t for t, _ in hits)}。"
        f"应依据{basis}。",
        [ev for _, ev in hits],
        violations=len(hits),
    )
