"""Format-neutral document content: blocks that the PDF, image and DOCX renderers all lay out alike."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

Cell = tuple[str, float]  # text, share of the row width


@dataclass
class Block:
    kind: str  # para | plain | center | right | table | sign | gap | photo | small
    text: str = ""
    rows: list[list[Cell]] = field(default_factory=list)
    size: float = 12.0
    bold: bool = False
    seal: str | None = None  # "agency" or "bank": a red seal over the first line of a sign block
    height: float = 0.0  # gap/photo height in points
    min_row: float = 0.0  # minimum table row height (tall free-text cells)


@dataclass
class Doc:
    type: str  # doctypes string, e.g. 行政处罚决定书
    title: str  # printed title
    blocks: list[Block]
    case_no: str | None = None  # printed as 案号：… at the top right of the first page
    agency_line: str | None = None
    form_line: str | None = None  # 交通运输行政执法文书式样之N
    serves: str | None = None  # for 送达回证: the type of the served document
    footer: str | None = None  # per-page footer; {page} and {pages} are filled in
    numbered: bool = True  # carries an archive page number (not cover, 目录, 备考表)
    title_size: float = 20.0
    key: str = ""  # identifies the document for defect targeting (type or 送达回证:<served>)
    date: dt.date | None = None  # listed in the 卷内目录

    def __post_init__(self) -> None:
        if not self.key:
            self.key = f"送达回证:{self.serves}" if self.serves else self.type


def para(text: str, size: float = 12.0) -> Block:
    return Block("para", text, size=size)


def plain(text: str, size: float = 12.0, bold: bool = False) -> Block:
    return Block("plain", text, size=size, bold=bold)


def center(text: str, size: float = 12.0, bold: bool = False) -> Block:
    return Block("center", text, size=size, bold=bold)


def right(text: str, size: float = 12.0) -> Block:
    return Block("right", text, size=size)


def gap(height: float) -> Block:
    return Block("gap", height=height)


def small(text: str) -> Block:
    return Block("small", text, size=9.5)


def sign(*lines: str, seal: str | None = None) -> Block:
    return Block("sign", "\n".join(lines), seal=seal)


def table(rows: list[list[Cell]], size: float = 11.0, min_row: float = 0.0) -> Block:
    return Block("table", rows=rows, size=size, min_row=min_row)


def kv(*pairs: tuple[str, str], label: float = 0.24) -> list[list[Cell]]:
    """Label/value rows; pairs of pairs on one row when given as ("a|b", "x|y")."""
    rows: list[list[Cell]] = []
    for k, v in pairs:
        if "|" in k:
            k1, k2 = k.split("|")
            v1, v2 = v.split("|")
            rows.append(
                [(k1, label / 1.5), (v1, 0.5 - label / 1.5), (k2, label / 1.5), (v2, 0.5 - label / 1.5)]
            )
        else:
            rows.append([(k, label), (v, 1 - label)])
    return rows


def photo(caption: str, height: float = 210.0) -> Block:
    return Block("photo", caption, height=height)
