"""The case timeline: dated events, the time-limit deadlines and the non-working days between them.

The deadlines come from the time-limit rules themselves (their findings' ``facts``), so the timeline
and the findings panel never disagree; the rules' own date choices are repeated here only to place a
deadline the rule could not decide (e.g. T-12 without a publication date, or a doubtful OCR date).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from casereview.calendar import CalendarDataMissing, WorkCalendar
from casereview.domain import doctypes as d
from casereview.domain import roles as r
from casereview.domain.findings import Finding, Status
from casereview.domain.model import Evidence
from casereview.pipeline import Analysis
from casereview.rules import REGISTRY, run_rules
from casereview.rules.base import PublicationDate, RuleContext
from casereview.rules.dates import mention, rolled_deadline
from casereview.rules.documents import is_summary
from casereview.rules.time_limits_after import _years_later

PAD_DAYS = 3  # days shown before the first and after the last date
HORIZON_DAYS = 130  # an open due date further than this from its start (T-16's 2 years) stays off the axis

# Chinese event labels by role; 询问 takes its document's title (现场笔录, 询问笔录 …).
ROLE_LABELS: dict[str, str] = {
    r.VIOLATION: "违法行为",
    r.FILING: "立案",
    r.NOTICE: "违法行为通知书",
    r.NOTICE_SERVICE: "通知书送达",
    r.HEARING_NOTICE: "听证通知书",
    r.HEARING_NOTICE_SERVICE: "听证通知送达",
    r.HEARING: "听证",
    r.LEGAL_REVIEW: "法制审核",
    r.DISCUSSION: "集体讨论",
    r.DECISION: "处罚决定",
    r.DECISION_SERVICE: "决定书送达",
    r.PAYMENT: "缴纳罚款",
    r.PUBLICATION: "公示",
    r.CLOSING: "结案",
    r.PRESERVATION: "证据登记保存",
    r.PRESERVATION_RELEASE: "解除保存",
    r.COMPULSION: "查封扣押",
    r.COMPULSION_RELEASE: "解除强制措施",
    r.EXTENSION: "延期审批",
    r.WAIVER: "放弃陈述申辩",
}
_SOURCES = {"list": "公示（公示清单）", "reviewer": "公示（评查录入）"}
WEEKEND = "周末"
HOLIDAY = "法定节假日"


@dataclass(frozen=True)
class TimelineEvent:
    date: dt.date
    role: str  # casereview.domain.roles
    label: str  # Chinese, e.g. "立案", "询问笔录"
    evidence: Evidence | None  # None for a date from outside the file (imported publication list)


@dataclass(frozen=True)
class Deadline:
    """One time-limit rule's period: from ``start`` the limit runs to ``due``; ``end`` is what happened.

    For an "at least" window (T-03/T-04/T-05, ``at_least``) ``due`` is the earliest allowed end.
    ``breached`` is None when the rule could not decide (needs_review)."""

    rule: str
    label: str  # e.g. "决定→送达"
    start: dt.date
    due: dt.date
    end: dt.date | None
    limit_text: str  # e.g. "7个工作日", "90日", "满5个工作日", "2年"
    breached: bool | None
    basis: str
    start_role: str
    end_role: str | None
    title: str = ""  # the rule's title, e.g. "处罚决定书送达期限"
    at_least: bool = False
    working_days_used: int | None = None  # in (start, end]; None without an end or calendar data
    days_used: int | None = None  # calendar days from start to end
    status: Status | None = None
    message: str = ""  # the finding's message


@dataclass(frozen=True)
class Timeline:
    events: tuple[TimelineEvent, ...]
    deadlines: tuple[Deadline, ...]
    non_working: dict[dt.date, str]  # → "周末", a holiday's name, or "法定节假日"
    first: dt.date
    last: dt.date
    makeup_days: dict[dt.date, str] = field(default_factory=dict)  # 调休 working weekend → holiday
    missing_years: tuple[int, ...] = ()  # years in range without holiday data

    @property
    def empty(self) -> bool:
        return not self.events and not self.deadlines

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def is_holiday(self, day: dt.date) -> bool:
        """A statutory holiday (as opposed to an ordinary weekend)."""
        kind = self.non_working.get(day)
        return kind is not None and kind != WEEKEND


@dataclass(frozen=True)
class _Period:
    """Where a rule's period starts and ends in this case, chosen as the rule chooses."""

    start: dt.date
    start_role: str
    end: dt.date | None
    end_role: str | None
    limit: int
    unit: str  # "WD" or "CD"
    years: int = 0  # T-16 counts years, not days


