"""The window's own dialogs: 设置 (opened once the installed standards are read off the GUI
thread) and 关于."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from casereview import __version__
from casereview.errors import CaseReviewError
from casereview.messages import describe
from casereview.standards.registry import installed_standards
from casereview_ui.services import WindowServices
from casereview_ui.settings import AppSettings, save_settings

if TYPE_CHECKING:
    from casereview_ui.dialogs.settings import SettingsDialog


def open_settings(
    services: WindowServices,
    accepted: Callable[[AppSettings], None],
    opened: Callable[[SettingsDialog], None],
) -> None:
    """Read the installed standards on the task runner, then open the settings dialog (``opened``);
    OK saves the settings and hands them to ``accepted``."""
    from casereview_ui.dialogs.settings import SettingsDialog

    def show(standards: object) -> None:
        assert isinstance(standards, dict)
        dialog = SettingsDialog(services.settings(), standards, services.parent, task_runner=services.runner)

        def ok() -> None:
            settings = dialog.settings()
            save_settings(settings)
            accepted(settings)

        dialog.accepted.connect(ok)
        dialog.setModal(True)
        dialog.open()
        opened(dialog)

    services.runner.run_task(
        lambda _p, _c: dict(installed_standards()),  # a read-only Mapping: the dialog wants a dict
        on_done=show,
        on_error=lambda exc: (
            services.report_error(describe(exc)) if isinstance(exc, CaseReviewError) else None
        ),
        kind="settings",
    )


def show_about(services: WindowServices) -> None:
    parent = services.parent
    text = parent.tr(
        "<h3>案卷评查工作站 {0}</h3>"
        "<p>交通运输行政执法案卷评查：读取案卷、划分文书、提取要素、逐项评查。</p>"
        "<p>本程序依据 GNU Affero 通用公共许可证第 3 版或更高版本（AGPL-3.0-or-later）发布。</p>"
    ).format(__version__)
    services.prompts.info(parent, parent.tr("关于 案卷评查工作站"), text)
