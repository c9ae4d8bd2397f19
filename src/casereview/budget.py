"""One memory budget per file read, set from the machine's memory.

A few kilobytes can ask for gigabytes: a PDF page 5000 pt wide, a TIFF of eight 196-megapixel
frames, an XLSX whose one cell sits at XFD1048576, a YAML "billion laughs". Per-object limits do not
catch these (each object is under its limit; the file is not), so every reader charges what it is
about to allocate against one :class:`Budget` for the whole file, and the budget refuses the file with
a message naming it and the limit before the allocation happens.

The budget is ``MemTotal / 8``, at least 512 MiB and at most 4 GiB (3 GiB on a 24 GiB machine);
``CASEREVIEW_MEMORY_BUDGET`` (bytes, or with a K/M/G suffix: ``256M``) overrides it, as does
``IngestOptions.memory_budget``. It bounds what reading one file adds to the process, not the
process itself (the interpreter, PyMuPDF and the OCR models come on top; OCR workers are processes
of their own).

Amounts are charged in their own units (pixels, cells, nodes …) and converted to bytes with a cost
per unit measured on this code (``COSTS``); page images waiting for OCR are *held* (charged until
released), everything else is checked against the whole budget as the peak of one step.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from casereview.errors import ErrorCode, IngestError

ENV_VAR: Final = "CASEREVIEW_MEMORY_BUDGET"
MIB: Final = 1 << 20
FRACTION: Final = 8  # a file may use 1/8 of the machine: other files, the OCR pool and the UI share it
FLOOR: Final = 512 * MIB
CEILING: Final = 4096 * MIB
MIN_OCR_DPI: Final = 100.0  # below this, 10.5-pt text is under ~15 px tall and OCR loses characters
MAX_YAML_DEPTH: Final = 64  # standards nest 6 deep; deeper is an attack on the recursive parser


@dataclass(frozen=True)
class Cost:
    bytes_per_unit: int
    what: str  # Chinese name of the amount, for the message
    unit: str


# Bytes per unit. Page and frame costs were measured (peak RSS of each step, see the tests and
# bench/bench_budget.py); the others are estimates with a margin, kept honest by the same tests.
COSTS: Final[dict[str, Cost]] = {
    # A page image: the RGB pixmap (3 B), its copy as bytes (3 B) while rendering; levelling and the
    # OCR hand-over copy it again later. 8 B/px covers the worst of these at once.
    "pixels": Cost(8, "页面图像像素", "像素"),
    # The same, for one page refused: its limit is the page's share (half the budget).
    "page_pixels": Cost(8, "单页图像像素（按可用于识别的最低分辨率）", "像素"),
    # An image frame refused: decoded in its own mode, beside its page image at the lowest useful
    # resolution; limited by what pages waiting for OCR leave.
    "frame_bytes": Cost(1, "单帧图像解码及识别所需内存", "字节"),
    "bytes": Cost(1, "解压后数据", "字节"),
    # A DOCX unpacked: python-docx parses every XML part into an lxml tree, several times its text.
    "docx_bytes": Cost(6, "DOCX 解压后数据", "字节"),
    # An XLSX's shared strings and styles, parsed whole (the sheets themselves are streamed).
    "xml_bytes": Cost(6, "解压后 XML 数据", "字节"),
    # A JSON text in a package, then its Python objects.
    "json_bytes": Cost(8, "解压后 JSON 数据", "字节"),
    # One cell value in a row list (pointer + object), amortised over small strings and numbers.
    "cells": Cost(64, "表格单元格", "个"),
    # One YAML node with aliases expanded: composed node, constructed object, line record,
    # and pydantic's copy during validation.
    "yaml_nodes": Cost(2048, "YAML 节点（别名展开后）", "个"),
}


def _parse_size(text: str) -> int | None:
    text = text.strip().upper().removesuffix("B").removesuffix("I")
    scale = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}.get(text[-1:], 1)
    number = text[:-1] if scale > 1 else text
    try:
        value = float(number)
    except ValueError:
        return None
    return int(value * scale) if value > 0 and math.isfinite(value) else None


def total_memory() -> int | None:
    """Physical memory in bytes: /proc/meminfo on Linux, sysconf elsewhere, None if unknown."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, OSError, ValueError):
        return None


