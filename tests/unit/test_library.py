"""Opening a case for review stores its analysis once and reuses it for the same file."""

from __future__ import annotations

import shutil
from pathlib import Path

from casegen import generate_case
from casereview.db import list_cases, open_database
from casereview.library import open_case


def test_open_case_stores_then_reuses(tmp_path: Path) -> None:
    path, truth = generate_case(tmp_path, "c1", kind="digital", seed=41)
    with open_database(f"sqlite:///{tmp_path / 'ws.db'}") as database:
        first = open_case(path, database)
        assert first.case_id is not None
        moved = tmp_path / "moved.pdf"
        shutil.copy(path, moved)
        again = open_case(moved, database)  # same bytes elsewhere: the stored analysis, relocated
        assert again.case_id == first.case_id
        assert again.case.source == str(moved)
        assert all(page.origin == str(moved) for page in again.case.pages)
        assert [d.type for d in again.documents] == [d["type"] for d in truth["documents"]]
        assert again.fields["case_number"] == first.fields["case_number"]
        with database.session_scope(readonly=True) as session:
            assert len(list_cases(session)) == 1


def test_open_case_without_database_still_reads(tmp_path: Path) -> None:
    path, _ = generate_case(tmp_path, "c2", kind="digital", seed=42)
    analysis = open_case(path, None)
    assert analysis.case_id is None and analysis.documents
