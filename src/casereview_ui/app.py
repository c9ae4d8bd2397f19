"""Entry point ``casereview-gui [CASE...] [--smoke-test] [--screenshot PNG]``.

Sets up a Chinese Qt application (Qt's own zh_CN translations, China locale, a CJK font) and opens
the workstation window on the given case files, or on the bundled demo case when none is given.
``--smoke-test`` opens the window, reads the case through the same worker path, optionally saves a
screenshot and exits: 0 when everything worked, 1 with a Chinese message otherwise.
"""

from __future__ import annotations

import argparse
import gc
import logging
import multiprocessing
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

from casereview import __version__
from casereview.paths import APP_NAME, demo_case_path
from casereview_ui import dbguard
from casereview_ui.cases import CaseState
from casereview_ui.dialogs import RecordingPrompts
from casereview_ui.mainwindow import MainWindow
from casereview_ui.settings import AppSettings

ORGANISATION = "CaseReview"
SMOKE_TIMEOUT_S = 120.0
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Noto Serif CJK SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "SimSun",
)


def _say(message: str) -> None:
    """Print to stderr when there is one (a windowed Windows build has none)."""
    if sys.stderr is not None:
        print(message, file=sys.stderr)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="casereview-gui", description="案卷评查工作站")
    parser.add_argument("cases", nargs="*", metavar="CASE", help="要打开的案卷（PDF、DOCX、图片或文件夹）")
    parser.add_argument("--smoke-test", action="store_true", help="打开主窗口读取演示案卷后退出（自检）")
    parser.add_argument("--screenshot", metavar="PNG", type=Path, help="自检时把主窗口截图保存到此文件")
    parser.add_argument("--timeout", type=float, default=SMOKE_TIMEOUT_S, help="自检等待读取的最长秒数")
    parser.add_argument("--version", action="version", version=f"casereview-gui {__version__}")
    return parser


def cjk_font_family() -> str | None:
    """The first preferred CJK family installed, else any family that writes Simplified Chinese."""
    installed = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in installed:
            return family
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    return chinese[0] if chinese else None


# Full (generation-2) garbage collections hold the GIL while they walk every tracked object: with
# a 300-page case being read in a worker that is 50–100 ms during which the window cannot paint.
# Startup objects (Qt bindings, modules, the standards) are moved out of the collector's sight and
# full collections made rare; young objects are still collected as usual.
GC_THRESHOLDS = (50_000, 20, 100)


def tune_garbage_collector() -> None:
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def configure_application(app: QApplication) -> None:
    """Names for QSettings, China locale, Qt's Chinese translations and a CJK font (once per app)."""
    if app.property("casereviewConfigured"):
        return
    app.setProperty("casereviewConfigured", True)
    tune_garbage_collector()
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setOrganizationDomain("casereview.local")
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setApplicationDisplayName("案卷评查工作站")
    china = QLocale(QLocale.Language.Chinese, QLocale.Script.SimplifiedChineseScript, QLocale.Country.China)
    QLocale.setDefault(china)
    translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)  # Qt's own dialogs and buttons: 确定, 取消, 打开 …
    if translator.load(china, "qtbase", "_", translations):
        app.installTranslator(translator)
    family = cjk_font_family()
    if family is not None:
        font = QFont(family)
        font.setPointSizeF(max(app.font().pointSizeF(), 10.0))
        app.setFont(font)
    else:
        logging.getLogger(__name__).warning("no CJK font found: Chinese text may show as boxes")


def application(argv: Sequence[str]) -> QApplication:
    """The running QApplication, or a new one configured for CaseReview."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(list(argv))
    configure_application(app)
    return app


def main(argv: Sequence[str] | None = None) -> int:
    multiprocessing.freeze_support()  # the OCR pool spawns workers: needed in a frozen build
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    raw = list(sys.argv[1:] if argv is None else argv)
    had_app = QApplication.instance() is not None
    app = application([sys.argv[0] if sys.argv else "casereview-gui", *raw])
    if not had_app:
        raw = app.arguments()[1:]  # Qt has taken its own options (-platform, -style …)
    args = _parser().parse_args(raw)
    if args.smoke_test:
        return smoke_test([Path(c) for c in args.cases], args.screenshot, args.timeout)
    guard = dbguard.mode_from_env()  # CASEREVIEW_GUI_DB_GUARD=1 / record: database work on the GUI thread
    if guard:
        dbguard.install(guard)
    window = MainWindow()
    window.show()
    if args.cases:
        window.open_paths(args.cases)
    else:
        started = False

        def first_case() -> None:  # once the stored cases are listed (on the task runner)
            nonlocal started
            if not started:
                started = True
                if window.restore_last_case() is None and demo_case_path().exists():
                    window.open_demo()

        window.configured.connect(first_case)
    rc = app.exec()
    window.runner.shutdown()
    return rc


def missing_rules() -> list[str]:
    """Rule ids of the catalogue that are not registered (empty when every rule is there)."""
    from casereview.rules import CATALOGUE
    from casereview.rules.base import REGISTRY

    return [rule for rule in CATALOGUE if rule not in REGISTRY]


def smoke_settings() -> AppSettings:
    """The smoke test checks with the installed defaults, whatever the user's settings say."""
    return AppSettings(reviewer="自检")


def smoke_test(cases: list[Path], screenshot: Path | None, timeout_s: float = SMOKE_TIMEOUT_S) -> int:
    """Open the window on ``cases`` (default: the demo case), read them, grab a screenshot, close."""
    prompts = RecordingPrompts()
    window = MainWindow(prompts=prompts, persist_layout=False, settings=smoke_settings())
    try:
        window.show()
        paths = cases or [demo_case_path()]
        missing = [p for p in paths if not p.exists()]
        if missing:
            _say(f"自检失败：找不到案卷 {missing[0]}")
            return 1
        opened = window.open_paths(paths)
        if not window.runner.wait_for_idle(timeout_s):
            _say(f"自检失败：{timeout_s:.0f} 秒内未读完案卷")
            return 1
        failed = [c for c in opened if c.state != CaseState.READY]
        if failed or prompts.errors:
            message = failed[0].message if failed else prompts.errors[0][1]
            _say(f"自检失败：{message}")
            return 1
        window.select_case(opened[0])
        window.runner.wait_for_idle(timeout_s)
        if window.review.sheet is None:
            _say("自检失败：评查标准未能检查演示案卷")
            return 1
        unregistered = missing_rules()
        if unregistered:  # a frozen build that lost a rule module would score cases wrongly
            _say(f"自检失败：规则未加载：{'、'.join(unregistered)}")
            return 1
        selected = window.review.select_first_failing()
        window.runner.wait_for_idle(timeout_s)
        if screenshot is not None:
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            if not window.grab().save(str(screenshot), "PNG"):
                _say(f"自检失败：无法保存截图 {screenshot}")
                return 1
        sheet = window.review.sheet
        for case in opened:
            assert case.analysis is not None
            pages, docs = case.analysis.case.page_count, len(case.analysis.documents)
            _say(f"自检通过：{case.name}，{pages} 页，{docs} 份文书")
        _say(f"评查：{sheet.score:g} 分，{sheet.grade}；首个扣分项 {selected or '无'}")
        return 0
    except Exception as exc:  # the smoke test reports any failure as a message and exit code
        _say(f"自检失败：{type(exc).__name__}: {exc}")
        return 1
    finally:
        window.runner.cancel_all()
        window.runner.wait_for_idle(10.0)
        window.close()
        window.deleteLater()


if __name__ == "__main__":
    sys.exit(main())
