"""Why a publication list was refused: typed errors carrying structured facts.

A list is imported whole or not at all, so every error here refuses the whole file. The errors use
``ErrorCode.CORRUPT_FILE`` (the file is not in the expected format) with ``detail["reason"]`` one of
the stable strings below; :mod:`casereview.lists.publication_text` writes the Chinese text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from casereview.errors import CaseReviewError, ErrorCode

UNREADABLE: Final = "publication_unreadable"  # not a CSV/XLSX we can open or decode
COLUMNS: Final = "publication_columns"  # the required columns were not found
ROWS: Final = "publication_rows"  # some rows have empty numbers or dates that cannot be read


@dataclass(frozen=True)
class BadRow:
    """One problem in one cell; ``reason`` is Chinese user text (e.g. 日期无法识别)."""

    row: int  # 1-based row of the file (CSV record or spreadsheet row), header rows counted
    column: str  # the column's header as printed in the file
    value: str  # the cell as read ("" when empty)
    reason: str


class PublicationListError(CaseReviewError):
    """A publication list that is refused as a whole."""


class PublicationUnreadable(PublicationListError):
    def __init__(self, path: str, problem: str, message: str = "") -> None:
        # problem: encoding | format | empty | io
        super().__init__(ErrorCode.CORRUPT_FILE, path, {"reason": UNREADABLE, "problem": problem})
        self.problem = problem
        self.message = message


class PublicationColumnsError(PublicationListError):
    """The header row was not found: ``missing`` required fields, the ``expected`` names of every
    field (field → accepted headers) and what the file's most header-like row holds (``found``)."""

    def __init__(
        self,
        path: str,
        missing: list[str],
        expected: dict[str, tuple[str, ...]],
        found: list[str],
        found_row: int | None,
    ) -> None:
        detail: dict[str, object] = {"reason": COLUMNS, "missing": missing, "found": found}
        super().__init__(ErrorCode.CORRUPT_FILE, path, detail)
        self.missing = missing
        self.expected = expected
        self.found = found
        self.found_row = found_row


class PublicationRowsError(PublicationListError):
    """Rows whose number is empty or whose dates cannot be read; nothing was imported."""

    def __init__(self, path: str, bad_rows: list[BadRow]) -> None:
        super().__init__(ErrorCode.CORRUPT_FILE, path, {"reason": ROWS, "bad_rows": len(bad_rows)})
        self.bad_rows = bad_rows
