"""Helpers of the time-limit rules (T-*): picking dates, checking a period, and the Chinese message.

Three shapes of period cover every T rule: "at most N working days" (T-02, T-06, T-12), "at least N
working days" (T-03, T-04, T-05) and "at most N calendar days, the last day rolling past holidays"
(T-01, T-07, T-11, T-16). Messages state both dates, the count, the limit with its unit and the
legal basis; ``facts`` carries the same for the timeline and exports.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from casereview.calendar import CalendarDataMissing
from casereview.domain.findings import Finding, Status
from casereview.domain.model import DateMention, Evidence
from casereview.rules.base import RuleContext
from casereview.rules.common import cn_date, needs_review


@dataclass(frozen=True)
class Point:
    """One end of a period: the date, what it is (in Chinese) and where it was read (None = outside
    the file, e.g. a reviewer's entry)."""

    date: dt.date
    label: str  # e.g. "处罚决定日期"
    evidence: Evidence | None = None

    @classmethod
    def of(cls, mention: DateMention, label: str) -> Point:
        return cls(mention.date, label, mention.evidence)

    def said(self) -> str:
        return f"{self.label}为{cn_date(self.date)}"


def make_finding(
    rule_id: str, status: Status, message: str, evidence: list[Evidence], facts: dict[str, object]
) -> Finding:
    """A pass/fail Finding with its facts (one violation when it fails)."""
    return Finding(rule_id, status, message, tuple(evidence), facts, 1 if status == Status.FAIL else 0)


def with_evidence(finding: Finding, *more: Evidence | None) -> Finding:
    """Add supporting evidence (an extension approval, a waiver) to a pass/fail finding."""
    extra = tuple(e for e in more if e is not None)
    if not extra or finding.status not in (Status.PASS, Status.FAIL):
        return finding
    return replace(finding, evidence=finding.evidence + extra)


def mention(ctx: RuleContext, role: str, *documents: str) -> DateMention | None:
    """The first date with ``role`` (from one of ``documents`` when given)."""
    for m in ctx.extraction.dates:
        if m.role == role and (not documents or m.document in documents):
            return m
    return None


def evidence_of(*points: Point | None) -> list[Evidence]:
    return [p.evidence for p in points if p is not None and p.evidence is not None]


def unsure(ctx: RuleContext, rule_id: str, *points: Point) -> Finding | None:
    """needs_review when OCR was not sure of a deciding date: never fail (or pass) on a guess."""
    doubtful = [p for p in points if p.evidence is not None and ctx.uncertain(p.evidence)]
    if not doubtful:
        return None
    parts = "、".join(f"{p.label}“{p.evidence.text}”" for p in doubtful if p.evidence)
    return needs_review(rule_id, f"{parts}识别置信度较低，请人工核对后再判断。", evidence_of(*doubtful))


def missing(rule_id: str, what: str, *found: Point) -> Finding:
    known = "".join(f"{p.said()}，" for p in found) + ("但" if found else "")
    return needs_review(rule_id, f"{known}案卷中未找到{what}，无法判断，请人工核查。", evidence_of(*found))


def no_calendar(rule_id: str, exc: CalendarDataMissing, start: Point, end: Point) -> Finding:
    return needs_review(
        rule_id,
        f"{start.said()}，{end.said()}；{exc.message}，请在节假日覆盖文件中补充该年安排后重新评查。",
        evidence_of(start, end),
        start=start.date.isoformat(),
        end=end.date.isoformat(),
    )


def _facts(
    start: Point, end: Point, limit: int, unit: str, count: int, deadline: dt.date, basis: str
) -> dict[str, object]:
    return {
        "start": start.date.isoformat(),
        "end": end.date.isoformat(),
        "limit": limit,
        "unit": unit,
        "count": count,
        "deadline": deadline.isoformat(),
        "basis": basis,
    }


def _reversed(rule_id: str, start: Point, end: Point, basis: str) -> Finding:
    """An end before its start is a misread or a T-19 problem, not a kept deadline."""
    return needs_review(
        rule_id,
        f"{start.said()}，{end.said()}，{end.label}早于{start.label}，日期可能有误，请人工核查（{basis}）。",
        evidence_of(start, end),
        start=start.date.isoformat(),
        end=end.date.isoformat(),
    )


def _stop(
    ctx: RuleContext, rule_id: str, start: Point, end: Point, basis: str, *, ordered: bool = True
) -> Finding | None:
    """What ends a period check before any counting: an unsure date, or (when ``ordered``) an end
    before its start."""
    if doubt := unsure(ctx, rule_id, start, end):
        return doubt
    if ordered and end.date < start.date:
        return _reversed(rule_id, start, end, basis)
    return None


SLACK_DAYS = 366  # an overrun beyond the period plus a year is a misread date (2036 for 2026), not a finding


def _implausible(rule_id: str, start: Point, end: Point, allowed: dt.date, basis: str) -> Finding | None:
    """needs_review instead of fail when the dates themselves are implausible: a date after today,
    or an overrun so large that one of the two dates is far more likely misread than the case late."""
    today = dt.date.today()
    future = [p for p in (start, end) if p.date > today]
    if not future and (end.date - allowed).days <= SLACK_DAYS:
        return None
    why = f"{future[0].label}晚于今日" if future else f"超期逾{SLACK_DAYS}日"
    return needs_review(
        rule_id,
        f"{start.said()}，{end.said()}，{why}，日期很可能识别有误，请人工核对（{basis}）。",
        evidence_of(start, end),
        start=start.date.isoformat(),
        end=end.date.isoformat(),
    )


def _judged(
    rule_id: str, kept: bool, message: str, start: Point, end: Point, facts: dict[str, object]
) -> Finding:
    """The pass or fail of a period, with both ends as evidence."""
    return make_finding(
        rule_id, Status.PASS if kept else Status.FAIL, message, evidence_of(start, end), facts
    )


def at_most_wd(
    ctx: RuleContext,
    rule_id: str,
    start: Point,
    end: Point,
    limit: int,
    what: str,
    basis: str,
    extra: str = "",
) -> Finding:
    """``end`` must fall on or before the limit-th working day after ``start``."""
    if stop := _stop(ctx, rule_id, start, end, basis):
        return stop
    try:
        deadline = ctx.calendar.add_working_days(start.date, limit)
        count = ctx.calendar.working_days_between(start.date, end.date)
    except CalendarDataMissing as exc:
        return no_calendar(rule_id, exc, start, end)
    head = f"{start.said()}，{end.said()}，间隔{count}个工作日"
    facts = _facts(start, end, limit, "WD", count, deadline, basis)
    if end.date <= deadline:
        message = f"{head}，未超过{limit}个工作日的{what}（{basis}）。{extra}"
        return _judged(rule_id, True, message, start, end, facts)
    if doubt := _implausible(rule_id, start, end, deadline, basis):
        return doubt
    over = f"超过{limit}个工作日的{what}" if count > limit else f"晚于{limit}个工作日{what}的届满日"
    message = f"{head}，{over}（{basis}），期限届满日为{cn_date(deadline)}。{extra}"
    return _judged(rule_id, False, message, start, end, facts)


def at_least_wd(
    ctx: RuleContext,
    rule_id: str,
    start: Point,
    end: Point,
    limit: int,
    what: str,
    basis: str,
    extra: str = "",
) -> Finding:
    """At least ``limit`` working days must lie in (start, end].

    A decision on the limit-th working day itself counts as in time: the case generator and the
    reviewers' practice treat "满N个工作日" that way. An end before the start fails (count < 0).
    """
    if stop := _stop(ctx, rule_id, start, end, basis, ordered=False):
        return stop
    try:
        earliest = ctx.calendar.add_working_days(start.date, limit)
        count = ctx.calendar.working_days_between(start.date, end.date)
    except CalendarDataMissing as exc:
        return no_calendar(rule_id, exc, start, end)
    facts = _facts(start, end, limit, "WD", count, earliest, basis)
    if count >= limit:
        message = f"{start.said()}，{end.said()}，间隔{count}个工作日，已满{limit}个工作日的{what}（{basis}）。{extra}"
        return _judged(rule_id, True, message, start, end, facts)
    gap = f"{end.label}早于{start.label}" if count < 0 else f"间隔{count}个工作日"
    message = (
        f"{start.said()}，{end.said()}，{gap}，不足{limit}个工作日的{what}（{basis}），"
        f"{what}至{cn_date(earliest)}方届满。{extra}"
    )
    return _judged(rule_id, False, message, start, end, facts)


def rolled_deadline(ctx: RuleContext, last: dt.date) -> dt.date:
    """程序规定 第17条: a last day on a holiday or weekend moves to the next working day."""
    return ctx.calendar.add_calendar_days(last, 0, roll=True)


def at_most_cd(
    ctx: RuleContext,
    rule_id: str,
    start: Point,
    end: Point,
    limit: int,
    what: str,
    basis: str,
    extra: str = "",
    last_day: dt.date | None = None,
    limit_text: str = "",
) -> Finding:
    """``end`` on or before start + limit calendar days (or ``last_day``), rolled past holidays."""
    if stop := _stop(ctx, rule_id, start, end, basis):
        return stop
    last = last_day or start.date + dt.timedelta(days=limit)
    count = (end.date - start.date).days
    head = f"{start.said()}，{end.said()}，间隔{count}日"
    limit_text = limit_text or f"{limit}日"
    if end.date <= last:  # in time whatever the roll: no holiday data needed
        facts = _facts(start, end, limit, "CD", count, last, basis)
        message = f"{head}，未超过{limit_text}的{what}（{basis}）。{extra}"
        return _judged(rule_id, True, message, start, end, facts)
    try:
        deadline = rolled_deadline(ctx, last)
    except CalendarDataMissing as exc:
        return no_calendar(rule_id, exc, start, end)
    facts = _facts(start, end, limit, "CD", count, deadline, basis)
    rolled = f"（{cn_date(last)}为节假日，顺延至{cn_date(deadline)}）" if deadline != last else ""
    if end.date <= deadline:
        message = (
            f"{head}，{what}最后一日{cn_date(last)}为节假日，顺延至{cn_date(deadline)}，未超期"
            f"（{basis}；交通运输行政执法程序规定第十七条）。{extra}"
        )
        return _judged(rule_id, True, message, start, end, facts)
    if doubt := _implausible(rule_id, start, end, deadline, basis):
        return doubt
    message = f"{head}，超过{limit_text}的{what}（{basis}），期限届满日为{cn_date(deadline)}{rolled}。{extra}"
    return _judged(rule_id, False, message, start, end, facts)
