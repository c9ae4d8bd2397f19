"""An open case file: where it came from, how far reading got, and the analysis once read."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from casereview.domain.model import CaseFile, Page
from casereview.extract.summary import case_number, party
from casereview.pipeline import Analysis


class CaseState(Enum):
    STORED = "stored"  # in the database, not read into this window yet
    QUEUED = "queued"  # waiting for the reader (one file is read at a time)
    LOADING = "loading"
    READY = "ready"
    FAILED = "failed"


# Review status as the case list shows it (the session statuses of a review year).
STATUS_TODO = "待评查"
STATUS_REVIEWING = "评查中"
STATUS_DONE = "已完成"


@dataclass(eq=False)
class OpenCase:
    path: Path
    state: CaseState = CaseState.QUEUED
    analysis: Analysis | None = None
    password: str | None = None
    message: str = ""  # the Chinese error, or the latest progress text while loading
    case_id: int | None = None
    unit: str = ""
    review_status: str = STATUS_TODO
    grade: str = ""
    score: float | None = None
    reviewer: str = ""
    known_number: str = ""  # from the case list before the analysis is loaded
    known_party: str = ""
    # Pages recognised so far while reading (appended by the reader thread; read in the GUI thread).
    partial_pages: list[Page] = field(default_factory=list, repr=False)

    @property
    def name(self) -> str:
        return self.path.name or str(self.path)

    @property
    def case_number(self) -> str:
        if self.analysis is None:
            return self.known_number
        value = case_number(self.analysis.extraction)
        return str(value.value) if value is not None else ""

    @property
    def party_name(self) -> str:
        if self.analysis is None:
            return self.known_party
        who = party(self.analysis.extraction)
        return who.name if who is not None else ""

    def preview(self) -> CaseFile | None:
        """The pages read so far, as a case file the viewer can show while OCR goes on."""
        pages = sorted(self.partial_pages[:], key=lambda p: p.number)  # a snapshot: the reader appends
        if not pages:
            return None
        return CaseFile(source=str(self.path), sha256=f"partial:{self.path}", kind="partial", pages=pages)
