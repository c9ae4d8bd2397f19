"""The colours that mean something, in one place, so a fail is the same red in the findings tree,
on the page, on the thumbnail, on the timeline and in the case list.

Each meaning has one hue; text on white uses a darker shade of it (``ink``) to stay readable.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

FAIL = QColor(214, 39, 40)  # 不符合, 超期, 读取失败
NEEDS_REVIEW = QColor(240, 150, 0)  # 待人工确认: the machine could not decide
PASS = QColor(44, 160, 44)  # 符合, 期限内
FIELD = QColor(31, 119, 220)  # an extracted field; an item still pending
MANUAL = QColor(148, 80, 200)  # the reviewer's own: manual deductions, corrected fields
SEARCH = QColor(225, 190, 0)
CURRENT_SEARCH = QColor(255, 110, 0)
MUTED = QColor(118, 118, 118)  # 不适用, 无法判断, secondary text (4.5:1 on white)

READABLE = 4.5  # WCAG AA contrast for normal text


def contrast_on_white(colour: QColor) -> float:
    """WCAG contrast ratio of ``colour`` against white."""

    def linear(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    luminance = (
        0.2126 * linear(colour.red()) + 0.7152 * linear(colour.green()) + 0.0722 * linear(colour.blue())
    )
    return 1.05 / (luminance + 0.05)


def ink(colour: QColor) -> QColor:
    """The shade of ``colour`` for text on white: the same hue, darkened until it reads at 4.5:1
    (amber needs more than red or blue)."""
    shade = QColor(colour).darker(130)
    while contrast_on_white(shade) < READABLE:
        shade = shade.darker(110)
    return shade
