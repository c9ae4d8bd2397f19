"""File and folder choosers for case files, remembering the last directory in QSettings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

from casereview.ingest.sources import DOCX_SUFFIXES, IMAGE_SUFFIXES, PDF_SUFFIXES

_LAST_DIR = "files/lastDir"


def _tr(text: str) -> str:
    return QCoreApplication.translate("files", text)


def _last_dir() -> str:
    return str(QSettings().value(_LAST_DIR, str(Path.home())))


def _remember(folder: Path) -> None:
    QSettings().setValue(_LAST_DIR, str(folder))


def case_file_filters() -> str:
    readable = " ".join(f"*{s}" for s in sorted(PDF_SUFFIXES | DOCX_SUFFIXES | IMAGE_SUFFIXES))
    images = " ".join(f"*{s}" for s in sorted(IMAGE_SUFFIXES))
    return ";;".join(
        [
            _tr("案卷文件 ({0})").format(readable),
            "PDF (*.pdf)",
            _tr("Word 文档 (*.docx)"),
            _tr("图片 ({0})").format(images),
            _tr("所有文件 (*)"),
        ]
    )


def choose_case_files(parent: QWidget | None) -> list[str]:
    files, _ = QFileDialog.getOpenFileNames(parent, _tr("打开案卷"), _last_dir(), case_file_filters())
    if files:
        _remember(Path(files[0]).parent)
    return list(files)


def choose_case_folder(parent: QWidget | None) -> str | None:
    folder = QFileDialog.getExistingDirectory(parent, _tr("打开页面图片文件夹"), _last_dir())
    if not folder:
        return None
    _remember(Path(folder).parent)
    return folder
