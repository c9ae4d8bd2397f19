"""The main window's actions, menus (文件, 视图, 帮助) and view toolbar."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMessageBox, QStyle

if TYPE_CHECKING:
    from casereview_ui.mainwindow import MainWindow


class WindowActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        viewer = window.viewer
        style = window.style()
        sp = QStyle.StandardPixmap

        self.open = self._action(self.tr("打开案卷…"), window.choose_files, QKeySequence.StandardKey.Open)
        self.open.setIcon(style.standardIcon(sp.SP_DialogOpenButton))
        self.open_folder = self._action(self.tr("打开文件夹…"), window.choose_folder, "Ctrl+Shift+O")
        self.open_folder.setIcon(style.standardIcon(sp.SP_DirOpenIcon))
        self.quit = self._action(self.tr("退出"), window.close, QKeySequence.StandardKey.Quit)
        if self.quit.shortcut().isEmpty():
            self.quit.setShortcut(QKeySequence("Ctrl+Q"))

        self.zoom_in = self._action(self.tr("放大"), viewer.zoom_in, QKeySequence.StandardKey.ZoomIn)
        self.zoom_out = self._action(self.tr("缩小"), viewer.zoom_out, QKeySequence.StandardKey.ZoomOut)
        self.fit_width = self._action(self.tr("适合宽度"), viewer.fit_width, "Ctrl+1")
        self.fit_page = self._action(self.tr("适合页面"), viewer.fit_page, "Ctrl+2")
        self.previous_page = self._action(self.tr("上一页"), viewer.previous_page, None)
        self.previous_page.setIcon(style.standardIcon(sp.SP_ArrowUp))
        self.next_page = self._action(self.tr("下一页"), viewer.next_page, None)
        self.next_page.setIcon(style.standardIcon(sp.SP_ArrowDown))
        self.about = self._action(self.tr("关于"), window.show_about, None)
        self.about_qt = self._action(self.tr("关于 Qt"), lambda: QMessageBox.aboutQt(window), None)

        menu_bar = window.menuBar()
        file_menu = menu_bar.addMenu(self.tr("文件(&F)"))
        file_menu.addActions([self.open, self.open_folder])
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        view_menu = menu_bar.addMenu(self.tr("视图(&V)"))
        view_menu.addActions([self.zoom_in, self.zoom_out, self.fit_width, self.fit_page])
        view_menu.addSeparator()
        view_menu.addActions([self.previous_page, self.next_page])
        view_menu.addSeparator()
        for dock_name in ("casesDock", "detailsDock"):
            dock = window.findChild(QDockWidget, dock_name)
            if dock is not None:
                view_menu.addAction(dock.toggleViewAction())
        help_menu = menu_bar.addMenu(self.tr("帮助(&H)"))
        help_menu.addActions([self.about, self.about_qt])

        toolbar = window.addToolBar(self.tr("视图"))
        toolbar.setObjectName("viewToolBar")
        toolbar.setMovable(False)
        toolbar.addAction(self.open)
        toolbar.addSeparator()
        toolbar.addActions([self.previous_page, self.next_page])
        toolbar.addSeparator()
        toolbar.addActions([self.zoom_out, self.zoom_in, self.fit_width, self.fit_page])
        self.set_case_loaded(False)

    def _action(
        self, text: str, slot: Callable[[], object], shortcut: QKeySequence.StandardKey | str | None
    ) -> QAction:
        action = QAction(QIcon(), text, self._window)
        if isinstance(shortcut, str):
            action.setShortcut(QKeySequence(shortcut))
        elif shortcut is not None:
            action.setShortcuts(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self._window.addAction(action)
        return action

    def set_case_loaded(self, loaded: bool) -> None:
        for action in (self.zoom_in, self.zoom_out, self.fit_width, self.fit_page):
            action.setEnabled(loaded)
        if not loaded:
            self.update_navigation(0, 0)

    def update_navigation(self, page: int, total: int) -> None:
        self.previous_page.setEnabled(page > 1)
        self.next_page.setEnabled(0 < page < total)
