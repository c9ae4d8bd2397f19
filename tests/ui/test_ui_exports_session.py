"""The window's 导出 menu in a review session writes what ``casereview export --session`` writes:
the session's units, final reviews and double-review agreement (issue 13: one exporter registry)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from pytestqt.qtbot import QtBot
from uihelpers import wait_loaded

from casereview.cli import main
from casereview.db import open_database
from casereview.export.agreement_sheet import SHEET as AGREEMENT
from casereview.paths import default_database_url
from casereview_ui.dialogs import RecordingPrompts
from casereview_ui.mainwindow import MainWindow
from casereview_ui.settings import AppSettings
from export_kit import LEAD, SESSION, settled_session


def test_session_workbook_from_the_window_is_the_command_lines(qtbot: QtBot, tmp_path: Path) -> None:
    url = default_database_url()
    with open_database(url) as database:
        settled_session(database, tmp_path)
    win = MainWindow(
        prompts=RecordingPrompts(), use_ocr=False, settings=AppSettings(reviewer=LEAD, session=SESSION)
    )
    qtbot.addWidget(win)
    win.show()
    wait_loaded(win)
    prompts = win.prompts
    assert isinstance(prompts, RecordingPrompts)
    by_window = tmp_path / "窗口评分表.xlsx"
    prompts.save_paths.append(str(by_window))
    win.actions_.export_scoresheet.trigger()
    wait_loaded(win)
    assert win.exports.last_written == [by_window] and not prompts.errors
    by_cli = tmp_path / "命令行评分表.xlsx"
    assert (
        main(["export", "scoresheet", "--session", SESSION, "--db", url, "--out", str(by_cli), "--no-ocr"])
        == 0
    )
    window_book, cli_book = load_workbook(by_window), load_workbook(by_cli)
    assert AGREEMENT in window_book.sheetnames
    # The agreement is the session's; the cases (units, final grades) are the same, in the window's
    # list order.
    assert list(window_book[AGREEMENT].values) == list(cli_book[AGREEMENT].values)
    cases = [
        sorted((r[1], r[2], r[3], r[5]) for r in book["案卷汇总"].values if isinstance(r[0], int))
        for book in (window_book, cli_book)
    ]
    assert cases[0] == cases[1] and {r[0] for r in cases[0]} == {"第1支队", "第2支队"}
    assert len(window_book.sheetnames) == len(cli_book.sheetnames)
