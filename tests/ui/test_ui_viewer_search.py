"""Find in the case: the search bar drives the view from hit to hit across pages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from casereview.pipeline import read_case
from casereview.search import search_case
from casereview_ui.viewer import MarkKind, PageView, SearchBar, SearchController
from casereview_ui.viewer.highlight import MarkItem
from casereview_ui.workers import runner


def _setup(qtbot: QtBot, case_pdf: Path) -> tuple[SearchBar, PageView, SearchController]:
    view = PageView(runner())
    bar = SearchBar()
    qtbot.addWidget(view)
    qtbot.addWidget(bar)
    view.resize(700, 900)
    view.show()
    bar.show()
    view.set_case(read_case(case_pdf).case)
    return bar, view, SearchController(bar, view)


def _drawn(view: PageView) -> list[MarkKind]:
    items = [i for i in view.scene().items() if isinstance(i, MarkItem) and i.mark.key is None]
    return sorted(
        item.mark.kind for item in items if item.mark.kind in (MarkKind.SEARCH, MarkKind.CURRENT_SEARCH)
    )


def test_enter_walks_the_hits_across_pages_and_the_label_follows(qtbot: QtBot, case_pdf: Path) -> None:
    bar, view, _controller = _setup(qtbot, case_pdf)
    assert bar.edit.placeholderText() == "在案卷中查找…"
    assert view.case is not None
    expected = [hit.page for hit in search_case(view.case, "张三")]
    assert expected == [1, 2, 3, 5]  # 当事人 on pages 1 and 3, 被询问人 on 2, 受送达人 on 5

    bar.edit.insert("张三")  # QTest.keyClicks aborts on non-ASCII text
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.label.text() == "1 / 4" and view.current_page == 1
    assert _drawn(view) == [MarkKind.CURRENT_SEARCH]
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.label.text() == "2 / 4" and view.current_page == 2
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.label.text() == "4 / 4" and view.current_page == 5
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)  # wraps round
    assert bar.label.text() == "1 / 4" and view.current_page == 1
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.label.text() == "4 / 4" and view.current_page == 5
    bar.previous_button.click()
    assert bar.label.text() == "3 / 4" and view.current_page == 3
    assert view.marks_on_page(3)[0].kind == MarkKind.CURRENT_SEARCH
    assert runner().wait_for_idle(30)


def test_hits_on_the_same_page_are_all_marked_and_the_current_one_stronger(
    qtbot: QtBot, case_pdf: Path
) -> None:
    _bar, view, controller = _setup(qtbot, case_pdf)
    assert controller.search("交执罚") == 3  # page 1, page 3, page 5
    view.show_page(3)
    assert controller.search("2026") >= 4
    page3 = [hit for hit in controller.hits if hit.page == 3]
    assert len(page3) >= 2
    assert view.current_page == 3  # the first hit on or after the page being read
    assert _drawn(view).count(MarkKind.SEARCH) == len(page3) - 1
    assert _drawn(view).count(MarkKind.CURRENT_SEARCH) == 1
    current = next(
        i for i in view.scene().items() if isinstance(i, MarkItem) and i.mark.kind == "current_search"
    )
    hit = controller.hits[controller.current]
    assert current.rect().left() == hit.bbox[0] and current.rect().right() == hit.bbox[2]
    assert runner().wait_for_idle(30)


def test_no_result_escape_and_a_new_case_clear_the_hits(qtbot: QtBot, case_pdf: Path) -> None:
    bar, view, _controller = _setup(qtbot, case_pdf)
    bar.edit.insert("李四")  # QTest.keyClicks aborts on non-ASCII text
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.label.text() == "1 / 1" and view.current_page == 2
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert bar.edit.text() == "" and bar.label.text() == "" and view.marks_on_page(2) == []

    bar.edit.insert("不存在的词")  # QTest.keyClicks aborts on non-ASCII text
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.label.text() == "无结果" and view.current_page == 2

    bar.edit.setText("张三")
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.label.text() == "2 / 4"  # from page 2 on
    case = view.case
    view.set_case(None)
    assert bar.label.text() == "" and view.marks_on_page(2) == []
    view.set_case(case)
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)  # the same query searches the case shown now
    assert bar.label.text() == "1 / 4"
    assert runner().wait_for_idle(30)