def default_limit() -> int:
    """The budget of one file read in bytes: the override, else MemTotal/8 within [512 MiB, 4 GiB]."""
    override = overridden()
    if override is not None:
        return override
    total = total_memory()
    if total is None:
        return FLOOR
    return max(FLOOR, min(CEILING, total // FRACTION))


def overridden() -> int | None:
    """The budget set by the environment variable, if it holds a size."""
    return _parse_size(os.environ.get(ENV_VAR, ""))


class OverBudget(IngestError):
    """Reading the file would take more memory than its budget; ``detail`` says what and how much."""

    def __init__(
        self,
        path: str,
        kind: str,
        amount: int,
        limit_units: int,
        budget: int,
        more: bool = False,
        from_machine: bool = True,
    ) -> None:
        cost = COSTS[kind]
        source = f"本机内存的 1/{FRACTION}" if from_machine else "按设置"
        reason = (
            f"{cost.what}达 {amount:,} {cost.unit}{'以上' if more else ''}，上限 {limit_units:,} {cost.unit}；"
            f"每个文件的内存预算为 {budget / MIB:,.0f} MB（{source}），可用环境变量 {ENV_VAR} 调整"
        )
        detail: dict[str, object] = {
            "kind": kind,
            "amount": amount,
            "limit_units": limit_units,
            "budget": budget,
            "reason": reason,
        }
        super().__init__(ErrorCode.OVER_BUDGET, path, detail)

    @property
    def reason(self) -> str:
        return str(self.detail["reason"])


class Budget:
    """What one file read may allocate. ``charge`` checks one step's peak against what is not held;
    ``hold``/``release`` keep page images waiting for OCR on the books until they are done."""

    def __init__(self, path: str | Path, limit: int | None = None) -> None:
        self.path = str(path)
        self.limit = limit if limit is not None else default_limit()
        self.from_machine = limit is None and overridden() is None  # for the message
        self.held = 0  # bytes of page images waiting for OCR
        self.reduced: list[tuple[int, float]] = []  # (page number, dpi) of pages rendered reduced to fit
        # Set by whoever holds pages (ingest's runner): scans and releases them now, so a reader
        # about to shrink a huge image only because of them gets the whole budget instead.
        self.drain: Callable[[], None] | None = None

    @property
    def available(self) -> int:
        return max(self.limit - self.held, 0)

    def units_left(self, kind: str) -> int:
        return self.available // COSTS[kind].bytes_per_unit

    def refuse(self, kind: str, amount: int, more: bool = False) -> OverBudget:
        """The error for ``amount`` units (``more``: counting stopped there, there are more)."""
        share = {"page_pixels": self.page_share(), "frame_bytes": self.available}.get(kind, self.limit)
        limit_units = share // COSTS[kind].bytes_per_unit
        return OverBudget(self.path, kind, amount, limit_units, self.limit, more, self.from_machine)

    def charge(self, kind: str, amount: int) -> int:
        """Check that ``amount`` units fit beside what is held; the bytes they stand for.

        A refusal counts what is held too (in the same units: a file holds one kind), so that a
        sheet refused at its 300th wide row says how many cells it had reached, not one row's."""
        cost = COSTS[kind].bytes_per_unit
        need = max(amount, 0) * cost
        if need > self.available:
            raise self.refuse(kind, amount + self.held // cost)
        return need

    def hold(self, kind: str, amount: int) -> int:
        """``charge`` and keep the bytes on the books until :meth:`release`."""
        need = self.charge(kind, amount)
        self.held += need
        return need

    def release(self, nbytes: int) -> None:
        self.held = max(self.held - nbytes, 0)

    def page_share(self) -> int:
        """Bytes one page image may take: half the budget, so one page in work beside the pages
        waiting for OCR (the reader flushes those at half) stays within it."""
        return self.limit // 2

    def fit_dpi(
        self, width_pt: float, height_pt: float, dpi: float, min_dpi: float = MIN_OCR_DPI
    ) -> float | None:
        """The highest resolution ≤ ``dpi`` at which a page of this size fits its share (whole dpi
        when reduced); None when even ``min_dpi`` (or ``dpi``, if lower) does not fit."""
        pixels_per_dpi2 = max(width_pt, 1.0) * max(height_pt, 1.0) / (72.0 * 72.0)
        most = self.page_share() / COSTS["pixels"].bytes_per_unit
        fitting = math.sqrt(most / pixels_per_dpi2)
        if fitting >= dpi:
            return dpi
        return float(math.floor(fitting)) if fitting >= min(dpi, min_dpi) else None

    def pixels_at(self, width_pt: float, height_pt: float, dpi: float) -> int:
        return math.ceil(width_pt * dpi / 72.0) * math.ceil(height_pt * dpi / 72.0)
