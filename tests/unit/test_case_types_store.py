"""Stored cases and their case type: ingest reviews each file under its case type's standard, the
reviewer sets the type (audited) and the next review and the workbench follow it."""

from __future__ import annotations

from pathlib import Path

import pytest

from casegen import generate_case
from casereview.checking import Checker
from casereview.cli import main
from casereview.db import list_cases, load_case, open_database
from casereview.domain.casetype import STANDARDS
from casereview.errors import InputError
from casereview.pipeline import Analysis
from casereview.review import AuditAction, audit_trail, reviews_of_case
from casereview.review.caselist import case_list
from casereview.review.casetypes import set_case_type, stored_case_type
from casereview.review.workbench import Workbench


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    out = tmp_path_factory.mktemp("kinds")
    comp, _ = generate_case(out, "c", kind="digital", seed=21, case_type="compulsion")
    insp, _ = generate_case(out, "i", kind="digital", seed=22, case_type="inspection")
    return [comp, insp]


def test_ingest_reviews_each_case_under_its_type_and_the_reviewer_can_change_it(
    files: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'kinds.db'}"
    assert main(["ingest", *map(str, files), "--db", url, "--no-ocr", "-q", "--reviewer", "张三"]) == 0
    out = capsys.readouterr().out
    assert "transport_compulsion" in out and "transport_inspection" in out
    with open_database(url) as database, database.session_scope(readonly=True) as session:
        comp, insp = sorted(list_cases(session), key=lambda c: c.id)
        assert [r.standard.id for r in reviews_of_case(session, comp.id)] == ["transport_compulsion"]
        assert [r.standard.id for r in reviews_of_case(session, insp.id)] == ["transport_inspection"]
        assert stored_case_type(session, comp.id) is None  # detected, not set
        # the case list of the window outside sessions: each case with its own type's review
        listed = {r.case_id: r for r in case_list(session, tuple(STANDARDS.values()))}
        assert listed[comp.id].grade and listed[insp.id].grade
        assert all(r.review_id is None for r in case_list(session, "transport_penalty"))
    # the reviewer says the compulsion file is a penalty file: the next review follows
    assert main(["review", "set-type", str(comp.id), "penalty", "--db", url, "--reviewer", "李四"]) == 0
    assert "行政处罚案卷" in capsys.readouterr().out
    assert main(["review", "run", str(comp.id), "--db", url, "--reviewer", "李四"]) == 0
    assert "transport_penalty" in capsys.readouterr().out
    with open_database(url) as database:
        with database.session_scope(readonly=True) as session:
            assert stored_case_type(session, comp.id) == "penalty"
            assert reviews_of_case(session, comp.id)[0].standard.id == "transport_penalty"
            entry = next(e for e in audit_trail(session, comp.id) if e.action == AuditAction.CASE_TYPE)
            assert entry.actor == "李四" and entry.after == {"case_type": "penalty"}
        # the workbench opens the case under the stored type's standard
        with database.session_scope(readonly=True) as session:
            case, documents, extraction = load_case(session, insp.id)
        analysis = Analysis(case, documents, extraction, insp.id)
        bench = Workbench.open(database, analysis, Checker.create(by_case_type=True), "王五")
        assert bench.checker.standard.id == "transport_inspection"
        assert {i.item_id for i in bench.sheet.items} >= {"JC-01", "JZ-02"}
        with database.session_scope() as session:
            assert set_case_type(session, comp.id, None, "李四") is True  # back to detection
            assert set_case_type(session, comp.id, None, "李四") is False
            with pytest.raises(InputError, match="未知的案卷类型"):
                set_case_type(session, comp.id, "licence", "李四")
    assert main(["review", "set-type", "999", "auto", "--db", url]) == 1


def test_session_import_says_which_cases_its_standard_does_not_fit(
    files: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A session scores every case by its one standard; importing a compulsion or inspection file
    into a penalty session says so (several case types per session are not supported yet)."""
    import shutil

    tree = tmp_path / "tree" / "甲市交通运输局"
    tree.mkdir(parents=True)
    for path in files:
        shutil.copy(path, tree / path.name)
    url = f"sqlite:///{tmp_path / 's.db'}"
    assert main(["session", "create", "2026年度评查", "--db", url, "--reviewer", "张三"]) == 0
    assert (
        main(["session", "import", "2026年度评查", "--db", url, "--tree", str(tree.parent), "--no-ocr"]) == 0
    )
    err = capsys.readouterr().err
    assert "行政强制（查封、扣押）案卷" in err and "transport_compulsion" in err
    assert "行政检查案卷" in err and "transport_inspection" in err
