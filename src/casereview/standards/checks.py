"""Whole-standard checks: points adding up, references between sections, duplicate ids.

Each problem is reported with the location of the field at fault (``("items", 7, "rules", 0)``) so
the loader can name the YAML line; the messages are Chinese because standard authors read them.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Iterable
from typing import TYPE_CHECKING

from casereview.rules.base import DEFAULT_PARAMS

if TYPE_CHECKING:
    from casereview.standards.schema import Cap, Standard, Veto

Loc = tuple[str | int, ...]
Issue = tuple[Loc, str]

_EPS = 1e-6


def fmt_points(value: float) -> str:
    """10.0 → "10", 2.5 → "2.5" (how points read in messages)."""
    return f"{value:g}"


def _duplicates(section: str, key: str, values: Iterable[str]) -> list[Issue]:
    seen: set[str] = set()
    issues: list[Issue] = []
    for index, value in enumerate(values):
        if value in seen:
            issues.append(((section, index, key), f"编号重复：{value}"))
        seen.add(value)
    return issues


def _points(std: Standard) -> list[Issue]:
    issues: list[Issue] = []
    category_sum = sum(c.points for c in std.categories)
    if abs(category_sum - std.total) > _EPS:
        issues.append(
            (
                ("categories",),
                f"各类别分值之和为 {fmt_points(category_sum)}，应等于总分 {fmt_points(std.total)}",
            )
        )
    known = {c.id for c in std.categories}
    sums: dict[str, float] = {}
    for index, item in enumerate(std.items):
        if item.category not in known:
            issues.append((("items", index, "category"), f"未定义的类别 {item.category}"))
        sums[item.category] = sums.get(item.category, 0.0) + item.points
    for index, category in enumerate(std.categories):
        total = sums.get(category.id, 0.0)
        if abs(total - category.points) > _EPS:
            issues.append(
                (
                    ("categories", index, "points"),
                    f"类别 {category.id}（{category.name}）下各评查项分值之和为 {fmt_points(total)}，"
                    f"应等于类别分值 {fmt_points(category.points)}",
                )
            )
    return issues


def _items(std: Standard) -> list[Issue]:
    issues: list[Issue] = []
    scored_by: dict[str, str] = {}
    for index, item in enumerate(std.items):
        loc: Loc = ("items", index)
        if item.deduction == "per_violation":
            if item.per_violation is None:
                issues.append(((*loc, "deduction"), "按处计扣（per_violation）须填写每处扣分 per_violation"))
            elif item.per_violation > item.points + _EPS:
                issues.append(((*loc, "per_violation"), "每处扣分不能大于本项分值"))
        elif item.per_violation is not None:
            issues.append(((*loc, "per_violation"), "只有按处计扣（deduction: per_violation）才填写每处扣分"))
        if not item.rules and not item.manual:
            issues.append(((*loc, "rules"), "没有规则的评查项须标注 manual: true（人工评查项）"))
        for k, rule_id in enumerate(item.rules):
            if rule_id in item.rules[:k]:
                issues.append(((*loc, "rules", k), f"规则 {rule_id} 重复列出"))
            elif not item.manual:
                if rule_id in scored_by:
                    issues.append(
                        (
                            (*loc, "rules", k),
                            f"规则 {rule_id} 已由评查项 {scored_by[rule_id]} 计分，一条规则只能在一个评查项中扣分",
                        )
                    )
                else:
                    scored_by[rule_id] = item.id
        try:
            list(string.Formatter().parse(item.explanation))
        except ValueError:
            issues.append(((*loc, "explanation"), "扣分理由模板中的花括号不成对（字面花括号请写成 {{ }}）"))
    return issues


def _triggers(std: Standard, section: str, triggers: list[Veto] | list[Cap]) -> list[Issue]:
    issues: list[Issue] = []
    items = {i.id for i in std.items}
    grades = {g.name for g in std.grades}
    for index, trigger in enumerate(triggers):
        loc: Loc = (section, index)
        if not trigger.rules and not trigger.items:
            issues.append((loc, "须列出触发它的规则（rules）或评查项（items）"))
        if trigger.when and not trigger.rules:
            issues.append(((*loc, "when"), "when 条件只作用于规则结果，须同时列出 rules"))
        for k, item_id in enumerate(trigger.items):
            if item_id not in items:
                issues.append(((*loc, "items", k), f"未定义的评查项 {item_id}"))
        max_grade = getattr(trigger, "max_grade", None)
        if max_grade is not None and max_grade not in grades:
            issues.append(((*loc, "max_grade"), f"未定义的等次 {max_grade}"))
    return issues


def _grades(std: Standard) -> list[Issue]:
    issues: list[Issue] = []
    for index in range(1, len(std.grades)):
        if std.grades[index].min >= std.grades[index - 1].min:
            issues.append((("grades", index, "min"), "等次须按最低分从高到低排列"))
    if std.grades[-1].min != 0:
        issues.append(
            (("grades", len(std.grades) - 1, "min"), "最后一个等次的最低分须为 0，使任何得分都有等次")
        )
    if std.grades[0].min > std.total:
        issues.append((("grades", 0, "min"), "最高等次的最低分超过了总分"))
    return issues


# The ranges a sensible standard stays within, by the unit in the parameter's name (issue 18: a
# standard with publication_wd 1000000000 or decision_limit_cd -5 linted clean and then deducted
# nonsense). Amount thresholds are yuan.
_RANGES: tuple[tuple[str, float, float, str], ...] = (
    ("_wd", 1, 60, "工作日应在 1–60 之间"),
    ("_cd", 1, 365, "日历日应在 1–365 之间"),
    ("_years", 1, 10, "年数应在 1–10 之间"),
    ("min_officers", 1, 10, "人数应在 1–10 之间"),
    ("min_ocr_confidence", 0, 1, "置信度应在 0–1 之间"),
    ("_individual", 1, 10_000_000, "金额应在 1–10,000,000 元之间"),
    ("_organisation", 1, 100_000_000, "金额应在 1–100,000,000 元之间"),
)


def _range_problem(name: str, value: float) -> str | None:
    if value != value or value in (float("inf"), float("-inf")):  # NaN or infinite
        return f"参数 {name} 不是有效数字"
    for suffix, low, high, words in _RANGES:
        if name.endswith(suffix) or name == suffix:
            return None if low <= value <= high else f"参数 {name} = {value}：{words}"
    return None


def _param_problem(name: str, value: object) -> str | None:
    default = DEFAULT_PARAMS[name]
    if isinstance(value, int | float) and not isinstance(value, bool) and not isinstance(default, str):
        problem = _range_problem(name, float(value))
        if problem:
            return problem
    if isinstance(value, bool):
        return "参数值应为数字或文本，不能是 true/false"
    if isinstance(default, int) and not isinstance(value, int):
        return f"参数 {name} 应为整数"
    if isinstance(default, float) and not isinstance(value, int | float):
        return f"参数 {name} 应为数字"
    if isinstance(default, str):
        if not isinstance(value, str):
            return f"参数 {name} 应为文本"
        try:
            dt.date.fromisoformat(default)
        except ValueError:
            return None
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return f"参数 {name} 应为日期（YYYY-MM-DD）"
    return None


def _profiles(std: Standard) -> list[Issue]:
    issues: list[Issue] = []
    for index, profile in enumerate(std.profiles):
        for name, value in profile.params.items():
            problem = _param_problem(name, value)
            if problem:
                issues.append((("profiles", index, "params", name), problem))
    if std.default_profile not in {p.name for p in std.profiles}:
        issues.append((("default_profile",), f"未定义的方案 {std.default_profile}"))
    return issues


def consistency_issues(std: Standard) -> list[Issue]:
    """Every whole-standard problem, each with the location of the field at fault."""
    issues: list[Issue] = []
    issues += _duplicates("categories", "id", (c.id for c in std.categories))
    issues += _duplicates("items", "id", (i.id for i in std.items))
    issues += _duplicates("vetoes", "id", (v.id for v in std.vetoes))
    issues += _duplicates("caps", "id", (c.id for c in std.caps))
    issues += _duplicates("grades", "name", (g.name for g in std.grades))
    issues += _duplicates("profiles", "name", (p.name for p in std.profiles))
    if std.effective_to is not None and std.effective_to < std.effective_from:
        issues.append((("effective_to",), "失效日期早于生效日期"))
    issues += _points(std)
    issues += _items(std)
    issues += _triggers(std, "vetoes", std.vetoes)
    issues += _triggers(std, "caps", std.caps)
    issues += _grades(std)
    issues += _profiles(std)
    return issues
