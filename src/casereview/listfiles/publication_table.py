"""Reading a publication list's cells (CSV in UTF-8/GBK/GB18030/UTF-16, or XLSX) and finding its
header row by the Chinese column names the publication platforms use."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from casereview.budget import Budget, OverBudget
from casereview.listfiles.publication_errors import PublicationColumnsError, PublicationUnreadable

Cell = str | int | float | dt.date | dt.datetime | None

CASE_NUMBER: Final = "case_number"
PUBLICATION_DATE: Final = "publication_date"
DECISION_DATE: Final = "decision_date"
PARTY: Final = "party"
AGENCY: Final = "agency"
REQUIRED: Final = (CASE_NUMBER, PUBLICATION_DATE)

# Accepted headers per field, preferred first (after normalisation: no spaces, no "*", no
# parenthesised remarks). Exact matches only: 信用中国 exports also carry 公示截止期, which is not
# the publication date.
ALIASES: Final[dict[str, tuple[str, ...]]] = {
    CASE_NUMBER: (
        "行政处罚决定书文号",
        "处罚决定书文号",
        "决定书文号",
        "行政处罚决定文书号",
        "决定文书号",
        "案号",
        "文号",
    ),
    PUBLICATION_DATE: ("公示日期", "发布日期", "公开日期", "上网日期", "公示时间", "发布时间", "公开时间"),
    DECISION_DATE: ("处罚决定日期", "作出处罚决定日期", "决定日期", "处罚日期"),
    PARTY: ("行政相对人名称", "行政相对人", "当事人名称", "当事人", "被处罚人"),
    AGENCY: ("处罚机关", "处罚机关名称", "作出处罚决定的机关", "执法机关"),
}
HEADER_SEARCH_ROWS: Final = 30  # titles and notes above the header are skipped
MAX_FILE_BYTES: Final = 64 * 1024 * 1024
_REMARK_RE: Final = re.compile(r"[(（][^)）]*[)）]")


@dataclass(frozen=True)
class Table:
    """The rows below the header; ``columns`` maps each field found to its column index."""

    header_row: int
    headers: list[str]  # as printed
    columns: dict[str, int]
    rows: list[tuple[int, list[Cell]]]  # (1-based row number, cells)
    sheet: str | None  # XLSX sheet name


def normalise_header(value: Cell) -> str:
    text = unicodedata.normalize("NFKC", str(value or ""))
    text = _REMARK_RE.sub("", "".join(text.split()))
    return text.strip("*:：")


def match_columns(cells: list[Cell]) -> dict[str, int]:
    """Field → column index for the cells of one row (the first column wins a tie)."""
    names = [normalise_header(c) if isinstance(c, str) else "" for c in cells]
    found: dict[str, int] = {}
    for field_name, aliases in ALIASES.items():
        for alias in aliases:
            if alias in names:
                found[field_name] = names.index(alias)
                break
    return found


def _decode(raw: bytes, path: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings: tuple[str, ...] = ("utf-16",)
    else:
        encodings = ("utf-8-sig", "gb18030")  # GB18030 is a superset of GBK and GB2312
    for encoding in encodings:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise PublicationUnreadable(path, "encoding")


def _delimiter(text: str) -> str:
    lines = [line for line in text.splitlines()[:HEADER_SEARCH_ROWS] if line.strip()]
    counts = {d: sum(line.count(d) for line in lines) for d in (",", "\t", ";")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _csv_rows(raw: bytes, path: str, budget: Budget) -> Iterator[tuple[int, list[Cell]]]:
    text = _decode(raw, path)
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
        for number, record in enumerate(reader, start=1):
            budget.hold("cells", len(record) + 1)  # the row list counts as a cell
            yield number, list(record)
    except csv.Error as exc:
        raise PublicationUnreadable(path, "format", str(exc)) from exc


def _xlsx_parts(path: Path, budget: Budget) -> None:
    """Charge the parts openpyxl parses whole (shared strings, styles …; not the streamed sheets)."""
    try:
        with zipfile.ZipFile(path) as archive:
            whole = sum(
                i.file_size for i in archive.infolist() if not i.filename.startswith("xl/worksheets/")
            )
    except (zipfile.BadZipFile, OSError) as exc:
        raise PublicationUnreadable(str(path), "format", str(exc)) from exc
    budget.charge("xml_bytes", whole)


def _xlsx_sheets(path: Path, budget: Budget) -> Iterator[tuple[str, list[tuple[int, list[Cell]]]]]:
    # openpyxl ships no type hints (types-openpyxl is not a dependency); its use stays in here.
    from openpyxl import load_workbook  # type: ignore[import-untyped]
    from openpyxl.utils.exceptions import InvalidFileException  # type: ignore[import-untyped]

    _xlsx_parts(path, budget)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise PublicationUnreadable(str(path), "format", str(exc)) from exc
    try:
        for sheet in workbook.worksheets:
            # The declared dimension (A1:XFD1048576 in 5 KB) is not trusted: openpyxl would pad
            # every row to it. Rows then come as wide as their last cell, and empty ones are
            # skipped; what is kept is charged as it is read.
            sheet.reset_dimensions()
            rows: list[tuple[int, list[Cell]]] = []
            for number, values in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1):
                if not values:  # a missing row: openpyxl yields one shared empty tuple for each
                    continue
                budget.charge("cells", len(values))  # the row openpyxl just built
                kept = _trimmed(values)
                if kept:
                    budget.hold("cells", len(kept) + 1)
                    rows.append((number, kept))
            yield sheet.title, rows
    finally:
        workbook.close()


def _trimmed(values: tuple[object, ...]) -> list[Cell]:
    """The row's cells up to its last non-empty one; times as text."""
    end = len(values)
    while end and values[end - 1] is None:
        end -= 1
    return [v if not isinstance(v, dt.time | dt.timedelta) else str(v) for v in values[:end]]  # type: ignore[misc]


