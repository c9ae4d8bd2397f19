"""Scoring behaviour the per-item golden cases do not express: bad decisions, fallbacks, tagging."""

from __future__ import annotations

import datetime as dt

import pytest

from casereview.domain.findings import Finding, Status
from casereview.domain.model import Evidence
from casereview.errors import StandardUnavailable
from casereview.scoring import DecisionKind, ItemStatus, ReviewerDecision, score_case
from casereview.standards import Standard, find_standards

AT = dt.datetime(2025, 6, 1, 10, 0)


@pytest.fixture(scope="module")
def standard() -> Standard:
    return find_standards()["transport_penalty"]


@pytest.fixture(scope="module")
def precheck() -> Standard:
    return find_standards()["legal_review_precheck"]


def test_decision_validation() -> None:
    with pytest.raises(ValueError, match="reason"):
        ReviewerDecision(DecisionKind.OVERRIDE, "甲", AT, 2.0, " ")
    with pytest.raises(ValueError, match="deduction"):
        ReviewerDecision(DecisionKind.OVERRIDE, "甲", AT, None, "理由")
    with pytest.raises(ValueError, match="region"):
        ReviewerDecision(DecisionKind.MANUAL, "甲", AT, 2.0, "理由")
    ReviewerDecision(DecisionKind.MANUAL, "甲", AT, 2.0, "理由", Evidence(3, (0.0, 0.0, 10.0, 10.0), "…"))


def test_decisions_must_fit_the_standard(standard: Standard) -> None:
    with pytest.raises(ValueError, match="not in standard"):
        score_case(standard, None, [], {"XX-99": ReviewerDecision(DecisionKind.ACCEPT, "甲", AT)})
    too_much = ReviewerDecision(DecisionKind.OVERRIDE, "甲", AT, 5.0, "理由")
    with pytest.raises(ValueError, match="exceeds"):
        score_case(standard, None, [], {"ZT-01": too_much})  # ZT-01 is worth 4
    with pytest.raises(StandardUnavailable, match="no-such-profile"):
        score_case(standard, "no-such-profile", [])


def test_fail_outweighs_needs_review_and_counts_at_least_once(standard: Standard) -> None:
    findings = [
        Finding("P-01", Status.NEEDS_REVIEW, "第5页笔录看不清"),
        Finding("P-01", Status.FAIL, "第3页笔录仅一名执法人员", violations=0),
    ]
    item = score_case(standard, None, findings).item("ZT-02")
    assert (item.status, item.deduction) == (ItemStatus.DEDUCTED, 2.0)


def test_explanation_falls_back_to_message_when_a_fact_is_missing(standard: Standard) -> None:
    finding = Finding("T-01", Status.FAIL, "立案至决定共99日，超过90日。")  # no facts
    assert score_case(standard, None, [finding]).item("CX-02").reason == "立案至决定共99日，超过90日。"


def test_findings_are_tagged_with_their_item(standard: Standard, precheck: Standard) -> None:
    findings = [
        Finding("T-12", Status.PASS, "按期公示"),
        Finding("D-01", Status.FAIL, "缺结案报告", violations=1),
    ]
    sheet = score_case(standard, "gb118", findings)
    assert [(f.rule, f.item) for f in sheet.findings] == [("T-12", "JA-02"), ("D-01", "CX-01")]
    assert sheet.profile == "gb118"
    # In the pre-decision checklist T-12 is scored by no item and D-01 is only a reference for PC-03.
    draft = score_case(precheck, None, findings)
    assert [(f.rule, f.item) for f in draft.findings] == [("T-12", None), ("D-01", "PC-03")]
    assert draft.item("PC-03").status is ItemStatus.PENDING and draft.deduction == 0


def test_veto_awaiting_a_reviewer_keeps_the_sheet_provisional(standard: Standard) -> None:
    sheet = score_case(standard, None, [Finding("P-05", Status.NEEDS_REVIEW, "法制审核意见日期不清")])
    veto = next(v for v in sheet.vetoes if v.id == "V-05")
    assert veto.pending and not veto.triggered and "P-05" in veto.sources
    assert sheet.provisional and sheet.grade == "优秀"


def test_score_sheet_json(standard: Standard) -> None:
    sheet = score_case(standard, None, [Finding("T-16", Status.FAIL, "超过二年追责时效")])
    data = sheet.to_json()
    assert data["score"] == 97.0 and data["grade"] == "不合格" and data["vetoes"] == ["V-06"]
    assert data["standard"] == {
        "id": "transport_penalty",
        "version": "2026.1",
        "hash": standard.content_hash(),
    }
