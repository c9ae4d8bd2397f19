"""The case timeline (casereview.timeline) built from generated case files and hand-built ones."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from rulekit import make_ctx

from casegen import generate_case
from casereview.calendar import WorkCalendar
from casereview.domain import roles as r
from casereview.domain.findings import Finding, Status
from casereview.pipeline import Analysis, read_case
from casereview.rules import run_rules
from casereview.rules.base import DEFAULT_PARAMS, PublicationDate, RuleContext
from casereview.timeline import SPECS, WEEKEND, Deadline, Timeline, build_timeline

CALENDAR = WorkCalendar()  # chinesecalendar only, no override file
Case = tuple[Analysis, dict[str, Any]]


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Case]:
    """Generated digital cases, read once for the module."""
    out = tmp_path_factory.mktemp("timeline")
    specs: dict[str, dict[str, Any]] = {
        "late_service": {"seed": 7, "defects": ["T-02"], "calendar_trap": True},
        "late_publication": {"seed": 12, "defects": ["T-12"]},
        "short_hearing_notice": {"seed": 3, "defects": ["T-05"]},
        "clean": {"seed": 23},
        "trap": {"seed": 24, "calendar_trap": True},
    }
    found: dict[str, Case] = {}
    for name, kwargs in specs.items():
        path, truth = generate_case(out, name, kind="digital", **kwargs)
        found[name] = (read_case(path), truth)
    return found


def rule_findings(analysis: Analysis, params: dict[str, object] | None = None) -> dict[str, Finding]:
    ctx = RuleContext(
        analysis.case, analysis.documents, analysis.extraction, CALENDAR, params or dict(DEFAULT_PARAMS)
    )
    return {f.rule: f for f in run_rules(ctx, list(SPECS))}


def deadline(timeline: Timeline, rule_id: str) -> Deadline:
    matching = [d for d in timeline.deadlines if d.rule == rule_id]
    assert len(matching) == 1, [d.rule for d in timeline.deadlines]
    return matching[0]


def assert_agrees_with_rules(timeline: Timeline, findings: dict[str, Finding]) -> None:
    """Every applicable time-limit rule has its deadline, with the finding's dates and colour."""
    shown = {d.rule for d in timeline.deadlines}
    applicable = {k for k, f in findings.items() if f.status != Status.NOT_APPLICABLE}
    assert shown <= applicable
    for rule_id in applicable:
        finding = findings[rule_id]
        if "start" not in finding.facts:
            continue  # undecided without dates: placed from the rule's own date choice
        dl = deadline(timeline, rule_id)
        assert dl.breached == {Status.FAIL: True, Status.PASS: False}.get(finding.status)
        assert dl.start.isoformat() == finding.facts["start"]
        assert dl.end is not None and dl.end.isoformat() == finding.facts["end"]
        if finding.facts.get("unit") == "WD":
            assert dl.due.isoformat() == finding.facts["deadline"]
            assert dl.working_days_used == finding.facts["count"]


@pytest.mark.parametrize(
    ("name", "rule_id"),
    [("late_service", "T-02"), ("late_publication", "T-12"), ("short_hearing_notice", "T-05")],
)
def test_injected_defect_breaches_its_deadline(cases: dict[str, Case], name: str, rule_id: str) -> None:
    analysis, truth = cases[name]
    timeline = build_timeline(analysis, CALENDAR, DEFAULT_PARAMS)
    findings = rule_findings(analysis)
    assert findings[rule_id].status == Status.FAIL, truth["notes"]
    dl = deadline(timeline, rule_id)
    assert dl.breached is True
    assert dl.due.isoformat() == findings[rule_id].facts["deadline"]
    assert dl.end is not None
    # at most N: the end overruns the due date; at least N (T-05): it falls short of it
    assert (dl.end < dl.due) if dl.at_least else (dl.end > dl.due)
    assert dl.basis in findings[rule_id].message and dl.message == findings[rule_id].message
    assert_agrees_with_rules(timeline, findings)
    breached = {d.rule for d in timeline.deadlines if d.breached}
    assert breached == {k for k, f in findings.items() if f.status == Status.FAIL and k in SPECS}


def test_late_service_deadline_counts_working_days(cases: dict[str, Case]) -> None:
    analysis, truth = cases["late_service"]
    dl = deadline(build_timeline(analysis, CALENDAR, DEFAULT_PARAMS), "T-02")
    assert (dl.start.isoformat(), dl.end and dl.end.isoformat()) == (
        truth["fields"]["decision_date"],
        truth["fields"]["decision_service_date"],
    )
    assert dl.due == CALENDAR.add_working_days(dl.start, 7)
    assert dl.working_days_used is not None and dl.working_days_used > 7
    assert dl.limit_text == "7个工作日" and dl.label == "决定→送达"
    assert (dl.start_role, dl.end_role) == (r.DECISION, r.DECISION_SERVICE)


