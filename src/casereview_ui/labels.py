"""Short Chinese UI texts that several widgets share (progress stages, page ranges)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from casereview.progress import ProgressEvent


def _tr(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def stage_name(stage: str) -> str:
    names = {
        "ingest": _tr("读取页面"),
        "ocr": _tr("文字识别"),
        "segment": _tr("划分文书"),
        "extract": _tr("提取要素"),
        "store": _tr("保存"),
        "render": _tr("显示页面"),
    }
    return names.get(stage, stage)


def progress_text(event: ProgressEvent) -> str:
    """``文字识别 3/18`` (the message, when the core gives one, follows)."""
    text = stage_name(event.stage)
    if event.total > 0:
        text += f" {event.done}/{event.total}"
    if event.message:
        text += f"  {event.message}"
    return text


def page_range(first: int, last: int) -> str:
    """``第12页`` or ``第12–13页``."""
    if first == last:
        return _tr("第{0}页").format(first)
    return _tr("第{0}–{1}页").format(first, last)


def page_indicator(page: int, total: int) -> str:
    """``第 3 / 18 页`` (empty when no case is shown)."""
    if total <= 0:
        return ""
    return _tr("第 {0} / {1} 页").format(page, total)
