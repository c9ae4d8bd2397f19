"""The main window's actions, menus and toolbar. Every key a reviewer uses is an action here, so
the shortcuts dialog (F1) lists exactly what works."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMessageBox, QStyle

from casereview_ui.exports import WINDOW_EXPORTS, ExportActions
from casereview_ui.window_dialogs import show_about

if TYPE_CHECKING:
    from casereview_ui.case_opening import CaseOpener
    from casereview_ui.followup.actions import FollowUpActions
    from casereview_ui.modes import Modes
    from casereview_ui.review.controller import ReviewController
    from casereview_ui.services import WindowServices
    from casereview_ui.session_actions import SessionActions
    from casereview_ui.viewer import PageView

Shortcut = QKeySequence.StandardKey | str | tuple[str, ...] | None


@dataclass(frozen=True)
class ActionTargets:
    """What the actions trigger: the helpers, the viewer, the review, and the window's own entries."""

    services: WindowServices
    opener: CaseOpener
    viewer: PageView
    review: ReviewController
    modes: Modes
    exports: ExportActions
    sessions: SessionActions
    followup: FollowUpActions
    show_settings: Callable[[], None]
    step_case: Callable[[bool], bool]
    focus_search: Callable[[], None]


class WindowActions(QObject):
    """The actions of ``targets``, with their keys, in the menus and toolbar of ``window`` (the
    window is where they live, nothing more is taken from it)."""

    def __init__(self, window: QMainWindow, targets: ActionTargets) -> None:
        super().__init__(window)
        self._window, self._targets = window, targets
        viewer, review, opener = targets.viewer, targets.review, targets.opener
        style = window.style()
        sp = QStyle.StandardPixmap

        # 文件
        self.open = self._action(self.tr("打开案卷…"), opener.choose_files, QKeySequence.StandardKey.Open)
        self.open.setIcon(style.standardIcon(sp.SP_DialogOpenButton))
        self.open_folder = self._action(self.tr("打开文件夹…"), opener.choose_folder, "Ctrl+Shift+O")
        self.open_folder.setIcon(style.standardIcon(sp.SP_DirOpenIcon))
        self.cancel_read = self._action(self.tr("取消读取当前案卷"), opener.cancel_current_read, "Ctrl+.")
        self.cancel_all = self._action(self.tr("取消全部读取"), opener.cancel_all_reads, None)
        self.settings = self._action(self.tr("设置…"), targets.show_settings, "Ctrl+,")
        self.quit = self._action(self.tr("退出"), window.close, "Ctrl+Q")

        # 评查
        self.next_item = self._action(
            self.tr("下一个评查项"), lambda: review.panel.step(True), ("N", "Ctrl+Down")
        )
        self.previous_item = self._action(
            self.tr("上一个评查项"), lambda: review.panel.step(False), ("P", "Ctrl+Up")
        )
        self.accept = self._action(self.tr("确认"), review.accept, "A")
        self.accept.setToolTip(self.tr("确认机器结果（A）"))
        self.override = self._action(self.tr("改判…"), review.override, "O")
        self.override.setToolTip(self.tr("改判机器结果，须填写理由（O）"))
        self.manual = self._action(self.tr("人工扣分…"), review.start_manual, "M")
        self.manual.setToolTip(self.tr("在页面上框选依据，添加机器未发现的扣分（M）"))
        self.withdraw = self._action(self.tr("撤回决定"), review.withdraw, "W")
        self.save_reason = self._action(self.tr("存为常用理由"), review.save_reason, None)
        self.undo = self._action(self.tr("撤销"), review.undo, QKeySequence.StandardKey.Undo)
        self.redo = self._action(self.tr("重做"), review.redo, ("Ctrl+Y", "Ctrl+Shift+Z"))
        self.done = self._action(self.tr("标记评查完成"), lambda: review.set_done(True), "Ctrl+Return")
        self.next_case = self._action(self.tr("下一份案卷"), lambda: targets.step_case(True), "Ctrl+PgDown")
        self.previous_case = self._action(
            self.tr("上一份案卷"), lambda: targets.step_case(False), "Ctrl+PgUp"
        )

        # 视图
        self.previous_page = self._action(self.tr("上一页"), viewer.previous_page, "PgUp")
        self.previous_page.setIcon(style.standardIcon(sp.SP_ArrowUp))
        self.next_page = self._action(self.tr("下一页"), viewer.next_page, "PgDown")
        self.next_page.setIcon(style.standardIcon(sp.SP_ArrowDown))
        self.zoom_in = self._action(self.tr("放大"), viewer.zoom_in, ("Ctrl+=", "Ctrl++"))
        self.zoom_out = self._action(self.tr("缩小"), viewer.zoom_out, "Ctrl+-")
        self.fit_width = self._action(self.tr("适合宽度"), viewer.fit_width, "Ctrl+1")
        self.fit_page = self._action(self.tr("适合页面"), viewer.fit_page, "Ctrl+2")
        self.rotate_left = self._action(self.tr("向左旋转"), viewer.rotate_left, "Ctrl+L")
        self.rotate_right = self._action(self.tr("向右旋转"), viewer.rotate_right, "Ctrl+R")
        self.find = self._action(
            self.tr("在案卷中查找…"), targets.focus_search, QKeySequence.StandardKey.Find
        )
        self.text_overlay = self._toggle(self.tr("显示识别文字"), viewer.set_text_overlay, "Ctrl+T")
        self.field_marks = self._toggle(self.tr("标注要素位置"), review.set_field_marks, "Ctrl+E")

        # 模式
        self.mode_group = QActionGroup(self)
        self.mode_review = self._mode(self.tr("评查模式"), "review", "Ctrl+F5")
        self.mode_legal = self._mode(self.tr("法制审核模式"), "legal", "Ctrl+F6")
        self.mode_training = self._mode(self.tr("案例培训模式"), "training", "Ctrl+F7")
        self.mode_review.setChecked(True)
        self.legal_opinion = self._action(
            self.tr("撰写法制审核意见书…"), targets.modes.write_opinion, "Ctrl+Shift+L"
        )
        self.training_tag = self._action(self.tr("标记典型案例…"), targets.modes.tag_case, "Ctrl+Shift+T")

        # 导出
        # 导出: one action per export the window offers (casereview_ui/exports.py, WINDOW_EXPORTS)
        exports = targets.exports
        self.exports = {
            name: self._action(self.tr(offer.label), partial(exports.run, name), offer.shortcut)
            for name, offer in WINDOW_EXPORTS.items()
        }
        self.export_scoresheet = self.exports["scoresheet"]
        self.export_annotated = self.exports["annotated"]

        # 会话
        sessions = targets.sessions
        self.session_progress = self._action(self.tr("会话进度…"), sessions.show_progress, None)
        self.session_settle = self._action(self.tr("结算双评"), sessions.settle, None)
        self.session_arbitrate = self._action(self.tr("双评仲裁…"), sessions.arbitrate_current, None)
        self.audit = self._action(self.tr("审计记录…"), sessions.show_audit, "Ctrl+Shift+A")
        followup = targets.followup
        self.ledger = self._action(self.tr("整改台账…"), followup.show_ledger, None)
        self.calibration = self._action(self.tr("我的校准差异…"), followup.show_calibration, None)

        # 帮助
        self.shortcuts = self._action(self.tr("快捷键"), self.show_shortcuts, "F1")
        self.about = self._action(self.tr("关于"), lambda: show_about(targets.services), None)
        self.about_qt = self._action(self.tr("关于 Qt"), lambda: QMessageBox.aboutQt(window), None)

        self._menus()
        self._toolbars()
        self.set_case_loaded(False)
        self.update_session(False, False)

    # -- menus and toolbars ----------------------------------------------------------------------
    def _menus(self) -> None:
        window = self._window
        bar = window.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        file_menu.addActions([self.open, self.open_folder])
        file_menu.addSeparator()
        file_menu.addActions([self.cancel_read, self.cancel_all])
        file_menu.addSeparator()
        file_menu.addActions([self.settings, self.quit])
        review_menu = bar.addMenu(self.tr("评查(&R)"))
        review_menu.addActions(self.review_actions())
        review_menu.addSeparator()
        review_menu.addAction(self.save_reason)
        view_menu = bar.addMenu(self.tr("视图(&V)"))
        view_menu.addActions(self.view_actions())
        view_menu.addSeparator()
        for dock in window.findChildren(QDockWidget):
            view_menu.addAction(dock.toggleViewAction())
        export_menu = bar.addMenu(self.tr("导出(&E)"))
        export_menu.addActions(list(self.exports.values()))
        session_menu = bar.addMenu(self.tr("会话(&S)"))
        session_menu.addActions([self.session_progress, self.session_settle, self.session_arbitrate])
        session_menu.addSeparator()
        session_menu.addActions([self.ledger, self.calibration])
        session_menu.addSeparator()
        session_menu.addAction(self.audit)
        mode_menu = bar.addMenu(self.tr("模式(&M)"))
        mode_menu.addActions([self.mode_review, self.mode_legal, self.mode_training])
        mode_menu.addSeparator()
        mode_menu.addActions([self.legal_opinion, self.training_tag])
        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        help_menu.addActions([self.shortcuts, self.about, self.about_qt])

    def _toolbars(self) -> None:
        toolbar = self._window.addToolBar(self.tr("工具栏"))
        toolbar.setObjectName("mainToolBar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.open)
        toolbar.addSeparator()
        toolbar.addActions([self.previous_page, self.next_page])
        toolbar.addSeparator()
        for action in (self.zoom_out, self.zoom_in, self.fit_width, self.fit_page, self.rotate_right):
            toolbar.addAction(action)
        toolbar.addAction(self.text_overlay)
        toolbar.addSeparator()
        toolbar.addActions([self.undo, self.redo])
        toolbar.addSeparator()
        toolbar.addActions([self.mode_review, self.mode_legal, self.mode_training])

    def review_actions(self) -> list[QAction]:
        return [
            self.next_item,
            self.previous_item,
            self.accept,
            self.override,
            self.manual,
            self.withdraw,
            self.undo,
            self.redo,
            self.done,
            self.next_case,
            self.previous_case,
        ]

    def view_actions(self) -> list[QAction]:
        return [
            self.previous_page,
            self.next_page,
            self.zoom_in,
            self.zoom_out,
            self.fit_width,
            self.fit_page,
            self.rotate_left,
            self.rotate_right,
            self.find,
            self.text_overlay,
            self.field_marks,
        ]

    def shortcut_groups(self) -> list[tuple[str, list[QAction]]]:
        return [
            (self.tr("评查"), self.review_actions()),
            (self.tr("页面"), self.view_actions()),
            (
                self.tr("案卷与模式"),
                [
                    self.open,
                    self.open_folder,
                    self.cancel_read,
                    self.settings,
                    self.mode_review,
                    self.mode_legal,
                    self.mode_training,
                    self.legal_opinion,
                    self.training_tag,
                    self.shortcuts,
                    self.quit,
                ],
            ),
        ]

    def show_shortcuts(self) -> None:
        """F1: every key of these actions, by group."""
        from casereview_ui.dialogs.shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(self.shortcut_groups(), self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.shortcuts_dialog = dialog

    # -- helpers ---------------------------------------------------------------------------------
    def _action(self, text: str, slot: Callable[[], object], shortcut: Shortcut) -> QAction:
        action = QAction(QIcon(), text, self._window)
        if isinstance(shortcut, str):
            action.setShortcut(QKeySequence(shortcut))
        elif isinstance(shortcut, tuple):
            action.setShortcuts([QKeySequence(s) for s in shortcut])
        elif shortcut is not None:
            action.setShortcuts(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self._window.addAction(action)
        return action

    def _toggle(self, text: str, slot: Callable[[bool], object], shortcut: str) -> QAction:
        action = QAction(text, self._window)
        action.setCheckable(True)
        action.setShortcut(QKeySequence(shortcut))
        action.toggled.connect(slot)
        self._window.addAction(action)
        return action

    def _mode(self, text: str, mode: str, shortcut: str) -> QAction:
        action = QAction(text, self._window)
        action.setCheckable(True)
        action.setData(mode)
        action.setShortcut(QKeySequence(shortcut))
        self.mode_group.addAction(action)
        action.triggered.connect(lambda _checked=False: self._targets.modes.set_mode(mode))
        self._window.addAction(action)
        return action

    # -- enabling --------------------------------------------------------------------------------
    def check_mode(self, mode: str) -> None:
        """The 模式 entries show ``mode`` (whichever way it was chosen)."""
        for action in self.mode_group.actions():
            action.setChecked(action.data() == mode)

    def set_case_loaded(self, loaded: bool) -> None:
        for action in self.view_actions()[2:9]:  # zoom, fit, rotate, find: need a page
            action.setEnabled(loaded)
        if not loaded:
            self.update_navigation(0, 0)
        self.update_review()

    def update_session(self, in_session: bool, lead: bool) -> None:
        self.session_progress.setEnabled(in_session)
        self.ledger.setEnabled(in_session)
        for action in (self.session_settle, self.session_arbitrate):
            action.setEnabled(in_session and lead)

    def update_navigation(self, page: int, total: int) -> None:
        self.previous_page.setEnabled(page > 1)
        self.next_page.setEnabled(0 < page < total)

    def update_review(self) -> None:
        review = self._targets.review
        bench = review.bench
        ready = bench is not None and not review.saving  # no second write before the first is stored
        item = review.panel.current_item()
        for action in (self.accept, self.override):
            action.setEnabled(ready and item is not None)
        for action in (self.manual, self.done):
            action.setEnabled(ready)
        for action in (self.legal_opinion, self.training_tag):
            action.setEnabled(bench is not None)
        self.withdraw.setEnabled(ready and bench is not None and item is not None and item in bench.decisions)
        self.save_reason.setEnabled(self.withdraw.isEnabled())
        can_undo = ready and bench is not None and bench.can_undo
        can_redo = ready and bench is not None and bench.can_redo
        self.undo.setEnabled(can_undo)
        self.redo.setEnabled(can_redo)
        undo_text = bench.undo_text() if bench is not None and can_undo else ""
        redo_text = bench.redo_text() if bench is not None and can_redo else ""
        self.undo.setText(self.tr("撤销 {0}").format(undo_text) if undo_text else self.tr("撤销"))
        self.redo.setText(self.tr("重做 {0}").format(redo_text) if redo_text else self.tr("重做"))
        for action in (self.next_item, self.previous_item):
            action.setEnabled(review.sheet is not None)
