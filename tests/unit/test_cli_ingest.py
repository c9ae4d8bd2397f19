"""``casereview ingest`` stores each file in one transaction and reuses a file already imported."""

from __future__ import annotations

from pathlib import Path

import pytest

from casegen import generate_case
from casereview.cli import main
from casereview.db import list_cases, load_case, open_database


def test_ingest_stores_and_reuses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, truth = generate_case(tmp_path, "c1", kind="digital", seed=31)
    url = f"sqlite:///{tmp_path / 'review.db'}"
    assert main(["ingest", str(path), "--db", url, "--no-ocr", "-q"]) == 0
    assert "已导入 #" in capsys.readouterr().out
    assert main(["ingest", str(path), "--db", url, "--no-ocr", "-q"]) == 0
    assert "复用记录" in capsys.readouterr().out
    with open_database(url) as database, database.session_scope(readonly=True) as session:
        (summary,) = list_cases(session)
        case, documents, extraction = load_case(session, summary.id)
    assert summary.page_count == truth["page_count"] == case.page_count
    assert [d.type for d in documents] == [d["type"] for d in truth["documents"]]
    assert summary.case_number == truth["fields"]["case_number"]
    assert any(m.role == "决定" for m in extraction.dates)
    assert all(span.bbox[2] > span.bbox[0] for page in case.pages for span in page.spans)


def test_ingest_failure_stores_nothing_and_batch_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good, _ = generate_case(tmp_path, "good", kind="digital", seed=32)
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4\n% nothing else")
    url = f"sqlite:///{tmp_path / 'review.db'}"
    assert main(["ingest", str(bad), str(good), "--db", url, "--no-ocr", "-q"]) == 1
    captured = capsys.readouterr()
    assert "broken.pdf" in captured.err
    with open_database(url) as database, database.session_scope(readonly=True) as session:
        sources = [c.source for c in list_cases(session)]
    assert sources == [str(good)]
