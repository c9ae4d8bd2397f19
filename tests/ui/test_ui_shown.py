"""The shown-case model: one ``changed`` per case and state shown, the review reset with another
case, ``review_changed`` with the review; a panel attached with ``attach_panel`` follows both."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QTabWidget, QWidget

from casereview_ui.cases import CaseState, OpenCase
from casereview_ui.shown import ShownCase, ShownCaseModel
from casereview_ui.shown_views import attach_panel


class _Panel(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.cases: list[ShownCase] = []
        self.reviews: list[ShownCase] = []

    def show_case(self, shown: ShownCase) -> None:
        self.cases.append(shown)

    def show_review(self, shown: ShownCase) -> None:
        self.reviews.append(shown)


def test_changed_once_per_case_and_state() -> None:
    model = ShownCaseModel()
    seen: list[ShownCase] = []
    model.changed.connect(seen.append)
    case = OpenCase(Path("a.pdf"), CaseState.LOADING)
    assert model.show(case) and not model.show(case)  # the same case in the same state: nothing
    case.state = CaseState.FAILED
    assert model.show(case) and model.show(case, force=True) and model.show(None)
    assert [(s.case, s.state) for s in seen] == [
        (case, CaseState.LOADING),
        (case, CaseState.FAILED),
        (case, CaseState.FAILED),
        (None, None),
    ]
    assert seen[0].loading and not seen[1].loading and seen[1].analysis is None


def test_review_belongs_to_the_shown_case() -> None:
    model = ShownCaseModel()
    tabs = QTabWidget()
    panel = attach_panel(model, tabs, _Panel(), "试")
    assert tabs.count() == 1 and tabs.tabText(0) == "试"
    case = OpenCase(Path("a.pdf"), CaseState.READY, case_id=7)
    model.show(case)
    bench = object()
    model.set_review(bench)  # type: ignore[arg-type]
    assert model.current.bench is bench and model.current.case_id == 7
    assert [s.bench for s in panel.reviews] == [bench] and panel.cases[0].bench is None
    model.show(OpenCase(Path("b.pdf")))
    assert model.current.bench is None and len(panel.cases) == 2
