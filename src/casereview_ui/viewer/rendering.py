"""The viewer's render jobs: page images from the core as QImages (run by the worker runner)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from casereview.domain.model import CaseFile
from casereview.errors import Cancelled
from casereview.progress import CancelToken, ProgressEvent
from casereview.render import RenderedPage, render_page
from casereview_ui.viewer.cache import PageImage

log = logging.getLogger(__name__)


def _qimage(page: RenderedPage) -> QImage:
    """A QImage owning its pixels (QImage and its copies are safe outside the GUI thread)."""
    fmt = QImage.Format.Format_RGB888
    return QImage(page.rgb, page.width, page.height, page.width * 3, fmt).copy()


def render_job(case: CaseFile, number: int, dpi: int, password: str | None) -> Callable[..., PageImage]:
    """A runner job: render a page and wrap it in a QImage."""

    def job(_progress: Callable[[ProgressEvent], None], cancel: CancelToken) -> PageImage:
        cancel.check(case.source)
        page = render_page(case, number, dpi, password)
        return PageImage(_qimage(page), page.scale)

    return job


def thumbnail_job(
    case: CaseFile, numbers: Sequence[int], dpi: int, width: int, password: str | None
) -> Callable[..., dict[int, QImage | None]]:
    """A runner job: small images of several pages, ``width`` pixels wide (None: could not render)."""

    def job(_progress: Callable[[ProgressEvent], None], cancel: CancelToken) -> dict[int, QImage | None]:
        images: dict[int, QImage | None] = {}
        for number in numbers:
            cancel.check(case.source)  # between pages: a new batch need not wait for this one
            try:
                page = render_page(case, number, dpi, password)
            except Cancelled:
                raise
            except Exception as error:  # one bad page keeps its placeholder, the others still come
                log.warning("thumbnail of page %s not rendered: %s", number, error)
                images[number] = None
                continue
            images[number] = _qimage(page).scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
        return images

    return job
