"""P-19 说理式 decision: the decision states the discretion benchmark applied, the circumstance level,
and — when the file holds a 陈述申辩笔录 or 听证笔录 — whether the arguments were adopted and why."""

from __future__ import annotations

from casereview.domain import doctypes as d
from casereview.domain.findings import Finding, Status
from casereview.domain.model import Evidence
from casereview.extract.reasons import adoption, benchmark, circumstance_level
from casereview.rules.base import RuleContext, rule
from casereview.rules.common import needs_review, not_applicable, result
from casereview.rules.documents import DocText, first_doc, is_summary, readable

P19_BASIS = (
    "《交通运输部关于建立交通运输行政执法规范化长效机制的意见》（交法发〔2021〕115号）推行说理式执法；"
    "《国务院办公厅关于进一步规范行政裁量权基准制定和管理工作的意见》（国办发〔2022〕27号）；"
    "《行政处罚法》第四十五条"
)


@rule("P-19", "处罚决定书说理（裁量基准、情节档次、陈述申辩采纳理由）", P19_BASIS)
def check_reasons(ctx: RuleContext) -> Finding:
    if is_summary(ctx):
        return not_applicable("P-19", "简易程序当场处罚决定书为格式文书，不要求说理。")
    doc = first_doc(ctx, d.JUEDING)
    if doc is None:
        return needs_review("P-19", "未找到行政处罚决定书，无法核对其说理部分，请人工核对。")
    text = DocText(ctx, doc)
    where = f"第{doc.first_page}页行政处罚决定书"
    found: list[str] = []
    missing: list[str] = []
    evidence: list[Evidence] = []
    mark = benchmark(text.flat)
    if mark is None:
        missing.append("适用的裁量基准")
    else:
        found.append(f"裁量基准（“{mark.value}”）")
        evidence.append(text.hit_evidence(text.span(mark.start, mark.end)))
    level, mentions = circumstance_level(text.flat)
    if level is not None:
        found.append(f"裁量情节“{level.value}”")
        evidence.append(text.hit_evidence(text.span(level.start, level.end)))
    elif mentions:
        levels = "、".join(dict.fromkeys(m.value for m in mentions))
        return needs_review(
            "P-19",
            f"{where}写有不同的裁量情节（{levels}），未能确定适用的档次，请人工核对。",
            [text.hit_evidence(text.span(m.start, m.end)) for m in mentions],
        )
    else:
        missing.append("违法情节的裁量档次（从轻/减轻/一般/从重）")
    heard = ctx.documents_of(d.CHENSHU, d.TINGZHENG_BILU)
    if heard:
        sentence, reasoned = adoption(text.flat)
        record = "陈述申辩笔录" if heard[0].type == d.CHENSHU else "听证笔录"
        if sentence is None:
            missing.append(f"对当事人陈述申辩（卷内有{record}）是否采纳的意见")
        elif not reasoned:
            missing.append(f"不采纳或采纳当事人意见的理由（决定书仅写“{sentence.value[-20:]}”）")
            evidence.append(text.hit_evidence(text.span(sentence.start, sentence.end)))
        else:
            found.append("对陈述申辩意见的采纳情况及理由")
            evidence.append(text.hit_evidence(text.span(sentence.start, sentence.end)))
    if not missing:
        return result(
            "P-19", Status.PASS, f"{where}载明{'、'.join(found)}，说理符合{P19_BASIS}的要求。", evidence
        )
    if not readable(ctx, doc) or any(ctx.uncertain(e) for e in evidence):
        return needs_review(
            "P-19",
            f"{where}未能识别出：{'、'.join(missing)}（页面文字识别不可靠），请人工核对。",
            evidence or [text.title()],
        )
    return result(
        "P-19",
        Status.FAIL,
        f"{where}未说明：{'、'.join(missing)}"
        + (f"（已写明：{'、'.join(found)}）" if found else "")
        + f"。依据{P19_BASIS}，决定书应写明适用的裁量基准和情节档次，并对当事人的陈述申辩是否采纳说明理由。",
        evidence or [text.title()],
        violations=len(missing),
        missing=missing,
    )
