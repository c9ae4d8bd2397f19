"""The shown case: which case the window shows, its reading state, its analysis and the reviewer's
review of it (the core's Workbench), as one model the panels subscribe to.

The window sets it (:meth:`ShownCaseModel.show` when another case is selected or the selected
case's state changes; the review controller calls :meth:`ShownCaseModel.set_review` whenever the
review changes) and never pushes into a panel itself: each panel connects to :attr:`changed` and
:attr:`review_changed` (:func:`casereview_ui.shown_views.subscribe_panels`) and updates itself
from the :class:`ShownCase` it is given."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, Signal

from casereview.pipeline import Analysis
from casereview.review.workbench import Workbench
from casereview.scoring import ScoreSheet
from casereview_ui.cases import CaseState, OpenCase


@dataclass(frozen=True)
class ShownCase:
    """What the window shows: a case (or none), its state when it was shown, and its review."""

    case: OpenCase | None = None
    state: CaseState | None = None
    bench: Workbench | None = None  # the reviewer's review, once it is opened (stored cases only)

    @property
    def analysis(self) -> Analysis | None:
        """The machine's reading of the case, once it is read (else None)."""
        case = self.case
        return case.analysis if case is not None and self.state == CaseState.READY else None

    @property
    def corrected(self) -> Analysis | None:
        """The analysis with the reviewer's corrections applied (the machine's until the review is open)."""
        return self.bench.analysis if self.bench is not None else self.analysis

    @property
    def corrected_fields(self) -> set[str]:
        return set(self.bench.corrections) if self.bench is not None else set()

    @property
    def sheet(self) -> ScoreSheet | None:
        return self.bench.sheet if self.bench is not None else None

    @property
    def case_id(self) -> int | None:
        return self.case.case_id if self.case is not None else None

    @property
    def loading(self) -> bool:
        return self.case is not None and self.state in (CaseState.LOADING, CaseState.QUEUED, CaseState.STORED)


class ShownCaseModel(QObject):
    """The shown case, with a signal for each kind of change."""

    changed = Signal(object)  # ShownCase: another case (or none) is shown, or its state changed
    review_changed = Signal(object)  # ShownCase: its review changed (opened, decided, corrected, undone …)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._current = ShownCase()

    @property
    def current(self) -> ShownCase:
        return self._current

    def show(self, case: OpenCase | None, force: bool = False) -> bool:
        """Show ``case`` in its present state; False (nothing emitted) when that is shown already."""
        state = case.state if case is not None else None
        shown = self._current
        if shown.case is case and shown.state == state and not force:
            return False
        self._current = ShownCase(case, state)  # a review belongs to one case: it is opened anew
        self.changed.emit(self._current)
        return True

    def set_review(self, bench: Workbench | None) -> None:
        """The review of the shown case (None: none is open) changed."""
        self._current = replace(self._current, bench=bench)
        self.review_changed.emit(self._current)