@dataclass(frozen=True)
class _Spec:
    label: str
    role_pair: tuple[str, str]  # (start, end) roles when the case gives no dates
    at_least: bool
    period: Callable[[RuleContext], _Period | None]


def _date(ctx: RuleContext, role: str, *docs: str) -> dt.date | None:
    found = mention(ctx, role, *docs)
    return found.date if found else None


def _period(
    start: tuple[dt.date | None, str], end: tuple[dt.date | None, str], limit: int, unit: str, years: int = 0
) -> _Period | None:
    if start[0] is None:
        return None
    return _Period(start[0], start[1], end[0], end[1] if end[0] else None, limit, unit, years)


def _t01(ctx: RuleContext) -> _Period | None:
    extended = bool(ctx.documents_of(d.YANQI_SHENPI))
    limit = ctx.param_int("decision_limit_extended_cd" if extended else "decision_limit_cd")
    filing, decision = _date(ctx, r.FILING), _date(ctx, r.DECISION, d.JUEDING)
    return _period((filing, r.FILING), (decision, r.DECISION), limit, "CD")


def _t02(ctx: RuleContext) -> _Period | None:
    served = _date(ctx, r.DECISION_SERVICE, d.SONGDA) or _date(ctx, r.DECISION_SERVICE)
    decision = _date(ctx, r.DECISION, d.JUEDING)
    limit = ctx.param_int("decision_service_wd")
    return _period((decision, r.DECISION), (served, r.DECISION_SERVICE), limit, "WD")


def _notice(param: str) -> Callable[[RuleContext], _Period | None]:
    def period(ctx: RuleContext) -> _Period | None:
        served, decision = _date(ctx, r.NOTICE_SERVICE), _date(ctx, r.DECISION, d.JUEDING)
        return _period((served, r.NOTICE_SERVICE), (decision, r.DECISION), ctx.param_int(param), "WD")

    return period


def _t05(ctx: RuleContext) -> _Period | None:
    held = _date(ctx, r.HEARING, d.TINGZHENG_BILU) or _date(ctx, r.HEARING)
    served = _date(ctx, r.HEARING_NOTICE_SERVICE)
    start = (served, r.HEARING_NOTICE_SERVICE)
    if served is None:  # the rule falls back on the notice's own date
        start = (_date(ctx, r.HEARING_NOTICE, d.TINGZHENG_TONGZHI), r.HEARING_NOTICE)
    return _period(start, (held, r.HEARING), ctx.param_int("hearing_notice_wd"), "WD")


def _t06(ctx: RuleContext) -> _Period | None:
    kept, released = _date(ctx, r.PRESERVATION, d.ZHENGJU_BAOCUN), _date(ctx, r.PRESERVATION_RELEASE)
    limit = ctx.param_int("preservation_wd")
    return _period((kept, r.PRESERVATION), (released, r.PRESERVATION_RELEASE), limit, "WD")


def _t07(ctx: RuleContext) -> _Period | None:
    taken, released = _date(ctx, r.COMPULSION, d.QIANGZHI), _date(ctx, r.COMPULSION_RELEASE)
    extended = bool(ctx.documents_of(d.YANCHANG_QIANGZHI))
    limit = ctx.param_int("compulsion_cd") + (ctx.param_int("compulsion_extension_cd") if extended else 0)
    return _period((taken, r.COMPULSION), (released, r.COMPULSION_RELEASE), limit, "CD")


def _t11(ctx: RuleContext) -> _Period | None:
    if is_summary(ctx):
        start = (_date(ctx, r.DECISION, d.DANGCHANG_JUEDING), r.DECISION)
    else:
        start = (_date(ctx, r.DECISION_SERVICE), r.DECISION_SERVICE)
    return _period(start, (_date(ctx, r.PAYMENT), r.PAYMENT), ctx.param_int("payment_cd"), "CD")


