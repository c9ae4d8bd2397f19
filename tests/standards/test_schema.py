"""Standards as data: shipped standards lint clean; broken ones are refused naming file, line and
field in Chinese; the registry keeps a working standard when an edit breaks it; the committed JSON
Schema is current."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from casereview.cli import main
from casereview.errors import CaseReviewError, ErrorCode
from casereview.messages import describe
from casereview.standards import (
    StandardRegistry,
    content_hash,
    default_root,
    find_standards,
    lint,
    load_standard,
)
from casereview.standards.loader import check_file
from casereview.standards.schema import SCHEMA_PATH, json_schema_text

ROOT = default_root()
SOURCE = ROOT / "transport_penalty" / "standard.yaml"


def test_shipped_standards_lint_clean() -> None:
    assert [str(p) for p in lint()] == []
    assert set(find_standards()) == {
        "transport_penalty",
        "legal_review_precheck",
        "transport_compulsion",
        "transport_inspection",
    }


def test_cli_lint_passes_on_shipped_standards(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["standards", "lint"]) == 0
    assert capsys.readouterr().out == ""


def test_json_schema_is_current() -> None:
    committed = (ROOT / SCHEMA_PATH).read_text(encoding="utf-8")
    assert committed == json_schema_text(), "run: casereview standards schema"


def _broken(tmp_path: Path, old: str, new: str) -> tuple[Path, int]:
    """A copy of the default standard with ``old`` replaced by ``new``; returns (path, line of new)."""
    text = SOURCE.read_text(encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    folder = tmp_path / "transport_penalty"
    folder.mkdir()
    path = folder / "standard.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path, line


# (case id, old text, new text, line offset inside `new`, expected field, expected message fragment)
BROKEN = [
    ("unknown-rule", "rules: [T-06]", "rules: [T-99]", 0, "items[4].rules[0]", "未知的规则编号 T-99"),
    (
        "points-do-not-add-up",
        "    title: 适用简易程序符合法定条件（罚款数额在限额内）\n    points: 2",
        "    title: 适用简易程序符合法定条件（罚款数额在限额内）\n    points: 3",
        None,
        "categories[2].points",
        "下各评查项分值之和为 16，应等于类别分值 15",
    ),
    (
        "category-total",
        "{id: law, name: 法律适用与裁量, points: 15}",
        "{id: law, name: 法律适用与裁量, points: 16}",
        None,
        "categories",
        "各类别分值之和为 101",
    ),
    ("duplicate-item-id", "  - id: FL-02", "  - id: FL-01", 0, "items[7].id", "编号重复：FL-01"),
    (
        "yaml-syntax",
        "    title: 在追责时效内立案查处",
        "    title: 在追责时效内立案查处: 第三十六条",
        0,
        "",
        "YAML 语法错误",
    ),
    (
        "typo-field",
        "    points: 2\n    rules: [T-07]",
        "    pionts: 2\n    rules: [T-07]",
        0,
        "items[5].pionts",
        "未知字段 pionts，是否应为 points？",
    ),
    (
        "unknown-profile-param",
        "      publication_wd: 7",
        "      publication_days: 7",
        0,
        "profiles[1].params.publication_days",
        "未知的参数名 publication_days",
    ),
    (
        "param-type",
        "      publication_wd: 7",
        "      publication_wd: 七",
        0,
        "profiles[1].params.publication_wd",
        "应为整数",
    ),
    (
        "duplicate-yaml-key",
        "    points: 2\n    rules: [T-07]",
        "    points: 2\n    points: 2\n    rules: [T-07]",
        1,
        "items[5].points",
        "重复出现",
    ),
    (
        "veto-unknown-item",
        "    items: [ZT-01]",
        "    items: [ZT-09]",
        0,
        "vetoes[0].items[0]",
        "未定义的评查项 ZT-09",
    ),
    ("rule-scored-twice", "rules: [T-07]", "rules: [T-06]", 0, "items[5].rules[0]", "已由评查项 SS-03 计分"),
    (
        "grades-not-descending",
        "  - {name: 合格, min: 60}",
        "  - {name: 合格, min: 80}",
        0,
        "grades[2].min",
        "从高到低",
    ),
    ("per-violation-missing", "    per_violation: 0.5\n", "", None, "items[30].deduction", "须填写每处扣分"),
    (
        "bad-enum",
        "    group: 实体\n\n  - id: ZT-02",
        "    group: 实体体\n\n  - id: ZT-02",
        0,
        "items[0].group",
        "取值 实体体 无效",
    ),
    ("version-not-text", 'version: "2026.1"', "version: 2026.1", 0, "version", "应为文本"),
]


@pytest.mark.parametrize(
    ("old", "new", "offset", "field", "fragment"), [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN]
)
def test_broken_standard_is_refused_with_location(
    tmp_path: Path, old: str, new: str, offset: int | None, field: str, fragment: str
) -> None:
    path, line = _broken(tmp_path, old, new)
    standard, problems = check_file(path, tmp_path)
    assert standard is None
    match = [p for p in problems if fragment in p.message and p.field == field]
    assert match, [str(p) for p in problems]
    problem = match[0]
    assert problem.path == "transport_penalty/standard.yaml"
    if offset is not None:
        assert problem.line == line + offset, str(problem)
    assert problem.line is not None
    assert str(problem).startswith(f"transport_penalty/standard.yaml:{problem.line}: ")

    with pytest.raises(CaseReviewError) as raised:
        load_standard(path, tmp_path)
    assert raised.value.code is ErrorCode.STANDARD_INVALID
    text = describe(raised.value)
    assert text.startswith("评查标准文件有误：transport_penalty/standard.yaml")
    assert f"第{problem.line}行" in text and fragment in text


def test_error_reads_like_the_example(tmp_path: Path) -> None:
    path, line = _broken(tmp_path, "rules: [T-06]", "rules: [T-99]")
    (problem,) = check_file(path, tmp_path)[1]
    assert problem.describe() == (
        f"transport_penalty/standard.yaml 第{line}行 items[4].rules[0]："
        "未知的规则编号 T-99（可用的编号见规则目录，如 T-12、P-05）"
    )


def test_cli_lint_reports_file_line_and_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, line = _broken(tmp_path, "rules: [T-06]", "rules: [T-99]")
    assert main(["standards", "lint", str(path)]) == 1
    out = capsys.readouterr()
    assert f":{line}: items[4].rules[0]：未知的规则编号 T-99" in out.out
    assert "共发现 1 处问题" in out.err


def test_standard_id_must_match_folder(tmp_path: Path) -> None:
    folder = tmp_path / "other_name"
    folder.mkdir()
    shutil.copy(SOURCE, folder / "standard.yaml")
    (problem,) = check_file(folder / "standard.yaml", tmp_path)[1]
    assert problem.field == "id" and "other_name" in problem.message


def test_registry_keeps_previous_standard_when_new_file_is_broken(tmp_path: Path) -> None:
    folder = tmp_path / "transport_penalty"
    folder.mkdir()
    target = folder / "standard.yaml"
    good = SOURCE.read_text(encoding="utf-8")
    target.write_text(good, encoding="utf-8")
    registry = StandardRegistry(tmp_path)
    assert registry.reload() == []
    before = registry.get("transport_penalty")

    target.write_text(good.replace("rules: [T-06]", "rules: [T-99]"), encoding="utf-8")
    problems = registry.reload()
    assert problems and "T-99" in problems[0].message
    assert registry.get("transport_penalty") is before  # still the working version
    with pytest.raises(CaseReviewError):
        registry.load(target)
    assert registry.get("transport_penalty") is before

    target.write_text(good.replace('version: "2026.1"', 'version: "2026.2"'), encoding="utf-8")
    assert registry.reload() == []
    assert registry.get("transport_penalty").version == "2026.2"
    assert not registry.problems


def test_installed_standards_leave_a_broken_file_out_and_the_others_usable(tmp_path: Path) -> None:
    import os

    from casereview.checking import Checker
    from casereview.errors import StandardUnavailable
    from casereview.standards.registry import installed, installed_standards

    good = SOURCE.read_text(encoding="utf-8")
    (tmp_path / "transport_penalty").mkdir()
    target = tmp_path / "transport_penalty" / "standard.yaml"
    target.write_text(good, encoding="utf-8")
    (tmp_path / "county_2026").mkdir()
    broken = tmp_path / "county_2026" / "standard.yaml"
    broken.write_text(
        good.replace("id: transport_penalty", "id: county_2026").replace("rules: [T-06]", "rules: [T-99]"),
        encoding="utf-8",
    )

    assert list(installed_standards(tmp_path)) == ["transport_penalty"]  # the broken one left out
    assert Checker.create("transport_penalty", root=tmp_path).standard.id == "transport_penalty"
    with pytest.raises(StandardUnavailable) as refused:
        Checker.create("county_2026", root=tmp_path)
    assert "county_2026/standard.yaml" in str(refused.value) and "transport_penalty" in str(refused.value)
    with pytest.raises(StandardUnavailable, match="没有参数方案 nope"):
        Checker.create("transport_penalty", "nope", root=tmp_path)

    first = installed(tmp_path)
    assert installed(tmp_path) is first  # parsed once while nothing changes
    target.write_text(good.replace('version: "2026.1"', 'version: "2026.2"'), encoding="utf-8")
    os.utime(target, ns=(target.stat().st_atime_ns, target.stat().st_mtime_ns + 10**9))
    assert installed_standards(tmp_path)["transport_penalty"].version == "2026.2"  # read again


def test_content_hash_ignores_layout_but_not_content(tmp_path: Path) -> None:
    folder = tmp_path / "transport_penalty"
    folder.mkdir()
    copy = folder / "standard.yaml"
    text = SOURCE.read_text(encoding="utf-8")
    copy.write_text("# 注释变化不影响内容\n" + text.replace("# 一票否决", "#  一票否决"), encoding="utf-8")
    assert content_hash(copy) == content_hash(SOURCE)
    copy.write_text(text.replace("publication_wd: 20", "publication_wd: 15"), encoding="utf-8")
    assert content_hash(copy) != content_hash(SOURCE)


def test_profiles_set_rule_parameters() -> None:
    standard = find_standards()["transport_penalty"]
    assert standard.default_profile == "default"
    assert standard.params()["publication_wd"] == 20
    assert standard.params("default")["statement_wd"] == 3
    assert standard.params("gb118")["publication_wd"] == 7
    assert standard.params("gb118")["decision_limit_cd"] == 90  # untouched parameters keep the code default
