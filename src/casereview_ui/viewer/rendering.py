"""The viewer's render job: a page image from the core, as a QImage (run by the worker runner)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QImage

from casereview.domain.model import CaseFile
from casereview.progress import CancelToken, ProgressEvent
from casereview.render import render_page
from casereview_ui.viewer.cache import PageImage


def render_job(case: CaseFile, number: int, dpi: int, password: str | None) -> Callable[..., PageImage]:
    """A runner job: render a page and wrap it in a QImage (safe outside the GUI thread)."""

    def job(_progress: Callable[[ProgressEvent], None], cancel: CancelToken) -> PageImage:
        cancel.check(case.source)
        page = render_page(case, number, dpi, password)
        fmt = QImage.Format.Format_RGB888
        image = QImage(page.rgb, page.width, page.height, page.width * 3, fmt).copy()
        return PageImage(image, page.scale)

    return job
