"""A strip of page thumbnails beside the viewer, rendered lazily for the rows on screen.

The model asks for an image the first time a row's icon is wanted (a grey sheet stands in until it
comes); the strip renders the wanted rows that are still visible, a few pages per runner job, so
scrolling fast through 300 pages does not queue 300 renders.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget
from typing_extensions import override

from casereview.domain.model import CaseFile
from casereview_ui.labels import page_range
from casereview_ui.viewer.marks import MarkKind, mark_color
from casereview_ui.viewer.rendering import thumbnail_job
from casereview_ui.workers import TaskRunner

ICON_WIDTH = 120  # logical pixels
ICON_HEIGHT = 170  # an A4 portrait page at ICON_WIDTH
BATCH = 4  # pages per job: small enough that the visible ones arrive in turn
PAGE_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class ThumbnailModel(QAbstractListModel):
    """One row per page: caption 第N页, icon (placeholder until rendered), badge colour."""

    icon_needed = Signal(int)  # page whose image nobody has asked for yet

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sizes: list[tuple[float, float]] = []  # page width, height in points
        self._sha = ""
        self._icons: dict[int, QIcon] = {}
        self._failed: set[int] = set()
        self._requested: set[int] = set()
        self._badges: dict[int, MarkKind] = {}
        self._placeholders: dict[tuple[int, int], QIcon] = {}

    def set_case(self, case: CaseFile | None) -> None:
        self.beginResetModel()
        sha = case.sha256 if case is not None else ""
        if sha != self._sha:  # the same case again keeps its images
            self._icons.clear()
            self._failed.clear()
            self._badges.clear()
        self._requested.clear()
        self._sha = sha
        self._sizes = [(p.width, p.height) for p in case.pages] if case is not None else []
        self.endResetModel()

    def set_image(self, page: int, image: QImage | None, ratio: float = 1.0) -> None:
        """A rendered thumbnail (None: the page could not be rendered; keep the placeholder)."""
        if not 1 <= page <= len(self._sizes):
            return
        if image is None:
            self._failed.add(page)
        else:
            pixmap = QPixmap.fromImage(image)
            painter = QPainter(pixmap)  # an edge: a white page on a white list is invisible
            painter.setPen(QColor(150, 150, 150))
            painter.drawRect(0, 0, pixmap.width() - 1, pixmap.height() - 1)
            painter.end()
            pixmap.setDevicePixelRatio(ratio)
            self._icons[page] = QIcon(pixmap)
        index = self.index(page - 1, 0)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def forget_request(self, page: int) -> None:
        """The row scrolled away before its turn: ask again when it is painted again."""
        self._requested.discard(page)

    def has_image(self, page: int) -> bool:
        return page in self._icons

    def set_badges(self, badges: Mapping[int, MarkKind]) -> None:
        self._badges = dict(badges)
        if self._sizes:
            roles = [Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole]
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._sizes) - 1, 0), roles)

    def badge(self, page: int) -> MarkKind | None:
        return self._badges.get(page)

    # -- QAbstractListModel ----------------------------------------------------------------------
    @override
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._sizes)

    @override
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._sizes):
            return None
        page = index.row() + 1
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return page_range(page, page)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(page)
        if role == PAGE_ROLE:
            return page
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        kind = self._badges.get(page)
        if kind is not None and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(mark_color(kind))
        if kind is not None and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _icon(self, page: int) -> QIcon:
        icon = self._icons.get(page)
        if icon is not None:
            return icon
        if page not in self._requested and page not in self._failed:
            self._requested.add(page)
            self.icon_needed.emit(page)  # the strip queues it; the model is not changed here
        width, height = self._sizes[page - 1]
        return self._placeholder(ICON_WIDTH, max(1, round(ICON_WIDTH * height / max(width, 1.0))))

    def _placeholder(self, width: int, height: int) -> QIcon:
        icon = self._placeholders.get((width, height))
        if icon is None:
            pixmap = QPixmap(width, height)
            pixmap.fill(QColor(236, 236, 236))
            painter = QPainter(pixmap)
            painter.setPen(QColor(190, 190, 190))
            painter.drawRect(0, 0, width - 1, height - 1)
            painter.end()
            icon = self._placeholders[(width, height)] = QIcon(pixmap)
        return icon


class ThumbnailStrip(QListView):
    page_requested = Signal(int)  # the reviewer chose a page

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._case: CaseFile | None = None
        self._password: str | None = None
        self._queue: list[int] = []  # wanted pages, most recently wanted last
        self._busy = False
        self._syncing = False
        self._model = ThumbnailModel(self)
        self.setModel(self._model)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.TopToBottom)
        self.setWrapping(False)  # one column
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)  # sizes from the first row: data() is asked only for visible rows
        self.setIconSize(QSize(ICON_WIDTH, ICON_HEIGHT))
        self.setSpacing(6)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(ICON_WIDTH + 40)
        self._model.icon_needed.connect(self._want)
        self.selectionModel().currentChanged.connect(self._current_changed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)  # gather the rows of one paint into one job
        self._timer.timeout.connect(self._start_batch)

    @property
    def thumbnail_model(self) -> ThumbnailModel:
        return self._model

    @property
    def _kind(self) -> str:
        return f"thumbnails:{id(self)}"

    def set_case(self, case: CaseFile | None, password: str | None = None) -> None:
        self._runner.discard(self._kind)
        self._busy = False
        self._queue.clear()
        self._case, self._password = case, password
        self._model.set_case(case)

    def set_current(self, page: int) -> None:
        """Select ``page`` and scroll to it without asking for it again (the viewer is there)."""
        index = self._model.index(page - 1, 0)
        if not index.isValid():
            return
        self._syncing = True
        try:
            self.setCurrentIndex(index)
        finally:
            self._syncing = False
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def set_badges(self, badges: Mapping[int, MarkKind]) -> None:
        """Colour the captions of pages with marks (e.g. the worst finding status of each page)."""
        self._model.set_badges(badges)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._syncing:
            self.page_requested.emit(current.row() + 1)

    # -- lazy rendering --------------------------------------------------------------------------
    def _want(self, page: int) -> None:
        if page in self._queue:
            self._queue.remove(page)
        self._queue.append(page)
        if not self._busy:
            self._timer.start()

    def _visible(self, page: int) -> bool:
        rect = self.visualRect(self._model.index(page - 1, 0))
        return rect.isValid() and rect.intersects(self.viewport().rect())

    def _start_batch(self) -> None:
        if self._busy or self._case is None or not self._queue:
            return
        wanted = [page for page in self._queue if self._visible(page)]
        for page in set(self._queue) - set(wanted):
            self._model.forget_request(page)
        batch = sorted(wanted[-BATCH:])  # the latest wanted are where the reviewer is looking
        self._queue = [page for page in wanted if page not in batch]
        if not batch:
            return
        ratio = self.devicePixelRatioF()
        width = round(ICON_WIDTH * ratio)
        dpi = min(72, max(24, math.ceil(30 * ratio)))
        self._busy = True
        self._runner.run_task(
            thumbnail_job(self._case, batch, dpi, width, self._password),
            on_done=lambda images: self._rendered(images, ratio),
            on_error=lambda _error: self._rendered(dict.fromkeys(batch), ratio),
            kind=self._kind,
        )

    def _rendered(self, images: dict[int, QImage | None], ratio: float) -> None:
        self._busy = False
        for page, image in images.items():
            self._model.set_image(page, image, ratio)
        if self._queue:
            self._timer.start()
