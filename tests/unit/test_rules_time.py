"""Time-limit rules T-01 … T-19 on hand-built cases (rulekit) and on generated case files."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from rulekit import CALENDAR, make_ctx, run

from casegen import generate_case
from casegen.cal import add_wd, wd_between
from casereview.calendar import WorkCalendar
from casereview.domain import doctypes as d
from casereview.domain import roles as r
from casereview.domain.findings import Finding, Status
from casereview.pipeline import Analysis, read_case
from casereview.rules import CATALOGUE, REGISTRY, run_rules
from casereview.rules.base import DEFAULT_PARAMS, Rule, RuleContext

PASS, FAIL, REVIEW, NA = Status.PASS, Status.FAIL, Status.NEEDS_REVIEW, Status.NOT_APPLICABLE
TIME_RULES = ("T-01", "T-02", "T-03", "T-04", "T-05", "T-06", "T-07", "T-11", "T-12", "T-16", "T-19")
SUMMARY: dict[str, Any] = {"documents": [d.DANGCHANG_JUEDING], "dates": {r.DECISION: "2025-04-10"}}
NO_2027 = "缺少2027年节假日数据，无法计算工作日"


def check(rule_id: str, spec: dict[str, Any], status: Status) -> Finding:
    finding = run(rule_id, spec)
    assert finding.rule == rule_id
    assert finding.status == status, finding.message
    if status in (PASS, FAIL):
        assert finding.evidence, "pass/fail must carry evidence"
        assert all(e.page >= 1 and e.text for e in finding.evidence)
    return finding


def test_every_time_rule_is_registered_with_title_and_basis() -> None:
    for rule_id in TIME_RULES:
        registered = REGISTRY[rule_id]
        assert registered.title and registered.basis
        assert all(p in REGISTRY[rule_id].params for p in registered.params)


# T-01 立案 → 决定 ≤ 90 CD (120 with a 延期审批表), last day rolled (程序规定 第17条)
def test_t01_pass_fail_and_facts() -> None:
    found = check("T-01", {"dates": {r.FILING: "2025-01-02", r.DECISION: "2025-03-31"}}, PASS)
    assert found.facts["count"] == 88 and found.facts["unit"] == "CD"
    found = check("T-01", {"dates": {r.FILING: "2025-01-02", r.DECISION: "2025-04-10"}}, FAIL)
    assert found.facts == {
        "start": "2025-01-02",
        "end": "2025-04-10",
        "limit": 90,
        "unit": "CD",
        "count": 98,
        "deadline": "2025-04-02",
        "basis": REGISTRY["T-01"].basis,
    }
    assert "立案日期为2025年1月2日" in found.message and "间隔98日" in found.message
    assert "超过90日的办案期限" in found.message and "行政处罚法第六十条" in found.message


def test_t01_extension_allows_120_days() -> None:
    spec = {"documents": [d.YANQI_SHENPI], "dates": {r.FILING: "2025-01-02", r.DECISION: "2025-04-10"}}
    found = check("T-01", spec, PASS)
    assert found.facts["limit"] == 120 and "延期审批表" in found.message
    assert len(found.evidence) == 3  # 立案, 决定 and the extension approval


def test_t01_last_day_on_a_holiday_rolls() -> None:
    # 90 days after 2026-01-05 is 2026-04-05, a Sunday inside 清明 → 2026-04-07
    found = check("T-01", {"dates": {r.FILING: "2026-01-05", r.DECISION: "2026-04-07"}}, PASS)
    assert found.facts["deadline"] == "2026-04-07" and "顺延" in found.message
    found = check("T-01", {"dates": {r.FILING: "2026-01-05", r.DECISION: "2026-04-08"}}, FAIL)
    assert found.facts["deadline"] == "2026-04-07"


def test_t01_needs_review_and_not_applicable() -> None:
    check("T-01", {"dates": {r.DECISION: "2025-04-10"}}, REVIEW)
    check("T-01", {"dates": {r.FILING: "2025-01-02"}}, REVIEW)
    low = {"dates": {r.FILING: "2025-01-02", r.DECISION: "2025-04-10"}, "confidence": {r.DECISION: 0.5}}
    assert "识别置信度较低" in check("T-01", low, REVIEW).message
    check("T-01", SUMMARY, NA)


def test_t01_without_calendar_data() -> None:
    # in time whatever the roll: no holiday data needed
    check("T-01", {"dates": {r.FILING: "2026-11-02", r.DECISION: "2027-01-20"}}, PASS)
    found = check("T-01", {"dates": {r.FILING: "2026-11-02", r.DECISION: "2027-02-15"}}, REVIEW)
    assert NO_2027 in found.message


# T-02 决定 → 送达 ≤ 7 WD
def test_t02() -> None:
    same_day = check("T-02", {"dates": {r.DECISION: "2025-04-10", r.DECISION_SERVICE: "2025-04-10"}}, PASS)
    assert same_day.facts["count"] == 0 and "当日送达" in same_day.message
    # 2025-09-26 + 7 WD = 2025-10-13 across 国庆 and two 调休 days
    found = check("T-02", {"dates": {r.DECISION: "2025-09-26", r.DECISION_SERVICE: "2025-10-13"}}, PASS)
    assert found.facts["count"] == 7 and found.facts["unit"] == "WD"
    found = check("T-02", {"dates": {r.DECISION: "2025-09-26", r.DECISION_SERVICE: "2025-10-14"}}, FAIL)
    assert "间隔8个工作日，超过7个工作日的送达期限" in found.message
    assert "2025年10月13日" in found.message  # the deadline
    check("T-02", {"dates": {r.DECISION: "2025-04-10"}}, REVIEW)
    check("T-02", SUMMARY, NA)
    found = check("T-02", {"dates": {r.DECISION: "2026-12-28", r.DECISION_SERVICE: "2027-01-05"}}, REVIEW)
    assert NO_2027 in found.message


def test_t02_service_on_a_weekend_after_the_deadline_fails() -> None:
    # 7th WD after 2025-04-01 is 2025-04-11 (Fri, 清明 4-4 off); Saturday 04-12 is too late.
    found = check("T-02", {"dates": {r.DECISION: "2025-04-01", r.DECISION_SERVICE: "2025-04-12"}}, FAIL)
    assert found.facts["count"] == 7 and "晚于" in found.message


# T-03 告知送达 → 决定 ≥ 5 WD when a hearing is offered or triggered, unless waived
HEARING_TEXT = {d.TONGZHI: "你有权要求举行听证。要求听证的，应当在收到本通知书之日起五日内提出。"}


def notice_case(service: str, decision: str, **extra: Any) -> dict[str, Any]:
    spec: dict[str, Any] = {
        "documents": [d.TONGZHI],
        "dates": {r.NOTICE_SERVICE: service, r.DECISION: decision},
        "party_kind": "individual",
        "fine": 500,
        "proposed_fine": 500,
    }
    spec.update(extra)
    return spec


def test_t03_triggered_by_the_fine() -> None:
    # 2025-04-30 + 5 WD = 2025-05-12 (劳动节 5/1–5/5): a decision that day has waited the 5 WD
    found = check("T-03", notice_case("2025-04-30", "2025-05-12", fine=20000, proposed_fine=20000), PASS)
    assert found.facts["count"] == 5
    found = check("T-03", notice_case("2025-04-30", "2025-05-09", fine=20000, proposed_fine=20000), FAIL)
    assert "间隔4个工作日，不足5个工作日的听证申请期限" in found.message


def test_t03_offered_in_the_notice_or_not_applicable() -> None:
    check("T-03", notice_case("2025-04-30", "2025-05-09", texts=HEARING_TEXT), FAIL)
    organisation = notice_case("2025-04-30", "2025-05-09", party_kind="organisation", fine=20000)
    organisation["proposed_fine"] = 20000
    found = check("T-03", organisation, NA)
    assert "低于单位较大数额100000元" in found.message
    check("T-03", {**SUMMARY, "fine": 100}, NA)


def test_t03_waiver_must_name_the_hearing() -> None:
    hearing_waiver = notice_case(
        "2025-04-30",
        "2025-05-06",
        texts={**HEARING_TEXT, d.FANGQI: "本人自愿放弃陈述、申辩和要求听证的权利。"},
    )
    hearing_waiver["dates"][r.WAIVER] = "2025-04-30"
    found = check("T-03", hearing_waiver, PASS)
    assert found.facts["waived"] is True and "放弃听证权利" in found.message
    statement_only = notice_case(
        "2025-04-30",
        "2025-05-06",
        texts={**HEARING_TEXT, d.FANGQI: "本人自愿放弃陈述、申辩的权利。"},
        titles={d.FANGQI: "放弃陈述申辩声明"},
    )
    check("T-03", statement_only, FAIL)
    check("T-04", statement_only, PASS)


def test_t03_needs_review() -> None:
    no_service = notice_case("2025-04-30", "2025-05-09", texts=HEARING_TEXT)
    del no_service["dates"][r.NOTICE_SERVICE]
    assert "送达回证" in check("T-03", no_service, REVIEW).message
    nothing = {"dates": {r.DECISION: "2025-05-09"}}  # no notice and no fine: cannot tell
    check("T-03", nothing, REVIEW)


# T-04 告知送达 → 决定 ≥ 3 WD for every notice
def test_t04() -> None:
    # 2025-09-26 (Fri) → 09-30: 9/28 (Sunday, 调休), 9/29, 9/30 = 3 WD; Mon–Fri would say 2
    found = check("T-04", notice_case("2025-09-26", "2025-09-30"), PASS)
    assert found.facts["count"] == 3
    found = check("T-04", notice_case("2025-09-26", "2025-09-29"), FAIL)
    assert "不足3个工作日的陈述申辩期限" in found.message and found.facts["deadline"] == "2025-09-30"
    found = check("T-04", notice_case("2025-09-30", "2025-09-26"), FAIL)
    assert "处罚决定日期早于违法行为通知书送达日期" in found.message
    check("T-04", notice_case("2025-09-26", "2025-09-29", confidence={r.NOTICE_SERVICE: 0.3}), REVIEW)
    check("T-04", {"dates": {r.DECISION: "2025-09-29"}}, REVIEW)
    check("T-04", SUMMARY, NA)
    check("T-04", notice_case("2025-09-26", "2025-09-29", params={"statement_wd": 2}), PASS)


# T-05 听证通知送达 → 听证 ≥ 7 WD
def test_t05() -> None:
    spec = {"dates": {r.HEARING_NOTICE_SERVICE: "2025-09-26", r.HEARING: "2025-10-13"}}
    assert check("T-05", spec, PASS).facts["count"] == 7
    spec = {"dates": {r.HEARING_NOTICE_SERVICE: "2025-09-26", r.HEARING: "2025-10-10"}}
    assert "不足7个工作日的听证通知期限" in check("T-05", spec, FAIL).message
    dated_only = {"dates": {r.HEARING_NOTICE: "2025-09-26", r.HEARING: "2025-10-13"}}
    assert "按听证通知书落款日期计算" in check("T-05", dated_only, PASS).message
    check("T-05", {"dates": {r.HEARING: "2025-10-13"}}, REVIEW)
    check("T-05", {"documents": [d.TINGZHENG_TONGZHI]}, REVIEW)
    check("T-05", {"dates": {r.DECISION: "2025-10-13"}}, NA)


# T-06 证据保存 → 解除保存 ≤ 7 WD
def test_t06() -> None:
    # 2026-02-12 + 7 WD = 2026-02-28, a 调休 Saturday
    spec = {"dates": {r.PRESERVATION: "2026-02-12", r.PRESERVATION_RELEASE: "2026-02-28"}}
    assert check("T-06", spec, PASS).facts["deadline"] == "2026-02-28"
    spec = {"dates": {r.PRESERVATION: "2026-02-12", r.PRESERVATION_RELEASE: "2026-03-02"}}
    check("T-06", spec, FAIL)
    check("T-06", {"dates": {r.PRESERVATION: "2026-02-12"}}, REVIEW)
    check("T-06", {"dates": {r.DECISION: "2026-02-12"}}, NA)


# T-07 强制措施 → 解除 ≤ 30 CD (+30 with an extension notice)
def test_t07() -> None:
    spec = {"dates": {r.COMPULSION: "2025-09-08", r.COMPULSION_RELEASE: "2025-10-08"}}
    check("T-07", spec, PASS)
    # day 30 (2025-10-08) is a holiday → the period ends 2025-10-09
    spec = {"dates": {r.COMPULSION: "2025-09-08", r.COMPULSION_RELEASE: "2025-10-09"}}
    assert check("T-07", spec, PASS).facts["deadline"] == "2025-10-09"
    spec = {"dates": {r.COMPULSION: "2025-09-08", r.COMPULSION_RELEASE: "2025-10-10"}}
    assert "超过30日的查封、扣押期限" in check("T-07", spec, FAIL).message
    extended = {"documents": [d.YANCHANG_QIANGZHI], **spec}
    assert check("T-07", extended, PASS).facts["limit"] == 60
    check("T-07", {"dates": {r.COMPULSION: "2025-09-08"}}, REVIEW)
    check("T-07", {"dates": {r.DECISION: "2025-09-08"}}, NA)


# T-11 送达 → 缴款 ≤ 15 CD rolled, else a surcharge must be recorded
def paid(service: str, payment: str, **extra: Any) -> dict[str, Any]:
    return {"fine": 1000, "dates": {r.DECISION_SERVICE: service, r.PAYMENT: payment}, **extra}


def test_t11() -> None:
    # 15 days after 2025-09-23 is 2025-10-08, a holiday → 2025-10-09
    assert check("T-11", paid("2025-09-23", "2025-10-09"), PASS).facts["deadline"] == "2025-10-09"
    found = check("T-11", paid("2025-09-23", "2025-10-10"), FAIL)
    assert "超过15日的罚款缴纳期限" in found.message
    check("T-11", paid("2025-09-23", "2025-10-10", texts={d.PIAOJU: "含加处罚款150元"}), PASS)
    warning = {d.JUEDING: "到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款。"}
    check("T-11", paid("2025-09-23", "2025-10-10", texts=warning), FAIL)
    check("T-11", {"fine": 1000, "dates": {r.DECISION_SERVICE: "2025-09-23"}}, REVIEW)
    check("T-11", {"dates": {r.DECISION_SERVICE: "2025-09-23"}}, NA)
    summary = {"documents": [d.DANGCHANG_JUEDING], "fine": 100}
    summary["dates"] = {r.DECISION: "2025-09-23", r.PAYMENT: "2025-09-23"}
    check("T-11", summary, PASS)


# T-12 决定 → 公示 ≤ 20 WD (profile gb118: 7 WD)
def test_t12_message_states_dates_count_limit_and_basis() -> None:
    found = check("T-12", {"dates": {r.DECISION: "2025-04-10", r.PUBLICATION: "2025-05-20"}}, FAIL)
    assert found.message.startswith(
        "处罚决定日期为2025年4月10日，公示日期为2025年5月20日，间隔26个工作日，"
        "超过20个工作日的公示期限（国办发〔2018〕118号）"
    )
    assert "案卷中的公示记录" in found.message
    assert found.facts["count"] == 26 and found.facts["limit"] == 20 and found.facts["unit"] == "WD"
    assert found.facts["basis"] == "国办发〔2018〕118号" and found.facts["deadline"] == "2025-05-12"


def test_t12_sources_and_profile() -> None:
    reviewer = {"dates": {r.DECISION: "2025-04-10"}, "publication": ("2025-04-18", "reviewer")}
    found = check("T-12", reviewer, PASS)
    assert "评查人员录入" in found.message and found.facts["source"] == "评查人员录入的公示日期"
    imported = {
        "dates": {r.DECISION: "2025-04-10", r.PUBLICATION: "2025-04-11"},
        "publication": ("2025-05-20", "list", "公示清单.xlsx 第12行"),
    }
    found = check("T-12", imported, FAIL)  # the imported list wins over the record in the file
    assert "导入的公示清单（公示清单.xlsx 第12行）" in found.message
    ten_days = {"dates": {r.DECISION: "2025-04-10", r.PUBLICATION: "2025-04-24"}}
    check("T-12", ten_days, PASS)
    check("T-12", {**ten_days, "params": {"publication_wd": 7}}, FAIL)


def test_t12_needs_review_without_a_publication_date() -> None:
    found = check("T-12", {"dates": {r.DECISION: "2025-04-10"}}, REVIEW)
    assert found.message == "案卷中未找到公示记录，请导入公示清单或录入公示日期。"
    check("T-12", {"dates": {r.PUBLICATION: "2025-04-10"}}, REVIEW)


# T-16 违法 → 立案 ≤ 2 years
def test_t16() -> None:
    # 2025-03-01 is a Saturday: the two years end on Monday 2025-03-03
    check("T-16", {"dates": {r.VIOLATION: "2023-03-01", r.FILING: "2025-03-03"}}, PASS)
    found = check("T-16", {"dates": {r.VIOLATION: "2023-03-01", r.FILING: "2025-03-04"}}, FAIL)
    assert "超过2年的追责时效" in found.message and found.facts["limit_years"] == 2
    # 2024-02-29 + 2 years → 2026-02-28, a 调休 Saturday (a working day: no roll)
    check("T-16", {"dates": {r.VIOLATION: "2024-02-29", r.FILING: "2026-03-02"}}, FAIL)
    check("T-16", {"dates": {r.FILING: "2025-03-04"}}, REVIEW)
    check("T-16", {"dates": {r.VIOLATION: "2025-03-04"}}, REVIEW)
    summary = {
        "documents": [d.DANGCHANG_JUEDING],
        "dates": {r.VIOLATION: "2025-04-10", r.DECISION: "2025-04-10"},
    }
    check("T-16", summary, PASS)


# T-19 dates must not run backwards
ORDERED = {
    r.FILING: "2025-03-03",
    r.INQUIRY: ["2025-03-03", "2025-03-05"],
    r.NOTICE: "2025-03-20",
    r.LEGAL_REVIEW: "2025-03-28",
    r.DISCUSSION: "2025-03-28",
    r.DECISION: "2025-03-31",
    r.DECISION_SERVICE: "2025-04-02",
    r.CLOSING: "2025-04-20",
}


def test_t19() -> None:
    found = check("T-19", {"dates": ORDERED}, PASS)
    assert "未发现程序倒置" in found.message
    early = {**ORDERED, r.INQUIRY: ["2025-02-27", "2025-03-05"]}
    found = check("T-19", {"dates": early}, FAIL)
    assert "询问笔录（第2页）日期2025年2月27日早于立案日期2025年3月3日" in found.message
    assert found.violations == 1 and len(found.evidence) == 2
    late_review = {**ORDERED, r.LEGAL_REVIEW: "2025-04-01"}
    found = check("T-19", {"dates": late_review}, FAIL)
    assert "早于法制审核日期2025年4月1日" in found.message
    unsure = {"dates": early, "confidence": {r.INQUIRY: 0.4}}
    check("T-19", unsure, REVIEW)
    check("T-19", {"dates": ORDERED, "confidence": {r.CLOSING: 0.5}}, REVIEW)
    check("T-19", {"dates": {r.DECISION: "2025-03-31"}}, REVIEW)
    check("T-19", SUMMARY, NA)


# run_rules
def test_run_rules_order_and_crash_isolation(monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = make_ctx({"dates": ORDERED})
    found = run_rules(ctx, ["T-19", "T-01", "T-12"])
    assert [f.rule for f in found] == ["T-01", "T-12", "T-19"]

    def boom(_: object) -> Finding:
        raise ValueError("坏数据")

    monkeypatch.setitem(REGISTRY, "T-02", Rule("T-02", "送达", "—", boom))
    found = run_rules(ctx)
    assert [f.rule for f in found] == [rid for rid in CATALOGUE if rid in REGISTRY]
    crashed = next(f for f in found if f.rule == "T-02")
    assert crashed.status == REVIEW and crashed.message.startswith("规则执行出错：")


def test_rules_report_missing_calendar_data() -> None:
    spec = {"dates": {r.DECISION: "2027-03-01", r.PUBLICATION: "2027-03-20"}}
    found = run("T-12", spec, WorkCalendar())
    assert found.status == REVIEW and NO_2027 in found.message


# generated case files (tests/casegen): injected defects fail, clean and trap cases never do
def analyse(tmp: Path, case_id: str, **kwargs: Any) -> tuple[Analysis, dict[str, Any]]:
    path, truth = generate_case(tmp, case_id, kind="digital", **kwargs)
    return read_case(path), truth


def findings(analysis: Analysis, **params: Any) -> dict[str, Finding]:
    ctx = RuleContext(
        analysis.case, analysis.documents, analysis.extraction, CALENDAR, {**DEFAULT_PARAMS, **params}
    )
    return {f.rule: f for f in run_rules(ctx, TIME_RULES)}


@pytest.mark.parametrize("rule_id", TIME_RULES)
def test_generated_defects_fail_their_rule(rule_id: str, tmp_path: Path) -> None:
    for seed in (11, 12, 13):
        analysis, truth = analyse(tmp_path, f"{rule_id}-{seed}", seed=seed, defects=[rule_id])
        found = findings(analysis)
        assert found[rule_id].status == FAIL, (found[rule_id].message, truth["notes"])
        unexpected = {k for k, f in found.items() if f.status == FAIL} - set(truth["expected_failures"])
        assert not unexpected, [found[k].message for k in unexpected]


@pytest.mark.parametrize("trap", [False, True], ids=["clean", "calendar-trap"])
def test_generated_clean_cases_never_fail(trap: bool, tmp_path: Path) -> None:
    for seed in range(21, 29):
        analysis, truth = analyse(tmp_path, f"c{seed}", seed=seed, calendar_trap=trap)
        failed = [f.message for f in findings(analysis).values() if f.status == FAIL]
        assert not failed, (failed, truth["notes"])
        violation = analysis.extraction.first_date(r.VIOLATION)  # T-16 reads it (extract/dateroles.py)
        assert violation is not None and violation.date.isoformat() == truth["fields"]["violation_date"]


def test_generated_case_publication_profile(tmp_path: Path) -> None:
    analysis, _ = analyse(tmp_path, "pub", seed=5, defects=["P-01"])
    decision = analysis.extraction.first_date(r.DECISION)
    assert decision is not None
    ten = CALENDAR.add_working_days(decision.date, 10)
    analysis.extraction.dates = [
        dataclasses.replace(m, date=ten) if m.role == r.PUBLICATION else m for m in analysis.extraction.dates
    ]
    if analysis.extraction.first_date(r.PUBLICATION) is None:
        pytest.fail("the generated case has no 公示记录")
    assert findings(analysis)["T-12"].status == PASS
    strict = findings(analysis, publication_wd=7)["T-12"]
    assert strict.status == FAIL and strict.facts["count"] == 10 and strict.facts["limit"] == 7


def test_add_working_days_is_what_the_generator_uses() -> None:
    day = dt.date(2023, 1, 2)
    while day < dt.date(2026, 12, 1):
        assert CALENDAR.add_working_days(day, 7) == add_wd(day, 7)
        assert CALENDAR.working_days_between(day, day + dt.timedelta(days=12)) == wd_between(
            day, day + dt.timedelta(days=12)
        )
        day += dt.timedelta(days=5)
