"""Application set-up (Chinese translations, CJK font) and the --smoke-test entry point."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTimer
from PySide6.QtWidgets import QApplication

from casereview_ui.app import cjk_font_family, main


def test_application_is_chinese(app: QApplication) -> None:
    assert QLocale().territory() == QLocale.Country.China
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # Qt's own zh_CN catalogue
    family = cjk_font_family()
    assert family is not None and "CJK" in family
    assert app.font().family() == family
    assert QCoreApplication.applicationName() == "CaseReview"


def test_smoke_test_writes_a_screenshot(
    case_pdf: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    png = tmp_path / "shot.png"
    assert main(["--smoke-test", "--screenshot", str(png), str(case_pdf)]) == 0
    assert png.stat().st_size > 10_000
    assert "自检通过" in capsys.readouterr().err


def test_smoke_test_fails_on_a_bad_case(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 nonsense")
    assert main(["--smoke-test", str(bad)]) == 1
    assert "自检失败" in capsys.readouterr().err


def test_smoke_test_fails_when_the_case_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--smoke-test", str(tmp_path / "missing.pdf")]) == 1
    assert "找不到案卷" in capsys.readouterr().err


def test_none_is_protected_when_the_bindings_leak_it() -> None:
    from casereview_ui.compat import guard_none_refcount, void_calls_leak_none

    if sys.version_info < (3, 12) and void_calls_leak_none():  # PySide6 6.12.0 on Python 3.11
        assert guard_none_refcount()
        assert sys.getrefcount(None) > 2**47
    timer = QTimer()
    for _ in range(20_000):  # would abort the interpreter without the guard
        timer.stop()
