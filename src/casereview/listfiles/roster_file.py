"""Reading an officer roster (执法人员名单: 姓名, 执法证号, 执法领域/门类, 有效期至) from CSV (UTF-8 or
GBK) or XLSX. The whole file is checked before anything is stored: a duplicate certificate number,
a date that does not parse or an empty cell refuses it, each problem with its row and a Chinese reason.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from casereview.errors import CaseReviewError, ErrorCode
from casereview.listfiles.publication_errors import BadRow, PublicationUnreadable
from casereview.listfiles.publication_table import HEADER_SEARCH_ROWS, Cell, normalise_header, read_sheets
from casereview.policy.roster import RosterEntry, certificate_key

NAME: Final = "name"
CERTIFICATE: Final = "certificate"
FIELD: Final = "field"
VALID_UNTIL: Final = "valid_until"
ALIASES: Final[dict[str, tuple[str, ...]]] = {
    NAME: ("姓名", "执法人员姓名", "执法人员", "名字"),
    CERTIFICATE: ("执法证号", "执法证件号", "执法证件编号", "执法证编号", "证件号码", "证号"),
    FIELD: ("执法领域", "执法门类", "执法类别", "领域", "门类", "执法领域/门类"),
    VALID_UNTIL: ("有效期至", "有效期", "证件有效期", "有效期限", "有效截止日期", "到期日期"),
}
LABELS: Final = {NAME: "姓名", CERTIFICATE: "执法证号", FIELD: "执法领域/门类", VALID_UNTIL: "有效期至"}
ROSTER_REFUSED: Final = "roster_refused"
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")


@dataclass(frozen=True)
class ParsedRoster:
    file_name: str
    sha256: str
    entries: list[RosterEntry]
    sheet: str | None
    header_row: int


class RosterError(CaseReviewError):
    """A roster refused as a whole: ``problems`` name the rows (empty for an unreadable file)."""

    def __init__(self, path: str, problems: list[BadRow], reason: str = "") -> None:
        super().__init__(ErrorCode.CORRUPT_FILE, path, {"reason": ROSTER_REFUSED, "why": reason})
        self.problems = problems
        self.reason = reason

    def describe(self) -> str:
        """Chinese text: one line per problem, ``文件:第N行 列“…”：原因``."""
        name = Path(self.path).name
        if not self.problems:
            return f"执法人员名单 {name} 未导入：{self.reason}"
        lines = [f"执法人员名单 {name} 有 {len(self.problems)} 处问题，整份名单未导入："]
        lines += [f"{name}:第{p.row}行 {p.column}“{p.value}”：{p.reason}" for p in self.problems]
        return "\n".join(lines)


def parse_date(value: Cell) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = unicodedata.normalize("NFKC", str(value or "")).strip()
    found = _DATE.fullmatch(text) or (
        re.fullmatch(r"(\d{4})(\d{2})(\d{2})", text) if text.isdigit() else None
    )
    if found is None:
        return None
    try:
        return dt.date(*(int(part) for part in found.groups()))
    except ValueError:
        return None


def _columns(cells: list[Cell]) -> dict[str, int]:
    names = [normalise_header(c) if isinstance(c, str) else "" for c in cells]
    found: dict[str, int] = {}
    for key, aliases in ALIASES.items():
        for alias in aliases:
            if alias in names:
                found[key] = names.index(alias)
                break
    return found


def _text(cells: list[Cell], index: int | None) -> str:
    if index is None or index >= len(cells) or cells[index] is None:
        return ""
    value = cells[index]
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a certificate number typed as a number in Excel
    return unicodedata.normalize("NFKC", str(value)).strip()


def parse_roster(path: Path) -> ParsedRoster:
    """The roster in ``path``; raises RosterError listing every problem (nothing is half-read)."""
    try:
        sheets = read_sheets(path)
    except PublicationUnreadable as exc:
        raise RosterError(str(path), [], "无法读取文件（应为 UTF-8 或 GBK 编码的 CSV，或 XLSX）") from exc
    for sheet, rows in sheets:
        for index, (header_row, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
            columns = _columns(cells)
            if all(key in columns for key in (NAME, CERTIFICATE, VALID_UNTIL)):
                entries = _entries(path, rows[index + 1 :], columns, cells)
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                return ParsedRoster(path.name, digest, entries, sheet or None, header_row)
    wanted = "、".join(LABELS[k] for k in (NAME, CERTIFICATE, VALID_UNTIL))
    raise RosterError(
        str(path), [], f"前{HEADER_SEARCH_ROWS}行中没有找到表头（须有 {wanted} 列；执法领域/门类 可选）"
    )


def _entries(
    path: Path, rows: list[tuple[int, list[Cell]]], columns: dict[str, int], header: list[Cell]
) -> list[RosterEntry]:
    shown = {key: str(header[i]).strip() for key, i in columns.items()}
    problems: list[BadRow] = []
    entries: list[RosterEntry] = []
    first_row: dict[str, int] = {}
    for number, cells in rows:
        if not any(str(c).strip() for c in cells if c is not None):
            continue  # blank line
        name, cert = _text(cells, columns[NAME]), _text(cells, columns[CERTIFICATE])
        raw_until = cells[columns[VALID_UNTIL]] if columns[VALID_UNTIL] < len(cells) else None
        until = parse_date(raw_until)
        bad = len(problems)
        if not name:
            problems.append(BadRow(number, shown[NAME], "", "姓名为空"))
        if not cert:
            problems.append(BadRow(number, shown[CERTIFICATE], "", "执法证号为空"))
        elif certificate_key(cert) in first_row:
            problems.append(
                BadRow(
                    number, shown[CERTIFICATE], cert, f"执法证号与第{first_row[certificate_key(cert)]}行重复"
                )
            )
        else:
            first_row[certificate_key(cert)] = number
        if until is None:
            value = "" if raw_until is None else str(raw_until)
            why = "有效期为空" if not value.strip() else "日期无法识别（应如 2026-12-31 或 2026年12月31日）"
            problems.append(BadRow(number, shown[VALID_UNTIL], value, why))
        if len(problems) == bad and until is not None:
            entries.append(RosterEntry(name, cert, _text(cells, columns.get(FIELD)), until, number))
    if problems:
        raise RosterError(str(path), problems)
    if not entries:
        raise RosterError(str(path), [], "表头下没有执法人员")
    return entries
