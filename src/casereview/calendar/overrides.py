"""The local holiday override file (YAML): holidays and 调休 working days chinesecalendar lacks.

A new year's State Council notice (国务院办公厅关于XXXX年部分节假日安排的通知) is entered here so the
product keeps working before a chinesecalendar release. Format::

    covered_years: [2027]          # years this file describes completely
    holidays:                      # every day off of each holiday block
      2027-01-01: 元旦
    workdays:                      # 调休 weekend days that are working days
      2027-02-06: 春节调休

Errors name the file and the line, because a reviewer edits this file by hand.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from casereview.budget import OverBudget
from casereview.errors import CalendarFileError
from casereview.yaml_budget import BudgetedLoader

_KEYS = ("covered_years", "holidays", "workdays")
MIN_YEAR, MAX_YEAR = 1990, 2100


@dataclass
class Overrides:
    holidays: dict[dt.date, str] = field(default_factory=dict)
    workdays: dict[dt.date, str] = field(default_factory=dict)
    covered_years: set[int] = field(default_factory=set)

    def merge(self, later: Overrides) -> None:
        """Add ``later`` on top: its entries win, so a user file can correct the shipped one."""
        for day, name in later.holidays.items():
            self.workdays.pop(day, None)
            self.holidays[day] = name
        for day, name in later.workdays.items():
            self.holidays.pop(day, None)
            self.workdays[day] = name
        self.covered_years |= later.covered_years


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _years(path: str, node: yaml.Node) -> set[int]:
    if not isinstance(node, yaml.SequenceNode):
        raise CalendarFileError(path, _line(node), "years_not_list")
    years: set[int] = set()
    for item in node.value:
        text = item.value if isinstance(item, yaml.ScalarNode) else ""
        if not (isinstance(text, str) and text.isdigit() and MIN_YEAR <= int(text) <= MAX_YEAR):
            raise CalendarFileError(path, _line(item), "bad_year", value=text)
        years.add(int(text))
    return years


def _days(path: str, key: str, node: yaml.Node) -> dict[dt.date, tuple[str, int]]:
    """``date → (name, line)`` of a holidays/workdays mapping."""
    if isinstance(node, yaml.ScalarNode) and node.value in ("", "~", "null"):
        return {}
    if not isinstance(node, yaml.MappingNode):
        raise CalendarFileError(path, _line(node), "days_not_mapping", key=key)
    out: dict[dt.date, tuple[str, int]] = {}
    for key_node, value_node in node.value:
        line = _line(key_node)
        raw = str(key_node.value)
        try:
            day = dt.date.fromisoformat(raw)
        except ValueError:
            raise CalendarFileError(path, line, "bad_date", value=raw) from None
        name = value_node.value if isinstance(value_node, yaml.ScalarNode) else None
        if not isinstance(name, str) or not name.strip():
            raise CalendarFileError(path, line, "no_name", value=raw)
        if day in out:
            raise CalendarFileError(path, line, "repeated", value=raw)
        out[day] = (name.strip(), line)
    return out


def load_overrides(path: Path, builtin_years: range) -> Overrides:
    """Parse and check one override file; a file with only comments is empty, not an error."""
    name = str(path)
    try:
        loader = BudgetedLoader(path.read_text(encoding="utf-8"), name)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except OverBudget as exc:
        raise CalendarFileError(name, 1, "over_budget", budget=exc.reason) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise CalendarFileError(name, line, "yaml", error=str(exc.problem or exc)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CalendarFileError(name, 1, "unreadable", error=str(exc)) from None
    if root is None:
        return Overrides()
    if not isinstance(root, yaml.MappingNode):
        raise CalendarFileError(name, _line(root), "not_mapping")
    sections: dict[str, yaml.Node] = {}
    for key_node, value_node in root.value:
        if key_node.value not in _KEYS:
            raise CalendarFileError(
                name, _line(key_node), "unknown_key", key=key_node.value, known=list(_KEYS)
            )
        sections[key_node.value] = value_node
    years = _years(name, sections["covered_years"]) if "covered_years" in sections else set()
    holidays = _days(name, "holidays", sections["holidays"]) if "holidays" in sections else {}
    workdays = _days(name, "workdays", sections["workdays"]) if "workdays" in sections else {}
    for day, (_, line) in [*holidays.items(), *workdays.items()]:
        # Partial data for a new year would silently count its other holidays as working days.
        if day.year not in years and day.year not in builtin_years:
            raise CalendarFileError(name, line, "year_not_covered", year=day.year)
    for day, (_, line) in workdays.items():
        if day in holidays:
            raise CalendarFileError(name, line, "holiday_and_workday", value=day.isoformat())
    return Overrides(
        {d: n for d, (n, _) in holidays.items()},
        {d: n for d, (n, _) in workdays.items()},
        years,
    )
