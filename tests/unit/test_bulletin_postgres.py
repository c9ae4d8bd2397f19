"""The 通报 of test_bulletin.py's session on a private PostgreSQL server (tests/pg.py; skipped when
no server binaries are installed): the same ranking, and the rectification hook's table check."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from bulletin_kit import SESSION, UNITS, build_session

import pg
from casereview.cli import main
from casereview.rectify.status import NOT_TRACKED, rectification_status

pytestmark = pytest.mark.postgres
postgres_url = pg.postgres_url
pg_url = pg.pg_url


def test_bulletin_on_postgresql(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    built = build_session(tmp_path, pg_url)
    try:
        with built.database.session_scope(readonly=True) as session:
            assert rectification_status(session, built.session_id) is NOT_TRACKED
    finally:
        built.database.close()
    monkeypatch.setattr("casereview.office.gongwen.soffice_binary", lambda: None)  # the PDF: test_bulletin
    out = tmp_path / "通报.docx"
    code = main(["export", "bulletin", "--session", SESSION, "--db", pg_url, "--out", str(out), "--no-ocr"])
    assert code == 0, capsys.readouterr().err
    ranking = next(t for t in docx.Document(str(out)).tables if t.rows[0].cells[0].text == "名次")
    assert [(r.cells[1].text, r.cells[3].text) for r in ranking.rows[1:]] == [
        (UNITS[0], "94"),
        (UNITS[1], "90"),
        (UNITS[2], "64.5"),
    ]
