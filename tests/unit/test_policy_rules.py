"""P-10, P-19, P-20, P-21 on generated case files: pass on clean files, fail on the injected defect
with the table row / list entry / roster row in the message, needs_review on doubt (precision first),
not_applicable without data; the extraction they rest on; the legal-review opinion lists them."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import docx
import pytest

from casegen import generate_case
from casegen.discretion import TABLE
from casereview.checking import Checker
from casereview.domain.findings import Finding, Status
from casereview.extract.reasons import adoption, benchmark, circumstance_level, penalty_articles
from casereview.legal import draft_opinion
from casereview.legal.opinion import write_opinion_docx
from casereview.pipeline import Analysis, analyse_case, read_case
from casereview.policy.model import PolicyData, row_text
from casereview.policy.roster import Roster, RosterEntry
from casereview.standards import find_standards

GARBLED = 0.3


def roster_of(truth: dict[str, Any]) -> Roster:
    rows = truth["roster"]
    return Roster(
        "测试名单.xlsx",
        [
            RosterEntry(
                r["name"], r["certificate"], r["field"], dt.date.fromisoformat(r["valid_until"]), n + 2
            )
            for n, r in enumerate(rows)
        ],
    )


def _check(
    analysis: Analysis, rule: str, truth: dict[str, Any], standard: str = "legal_review_precheck"
) -> Finding:
    checker = Checker.create(standard)
    checker.roster = roster_of(truth)
    return next(f for f in checker.check(analysis).findings if f.rule == rule)


def _garble(analysis: Analysis, pages: set[int]) -> Analysis:
    for page in analysis.case.pages:
        if page.number in pages:
            page.spans = [dataclasses.replace(s, confidence=GARBLED) for s in page.spans]
            page.ocr_confidence = GARBLED
    return analyse_case(analysis.case)


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("policy")


def _case(cases: Path, name: str, seed: int, defects: list[str]) -> tuple[Analysis, dict[str, Any]]:
    path, truth = generate_case(cases, name, kind="digital", seed=seed, defects=defects)
    return read_case(path), truth


def test_the_generators_table_is_the_shipped_example_table() -> None:
    data = find_standards()["transport_penalty"].policy_data
    assert data is not None
    shipped = {s.entry.id: s.entry for s in data.discretion}
    for key, (entry_id, bands) in TABLE.items():
        entry = shipped[entry_id]
        for band in bands:
            level = entry.level(band.level)
            assert level is not None, (key, band.level)
            assert level.range() == (band.low, band.high), (key, band.level)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_clean_files_pass_all_four(cases: Path, seed: int) -> None:
    analysis, truth = _case(cases, f"clean-{seed}", seed, [])
    checker = Checker.create("legal_review_precheck")
    checker.roster = roster_of(truth)
    found = {f.rule: f for f in checker.check(analysis).findings}
    for rule in ("P-19", "P-20", "P-21"):
        assert found[rule].status is Status.PASS, (rule, found[rule].message)
    penalty = {f.rule: f for f in Checker.create().check(analysis).findings}
    assert penalty["P-10"].status is Status.PASS, penalty["P-10"].message
    if truth["discretion"]:
        assert truth["discretion"]["entry"] in penalty["P-20"].message


@pytest.mark.parametrize("rule", ["P-19", "P-20", "P-21"])
def test_defect_fails_and_garbled_evidence_asks_a_person(cases: Path, rule: str) -> None:
    """Precision first: the same defect read by an unsure OCR is needs_review, never fail."""
    analysis, truth = _case(cases, f"{rule}-defect", 2, [rule])
    failed = _check(analysis, rule, truth)
    assert failed.status is Status.FAIL, failed.message
    assert failed.evidence
    if rule == "P-20":
        row = truth["discretion"]
        assert row["entry"] in failed.message and f"“{row['level']}”" in failed.message
        assert failed.facts["entry"] == row["entry"] and failed.facts["level"] == row["level"]
        shown = row_text(failed.facts)  # what the review panel puts beside the page
        assert shown is not None and row["entry"] in shown and "本案罚款" in shown and "档次罚款幅度" in shown
    if rule == "P-21":
        assert "已过期" in failed.message and "测试名单.xlsx" in failed.message
    garbled = _check(_garble(analysis, {e.page for e in failed.evidence}), rule, truth)
    assert garbled.status is Status.NEEDS_REVIEW, garbled.message


def test_p20_without_a_table_entry_asks_a_person(cases: Path) -> None:
    analysis, _truth = _case(cases, "p20-notable", 1, [])
    checker = Checker.create("legal_review_precheck")
    data = checker.standard.policy_data
    assert data is not None
    stripped = PolicyData(data.statutory, [], data.exemptions, "x")
    checker.standard = checker.standard.model_copy().with_policy(stripped)
    finding = next(f for f in checker.check(analysis).findings if f.rule == "P-20")
    assert finding.status is Status.NEEDS_REVIEW and "裁量基准表中没有" in finding.message


def test_p21_without_a_roster_is_not_applicable_and_an_unknown_officer_is_doubt(cases: Path) -> None:
    analysis, truth = _case(cases, "p21-none", 3, [])
    checker = Checker.create("legal_review_precheck")
    finding = next(f for f in checker.check(analysis).findings if f.rule == "P-21")
    assert finding.status is Status.NOT_APPLICABLE and "未导入执法人员名单" in finding.message
    partial = roster_of(truth)
    named = analysis.extraction.officers[0].certificate
    checker.roster = Roster(partial.source, [e for e in partial.entries if e.certificate != named])
    finding = next(f for f in checker.check(analysis).findings if f.rule == "P-21")
    assert finding.status is Status.NEEDS_REVIEW and "不在执法人员名单中" in finding.message


def test_p10_flags_a_fine_on_a_first_corrected_listed_violation(cases: Path) -> None:
    analysis, truth = _case(cases, "p10", 1, ["P-10"])
    assert truth["expected_review"] == ["P-10"]
    finding = next(f for f in Checker.create().check(analysis).findings if f.rule == "P-10")
    assert finding.status is Status.NEEDS_REVIEW
    assert "HN-01" in finding.message and "首次违法" in finding.message and finding.facts["entry"] == "HN-01"
    shown = row_text(finding.facts)
    assert shown is not None and "第HN-01项" in shown and "适用条件" in shown
    garbled = _garble(analysis, {e.page for e in finding.evidence})
    assert (
        next(f for f in Checker.create().check(garbled).findings if f.rule == "P-10").status
        is not Status.FAIL
    )


def test_opinion_docx_lists_the_discretion_and_certificate_problems(cases: Path, tmp_path: Path) -> None:
    analysis, truth = _case(cases, "opinion", 2, ["P-20", "P-21"])
    checker = Checker.create("legal_review_precheck")
    checker.roster = roster_of(truth)
    sheet = checker.check(analysis)
    op = draft_opinion(analysis, sheet, "张法审", dt.date(2026, 12, 7), standard=checker.standard)
    assert {"PF-03", "PZ-03"} <= {p.item_id for p in op.problems}
    write_opinion_docx(op, tmp_path / "意见书.docx")
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "意见书.docx")).paragraphs)
    assert "PF-03" in text and "PZ-03" in text and "已过期" in text and truth["discretion"]["entry"] in text


REASONS = (
    "本机关认为，你的违法事实清楚。根据《某省交通运输行政处罚裁量基准》第YS-68项，你的违法行为属于从轻情形，"
    "裁量阶次为从轻，罚款幅度为20元以上50元以下。依据《中华人民共和国道路运输条例》第六十八条的规定，"
    "本机关决定给予罚款人民币伍拾元的行政处罚。你提出的陈述申辩意见，经复核，其理由不能成立，本机关不予采纳。"
)


def test_reasons_extraction() -> None:
    level, mentions = circumstance_level(REASONS)
    assert level is not None and level.value == "从轻" and len(mentions) == 2
    mark = benchmark(REASONS)
    assert mark is not None and mark.value == "裁量基准》第YS-68项"
    (article,) = penalty_articles(REASONS)
    assert (article.law, article.article) == ("中华人民共和国道路运输条例", 68)
    assert REASONS[article.start : article.end] == "《中华人民共和国道路运输条例》第六十八条"
    sentence, reasoned = adoption(REASONS)
    assert sentence is not None and reasoned and sentence.value.endswith("不予采纳")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("依法可以从轻或者减轻处罚。", None),  # a possibility quoted from the law
        ("属于从轻情形，但裁量阶次为从重。", None),  # two levels: doubt
        ("不予从轻处罚，裁量阶次为一般。", "一般"),
        ("违法情节较重，", "从重"),
    ],
)
def test_level_is_only_what_the_decision_states(text: str, expected: str | None) -> None:
    level, _ = circumstance_level(text)
    assert (level.value if level else None) == expected


def test_adoption_without_a_reason() -> None:
    sentence, reasoned = adoption("本机关不予采纳。")
    assert sentence is not None and not reasoned
