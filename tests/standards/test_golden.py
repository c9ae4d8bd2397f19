"""Golden cases: every item of every shipped standard, scored from given findings.

Each ``scoring_standards/<id>/cases/<item>.yaml`` lists cases as findings (rule, status, violations,
facts, message) and optional reviewer decisions, with the expected status and deduction of that item
and, for some, the expected score, grade, vetoes and caps. One parametrised test runs them all, so a
new case is a new YAML file, not new test code (sqlfluff's per-rule YAML test cases).
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel, ConfigDict, Field

from casereview.domain.findings import Finding, Status
from casereview.domain.model import Evidence
from casereview.scoring import DecisionKind, ItemStatus, ReviewerDecision, score_case
from casereview.standards import RULE_IDS, Standard, default_root, find_standards, load_standard

ROOT = default_root()
CASE_FILES = sorted(ROOT.glob("*/cases/*.yaml"))


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GoldenFinding(_Strict):
    rule: str
    status: Status
    violations: int = 0
    message: str = ""
    facts: dict[str, object] = Field(default_factory=dict)

    def build(self) -> Finding:
        return Finding(self.rule, self.status, self.message, (), dict(self.facts), self.violations)


class GoldenDecision(_Strict):
    kind: DecisionKind
    deduction: float | None = None
    reason: str = ""
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    reviewer: str = "评查员甲"

    def build(self) -> ReviewerDecision:
        region = Evidence(self.page, self.bbox or (0.0, 0.0, 0.0, 0.0), "") if self.page else None
        at = dt.datetime(2025, 6, 1, 9, 30)
        return ReviewerDecision(self.kind, self.reviewer, at, self.deduction, self.reason, region)


class Expect(_Strict):
    status: ItemStatus
    deduction: float
    reason_contains: list[str] = Field(default_factory=list)
    score: float | None = None
    grade: str | None = None
    vetoes: list[str] | None = None  # ids of the vetoes that fire (exactly these)
    caps: list[str] | None = None
    provisional: bool | None = None


class GoldenCase(_Strict):
    name: str
    profile: str | None = None
    findings: list[GoldenFinding] = Field(default_factory=list)
    decisions: dict[str, GoldenDecision] = Field(default_factory=dict)
    expect: Expect


class GoldenFile(_Strict):
    item: str
    cases: list[GoldenCase] = Field(min_length=2)


@functools.cache
def _standard(directory: Path) -> Standard:
    return load_standard(directory / "standard.yaml")


@functools.cache
def _golden(path: Path) -> GoldenFile:
    return GoldenFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def _params() -> list[object]:
    return [
        pytest.param(path, index, id=f"{path.parent.parent.name}/{path.stem}#{index}")
        for path in CASE_FILES
        for index in range(len(_golden(path).cases))
    ]


@pytest.mark.parametrize(("path", "index"), _params())
def test_golden_case(path: Path, index: int) -> None:
    golden = _golden(path)
    case = golden.cases[index]
    standard = _standard(path.parent.parent)
    sheet = score_case(
        standard,
        case.profile,
        [f.build() for f in case.findings],
        {item: d.build() for item, d in case.decisions.items()},
    )
    result = sheet.item(golden.item)
    expect = case.expect
    where = f"{case.name}: {result.reason}"
    assert result.status is expect.status, where
    assert result.deduction == pytest.approx(expect.deduction), where
    for text in expect.reason_contains:
        assert text in result.reason, where
    if expect.score is not None:
        assert sheet.score == pytest.approx(expect.score), where
    if expect.grade is not None:
        assert sheet.grade == expect.grade, where
    if expect.vetoes is not None:
        assert [v.id for v in sheet.vetoes if v.triggered] == expect.vetoes, where
    if expect.caps is not None:
        assert [c.id for c in sheet.caps if c.triggered] == expect.caps, where
    if expect.provisional is not None:
        assert sheet.provisional is expect.provisional, where
    for finding in sheet.findings:
        if finding.rule in standard.item(golden.item).rules and not standard.item(golden.item).manual:
            assert finding.item == golden.item


@pytest.mark.parametrize("standard_id", sorted(find_standards()))
def test_every_item_has_pass_and_fail_cases(standard_id: str) -> None:
    standard = find_standards()[standard_id]
    folder = ROOT / standard_id / "cases"
    files = {p.stem for p in folder.glob("*.yaml")}
    assert files <= {i.id for i in standard.items}, f"case files for unknown items: {files}"
    for item in standard.items:
        path = folder / f"{item.id}.yaml"
        assert path.is_file(), f"{standard_id}: no golden cases for item {item.id}"
        golden = _golden(path)
        assert golden.item == item.id, path
        statuses = [(c.expect.status, c.expect.deduction, bool(c.decisions)) for c in golden.cases]
        clean = ItemStatus.PENDING if item.manual else ItemStatus.PASS
        assert any(s is clean and d == 0 for s, d, _ in statuses), f"{item.id}: no {clean} case"
        assert any(s is ItemStatus.DEDUCTED and d > 0 for s, d, _ in statuses), f"{item.id}: no 扣分 case"
        if item.manual:
            assert any(s is ItemStatus.DEDUCTED and decided for s, _, decided in statuses), item.id


def test_every_rule_is_scored_by_a_shipped_standard() -> None:
    """Each catalogue rule is scored by the standard of the case kind it checks (penalty,
    compulsion or inspection files); none is left without an item."""
    scored = {r for s in find_standards().values() for i in s.items if not i.manual for r in i.rules}
    assert scored == set(RULE_IDS)


def test_case_kind_standards_score_their_rules() -> None:
    standards = find_standards()
    kinds = {
        "transport_compulsion": {"D-02", "T-07", "P-11", "P-01", "S-01"},
        "transport_inspection": {"D-03", "P-01"},
    }
    for standard_id, rules in kinds.items():
        scored = {r for i in standards[standard_id].items for r in i.rules}
        assert rules <= scored, standard_id


def test_default_standard_scores_every_penalty_file_rule() -> None:
    standard = find_standards()["transport_penalty"]
    scored = {r for i in standard.items if not i.manual for r in i.rules}
    # P-21 (officer roster) is scored by the legal-review checklist; D-02/D-03/P-11 by the standards
    # of compulsion and inspection files.
    assert set(RULE_IDS) - scored == {"P-21", "D-02", "D-03", "P-11"}
