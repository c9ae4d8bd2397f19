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
    REVIEW_CONFLICT = "E_REVIEW_CONFLICT"  # the review changed elsewhere since it was loaded
    STANDARD_UNAVAILABLE = "E_STANDARD_UNAVAILABLE"  # a standard a review or session needs is not installed
    SIGNING_KEY = "E_SIGNING_KEY"  # this machine's signing key file cannot be used (``problem`` says why)
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
    """A holiday override file is malformed; ``detail`` has the 1-based ``line`` and ``why``, a key
    of ``casereview.messages.CALENDAR_REASONS`` whose sentence the keyword fields fill."""

    def __init__(self, path: str, line: int, why: str, **fields: object) -> None:
        super().__init__(ErrorCode.CALENDAR_INVALID, path, {"line": line, "why": why, **fields})

    def __reduce__(self) -> tuple[object, ...]:
        fields = dict(self.detail)
        line, why = fields.pop("line"), fields.pop("why")
        return (_rebuild_calendar, (self.path, line, why, fields))


def _rebuild_calendar(path: str, line: int, why: str, fields: dict[str, object]) -> CalendarFileError:
    return CalendarFileError(path, line, why, **fields)


class RectifyError(CaseReviewError):
    """A rectification or objection step was refused; ``detail`` holds the facts the message names
    (``why`` selects the sentence for RECTIFY_REFUSED)."""

    def __init__(self, code: ErrorCode, path: str = "", **detail: object) -> None:
        super().__init__(code, path, dict(detail))


class ProblemError(CaseReviewError):
    """An error whose ``problem`` (a key of the code's table in ``casereview.messages``) selects the
    Chinese sentence; the keyword fields (case, name, value …) fill it. ``str()`` is that sentence."""

    CODE = ErrorCode.INVALID_INPUT

    def __init__(self, problem: str, path: str = "", **fields: object) -> None:
        super().__init__(self.CODE, path, {"problem": problem, **fields})

    @property
    def problem(self) -> str:
        return str(self.detail.get("problem", ""))

    def __reduce__(self) -> tuple[object, ...]:
        # Exception pickling replays only the positional arguments; the fields are keywords.
        return (_rebuild_problem, (type(self), self.path, dict(self.detail)))

    def __str__(self) -> str:
        from casereview.messages import describe  # messages imports this module

        return describe(self)


def _rebuild_problem(cls: type[ProblemError], path: str, detail: dict[str, object]) -> ProblemError:
    fields = dict(detail)
    return cls(str(fields.pop("problem", "")), path, **fields)


class InputError(ProblemError):
    """Input the user must correct (an unknown session or case, pages outside the file, a decision
    without its reason …): ``problem`` is a key of ``casereview.messages.INPUT_PROBLEMS``."""


class StandardUnavailable(ProblemError):
    """A standard a review was scored with, or a session uses, is not installed or has changed
    (``problem``: a key of ``casereview.messages.STANDARD_PROBLEMS``)."""

    CODE = ErrorCode.STANDARD_UNAVAILABLE


class SigningKeyError(ProblemError):
    """This machine's signing key file cannot be used (``problem``: a key of
    ``casereview.messages.SIGNING_KEY_PROBLEMS``); ``path`` is the key file."""

    CODE = ErrorCode.SIGNING_KEY


class ReviewConflict(CaseReviewError):
    """The review changed elsewhere since it was loaded; reload and retry."""

    def __init__(self, review: int | None = None) -> None:
        super().__init__(ErrorCode.REVIEW_CONFLICT, "", {"review": review})

    def __str__(self) -> str:
        from casereview.messages import describe

        return describe(self)
