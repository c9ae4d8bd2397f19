"""Collecting reviewed cases for the exports: paths checked on the fly, stored ids with their review."""

from __future__ import annotations

from pathlib import Path

import pytest

from casegen import generate_case
from casereview.checking import Checker
from casereview.db import open_database
from casereview.errors import CaseReviewError
from casereview.export import collect
from casereview.export.collect import MACHINE
from casereview.library import open_case
from casereview.review.workbench import Workbench


def test_paths_ids_and_bad_specs(tmp_path: Path) -> None:
    path, _ = generate_case(tmp_path, "c1", kind="digital", seed=41, defects=["T-12"])
    checker = Checker.create()
    (fresh,) = collect([str(path)], checker)
    assert fresh.reviewer == MACHINE and fresh.case_id is None and fresh.unit
    t12 = next(f for f in fresh.sheet.findings if f.rule == "T-12")
    assert t12.item is not None and fresh.sheet.item(t12.item).deduction > 0

    with open_database(f"sqlite:///{tmp_path / 'x.db'}") as database:
        bench = Workbench.open(database, open_case(path, database), checker, "李四")
        bench.override(t12.item, 0.0, "公示记录另附")
        errors: list[tuple[str, CaseReviewError]] = []
        stored, by_path = collect(
            [str(bench.case_id), "999", str(tmp_path / "none.pdf"), str(path)],
            checker,
            database,
            lambda spec, error: errors.append((spec, error)),
        )
    assert stored.case_id == bench.case_id and stored.reviewer == "李四"
    assert stored.sheet.item(t12.item).deduction == 0 and stored.decider(t12.item) == "李四"
    assert by_path.review_id == stored.review_id
    assert [spec for spec, _ in errors] == ["999", str(tmp_path / "none.pdf")]
    with pytest.raises(CaseReviewError):
        collect([str(tmp_path / "none.pdf")], checker)


def test_unit_comes_from_the_session_then_the_store(tmp_path: Path) -> None:
    """A notice goes to the unit the case was filed under, not to a re-reading of its pages."""
    from casereview.db.models import CaseFileRow

    path, _ = generate_case(tmp_path, "c1", kind="digital", seed=41)
    checker = Checker.create()
    with open_database(f"sqlite:///{tmp_path / 'x.db'}") as database:
        case_id = open_case(path, database).case_id
        assert case_id is not None
        (read,) = collect([str(case_id)], checker, database)
        assert read.unit  # stored at import, read off the pages
        with database.session_scope() as session:
            row = session.get(CaseFileRow, case_id)
            assert row is not None and row.unit == read.unit
            row.unit = "某某市交通运输综合行政执法支队"
        (stored,) = collect([str(case_id)], checker, database)
        (in_session,) = collect([str(case_id)], checker, database, units={case_id: "某某县交通运输局"})
    assert stored.unit == "某某市交通运输综合行政执法支队"
    assert in_session.unit == "某某县交通运输局"