def _is_xlsx(path: Path, raw: bytes) -> bool:
    return path.suffix.lower() in (".xlsx", ".xlsm") or raw.startswith(b"PK\x03\x04")


def _find_header(rows: list[tuple[int, list[Cell]]]) -> tuple[int, dict[str, int]] | None:
    for index, (_number, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns = match_columns(cells)
        if all(field_name in columns for field_name in REQUIRED):
            return index, columns
    return None


def _best_candidate(rows: list[tuple[int, list[Cell]]]) -> tuple[int | None, list[str], set[str]]:
    """The most header-like row (most fields matched, else the first non-empty one)."""
    best: tuple[int | None, list[str], set[str]] = (None, [], set())
    for number, cells in rows[:HEADER_SEARCH_ROWS]:
        texts = [str(c).strip() for c in cells if c is not None and str(c).strip()]
        matched = set(match_columns(cells))
        if texts and (best[0] is None or len(matched) > len(best[2])):
            best = (number, texts, matched)
    return best


def read_sheets(path: Path) -> list[tuple[str, list[tuple[int, list[Cell]]]]]:
    """Every sheet's rows (CSV: one unnamed sheet), for other lists read the same way (the roster),
    within the file's memory budget.

    Raises PublicationUnreadable for a file that cannot be opened, decoded, is empty or too large.
    """
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise PublicationUnreadable(str(path), "too_large")
        raw = path.read_bytes()
    except OSError as exc:
        raise PublicationUnreadable(str(path), "io", str(exc)) from exc
    if path.suffix.lower() == ".xls" or raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise PublicationUnreadable(str(path), "xls")
    budget = Budget(path)
    try:
        if _is_xlsx(path, raw):
            sheets = list(_xlsx_sheets(path, budget))
        else:
            sheets = [("", list(_csv_rows(raw, str(path), budget)))]
    except OverBudget as exc:
        raise PublicationUnreadable(str(path), "over_budget", exc.reason) from exc
    if not any(cells for _name, rows in sheets for _n, cells in rows):
        raise PublicationUnreadable(str(path), "empty")
    return sheets


def read_table(path: Path) -> Table:
    """The header and data rows of the list at ``path``; the first XLSX sheet with a header wins.

    Raises PublicationUnreadable for a file that cannot be opened or decoded and
    PublicationColumnsError when no row within the first 30 names the required columns.
    """
    sheets = read_sheets(path)
    for name, rows in sheets:
        header = _find_header(rows)
        if header is not None:
            index, columns = header
            header_number, header_cells = rows[index]
            headers = ["" if c is None else str(c).strip() for c in header_cells]
            return Table(header_number, headers, columns, rows[index + 1 :], name or None)
    candidates = [_best_candidate(rows) for _name, rows in sheets]
    found_row, found, matched = max(candidates, key=lambda c: (c[0] is not None, len(c[2])))
    missing = [field_name for field_name in REQUIRED if field_name not in matched]
    raise PublicationColumnsError(str(path), missing, dict(ALIASES), found, found_row)