def _t12(ctx: RuleContext) -> _Period | None:
    decision = _date(ctx, r.DECISION, d.JUEDING, d.DANGCHANG_JUEDING)
    published = ctx.publication.date if ctx.publication else _date(ctx, r.PUBLICATION)
    limit = ctx.param_int("publication_wd")
    return _period((decision, r.DECISION), (published, r.PUBLICATION), limit, "WD")


def _t16(ctx: RuleContext) -> _Period | None:
    summary = is_summary(ctx)
    end_role = r.DECISION if summary else r.FILING
    end = _date(ctx, r.DECISION, d.DANGCHANG_JUEDING) if summary else _date(ctx, r.FILING)
    found = [m.date for m in ctx.extraction.dates if m.role == r.VIOLATION and (end is None or m.date <= end)]
    years = ctx.param_int("limitation_years")
    return _period((max(found, default=None), r.VIOLATION), (end, end_role), 0, "CD", years)


SPECS: dict[str, _Spec] = {
    "T-01": _Spec("立案→决定", (r.FILING, r.DECISION), False, _t01),
    "T-02": _Spec("决定→送达", (r.DECISION, r.DECISION_SERVICE), False, _t02),
    "T-03": _Spec(
        "告知送达→决定（听证申请期）", (r.NOTICE_SERVICE, r.DECISION), True, _notice("hearing_request_wd")
    ),
    "T-04": _Spec(
        "告知送达→决定（陈述申辩期）", (r.NOTICE_SERVICE, r.DECISION), True, _notice("statement_wd")
    ),
    "T-05": _Spec("听证通知送达→听证", (r.HEARING_NOTICE_SERVICE, r.HEARING), True, _t05),
    "T-06": _Spec("证据保存→处理", (r.PRESERVATION, r.PRESERVATION_RELEASE), False, _t06),
    "T-07": _Spec("查封扣押→解除", (r.COMPULSION, r.COMPULSION_RELEASE), False, _t07),
    "T-11": _Spec("决定送达→缴款", (r.DECISION_SERVICE, r.PAYMENT), False, _t11),
    "T-12": _Spec("决定→公示", (r.DECISION, r.PUBLICATION), False, _t12),
    "T-16": _Spec("违法行为→立案", (r.VIOLATION, r.FILING), False, _t16),
}
BREACHED = {Status.FAIL: True, Status.PASS: False}


def _iso(facts: Mapping[str, object], key: str) -> dt.date | None:
    value = facts.get(key)
    return dt.date.fromisoformat(value) if isinstance(value, str) else None


def _limit_text(spec: _Spec, period: _Period | None, facts: Mapping[str, object]) -> str:
    years = facts.get("limit_years") or (period.years if period else 0)
    if years:
        return f"{years}年"
    unit = facts.get("unit") or (period.unit if period else "WD")
    limit = facts.get("limit", period.limit if period else "")
    text = f"{limit}个工作日" if unit == "WD" else f"{limit}日"
    return f"满{text}" if spec.at_least else text


def _due(ctx: RuleContext, period: _Period) -> dt.date:
    """The rule's deadline: N working days, or N calendar days / years with the last day rolled."""
    if period.unit == "WD":
        return ctx.calendar.add_working_days(period.start, period.limit)
    if period.years:
        return _rolled(ctx, _years_later(period.start, period.years))
    return _rolled(ctx, period.start + dt.timedelta(days=period.limit))


def _rolled(ctx: RuleContext, last: dt.date) -> dt.date:
    """程序规定 第17条 roll; a year without calendar data keeps the plain last day."""
    try:
        return rolled_deadline(ctx, last)
    except CalendarDataMissing:
        return last


