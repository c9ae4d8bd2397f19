"""Writing one document down its pages: headings, underlined blanks, ruled form tables, prose,
signature and seal blocks, with a page break whenever the next piece does not fit."""

from __future__ import annotations

import datetime as dt
import random

from families.qiannan.canvas import BOTTOM, LEFT, RIGHT, TOP, Sheet, font, wrap
from families.qiannan.words import sign

LINE = 58  # line pitch of filled-in text (px)


class Writer:
    def __init__(self, rng: random.Random, agency: str, title: str, case_no: str | None = None) -> None:
        self.rng, self.agency, self.title = rng, agency, title
        self.ink = "fill"  # values filled in by hand; "print" for slips and web printouts
        self.sheets: list[Sheet] = []
        self.y = TOP
        self._new(first=True)
        if case_no is not None:
            self.number(case_no)

    # page furniture -------------------------------------------------------------------------
    def _new(self, first: bool = False) -> None:
        s = Sheet.blank(self.rng)
        self.sheets.append(s)
        self.y = TOP
        if first:
            w = font("form", 40).getlength(self.agency)
            s.text((LEFT + RIGHT - w) / 2, self.y, self.agency, "form", 40)
            self.y += 70
            spaced = " ".join(self.title) if len(self.title) <= 7 else self.title
            w = font("title", 58).getlength(spaced)
            s.text((LEFT + RIGHT - w) / 2, self.y, spaced, "title", 58)
            self.y += 110
        else:
            s.text(LEFT, self.y, f"（{self.title} 续页）", "form", 28)
            self.y += 60

    @property
    def sheet(self) -> Sheet:
        return self.sheets[-1]

    def ensure(self, h: float) -> None:
        if self.y + h > BOTTOM:
            self._new()

    def number(self, case_no: str) -> None:
        """案号 at the right, written on a short underline."""
        f = font("fill", 32)
        w = f.getlength(case_no) + 40
        x = RIGHT - w - font("form", 32).getlength("案号：")
        x += self.sheet.text(x, self.y, "案号：", "form", 32)
        self.sheet.text(x + 20, self.y - 3, case_no, "fill", 32)
        self.sheet.rule(x, self.y + 44, RIGHT, self.y + 44, 1)
        self.y += 80

    # filled-in pieces -----------------------------------------------------------------------
    def blanks(self, items: list[tuple[str, str]], widths: list[float] | None = None) -> None:
        """One row of ``label ____value____`` blanks sharing the line."""
        self.ensure(LINE + 10)
        n = len(items)
        widths = widths or [1 / n] * n
        x = LEFT
        for (label, value), frac in zip(items, widths, strict=True):
            end = x + (RIGHT - LEFT) * frac
            x0 = x + self.sheet.text(x, self.y, label, "form", 32) + 6
            jit = self.rng.uniform(-5, 3)
            size = self.rng.choice((31, 32, 33))
            room = end - x0 - 20
            while font(self.ink, size).getlength(value) > room and size > 22:
                size -= 1
            self.sheet.text(x0 + 12, self.y + jit, value, self.ink, size)
            self.sheet.rule(x0, self.y + 44, end - 14, self.y + 44, 1)
            x = end
        self.y += LINE

    def para(
        self, s: str, *, kind: str = "fill", size: int = 32, indent: bool = True, noisy: bool = False
    ) -> None:
        first = "\u3000\u3000" if indent else ""
        for ln in wrap(first + s, kind, size, RIGHT - LEFT):
            self.ensure(LINE)
            self.sheet.text(LEFT, self.y, ln, kind, size, noisy=noisy)
            self.y += LINE if kind == "fill" else LINE - 4

    def heading(self, s: str) -> None:
        self.ensure(LINE * 2)
        self.y += 8
        self.sheet.text(LEFT, self.y, s, "title", 33)
        self.y += LINE

    def gap(self, h: float = 24) -> None:
        self.y += h

    def table(self, rows: list[list[tuple[str, str]]], label_w: float = 210, noisy: bool = False) -> None:
        """A ruled form: each row holds (label, value) cells sharing the width evenly; a value wraps
        inside its cell; a row that does not fit goes to the next page."""
        for row in rows:
            cell_w = (RIGHT - LEFT) / len(row)
            wrapped = [wrap(v, "fill", 30, cell_w - label_w - 24) for _, v in row]
            labels = [wrap(lb, "form", 30, label_w - 16) for lb, _ in row]
            h = max(max(len(w) for w in wrapped), max(len(lb) for lb in labels)) * 48 + 30
            if self.y + h > BOTTOM:
                self._new()
            s = self.sheet
            for i, ((_, _), lines, lbl) in enumerate(zip(row, wrapped, labels, strict=True)):
                x0 = LEFT + i * cell_w
                s.box(x0, self.y, x0 + cell_w, self.y + h)
                s.rule(x0 + label_w, self.y, x0 + label_w, self.y + h)
                for k, ln in enumerate(lbl):
                    s.text(x0 + 10, self.y + 15 + k * 48, ln, "form", 30)
                dx, dy = self.rng.uniform(-4, 10), self.rng.uniform(-6, 4)
                for k, ln in enumerate(lines):
                    s.text(x0 + label_w + 14 + dx, self.y + 15 + dy + k * 48, ln, self.ink, 30, noisy=noisy)
            self.y += h
        self.y += 20

    def checks(self, options: list[tuple[str, bool]]) -> None:
        """□/☑ options on one line."""
        self.ensure(LINE)
        x = LEFT
        for label, on in options:
            self.sheet.box(x, self.y + 6, x + 30, self.y + 36)
            if on:
                self.sheet.draw.line(
                    (x + 4, self.y + 20, x + 13, self.y + 33, x + 34, self.y - 2), fill=(28, 38, 96), width=4
                )
            x += 42 + self.sheet.text(x + 42, self.y, label, "form", 30) + 30
        self.y += LINE

    # signatures -----------------------------------------------------------------------------
    def signed(self, label: str, when: dt.date | None, name: str = "", *, right: bool = False) -> None:
        """``label`` + a scribble (+ the typed name when the form asks for it) + the date."""
        self.ensure(LINE + 20)
        x = LEFT + (RIGHT - LEFT) * 0.45 if right else LEFT
        x += self.sheet.text(x, self.y, label, "form", 32) + 10
        if name:
            x += self.sheet.text(x, self.y, name, "fill", 32) + 12
        self.sheet.scribble(self.rng, x, self.y + 20, 130)
        if when:
            self.sheet.text(
                RIGHT - font("fill", 30).getlength(sign(when)), self.y + 2, sign(when), "fill", 30
            )
        self.y += LINE + 12

    def issuer(self, when: dt.date, *, seal: bool, label: str = "（印章）") -> None:
        """The agency's name and the date at the right, the seal across both."""
        self.ensure(300)
        self.y += 110
        name = self.agency + label
        x = RIGHT - font("form", 34).getlength(name) - 20
        self.sheet.text(x, self.y, name, "form", 34)
        d = sign(when)
        xd = RIGHT - font("fill", 34).getlength(d) - 40
        self.sheet.text(xd, self.y + 80, d, "fill", 34)
        if seal:
            # over the agency's name, its rim just touching the date
            self.sheet.seal(self.agency, x + (RIGHT - x) / 2 - 20, self.y - 72, self.rng)
        self.y += 170

    def footnote(self, s: str) -> None:
        self.ensure(LINE)
        self.para(s, kind="form", size=26, indent=False)
