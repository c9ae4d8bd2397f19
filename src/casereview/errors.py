"""Typed errors of the core.

The core raises ``CaseReviewError`` subclasses carrying a stable ``code`` and structured fields;
the edges (CLI, UI) turn them into Chinese messages with :func:`casereview.messages.describe`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class ErrorCode(StrEnum):
    FILE_NOT_FOUND = "E_FILE_NOT_FOUND"
    UNSUPPORTED_TYPE = "E_UNSUPPORTED_TYPE"
    CORRUPT_FILE = "E_CORRUPT_FILE"
    ENCRYPTED = "E_ENCRYPTED"
    WRONG_PASSWORD = "E_WRONG_PASSWORD"
    NO_PAGES = "E_NO_PAGES"
    IMAGE_TOO_LARGE = "E_IMAGE_TOO_LARGE"
    ARCHIVE_TOO_LARGE = "E_ARCHIVE_TOO_LARGE"
    FILE_TOO_LARGE = "E_FILE_TOO_LARGE"
    NOT_A_CASE_FILE = "E_NOT_A_CASE_FILE"
    EMPTY_FOLDER = "E_EMPTY_FOLDER"
    CANCELLED = "E_CANCELLED"
    OCR_FAILED = "E_OCR_FAILED"
    CONVERSION_FAILED = "E_CONVERSION_FAILED"
    STORAGE = "E_STORAGE"
    STANDARD_INVALID = "E_STANDARD_INVALID"
    CALENDAR_INVALID = "E_CALENDAR_INVALID"
    WRITE_FAILED = "E_WRITE_FAILED"  # an output document (DOCX, PDF …) could not be written
    ANONYMISATION_FAILED = "E_ANONYMISATION_FAILED"  # personal data still readable in an export
    PACKAGE_REFUSED = "E_PACKAGE_REFUSED"  # an offline review/results package failed its checks
    OVER_BUDGET = "E_OVER_BUDGET"  # reading the file would exceed its memory budget (budget.py)
    ATTACHMENT_UNREADABLE = "E_ATTACHMENT_UNREADABLE"  # a 整改报告 or 异议材料 that does not open
    OBJECTION_LATE = "E_OBJECTION_LATE"  # an objection filed after its session's period
    OWN_FINDING = "E_OWN_FINDING"  # a re-review decided by the reviewer of the original finding
    OTHER_UNIT = "E_OTHER_UNIT"  # a rectification item of another unit than the one named
    RECTIFY_REFUSED = "E_RECTIFY_REFUSED"  # any other refused ledger/objection step (detail "why")
    INVALID_INPUT = "E_INVALID_INPUT"  # something the user must correct: ``detail["problem"]`` says what
    INTERNAL = "E_INTERNAL"


@dataclass
class CaseReviewError(Exception):
    """Base error: ``code`` identifies the problem, ``path`` the file, ``detail`` extra facts."""

    code: ErrorCode
    path: str = ""
    detail: dict[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.code}: {self.path} {self.detail}".strip()


class IngestError(CaseReviewError):
    """A case file could not be read."""


class Cancelled(CaseReviewError):
    """The user cancelled a running job."""

    def __init__(self, path: str = "") -> None:
        super().__init__(ErrorCode.CANCELLED, path)


class StorageError(CaseReviewError):
    """The database could not be read or written."""


class CalendarFileError(CaseReviewError):
    """A holiday override file is malformed; ``detail`` has the 1-based ``line`` and the ``reason``."""

    def __init__(self, path: str, line: int, reason: str) -> None:
        super().__init__(ErrorCode.CALENDAR_INVALID, path, {"line": line, "reason": f"第{line}行：{reason}"})


class RectifyError(CaseReviewError):
    """A rectification or objection step was refused; ``detail`` holds the facts the message names
    (``why`` selects the sentence for RECTIFY_REFUSED)."""

    def __init__(self, code: ErrorCode, path: str = "", **detail: object) -> None:
        super().__init__(code, path, dict(detail))


class InputError(CaseReviewError, ValueError):
    """Input the user must correct (an unknown session or case, pages outside the file …).

    ``problem`` names it (a key of ``casereview.messages.INPUT_PROBLEMS``), the keyword fields fill
    its Chinese sentence. A ValueError too, so callers that show a ValueError's text to the user
    keep working; ``str()`` is the Chinese sentence.
    """

    def __init__(self, problem: str, path: str = "", **fields: object) -> None:
        super().__init__(ErrorCode.INVALID_INPUT, path, {"problem": problem, **fields})

    def __str__(self) -> str:
        from casereview.messages import describe  # messages imports this module

        return describe(self)
