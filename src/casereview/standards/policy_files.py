"""Loading and linting the policy files a standard names (``policy:``): statutory ranges, discretion
tables and exemption lists, each problem with its file, line and a Chinese reason.

Checks beyond the schema: levels of one violation that overlap, a level outside the article's
statutory range (减轻 must lie below it), an article given two different statutory ranges (in one file
or across files), duplicate ids. A standard whose policy files have any problem does not load.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from casereview.policy.model import (
    ArticleKey,
    DiscretionFile,
    ExemptionFile,
    FineRange,
    PolicyData,
    PolicyFile,
    StatutoryFile,
    parse_range,
)
from casereview.standards.checks import Loc
from casereview.standards.loader import display_path, line_of, read_yaml
from casereview.standards.problems import Problem, format_loc, translate

POLICY_KINDS = ("statutory_ranges", "discretion_table", "exemption_list")
_KINDS: dict[str, type[BaseModel]] = {
    "statutory_ranges": StatutoryFile,
    "discretion_table": DiscretionFile,
    "exemption_list": ExemptionFile,
}
_OVERLAP_EPS = 0.005  # touching bounds (“…2万元以下” / “2万元以上…”) are how tables are written


def _where(r: FineRange) -> str:
    return r.describe()


class _Checker:
    """Collects problems across the files of one standard (the same-article check spans files)."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.ranges: dict[ArticleKey, tuple[FineRange, str]] = {}  # key → (range, "file:line")

    def add(self, shown: str, lines: dict[Loc, int], loc: Loc, message: str) -> None:
        self.problems.append(Problem(shown, line_of(lines, loc), format_loc(loc), message))

    def statutory(
        self, key: ArticleKey, found: FineRange, shown: str, line: int | None, cite: str
    ) -> str | None:
        """Record the statutory range of ``key``; a message when it was given differently before."""
        here = f"{shown}:{line}" if line else shown
        before = self.ranges.get(key)
        if before is None:
            self.ranges[key] = (found, here)
            return None
        if abs(before[0].low - found.low) > _OVERLAP_EPS or abs(before[0].high - found.high) > _OVERLAP_EPS:
            return (
                f"{cite} 的法定幅度在 {before[1]} 定为“{_where(before[0])}”，此处为“{_where(found)}”："
                "同一条款不能有两个不同的法定幅度"
            )
        return None

    def file(self, data: PolicyFile, shown: str, lines: dict[Loc, int]) -> None:
        ids: dict[str, int] = {}
        for index, entry in enumerate(data.entries):
            loc: Loc = ("entries", index)
            entry_id = getattr(entry, "id", None)
            if entry_id is not None:
                if entry_id in ids:
                    self.add(shown, lines, (*loc, "id"), f"编号 {entry_id} 重复（第{ids[entry_id]}项已使用）")
                ids.setdefault(entry_id, index + 1)
            if isinstance(data, StatutoryFile):
                entry_s = data.entries[index]
                problem = self.statutory(
                    entry_s.key(), entry_s.range(), shown, line_of(lines, (*loc, "fine")), entry_s.cite()
                )
                if problem:
                    self.add(shown, lines, (*loc, "fine"), problem)

    def discretion(self, data: DiscretionFile, shown: str, lines: dict[Loc, int]) -> None:
        for index, entry in enumerate(data.entries):
            loc: Loc = ("entries", index)
            statutory: FineRange | None = None
            if entry.statutory:
                statutory = parse_range(entry.statutory)
                assert statutory is not None  # validated
                problem = self.statutory(
                    entry.key(), statutory, shown, line_of(lines, (*loc, "statutory")), entry.cite()
                )
                if problem:
                    self.add(shown, lines, (*loc, "statutory"), problem)
            else:
                known = self.ranges.get(entry.key())
                statutory = known[0] if known else None
                if statutory is None:
                    self.add(
                        shown,
                        lines,
                        loc,
                        f"{entry.cite()} 没有法定幅度：请填写 statutory，或在法定幅度表中列出该条款",
                    )
            self._levels(entry.levels, statutory, shown, lines, loc)

    def _levels(
        self, levels: Sequence[Any], statutory: FineRange | None, shown: str, lines: dict[Loc, int], loc: Loc
    ) -> None:
        seen: dict[str, FineRange] = {}
        for k, level in enumerate(levels):
            here: Loc = (*loc, "levels", k, "fine")
            found: FineRange = level.range()
            if level.level in seen:
                self.add(shown, lines, (*loc, "levels", k, "level"), f"裁量阶次“{level.level}”重复")
                continue
            for name, other in seen.items():
                if max(found.low, other.low) < min(found.high, other.high) - _OVERLAP_EPS:
                    self.add(
                        shown,
                        lines,
                        here,
                        f"裁量阶次“{level.level}”的幅度“{_where(found)}”与“{name}”的“{_where(other)}”重叠",
                    )
            seen[level.level] = found
            if statutory is None:
                continue
            if level.level == "减轻":
                if found.high > statutory.low + _OVERLAP_EPS or statutory.low <= 0:
                    self.add(
                        shown,
                        lines,
                        here,
                        f"减轻处罚应低于法定最低罚款（法定幅度“{_where(statutory)}”），此处为“{_where(found)}”",
                    )
            elif found.low < statutory.low - _OVERLAP_EPS or found.high > statutory.high + _OVERLAP_EPS:
                self.add(
                    shown,
                    lines,
                    here,
                    f"裁量阶次“{level.level}”的幅度“{_where(found)}”超出法定幅度“{_where(statutory)}”",
                )


def _read(path: Path, root: Path) -> tuple[PolicyFile | None, str, dict[Loc, int], list[Problem]]:
    shown = display_path(path, root)
    data, lines, problems = read_yaml(path, shown)
    if data is None:
        return None, shown, lines, problems or [Problem(shown, 1, "", "文件为空")]
    if not isinstance(data, dict):
        return None, shown, lines, [Problem(shown, 1, "", "文件内容应为一个映射（若干“字段: 值”）")]
    model = _KINDS.get(str(data.get("kind")))
    if model is None:
        kinds = "、".join(_KINDS)
        return (
            None,
            shown,
            lines,
            [Problem(shown, lines.get(("kind",), 1), "kind", f"kind 应为 {kinds} 之一")],
        )
    try:
        parsed = model.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            for loc, message in translate(error, model):
                problems.append(Problem(shown, line_of(lines, loc), format_loc(loc), message))
        return None, shown, lines, problems
    assert isinstance(parsed, StatutoryFile | DiscretionFile | ExemptionFile)
    return (None if problems else parsed), shown, lines, problems


def load_policy(paths: Sequence[Path], root: Path) -> tuple[PolicyData | None, list[Problem]]:
    """Load the files (statutory tables first, so discretion tables can lean on them) and lint them."""
    checker = _Checker()
    loaded: list[tuple[PolicyFile, str, dict[Loc, int]]] = []
    for path in paths:
        parsed, shown, lines, problems = _read(path, root)
        checker.problems += problems
        if parsed is not None:
            loaded.append((parsed, shown, lines))
    loaded.sort(key=lambda f: not isinstance(f[0], StatutoryFile))
    for parsed, shown, lines in loaded:
        checker.file(parsed, shown, lines)
    for parsed, shown, lines in loaded:
        if isinstance(parsed, DiscretionFile):
            checker.discretion(parsed, shown, lines)
    if checker.problems:
        return None, sorted(checker.problems, key=lambda p: (p.path, p.line or 0))
    return PolicyData.build([(shown, parsed) for parsed, shown, _ in loaded]), []
