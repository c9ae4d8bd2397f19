"""The case being written: the plan, the output PDF, the documents made so far and page furniture."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

import pymupdf

from casegen.model import Plan
from families.saibei.canvas import LEFT, RIGHT, Fonts, Sheet, W
from families.saibei.fmt import Names


@dataclass
class Made:
    type: str
    title: str
    key: str
    sheet: Sheet
    date: dt.date | None = None
    serves: str | None = None
    platform: bool = True  # printed by the enforcement platform (header, footer page count)
    listed: str = ""  # name in the 卷内目录 (defaults to the title)


@dataclass
class Book:
    plan: Plan
    out: pymupdf.Document
    fonts: Fonts
    rng: random.Random
    docs: list[Made] = field(default_factory=list)
    serial: int = 0

    @property
    def names(self) -> Names:
        return Names(self.plan)

    def sheet(self, key: str, platform: bool = True, out: pymupdf.Document | None = None) -> Sheet:
        """A new document's writer with the platform header and the C-01/C-02 text swaps."""
        m = self.plan.mut
        swaps: list[tuple[str, str]] = []
        if m.get("c01_type") == key:
            swaps.append((m["c01_from"], m["c01_number"]))
        if m.get("c02_type") == key:
            swaps.append((m["c02_from"], m["c02_name"]))

        def sub(s: str) -> str:
            for a, b in swaps:
                s = s.replace(a, b)
            return s

        self.serial += 1
        head = self._head(self.serial) if platform else None
        sh = Sheet(
            out if out is not None else self.out,
            self.fonts,
            head,
            sub,
            seed=self.plan.seed * 31 + self.serial,
        )
        sh.seal_name = self.plan.agency.name
        return sh

    def _head(self, serial: int):
        a = self.plan.agency
        flow = f"SB{self.plan.number.year}{self.plan.seed % 9000 + 1000:04d}{serial:03d}"

        def draw(page: pymupdf.Page) -> None:
            grey = (0.45, 0.45, 0.45)
            fn = self.fonts.name("r")
            page.insert_text(
                (LEFT, 44), f"{a.province}交通运输综合执法管理平台", fontname=fn, fontsize=7.5, color=grey
            )
            tail = f"文书流水号：{flow}"
            w = self.fonts.measure("r").text_length(tail, fontsize=7.5)
            page.insert_text((RIGHT - w, 44), tail, fontname=fn, fontsize=7.5, color=grey)
            page.draw_line((LEFT, 49), (RIGHT, 49), color=grey, width=0.8)
            page.draw_line((LEFT, 51), (RIGHT, 51), color=grey, width=0.3)

        return draw

    def add(self, made: Made) -> Made:
        self.docs.append(made)
        return made

    def footers(self) -> None:
        """第X页/共Y页 at the foot of every platform-printed page, per document."""
        for made in self.docs:
            if not made.platform:
                continue
            n = len(made.sheet.pages)
            for i, number in enumerate(made.sheet.pages):
                page = self.out[number]
                text = f"第{i + 1}页/共{n}页"
                w = self.fonts.measure("r").text_length(text, fontsize=8)
                page.insert_text(((W - w) / 2, 812), text, fontname=self.fonts.name("r"), fontsize=8)
