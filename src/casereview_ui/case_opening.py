"""Opening case files: from the 文件 menu, by drag and drop or by path (the command line, a test).
Reading runs in the background, one file at a time (:class:`~casereview_ui.cases.CaseLoader`); a
read can be cancelled."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QMimeData, QObject

from casereview.errors import CaseReviewError, ErrorCode
from casereview.messages import describe
from casereview.paths import demo_case_path
from casereview_ui.case_browser import CaseBrowser
from casereview_ui.cases import CaseLoader, CaseState, OpenCase
from casereview_ui.services import WindowServices
from casereview_ui.shown_views import STATUS_TIMEOUT_MS


def local_paths(mime: QMimeData) -> list[str]:
    """The local files of a drag (URLs of other schemes are left out)."""
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]


class CaseOpener(QObject):
    def __init__(
        self,
        services: WindowServices,
        browser: CaseBrowser,
        loader: CaseLoader,
        update_busy: Callable[[], None],
    ) -> None:
        super().__init__(services.parent)
        self._services, self._browser, self._loader, self._update_busy = (
            services,
            browser,
            loader,
            update_busy,
        )

    def open_paths(self, paths: Iterable[str | Path]) -> list[OpenCase]:
        """Open (or re-select) each path; reading runs in the background, one file at a time."""
        cases, loader = self._browser.cases, self._loader
        opened: list[OpenCase] = []
        for raw in paths:
            path = Path(raw)
            case = cases.find(path)
            if case is None:
                case = OpenCase(path)
                cases.add(case)
                loader.load(case)
            elif case.state == CaseState.FAILED:
                loader.load(case)
            opened.append(case)
        if opened:
            self._browser.filter_bar.clear()  # a new file must be visible whatever filter was on
            self._browser.select_case(opened[0])
        self._update_busy()
        return opened

    def open_demo(self) -> OpenCase | None:
        path = demo_case_path()
        if not path.exists():
            self._services.report_error(describe(CaseReviewError(ErrorCode.FILE_NOT_FOUND, str(path))))
            return None
        return self.open_paths([path])[0]

    def choose_files(self) -> None:
        files = self._services.prompts.open_files(self._services.parent)
        if files:
            self.open_paths(files)

    def choose_folder(self) -> None:
        folder = self._services.prompts.open_folder(self._services.parent)
        if folder:
            self.open_paths([folder])

    def cancel_current_read(self) -> None:
        case = self._browser.current_case()
        if case is not None and self._loader.cancel(case):
            self._services.status(self.tr("已取消读取 {0}").format(case.name), STATUS_TIMEOUT_MS)

    def cancel_all_reads(self) -> None:
        count = self._loader.cancel_all()
        if count:
            self._services.status(self.tr("已取消 {0} 份案卷的读取").format(count), STATUS_TIMEOUT_MS)
