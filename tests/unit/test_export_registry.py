"""One exporter registry (issue 13): ``casereview export NAME`` and the window's 导出 menu ask
``casereview.app.exports`` the same way, so a session's export carries the same data from either."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from casereview.app.exports import EXPORTERS, ExportOptions, ExportRequest, collect_export, run_export
from casereview.checking import Checker
from casereview.cli import build_parser, main
from casereview.cli.export import OPTIONS
from casereview.db import Database, open_database
from casereview.errors import InputError
from casereview.export.agreement_sheet import SHEET as AGREEMENT
from casereview.messages import describe
from export_kit import SESSION, UNITS, settled_session


@pytest.fixture(scope="module")
def session_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, int, list[int]]:
    out = tmp_path_factory.mktemp("registry")
    url = f"sqlite:///{out / 'x.db'}"
    with open_database(url) as database:
        sid, ids = settled_session(database, out)
    return url, sid, ids


def _window_request(out: Path, sid: int, listed: list[int]) -> ExportRequest:
    """As the window asks: the listed cases (in the list's order), the session, its reviewer."""
    options = ExportOptions(actor="组长", untagged=False)
    return ExportRequest(out, tuple(map(str, listed)), sid, ocr=False, options=options)


def _by_case(database: Database, request: ExportRequest, checker: Checker | None) -> dict[int | None, object]:
    job = collect_export("scoresheet", request, database, checker=checker).job
    assert job.agreement is not None and job.session is not None
    return {
        c.case_id: (c.unit, c.review_id, dict(c.deciders), c.sheet.score, job.agreement) for c in job.cases
    }


def test_the_windows_request_gets_the_sessions_data_as_the_command_lines(
    session_db: tuple[str, int, list[int]], tmp_path: Path
) -> None:
    url, sid, ids = session_db
    with open_database(url) as database:
        cli = _by_case(database, ExportRequest(tmp_path / "a.xlsx", session_id=sid, ocr=False), None)
        window = _by_case(database, _window_request(tmp_path / "b.xlsx", sid, ids[::-1]), Checker.create())
    assert cli == window and set(cli) == set(ids)
    assert {unit for unit, *_rest in cli.values()} == set(UNITS)  # the units the session was told
    assert any(deciders for _u, _r, deciders, *_rest in cli.values())  # the case settled


def test_the_windows_workbook_is_the_command_lines(
    session_db: tuple[str, int, list[int]], tmp_path: Path
) -> None:
    url, sid, ids = session_db
    by_cli = tmp_path / "cli.xlsx"
    assert (
        main(["export", "scoresheet", "--session", SESSION, "--db", url, "--out", str(by_cli), "--no-ocr"])
        == 0
    )
    by_window = tmp_path / "window.xlsx"
    with open_database(url) as database:
        written = run_export(
            "scoresheet", _window_request(by_window, sid, ids), database, checker=Checker.create()
        )
    assert written == [by_window]
    cli_book, window_book = load_workbook(by_cli), load_workbook(by_window)
    assert AGREEMENT in cli_book.sheetnames and cli_book.sheetnames[-1] == window_book.sheetnames[-1]
    assert sorted(cli_book.sheetnames) == sorted(window_book.sheetnames)
    for name in cli_book.sheetnames:  # the same rows; the window lists its cases in its own order
        rows = [
            sorted(map(str, ws.iter_rows(values_only=True))) for ws in (cli_book[name], window_book[name])
        ]
        assert rows[0] == rows[1], name


def test_an_export_of_a_session_refuses_cases_without_one(tmp_path: Path) -> None:
    with pytest.raises(InputError) as refused:
        collect_export("bulletin", ExportRequest(tmp_path / "通报.docx", ("1",), ocr=False))
    assert describe(refused.value) == "评查结果通报按评查会话导出，请给出 --session 会话名称"


@pytest.mark.parametrize("name", sorted(EXPORTERS))
def test_every_registered_export_is_a_subcommand_with_its_options(name: str) -> None:
    exporter = EXPORTERS[name]
    assert set(exporter.options) <= set(OPTIONS) <= set(ExportOptions.__dataclass_fields__)
    args = build_parser().parse_args(["export", name, "1", "--out", "x"])
    assert args.export_kind == name and callable(args.func)
    assert all(hasattr(args, option) for option in exporter.options)
    assert hasattr(args, "session") is not exporter.one_case
