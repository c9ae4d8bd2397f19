"""Parsing a publication list into checked rows (no database): dates in every usual form, numbers
keyed with :func:`case_number_key`, bad rows collected so the file is refused as a whole."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from casereview.extract.parsers import case_number_key, find_dates
from casereview.listfiles.publication_errors import BadRow, PublicationRowsError, PublicationUnreadable
from casereview.listfiles.publication_table import (
    AGENCY,
    CASE_NUMBER,
    DECISION_DATE,
    PARTY,
    PUBLICATION_DATE,
    Cell,
    Table,
    read_table,
)

MIN_YEAR: Final = 1990
MAX_YEAR: Final = 2099
# Excel serial day numbers of 1990-01-01 and 2099-12-31 (1900 date system).
_SERIAL_RANGE: Final = (32874, 73050)
_EXCEL_EPOCH: Final = dt.date(1899, 12, 30)
_COMPACT_RE: Final = re.compile(r"(19|20)[0-9]{6}")


@dataclass(frozen=True)
class PublicationEntry:
    row: int
    case_number: str  # as printed
    key: str  # case_number_key of it
    publication_date: dt.date
    decision_date: dt.date | None
    party: str | None
    agency: str | None


@dataclass(frozen=True)
class Duplicate:
    """One case number listed more than once with different publication dates."""

    key: str
    rows: tuple[tuple[int, str, dt.date], ...]  # (row, number as printed, publication date)


@dataclass(frozen=True)
class ParsedList:
    file_name: str
    sha256: str
    sheet: str | None
    header_row: int
    columns: dict[str, str]  # field → header as printed
    entries: list[PublicationEntry]
    duplicates: list[Duplicate]
    warnings: list[BadRow]  # accepted but odd, e.g. published before the decision date


class DateProblem(ValueError):
    """A date cell that cannot be read; ``args[0]`` is the Chinese reason."""


def _compact(text: str) -> dt.date | None:
    if not _COMPACT_RE.fullmatch(text):
        return None
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        return None


def _in_range(date: dt.date) -> dt.date:
    if not MIN_YEAR <= date.year <= MAX_YEAR:
        raise DateProblem("日期超出合理范围")
    return date


def parse_date(value: Cell) -> dt.date | None:
    """A date cell as a date; None when empty. Raises DateProblem (Chinese reason) otherwise.

    Accepts spreadsheet date cells, Excel serial numbers, 20250418, ISO dates and times, and every
    form :func:`find_dates` reads (2025年4月18日, 二〇二五年四月十八日, 2025/4/18, 2025.4.18 …).
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return _in_range(value.date())
    if isinstance(value, dt.date):
        return _in_range(value)
    if isinstance(value, bool):
        raise DateProblem("日期无法识别")
    if isinstance(value, int | float):
        if value == int(value):
            compact = _compact(str(int(value)))
            if compact is not None:
                return _in_range(compact)
            if _SERIAL_RANGE[0] <= value <= _SERIAL_RANGE[1]:
                return _EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise DateProblem("日期无法识别")
    text = unicodedata.normalize("NFKC", value).strip()
    if not text:
        return None
    compact = _compact(text)
    if compact is not None:
        return _in_range(compact)
    try:
        return _in_range(dt.datetime.fromisoformat(text).date())
    except ValueError:
        pass
    dates = {match.date for match in find_dates(text)}
    if not dates:
        raise DateProblem("日期无法识别")
    if len(dates) > 1:
        raise DateProblem("含有多个日期")
    return dates.pop()


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value == int(value):
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value).strip()


def _cell(cells: list[Cell], index: int | None) -> Cell:
    return cells[index] if index is not None and index < len(cells) else None


def _entry(table: Table, row: int, cells: list[Cell], bad: list[BadRow]) -> PublicationEntry | None:
    columns = table.columns
    problems: list[tuple[int, BadRow]] = []  # (column index, problem), reported in column order

    def problem(field_name: str, value: str, reason: str) -> None:
        index = columns[field_name]
        problems.append((index, BadRow(row, table.headers[index], value, reason)))

    number = _text(_cell(cells, columns[CASE_NUMBER]))
    if not number:
        problem(CASE_NUMBER, "", "文号为空")
    dates: dict[str, dt.date | None] = {PUBLICATION_DATE: None, DECISION_DATE: None}
    for field_name in dates:
        if field_name not in columns:
            continue
        value = _cell(cells, columns[field_name])
        try:
            dates[field_name] = parse_date(value)
        except DateProblem as error:
            problem(field_name, _text(value), str(error))
            continue
        if dates[field_name] is None and field_name == PUBLICATION_DATE:
            problem(field_name, "", "公示日期为空")
    bad.extend(item for _index, item in sorted(problems, key=lambda p: p[0]))
    published = dates[PUBLICATION_DATE]
    if problems or published is None:
        return None
    party = _text(_cell(cells, columns.get(PARTY))) or None
    agency = _text(_cell(cells, columns.get(AGENCY))) or None
    key = case_number_key(unicodedata.normalize("NFKC", number))
    return PublicationEntry(row, number, key, published, dates[DECISION_DATE], party, agency)


def _duplicates(entries: list[PublicationEntry]) -> list[Duplicate]:
    by_key: defaultdict[str, list[PublicationEntry]] = defaultdict(list)
    for entry in entries:
        by_key[entry.key].append(entry)
    return [
        Duplicate(key, tuple((e.row, e.case_number, e.publication_date) for e in group))
        for key, group in by_key.items()
        if len({e.publication_date for e in group}) > 1
    ]


def _early(table: Table, entries: list[PublicationEntry]) -> list[BadRow]:
    column = table.headers[table.columns[PUBLICATION_DATE]]
    return [
        BadRow(e.row, column, e.publication_date.isoformat(), "公示日期早于处罚决定日期")
        for e in entries
        if e.decision_date is not None and e.publication_date < e.decision_date
    ]


def parse_publication_list(path: Path) -> ParsedList:
    """Read and check a whole list. Raises PublicationUnreadable, PublicationColumnsError, or
    PublicationRowsError listing every bad row (empty number, empty or unreadable date)."""
    table = read_table(path)
    bad: list[BadRow] = []
    entries: list[PublicationEntry] = []
    for row, cells in table.rows:
        if all(_text(c) == "" for c in cells):
            continue  # blank lines, e.g. trailing rows of a spreadsheet
        entry = _entry(table, row, cells, bad)
        if entry is not None:
            entries.append(entry)
    if bad:
        raise PublicationRowsError(str(path), bad)
    if not entries:
        raise PublicationUnreadable(str(path), "no_rows")
    return ParsedList(
        file_name=path.name,
        sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
        sheet=table.sheet,
        header_row=table.header_row,
        columns={name: table.headers[index] for name, index in table.columns.items()},
        entries=entries,
        duplicates=_duplicates(entries),
        warnings=_early(table, entries),
    )
