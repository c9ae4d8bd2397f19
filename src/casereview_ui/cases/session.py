"""An open case file: where it came from, how far reading got, and the analysis once read."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from casereview.extract.summary import case_number, party
from casereview.pipeline import Analysis


class CaseState(Enum):
    LOADING = "loading"
    READY = "ready"
    FAILED = "failed"


@dataclass(eq=False)
class OpenCase:
    path: Path
    state: CaseState = CaseState.LOADING
    analysis: Analysis | None = None
    password: str | None = None
    message: str = ""  # the Chinese error, or the latest progress text while loading

    @property
    def name(self) -> str:
        return self.path.name or str(self.path)

    @property
    def case_number(self) -> str:
        if self.analysis is None:
            return ""
        value = case_number(self.analysis.extraction)
        return str(value.value) if value is not None else ""

    @property
    def party_name(self) -> str:
        if self.analysis is None:
            return ""
        who = party(self.analysis.extraction)
        return who.name if who is not None else ""
