"""Offline review packages on real SQLite files: the lead exports a reviewer's cases, the reviewer's
machine opens the package and reviews in the workbench, the results come back and merge into the
lead's database — identical decisions and score, idempotent, and conflicts listed, not applied."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from package_kit import (
    LEAD,
    REVIEWER,
    SESSION,
    UNITS,
    Built,
    history,
    row_counts,
    sha_of,
    workbench,
)

from casereview.db import Database, find_case_by_sha256, load_case, save_case
from casereview.domain.findings import Status
from casereview.domain.model import Seal
from casereview.errors import CaseReviewError, ErrorCode
from casereview.messages import describe
from casereview.review import AuditAction, audit_trail, load_review, reviews_of_case
from casereview.review.corrections import active_corrections
from casereview.review.service import decide
from casereview.scoring import DecisionKind, ItemStatus, ReviewerDecision
from casereview.sessions.package import (
    export_package,
    export_results,
    merge_results,
    open_package,
)
from casereview.sessions.package_codec import decode_analysis, encode_analysis
from casereview.sessions.store import add_case, add_reviewer, auto_assign, create_session, session_cases

# -- the round trip ------------------------------------------------------------------------------


def test_package_contents(built: Built) -> None:
    _db, sid, package = built
    assert package.name == f"评查包_{SESSION}_{REVIEWER}.zip"
    with zipfile.ZipFile(package) as archive:
        names = set(archive.namelist())
        manifest = json.loads(archive.read("manifest.json"))
        assignments = json.loads(archive.read("assignments.json"))
        listed = {e["path"]: e for e in manifest["entries"]}
        assert names - {"manifest.json", "signature.json"} == set(
            listed
        )  # every other entry, with size and hash
        for name, entry in listed.items():
            data = archive.read(name)
            assert (len(data), hashlib.sha256(data).hexdigest()) == (entry["size"], entry["sha256"])
    assert (manifest["reviewer"], manifest["lead"], manifest["session"]["id"]) == (REVIEWER, LEAD, sid)
    assert manifest["standard"]["id"] == "transport_penalty" and len(manifest["standard"]["hash"]) == 64
    assert "standard/standard.yaml" in names and len(assignments) == 3
    for row in assignments:
        assert f"cases/{row['sha256']}.pdf" in names and f"analyses/{row['sha256']}.json" in names
        assert row["unit"] in UNITS and row["slot"] == 1
    with zipfile.ZipFile(package) as archive:
        analysis = json.loads(archive.read(f"analyses/{assignments[0]['sha256']}.json"))
    assert analysis["case"]["source"] == f"cases/{assignments[0]['sha256']}.pdf"  # no lead's path


def test_analysis_codec_round_trip(lead: Database) -> None:
    with lead.session_scope(readonly=True) as session:
        case, documents, extraction = load_case(session, 1)
    assert extraction.dates and extraction.parties and case.pages[0].spans
    # Exercise what a digital case lacks: seals, a time of day, an OCR confidence.
    case.pages[0].seals = [Seal(1, (10.5, 20.25, 80.0, 90.0), 0.42)]
    case.pages[0].ocr_confidence = 0.93
    extraction.seals = [Seal(1, (1.0, 2.0, 3.0, 4.0), 0.5)]
    extraction.dates[0] = replace(extraction.dates[0], time=dt.time(9, 30))
    data = json.loads(json.dumps(encode_analysis(case, documents, extraction)))
    assert decode_analysis(data) == (case, documents, extraction)
    with pytest.raises(ValueError, match="codec version"):
        decode_analysis(data | {"codec_version": 99})


def test_round_trip_merge_and_idempotence(
    built: Built, lead: Database, reviewer_db: Database, tmp_path: Path
) -> None:
    _db, sid, package = built
    info = open_package(package, reviewer_db, REVIEWER, files_dir=tmp_path / "files")
    assert (info.session_name, info.lead, len(info.case_ids)) == (SESSION, LEAD, 3)
    again = open_package(package, reviewer_db, REVIEWER, files_dir=tmp_path / "files")
    assert again.case_ids == info.case_ids and again.session_id == info.session_id  # nothing twice
    with reviewer_db.session_scope(readonly=True) as session:
        mine = session_cases(session, info.session_id)
        assert [c.reviewers() for c in mine] == [[REVIEWER]] * 3
        assert {c.unit for c in mine} == set(UNITS)
    for case_id in info.case_ids:  # same SHA-256, same analysis, the file on this machine
        with reviewer_db.session_scope(readonly=True) as session:
            case, documents, extraction = load_case(session, case_id)
        with lead.session_scope(readonly=True) as session:
            lead_id = find_case_by_sha256(session, case.sha256)
            assert lead_id is not None
            lead_case, lead_documents, lead_extraction = load_case(session, lead_id)
        assert (documents, extraction) == (lead_documents, lead_extraction)
        assert [p.spans for p in case.pages] == [p.spans for p in lead_case.pages]
        local = Path(case.source)
        assert local.parent == tmp_path / "files"
        assert hashlib.sha256(local.read_bytes()).hexdigest() == case.sha256
        assert {p.origin for p in case.pages} == {case.source}

    first, second, _third = info.case_ids
    bench = workbench(reviewer_db, first, info)
    deducted = next(i.item_id for i in bench.sheet.items if i.status is ItemStatus.DEDUCTED)
    pending = next(i.item_id for i in bench.sheet.items if i.status is ItemStatus.PENDING)
    accepted = next(i.item_id for i in bench.sheet.items if i.item_id not in (deducted, pending))
    bench.accept(accepted)
    bench.override(deducted, 0.0, "公示日期以门户网站截图为准")
    bench.manual(pending, 1.0, "询问笔录未载明告知事项", 2, (50.0, 100.0, 300.0, 160.0))
    other = workbench(reviewer_db, second, info)
    item = other.sheet.items[0].item_id
    other.override(item, 0.5, "先改判")
    other.undo()  # withdrawn: the machine's proposal stands again
    other.accept(other.sheet.items[1].item_id)
    other.set_done(True)
    results = export_results(reviewer_db, SESSION, REVIEWER, tmp_path / "back")
    assert results.name == f"评查结果_{SESSION}_{REVIEWER}.zip"

    report = merge_results(lead, sid, results, LEAD)
    assert report.refused is None and report.conflicts == []
    assert (report.cases, report.decisions_added) == (2, 5)
    for case_id in (first, second):
        sha = sha_of(reviewer_db, case_id)
        assert history(lead, sha) == history(reviewer_db, sha)
    lead_rows, _score, _grade, status = history(lead, sha_of(reviewer_db, second))
    assert status == "done" and [r[8] for r in lead_rows] == [True, False]  # the undo came along
    assert history(lead, sha_of(reviewer_db, first))[1] == bench.sheet.score
    with lead.session_scope(readonly=True) as session:
        linked = {c.case_id: c.assignments[0].review_id for c in session_cases(session, sid)}
        lead_first = find_case_by_sha256(session, sha_of(reviewer_db, first))
        assert lead_first is not None
        trail = audit_trail(session, lead_first)
    assert sum(r is not None for r in linked.values()) == 2  # the third case was never opened
    merges = [e for e in trail if e.action == AuditAction.MERGE]
    assert merges and merges[-1].actor == LEAD
    carried = merges[-1].after["trail"]  # type: ignore[index]
    assert {r["action"] for r in carried} >= {"create_review", "decision"}
    assert all(r["machine"] and r["actor"] == REVIEWER for r in carried)

    before = row_counts(lead)
    twice = merge_results(lead, sid, results, LEAD)
    assert (twice.refused, twice.cases, twice.decisions_added, twice.conflicts) == (None, 2, 0, [])
    assert row_counts(lead) == before


def test_conflict_when_the_lead_changed_the_same_item(
    built: Built, lead: Database, reviewer_db: Database, tmp_path: Path
) -> None:
    _db, sid, package = built
    info = open_package(package, reviewer_db, files_dir=tmp_path / "files")
    bench = workbench(reviewer_db, info.case_ids[0], info)
    item, later = bench.sheet.items[0].item_id, bench.sheet.items[1].item_id
    bench.override(item, 1.0, "评查人员初评")
    first = merge_results(lead, sid, export_results(reviewer_db, SESSION, REVIEWER, tmp_path / "b1"), LEAD)
    assert first.decisions_added == 1 and not first.conflicts

    with lead.session_scope(readonly=True) as session:
        case_id = find_case_by_sha256(session, sha_of(reviewer_db, info.case_ids[0]))
        assert case_id is not None
        review_id = next(r.id for r in reviews_of_case(session, case_id) if r.reviewer == REVIEWER)
    now = dt.datetime.now(dt.UTC)
    decide(
        lead, review_id, item, ReviewerDecision(DecisionKind.OVERRIDE, LEAD, now, 0.0, "组长复核不扣分"), LEAD
    )
    bench.override(item, 2.0, "评查人员复评")  # meanwhile, offline
    bench.accept(later)
    second = merge_results(lead, sid, export_results(reviewer_db, SESSION, REVIEWER, tmp_path / "b2"), LEAD)
    assert second.refused is None and second.decisions_added == 1  # the other item merged
    assert [(c.item_id, c.case_id) for c in second.conflicts] == [(item, case_id)]
    conflict = second.conflicts[0]
    assert "组长复核不扣分" in conflict.lead and "评查人员复评" in conflict.package
    assert "未合并" in str(conflict)
    with lead.session_scope(readonly=True) as session:
        active = {d.item_id: d for d in load_review(session, review_id).decisions}
    assert (active[item].reason, active[item].deduction) == ("组长复核不扣分", 0.0)  # not applied
    assert active[later].kind is DecisionKind.ACCEPT

    before = row_counts(lead)
    third = merge_results(lead, sid, export_results(reviewer_db, SESSION, REVIEWER, tmp_path / "b3"), LEAD)
    assert third.decisions_added == 0 and [c.item_id for c in third.conflicts] == [item]
    assert row_counts(lead) == before


def test_field_corrections_travel_and_rerun_the_rules(
    built: Built, lead: Database, reviewer_db: Database, tmp_path: Path
) -> None:
    _db, sid, package = built
    info = open_package(package, reviewer_db, files_dir=tmp_path / "files")
    bench = workbench(reviewer_db, info.case_ids[0], info)  # generated with a late publication
    assert next(f for f in bench.sheet.findings if f.rule == "T-12").status is Status.FAIL
    decided = bench.analysis.extraction.first_date("决定")
    assert decided is not None
    in_time = (decided.date + dt.timedelta(days=2)).isoformat()
    bench.correct("publication_date", in_time, reason="以网站公示记录为准")
    assert next(f for f in bench.sheet.findings if f.rule == "T-12").status is Status.PASS
    sha = sha_of(reviewer_db, info.case_ids[0])

    def lead_state() -> tuple[dict[str, str | None], Status, float]:
        with lead.session_scope(readonly=True) as session:
            case_id = find_case_by_sha256(session, sha)
            assert case_id is not None
            corrections = {k: c.value for k, c in active_corrections(session, case_id).items()}
            summary = next(r for r in reviews_of_case(session, case_id) if r.reviewer == REVIEWER)
            review = load_review(session, summary.id)
        t12 = next(f for f in review.findings if f.rule == "T-12").status
        return corrections, t12, review.summary.score

    report = merge_results(lead, sid, export_results(reviewer_db, SESSION, REVIEWER, tmp_path / "b1"), LEAD)
    assert report.refused is None and report.notes == []
    assert lead_state() == ({"publication_date": in_time}, Status.PASS, bench.sheet.score)

    bench.undo()  # the reviewer takes the correction back: the lead's copy follows
    assert next(f for f in bench.sheet.findings if f.rule == "T-12").status is Status.FAIL
    merge_results(lead, sid, export_results(reviewer_db, SESSION, REVIEWER, tmp_path / "b2"), LEAD)
    assert lead_state() == ({}, Status.FAIL, bench.sheet.score)


def test_folder_case_and_blind_session(
    built: Built, lead: Database, reviewer_db: Database, tmp_path: Path
) -> None:
    """A page-image folder travels as cases/<sha256>/<member>; a blind session hides the unit."""
    folder = tmp_path / "东莞市交通运输局" / "扫描件"
    folder.mkdir(parents=True)
    for name in ("第1页.png", "第2页.png"):
        (folder / name).write_bytes(name.encode() * 100)
    with lead.session_scope() as session:
        case, documents, extraction = load_case(session, 1)
        case.kind, case.source = "folder", str(folder)
        case.file_hashes = {
            n: hashlib.sha256((folder / n).read_bytes()).hexdigest() for n in ("第1页.png", "第2页.png")
        }
        lines = "\n".join(f"{n}:{d}" for n, d in case.file_hashes.items())
        case.sha256 = hashlib.sha256(lines.encode()).hexdigest()
        for page in case.pages:
            page.origin = str(folder / ("第1页.png" if page.number % 2 else "第2页.png"))
        folder_id = save_case(session, case, documents, extraction)
        sid = create_session(session, "盲评会话", 2026, "transport_penalty", LEAD, blind=True)
        add_reviewer(session, sid, REVIEWER)
        for case_id in (1, folder_id):
            add_case(session, sid, case_id, UNITS[0])
        auto_assign(session, sid, LEAD)
    package = export_package(lead, sid, REVIEWER, tmp_path / "out")
    with zipfile.ZipFile(package) as archive:
        names = set(archive.namelist())
        assignments = json.loads(archive.read("assignments.json"))
        packed = archive.read(f"analyses/{case.sha256}.json").decode()
    assert {f"cases/{case.sha256}/第1页.png", f"cases/{case.sha256}/第2页.png"} <= names
    assert all("unit" not in row for row in assignments)  # blind: the unit stays with the lead
    data = json.loads(packed)
    assert data["case"]["source"] == f"cases/{case.sha256}"
    assert {p["origin"] for p in data["pages"]} == {f"cases/{case.sha256}/第{i}页.png" for i in (1, 2)}
    assert str(tmp_path) not in packed  # no path of the lead's machine (it names the unit's folder)

    info = open_package(package, reviewer_db, REVIEWER, files_dir=tmp_path / "files")
    assert info.blind
    with reviewer_db.session_scope(readonly=True) as session:
        local_id = find_case_by_sha256(session, case.sha256)
        assert local_id is not None
        local, _documents, _extraction = load_case(session, local_id)
        assert {c.unit for c in session_cases(session, info.session_id)} == {""}
    assert Path(local.source) == tmp_path / "files" / case.sha256
    assert (Path(local.source) / "第2页.png").read_bytes() == (folder / "第2页.png").read_bytes()
    assert {Path(p.origin).name for p in local.pages} == {"第1页.png", "第2页.png"}
    assert all(Path(p.origin).is_file() for p in local.pages)

    (folder / "第2页.png").write_bytes(b"changed since import")
    with pytest.raises(CaseReviewError) as caught:
        export_package(lead, sid, REVIEWER, tmp_path / "out")
    assert caught.value.code is ErrorCode.CORRUPT_FILE and "导入时不同" in describe(caught.value)
    written = sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith("评查人员公钥_"))
    assert written == [package.name]  # no half-written file (the reviewer's key file is expected)
