"""Policy data (discretion tables, statutory ranges, exemption lists): the shipped files lint clean,
and each kind of bad input is refused with its file, line and a Chinese reason (golden)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from casereview.policy.model import Cited, FineRange, parse_range, pick
from casereview.standards import default_root, find_standards, lint

DATA = default_root() / "data"
DISCRETION = "data/discretion/example_province.yaml"
STATUTORY = "data/statutory/transport_articles.yaml"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A copy of scoring_standards/ to break."""
    target = tmp_path / "scoring_standards"
    shutil.copytree(default_root(), target)
    return target


def _edit(root: Path, name: str, old: str, new: str) -> int:
    """Replace ``old`` once in the file; returns the 1-based line of the change."""
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


@pytest.mark.parametrize(
    ("range_text", "expected"),
    [
        ("1万元以上10万元以下", (10_000, 100_000)),
        ("3万元以下", (0, 30_000)),
        ("200元至1000元", (200, 1000)),
        ("警告或者20元以上200元以下", (20, 200)),
        ("1.5万元以上3万元以下", (15_000, 30_000)),
        ("五千元以下", (0, 5000)),
        ("1至10万元", (10_000, 100_000)),
        ("5000元", (5000, 5000)),
    ],
)
def test_ranges_parse(range_text: str, expected: tuple[float, float]) -> None:
    assert parse_range(range_text) == FineRange(*expected)


@pytest.mark.parametrize("bad", ["一万以上", "10万元以上1万元以下", "若干", "1000以上2000以下", ""])
def test_ranges_that_do_not_parse(bad: str) -> None:
    assert parse_range(bad) is None


def test_shipped_data_lints_clean_and_loads() -> None:
    assert lint() == []
    standard = find_standards()["transport_penalty"]
    data = standard.policy_data
    assert data is not None
    assert len(data.statutory) >= 15 and len(data.discretion) >= 10 and len(data.exemptions) >= 4
    for sourced in [*data.statutory, *data.discretion, *data.exemptions]:
        assert sourced.entry.source.strip()


def test_a_table_change_changes_the_content_hash(root: Path) -> None:
    before = find_standards(root)["transport_penalty"].content_hash()
    _edit(root, DISCRETION, "8000元以上1万元以下", "9000元以上1万元以下")
    assert find_standards(root)["transport_penalty"].content_hash() != before


def _problems(root: Path) -> list[str]:
    return [str(p) for p in lint([], root)]


def test_unparsable_range_is_refused_with_file_and_line(root: Path) -> None:
    line = _edit(root, DISCRETION, "fine: 2万元以上5万元以下", "fine: 两三万元")
    found = _problems(root)
    assert any(p.startswith(f"{DISCRETION}:{line}:") and "罚款幅度“两三万元”无法识别" in p for p in found), (
        found
    )


def test_overlapping_levels_are_refused(root: Path) -> None:
    line = _edit(root, DISCRETION, "fine: 5000元以上8000元以下", "fine: 4000元以上8000元以下")
    found = _problems(root)
    assert any(p.startswith(f"{DISCRETION}:{line}:") and "重叠" in p and "从轻" in p for p in found), found


def test_level_outside_the_statutory_range_is_refused(root: Path) -> None:
    line = _edit(root, DISCRETION, "fine: 8万元以上10万元以下", "fine: 8万元以上25万元以下")
    found = _problems(root)
    assert any(p.startswith(f"{DISCRETION}:{line}:") and "超出法定幅度" in p for p in found), found


def test_mitigation_level_must_lie_below_the_statutory_minimum(root: Path) -> None:
    line = _edit(root, DISCRETION, "fine: 5000元以上1万元以下", "fine: 5000元以上1.2万元以下")
    found = _problems(root)
    assert any(p.startswith(f"{DISCRETION}:{line}:") and "减轻处罚应低于法定最低罚款" in p for p in found), (
        found
    )


def test_article_cited_twice_with_different_ranges_is_refused(root: Path) -> None:
    _edit(
        root,
        DISCRETION,
        "    article: 68\n    violation:",
        "    article: 68\n    statutory: 50元以上500元以下\n    violation:",
    )
    found = _problems(root)
    assert any(
        p.startswith(f"{DISCRETION}:") and "同一条款不能有两个不同的法定幅度" in p and STATUTORY in p
        for p in found
    ), found


def test_unknown_field_and_duplicate_id(root: Path) -> None:
    _edit(root, "data/exemptions/hunan.yaml", "id: HN-02", "id: HN-01")
    line = _edit(
        root, "data/exemptions/national.yaml", "    kind: 首违不罚\n", "    kind: 首违不罚\n    conditon: x\n"
    )
    found = _problems(root)
    assert any("data/exemptions/hunan.yaml:" in p and "编号 HN-01 重复" in p for p in found), found
    assert any(
        p.startswith(f"data/exemptions/national.yaml:{line + 1}:") and "未知字段 conditon" in p for p in found
    )


def test_a_broken_table_keeps_the_standard_from_loading(root: Path) -> None:
    _edit(root, DISCRETION, "fine: 2万元以上5万元以下", "fine: 若干")
    from casereview.errors import CaseReviewError

    with pytest.raises(CaseReviewError):
        find_standards(root)


def test_lookup_by_article_item_and_keywords() -> None:
    data = find_standards()["transport_penalty"].policy_data
    assert data is not None
    cited = Cited("《中华人民共和国道路运输条例》", 63)
    both = pick(data.discretion, cited, "擅自从事道路危险货物运输")
    assert [s.entry.id for s in both] == ["YS-63-3"]
    assert [s.entry.id for s in pick(data.discretion, Cited("道路运输条例", 63, None, 2), "")] == ["YS-63-2"]
    assert pick(data.discretion, Cited("道路运输条例", 99), "") == []
