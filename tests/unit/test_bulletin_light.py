"""The 通报's sheets-only collection (issue 15: the 通报 of 2,000 cases in < 20 s): the figures it
gives are those of the full collection, while untagged reviewed cases come without their pages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from bulletin_kit import SESSION, Built, build_session

from casereview.checking import Checker
from casereview.export.bulletin_figures import bulletin_figures
from casereview.export.collect import collect
from casereview.sessions.store import find_session, session_cases


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    made = build_session(tmp_path_factory.mktemp("bulletin_light"))
    yield made
    made.database.close()


def test_sheets_only_gives_the_same_figures(built: Built, tmp_path: Path) -> None:
    with built.database.session_scope(readonly=True) as session:
        info = find_session(session, SESSION)
        cases = session_cases(session, info.id)
    finals = {c.case_id: c.final_review_id for c in cases if c.final_review_id}
    units = {c.case_id: c.unit for c in cases}
    specs = [str(c.case_id) for c in cases]
    checker = Checker.create(info.standard_id, info.profile)
    full = collect(specs, checker, built.database, None, None, finals, units)
    light = collect(specs, checker, built.database, None, None, finals, units, sheets_only=True)
    assert bulletin_figures(SESSION, 2026, light) == bulletin_figures(SESSION, 2026, full)
    assert [(c.case_id, c.sheet, c.unit, c.reviewer, c.reviewed_at, c.review_id, c.tags) for c in light] == [
        (c.case_id, c.sheet, c.unit, c.reviewer, c.reviewed_at, c.review_id, c.tags) for c in full
    ]
    skipped = [c for c in light if not c.tags]
    assert skipped and all(c.analysis.case.pages == [] for c in skipped)
    assert all(c.analysis.case.pages for c in light if c.tags), "a typical case is named from its pages"