def _deadline(ctx: RuleContext, rule_id: str, finding: Finding) -> Deadline | None:
    spec = SPECS[rule_id]
    period = spec.period(ctx)
    facts = finding.facts
    start = _iso(facts, "start") or (period.start if period else None)
    if start is None:
        return None  # nothing to place on the axis
    end = _iso(facts, "end") or (period.end if period else None)
    due = _iso(facts, "deadline")
    try:
        if due is None and period is not None:
            due = _due(ctx, period)
        elif due is not None and facts.get("unit") == "CD" and finding.status == Status.PASS:
            due = _rolled(ctx, due)  # a kept CD period reports its unrolled last day
        used = ctx.calendar.working_days_between(start, end) if end else None
    except CalendarDataMissing:
        used = None
    if due is None:
        return None
    registered = REGISTRY[rule_id]
    start_role = period.start_role if period else spec.role_pair[0]
    end_role = (period.end_role if period else None) or (spec.role_pair[1] if end else None)
    return Deadline(
        rule=rule_id,
        label=spec.label,
        start=start,
        due=due,
        end=end,
        limit_text=_limit_text(spec, period, facts),
        breached=BREACHED.get(finding.status),
        basis=str(facts.get("basis") or registered.basis),
        start_role=start_role,
        end_role=end_role,
        title=registered.title,
        at_least=spec.at_least,
        working_days_used=used,
        days_used=(end - start).days if end else None,
        status=finding.status,
        message=finding.message,
    )


def _events(analysis: Analysis, publication: PublicationDate | None) -> list[TimelineEvent]:
    """Every dated role once per (role, date, label), in date then procedural order."""
    seen: set[tuple[str, dt.date, str]] = set()
    events: list[TimelineEvent] = []
    for m in analysis.extraction.dates:
        if m.role is None:
            continue
        label = m.document if m.role == r.INQUIRY else ROLE_LABELS.get(m.role, m.role)
        if (m.role, m.date, label) not in seen:
            seen.add((m.role, m.date, label))
            events.append(TimelineEvent(m.date, m.role, label, m.evidence))
    if publication is not None:
        label = _SOURCES.get(publication.source, ROLE_LABELS[r.PUBLICATION])
        events.append(TimelineEvent(publication.date, r.PUBLICATION, label, None))
    order = {role: i for i, role in enumerate(r.ALL_ROLES)}
    return sorted(events, key=lambda e: (e.date, order.get(e.role, len(order))))


def _day_kinds(
    calendar: WorkCalendar, first: dt.date, last: dt.date
) -> tuple[dict[dt.date, str], dict[dt.date, str], tuple[int, ...]]:
    """(non-working days, 调休 working weekends, years without data) in [first, last]."""
    off: dict[dt.date, str] = {}
    makeup: dict[dt.date, str] = {}
    missing: set[int] = set()
    day = first
    while day <= last:
        if not calendar.covers(day.year):
            missing.add(day.year)
        elif not calendar.is_workday(day):
            off[day] = calendar.holiday_name(day) or (WEEKEND if day.weekday() >= 5 else HOLIDAY)
        elif name := calendar.makeup_name(day):
            makeup[day] = name
        day += dt.timedelta(days=1)
    return off, makeup, tuple(sorted(missing))


def build_timeline(
    analysis: Analysis,
    calendar: WorkCalendar,
    params: Mapping[str, object],
    publication: PublicationDate | None = None,
    findings: Sequence[Finding] = (),
) -> Timeline:
    """The timeline of one analysed case; ``findings`` (when given) decide each deadline's colour."""
    ctx = RuleContext(analysis.case, analysis.documents, analysis.extraction, calendar, params, publication)
    given = {f.rule: f for f in findings if f.rule in SPECS}
    computed = {f.rule: f for f in run_rules(ctx, [rid for rid in SPECS if rid not in given])}
    deadlines: list[Deadline] = []
    for rule_id in SPECS:
        finding = given.get(rule_id) or computed.get(rule_id)
        if finding is None or finding.status == Status.NOT_APPLICABLE:
            continue
        found = _deadline(ctx, rule_id, finding)
        if found is not None:
            deadlines.append(found)
    events = _events(analysis, publication)
    days = [e.date for e in events]
    for dl in deadlines:
        days += [dl.start, *([dl.end] if dl.end else [])]
        # A kept limit far beyond the case (90 days, 2 years) would squeeze the case's own dates:
        # the view draws its bar running off the axis instead.
        if dl.breached is not False and (dl.due - dl.start).days <= HORIZON_DAYS:
            days.append(dl.due)
    if not days:
        today = dt.date.today()
        return Timeline((), (), {}, today, today)
    pad = dt.timedelta(days=PAD_DAYS)
    first, last = min(days) - pad, max(days) + pad
    off, makeup, missing = _day_kinds(calendar, first, last)
    return Timeline(tuple(events), tuple(deadlines), off, first, last, makeup, missing)
