"""Helpers for UI tests: a small digital case file (PyMuPDF's built-in Chinese font), waiting."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from casereview_ui.mainwindow import MainWindow

# (page title, body lines); page numbers follow the list order (1-based).
PAGES: list[tuple[str, list[str]]] = [
    (
        "立案登记表",
        [
            "案号：交执罚〔2026〕12号",
            "当事人：张三",
            "案由：未取得道路运输经营许可擅自从事道路运输经营",
            "立案日期：2026年3月2日",
        ],
    ),
    (
        "询问笔录",
        [
            "询问时间：2026年3月3日9时至10时",
            "执法人员：李四 执法证号：14010011 王五 执法证号：14010012",
            "被询问人：张三",
        ],
    ),
    (
        "行政处罚决定书",
        [
            "交执罚〔2026〕12号",
            "当事人：张三",
            "违法事实：2026年2月28日，当事人驾驶晋A12345号车辆从事道路运输经营。",
            "依据《中华人民共和国道路运输条例》第六十三条，决定给予如下行政处罚：",
            "罚款人民币20000元（贰万元整）。",
        ],
    ),
    ("", ["太原市交通运输局", "2026年3月20日"]),
    (
        "送达回证",
        [
            "送达文书：行政处罚决定书 交执罚〔2026〕12号",
            "受送达人：张三",
            "送达日期：2026年3月21日",
        ],
    ),
]


def write_case_pdf(path: Path, pages: list[tuple[str, list[str]]] | None = None, password: str = "") -> Path:
    doc = pymupdf.open()
    for title, lines in pages or PAGES:
        page = doc.new_page(width=595, height=842)
        if title:
            page.insert_text((200, 90), title, fontname="china-s", fontsize=22)
        y = 150.0
        for line in lines:
            page.insert_text((72, y), line, fontname="china-s", fontsize=12)
            y += 28
    if password:
        doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw=password, user_pw=password)
    else:
        doc.save(path)
    doc.close()
    return path


def wait_loaded(window: MainWindow, timeout_s: float = 60.0) -> None:
    """Let every worker job (reading, rendering) deliver its result."""
    assert window.runner.wait_for_idle(timeout_s), "worker jobs did not finish"


def save_screenshot(widget: object, name: str, fallback_dir: Path) -> Path:
    """Grab ``widget`` to ``name``: into $CASEREVIEW_SCREENSHOT_DIR when set (``make screenshots``
    points it at docs/screenshots), else into the test's own directory. Returns the file."""
    import os

    from PySide6.QtWidgets import QWidget

    assert isinstance(widget, QWidget)
    folder = Path(os.environ.get("CASEREVIEW_SCREENSHOT_DIR") or fallback_dir)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    image = widget.grab().toImage()
    assert image.width() > 200 and image.height() > 100
    colours = {image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 37)}
    assert len(colours) > 20, "the screenshot is blank"
    assert image.save(str(target), "PNG")
    return target
