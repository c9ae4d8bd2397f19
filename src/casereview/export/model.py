"""What every export reads: a reviewed case file — its analysis, its score sheet (machine findings
with the reviewer's decisions applied), who reviewed it and when, its unit and training tags.

The exports never open files or databases themselves; :mod:`casereview.export.collect` builds
these from case-file paths (checked on the fly) or stored case ids.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from casereview.extract.summary import case_number, party
from casereview.pipeline import Analysis
from casereview.scoring import ScoreSheet
from casereview.training.tags import TagRecord


@dataclass(frozen=True)
class ReviewedCase:
    analysis: Analysis
    sheet: ScoreSheet
    unit: str  # 执法单位 ("" when unknown)
    reviewer: str  # who made the review ("机器初评" when no person has decided anything yet)
    reviewed_at: dt.datetime | None  # last change of the review (aware); None for an unsaved check
    case_id: int | None = None
    review_id: int | None = None
    tags: tuple[TagRecord, ...] = field(default_factory=tuple)
    # Item id → who decided it last, when a review session knows better than the sheet (a case
    # settled within tolerance counts reviewer 1's review, whose untouched items they accepted).
    deciders: Mapping[str, str] = field(default_factory=dict)

    @property
    def source(self) -> str:
        return self.analysis.case.source

    @property
    def case_number(self) -> str:
        value = case_number(self.analysis.extraction)
        return str(value.value) if value is not None else ""

    @property
    def party(self) -> str:
        who = party(self.analysis.extraction)
        return who.name if who is not None else ""

    def decider(self, item_id: str) -> str:
        """Who decided an item last: the reviewer whose decision stands, else the machine."""
        if item_id in self.deciders:
            return self.deciders[item_id]
        result = self.sheet.item(item_id)
        return result.decision.reviewer if result.decision is not None else "机器"
