"""The workstation window: opening cases, the outline and fields, jumping to evidence, errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QTreeView
from pytestqt.qtbot import QtBot
from uihelpers import wait_loaded, write_case_pdf

from casereview.errors import CaseReviewError, ErrorCode
from casereview.messages import describe
from casereview_ui.cases import CaseState
from casereview_ui.dialogs import RecordingPrompts
from casereview_ui.mainwindow import MainWindow
from casereview_ui.models import EVIDENCE_ROLE, STATUS_ROLE, UNIT_ROLE


def _row(model: object, column: int, text: str) -> QModelIndex:
    for row in range(model.rowCount()):  # type: ignore[attr-defined]
        index = model.index(row, column)  # type: ignore[attr-defined]
        if index.data() == text:
            return index
    raise AssertionError(f"{text!r} not in model")


def _click(qtbot: QtBot, view: QTreeView, index: QModelIndex) -> None:
    view.scrollTo(index)
    rect = view.visualRect(index)
    assert rect.isValid(), "row not visible"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_window_opens_with_chinese_menus(window: MainWindow) -> None:
    assert window.windowTitle() == "案卷评查工作站 — 评查"
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["文件(&F)", "评查(&R)", "视图(&V)", "导出(&E)", "会话(&S)", "模式(&M)", "帮助(&H)"]
    assert window.actions_.open.shortcut().toString() == "Ctrl+O"
    tabs = [window.panel.tabText(i) for i in range(window.panel.count())]
    assert tabs == ["评查", "异议", "文书", "要素", "典型案例"]
    assert not window.actions_.zoom_in.isEnabled()  # nothing to zoom yet
    assert "尚未打开案卷" in window.viewer.message


def test_loading_a_case_fills_outline_fields_and_list(window: MainWindow, case_pdf: Path) -> None:
    (case,) = window.open_paths([case_pdf])
    assert case.state == CaseState.LOADING
    assert window.viewer.message == "正在读取 case.pdf…"
    assert window.cases.index(0, 0).data(STATUS_ROLE) == "正在读取"
    wait_loaded(window)
    assert window.viewer.message == ""
    assert case.state == CaseState.READY, case.message
    assert window.current_case() is case

    outline = window.panel.documents
    assert [outline.index(r, 0).data() for r in range(outline.rowCount())] == [
        "立案登记表",
        "询问笔录",
        "行政处罚决定书",
        "送达回证（送达：行政处罚决定书）",
    ]
    assert outline.index(2, 1).data() == "第3–4页"

    fields = window.panel.fields
    number = _row(fields, 0, "案号")
    assert number.siblingAtColumn(1).data() == "交执罚〔2026〕12号"
    assert _row(fields, 0, "当事人").siblingAtColumn(1).data() == "张三"

    entry = window.cases.index(0, 0).data()
    assert entry.startswith("case.pdf\n交执罚〔2026〕12号  张三\n评查中 ")
    assert window.cases.index(0, 0).data(STATUS_ROLE) == "评查中"
    assert window.cases.index(0, 0).data(UNIT_ROLE) == "太原市交通运输局"
    assert window.viewer.current_page == 1
    assert window.page_label.text() == "第 1 / 5 页"
    assert window.viewer.shown_key is not None  # the first page was rendered (in a worker)
    assert window.actions_.zoom_in.isEnabled()


def test_clicking_a_field_jumps_to_its_page_and_highlights(
    window: MainWindow, case_pdf: Path, qtbot: QtBot
) -> None:
    window.open_paths([case_pdf])
    wait_loaded(window)
    window.panel.setCurrentWidget(window.panel.fields_view)
    window.viewer.clear_highlight()
    index = _row(window.panel.fields, 0, "决定送达日期")
    evidence = index.data(EVIDENCE_ROLE)
    assert evidence is not None and evidence.page == 5
    _click(qtbot, window.panel.fields_view, index.siblingAtColumn(1))
    assert window.viewer.current_page == 5
    assert window.page_label.text() == "第 5 / 5 页"
    item = window.viewer.highlight_item
    assert item is not None
    rect = item.rect()
    x0, y0, x1, y1 = evidence.bbox
    assert rect.left() <= x0 and rect.right() >= x1 and rect.top() <= y0 and rect.bottom() >= y1
    wait_loaded(window)  # the page image arrives from the worker
    assert window.viewer.shown_key is not None and window.viewer.shown_key[1] == 5


def test_clicking_a_document_goes_to_its_first_page(window: MainWindow, case_pdf: Path, qtbot: QtBot) -> None:
    window.open_paths([case_pdf])
    wait_loaded(window)
    window.panel.setCurrentWidget(window.panel.outline_view)
    index = _row(window.panel.documents, 0, "行政处罚决定书")
    _click(qtbot, window.panel.outline_view, index)
    assert window.viewer.current_page == 3
    wait_loaded(window)


def test_zoom_actions_change_the_scale(window: MainWindow, case_pdf: Path) -> None:
    window.open_paths([case_pdf])
    wait_loaded(window)
    viewer = window.viewer
    start = viewer.zoom
    window.actions_.zoom_in.trigger()
    assert viewer.zoom == pytest.approx(start * 1.25)
    assert viewer.transform().m11() == pytest.approx(viewer.zoom * viewer.logicalDpiX() / 72)
    window.actions_.zoom_out.trigger()
    window.actions_.zoom_out.trigger()
    assert viewer.zoom == pytest.approx(start / 1.25)
    window.actions_.fit_page.trigger()
    fit_page = viewer.zoom
    window.actions_.fit_width.trigger()
    assert viewer.zoom > fit_page  # a portrait page: fitting the width zooms in further
    assert window.zoom_label.text() == f"{viewer.zoom:.0%}"
    wait_loaded(window)


def test_an_unreadable_file_reports_in_chinese_and_the_window_stays_usable(
    window: MainWindow, prompts: RecordingPrompts, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\nthis is not a pdf at all\n" * 4)
    (case,) = window.open_paths([broken])
    wait_loaded(window)
    assert case.state == CaseState.FAILED
    assert len(prompts.errors) == 1
    message = prompts.errors[0][1]
    assert "文件已损坏" in message and "broken.pdf" in message
    assert window.statusBar().currentMessage() == message
    assert window.cases.index(0, 0).data() == "broken.pdf\n读取失败"
    assert window.cases.index(0, 0).data(STATUS_ROLE) == "读取失败"
    assert window.viewer.message == message

    good = write_case_pdf(tmp_path / "good.pdf")
    (ok,) = window.open_paths([good])
    wait_loaded(window)
    assert ok.state == CaseState.READY
    assert window.panel.documents.rowCount() == 4


def test_missing_file_error(window: MainWindow, prompts: RecordingPrompts, tmp_path: Path) -> None:
    missing = tmp_path / "none.pdf"
    window.open_paths([missing])
    wait_loaded(window)
    assert prompts.errors[0][1] == describe(CaseReviewError(ErrorCode.FILE_NOT_FOUND, str(missing)))


def test_encrypted_pdf_asks_for_the_password_and_retries(qtbot: QtBot, tmp_path: Path) -> None:
    locked = write_case_pdf(tmp_path / "locked.pdf", password="secret")
    prompts = RecordingPrompts(passwords=["wrong", "secret"])
    win = MainWindow(prompts=prompts, use_ocr=False)
    qtbot.addWidget(win)
    win.show()
    (case,) = win.open_paths([locked])
    wait_loaded(win)
    assert prompts.password_requests == [(str(locked), False), (str(locked), True)]
    assert case.state == CaseState.READY and case.password == "secret"
    assert win.viewer.shown_key is not None  # rendering used the password too
    assert prompts.errors == []


def test_giving_up_on_the_password_shows_the_error(qtbot: QtBot, tmp_path: Path) -> None:
    locked = write_case_pdf(tmp_path / "locked.pdf", password="secret")
    prompts = RecordingPrompts()
    win = MainWindow(prompts=prompts, use_ocr=False)
    qtbot.addWidget(win)
    (case,) = win.open_paths([locked])
    wait_loaded(win)
    assert case.state == CaseState.FAILED
    assert "已加密" in prompts.errors[0][1]


def test_reopening_a_path_selects_the_existing_entry(
    window: MainWindow, case_pdf: Path, tmp_path: Path
) -> None:
    other = write_case_pdf(tmp_path / "other.pdf")
    first, second = window.open_paths([case_pdf, other])
    wait_loaded(window)
    assert window.current_case() is first
    window.open_paths([other])
    assert window.current_case() is second and window.cases.rowCount() == 2
    wait_loaded(window)


def test_layout_is_saved_and_restored(qtbot: QtBot) -> None:
    first = MainWindow(prompts=RecordingPrompts(), use_ocr=False)
    qtbot.addWidget(first)
    first.show()
    wait_loaded(first)
    first.details_dock.hide()
    first.close()
    assert QSettings().contains("mainWindow/state")
    second = MainWindow(prompts=RecordingPrompts(), use_ocr=False)
    qtbot.addWidget(second)
    second.show()
    assert not second.details_dock.isVisible()
    wait_loaded(second)


def test_about_goes_through_the_prompts(window: MainWindow, prompts: RecordingPrompts) -> None:
    window.actions_.about.trigger()
    assert prompts.infos and "AGPL" in prompts.infos[0][1]


def test_open_actions_use_the_chosen_files_and_folder(qtbot: QtBot, tmp_path: Path) -> None:
    pdf = write_case_pdf(tmp_path / "chosen.pdf")
    folder = tmp_path / "folder"
    folder.mkdir()
    write_case_pdf(folder / "001.pdf")
    win = MainWindow(prompts=RecordingPrompts(files=[str(pdf)], folder=str(folder)), use_ocr=False)
    qtbot.addWidget(win)
    win.actions_.open.trigger()
    win.actions_.open_folder.trigger()
    wait_loaded(win)
    assert [(c.name, c.state) for c in win.cases.cases()] == [
        ("chosen.pdf", CaseState.READY),
        ("folder", CaseState.READY),
    ]
    assert win.current_case() is win.cases.case_at(1)


def test_dropping_files_opens_them(window: MainWindow, case_pdf: Path, tmp_path: Path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    other = write_case_pdf(tmp_path / "dropped.pdf")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(case_pdf)), QUrl.fromLocalFile(str(other))])
    action = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(
        window.rect().center(), action, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(window.rect().center()),
        action,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(drop)
    assert [c.name for c in window.cases.cases()] == ["case.pdf", "dropped.pdf"]
    assert window.cases.cases()[1].state == CaseState.QUEUED  # read one after the other
    wait_loaded(window)
    assert all(c.state == CaseState.READY for c in window.cases.cases())

    text_only = QMimeData()
    text_only.setText("not a file")
    refused = QDragEnterEvent(
        window.rect().center(), action, text_only, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    window.dragEnterEvent(refused)
    assert not refused.isAccepted()


def test_cancel_takes_a_queued_file_off_the_queue(window: MainWindow, case_pdf: Path, tmp_path: Path) -> None:
    other = write_case_pdf(tmp_path / "later.pdf")
    first, second = window.open_paths([case_pdf, other])
    window.select_case(second)
    window.actions_.cancel_read.trigger()
    assert second.state == CaseState.FAILED and "取消" in second.message
    wait_loaded(window)
    assert first.state == CaseState.READY


def test_pages_read_so_far_are_shown_while_reading_goes_on(window: MainWindow, case_pdf: Path) -> None:
    from casereview.pipeline import read_case
    from casereview_ui.cases import OpenCase

    pages = read_case(case_pdf).case.pages
    case = OpenCase(case_pdf, CaseState.LOADING)  # as if the reader were still at work
    window.cases.add(case)
    window.select_case(case)
    assert "正在读取" in window.viewer.message
    case.partial_pages.extend(pages[:2])
    window.viewer_presenter.refresh_preview()
    shown = window.viewer.case
    assert shown is not None and shown.page_count == 2 and window.viewer.current_page == 1
    assert "前 2 页" in window.statusBar().currentMessage()
    case.partial_pages.extend(pages[2:4])
    window.viewer_presenter.refresh_preview()
    assert window.viewer.case is shown and shown.page_count == 4  # grown in place: no re-render
    assert window.viewer.next_page() and window.viewer.current_page == 2
    wait_loaded(window)