@pytest.mark.parametrize("name", ["clean", "trap"])
def test_clean_case_has_no_breached_deadline(cases: dict[str, Case], name: str) -> None:
    analysis, truth = cases[name]
    timeline = build_timeline(analysis, CALENDAR, DEFAULT_PARAMS)
    assert timeline.deadlines and not [d.rule for d in timeline.deadlines if d.breached]
    assert_agrees_with_rules(timeline, rule_findings(analysis))
    events = {e.role: e for e in timeline.events}
    assert events[r.FILING].date.isoformat() == truth["fields"]["filing_date"]
    assert events[r.DECISION].date.isoformat() == truth["fields"]["decision_date"]
    assert all(e.evidence is not None and e.evidence.page >= 1 for e in timeline.events)
    dates = [e.date for e in timeline.events]
    assert dates == sorted(dates)
    assert timeline.first < min(dates) and timeline.last > max(dates)
    # a kept 2-year limitation does not stretch the axis: its bar runs off it
    assert deadline(timeline, "T-16").due > timeline.last


def test_publication_profile_shortens_the_deadline(cases: dict[str, Case]) -> None:
    analysis, _ = cases["clean"]
    decision = analysis.extraction.first_date(r.DECISION)
    assert decision is not None
    published = CALENDAR.add_working_days(decision.date, 10)
    outside = PublicationDate(published, "reviewer", "评查人员")
    seed = build_timeline(analysis, CALENDAR, DEFAULT_PARAMS, outside)
    gb118 = build_timeline(analysis, CALENDAR, {**DEFAULT_PARAMS, "publication_wd": 7}, outside)
    assert (deadline(seed, "T-12").breached, deadline(gb118, "T-12").breached) == (False, True)
    assert deadline(gb118, "T-12").due == CALENDAR.add_working_days(decision.date, 7)
    assert deadline(gb118, "T-12").end == published
    external = [e for e in gb118.events if e.evidence is None]
    assert [(e.date, e.role, e.label) for e in external] == [(published, r.PUBLICATION, "公示（评查录入）")]


def test_given_findings_decide_the_colour(cases: dict[str, Case]) -> None:
    analysis, _ = cases["late_service"]
    findings = list(rule_findings(analysis).values())
    # a reviewer's decision stored with the case: the timeline follows it, not a fresh check
    overridden = [
        dataclasses.replace(f, status=Status.NEEDS_REVIEW) if f.rule == "T-02" else f for f in findings
    ]
    assert deadline(build_timeline(analysis, CALENDAR, DEFAULT_PARAMS, findings=findings), "T-02").breached
    dl = deadline(build_timeline(analysis, CALENDAR, DEFAULT_PARAMS, findings=overridden), "T-02")
    assert dl.breached is None and dl.status == Status.NEEDS_REVIEW
    assert dl.due == CALENDAR.add_working_days(dl.start, 7)  # still placed from the finding's facts


def test_holidays_weekends_and_makeup_days(cases: dict[str, Case]) -> None:
    analysis, _ = cases["trap"]
    timeline = build_timeline(analysis, CALENDAR, DEFAULT_PARAMS)
    days = [timeline.first + dt.timedelta(days=i) for i in range(timeline.days)]
    holidays = {d: n for d in days if (n := CALENDAR.holiday_name(d))}
    assert holidays, "a calendar-trap case spans a holiday block"
    for day in days:
        if day in holidays:
            assert timeline.non_working[day] == holidays[day] and timeline.is_holiday(day)
        elif not CALENDAR.is_workday(day):
            assert timeline.non_working[day] == WEEKEND and not timeline.is_holiday(day)
        else:
            assert day not in timeline.non_working
    assert timeline.makeup_days == dict(CALENDAR.makeup_days_between(timeline.first, timeline.last))
    assert timeline.makeup_days, "a calendar-trap case spans a 调休 working weekend day"
    assert not timeline.missing_years


def test_undecided_deadline_is_still_placed() -> None:
    # No publication anywhere: T-12 needs review, but its 20-WD deadline is shown from the decision.
    ctx = make_ctx({"dates": {r.FILING: "2025-09-01", r.DECISION: "2025-09-26"}})
    analysis = Analysis(ctx.case, ctx.documents, ctx.extraction)
    timeline = build_timeline(analysis, CALENDAR, DEFAULT_PARAMS)
    dl = deadline(timeline, "T-12")
    assert dl.breached is None and dl.end is None and dl.end_role is None
    assert dl.due == CALENDAR.add_working_days(dt.date(2025, 9, 26), 20)
    assert timeline.last >= dl.due  # an open deadline's due date is on the axis
    assert timeline.non_working[dt.date(2025, 10, 1)] == "国庆节"
    assert deadline(timeline, "T-01").breached is False


def test_year_without_calendar_data() -> None:
    ctx = make_ctx(
        {"dates": {r.FILING: "2026-12-01", r.DECISION: "2026-12-28", r.DECISION_SERVICE: "2027-01-05"}}
    )
    timeline = build_timeline(Analysis(ctx.case, ctx.documents, ctx.extraction), CALENDAR, DEFAULT_PARAMS)
    assert timeline.missing_years == (2027,)
    assert not [d for d in timeline.non_working if d.year == 2027]
    # 7 WD after 12-28 cannot be counted (the rule says needs_review): no made-up due date
    assert "T-02" not in {d.rule for d in timeline.deadlines}
    assert deadline(timeline, "T-01").breached is False  # in time whatever the 2027 holidays


def test_case_without_dates_is_empty() -> None:
    ctx = make_ctx({"documents": ["询问笔录"]})
    timeline = build_timeline(Analysis(ctx.case, ctx.documents, ctx.extraction), CALENDAR, DEFAULT_PARAMS)
    assert timeline.empty and not timeline.events and not timeline.non_working
