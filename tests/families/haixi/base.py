"""Shared pieces of the Haixi forms: page furniture, the red letterhead, the nested party block."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pymupdf

from families.contract import RenderedDoc
from families.haixi.canvas import GREY, LEFT, RED, RIGHT, Book, Cell, Flow, small, text_width
from families.haixi.fmt import Case

# Internal form codes printed at the top right of each form (this system's own numbering).
CODES = {
    "立案登记表": "ZF-01",
    "询问笔录": "ZF-02",
    "勘验笔录": "ZF-03",
    "现场笔录": "ZF-04",
    "证据登记保存清单": "ZF-06",
    "解除证据登记保存决定书": "ZF-07",
    "行政强制措施决定书": "ZF-08",
    "解除行政强制措施决定书": "ZF-10",
    "案件调查报告": "ZF-31",
    "陈述申辩笔录": "ZF-33",
    "听证笔录": "ZF-13",
    "法制审核意见": "ZF-35",
    "重大案件集体讨论记录": "ZF-36",
    "当场行政处罚决定书": "ZF-14",
    "送达回证": "ZF-23",
    "结案报告": "ZF-24",
}
COPIES = "（本文书一式两份，一份交当事人，一份由执法部门存档。）"


@dataclass
class Made:
    """A drawn document, with what the 卷内文件目录 needs to list it."""

    doc: RenderedDoc
    date: dt.date | None
    numbered: bool = True  # carries the case number (listed under 文号)


def form_flow(book: Book, case: Case, typ: str, signer: str = "") -> Flow:
    """Internal forms: grey system header with the form code; page x of n; optional signer line."""
    code = CODES.get(typ, "ZF-99")
    province = case.a.province or case.a.name[:3]

    def furniture(page: pymupdf.Page, i: int, n: int) -> None:
        small(page, book, LEFT, 44, f"{province}交通运输综合行政执法文书")
        small(page, book, RIGHT - text_width(book, code, 8.5), 44, code)
        page.draw_line((LEFT, 49), (RIGHT, 49), color=GREY, width=0.4)
        if signer:
            small(page, book, LEFT, 808, signer, 10, (0, 0, 0))
        if n > 1:
            s = f"第 {i + 1} 页（共 {n} 页）"
            small(page, book, (LEFT + RIGHT - text_width(book, s, 9)) / 2, 825, s, 9)

    return book.flow(furniture)


def letter_flow(book: Book, case: Case) -> Flow:
    """Documents sent to the party: red letterhead (agency name in red over a red double rule)."""

    def furniture(page: pymupdf.Page, i: int, n: int) -> None:
        if n > 1:
            s = f"— {i + 1} —"
            small(page, book, (LEFT + RIGHT - text_width(book, s, 11)) / 2, 815, s, 11, (0, 0, 0))

    flow = book.flow(furniture)
    flow.y = 40
    flow.text(case.a.name, 24, bold=True, align="center", color=RED, lead=1.6)
    flow.gap(4)
    flow.rule(RED, 2.0)
    flow.gap(3)
    flow.rule(RED, 0.6)
    flow.gap(8)
    return flow


def number_line(flow: Flow, number: str) -> None:
    flow.text(number, 12, align="right", lead=1.4)
    flow.gap(6)


def done(
    flow: Flow, typ: str, title: str, date: dt.date | None, *, serves: str | None = None, numbered=True
) -> Made:
    n, sealed = flow.finish()
    return Made(RenderedDoc(typ, n, title, serves, sealed), date, numbered)


def party_block(flow: Flow, case: Case, key: str, size: float = 11, label: str = "当事人") -> None:
    """The party as a nested block: a side cell spanning the detail rows (individual or unit)."""
    p = case.p
    name = case.name(key)
    if case.org:
        rows = [
            [Cell("单位名称", 0.22, True), Cell(name, 0.78)],
            [Cell("统一社会信用代码", 0.22, True), Cell(p.credit_code or "/", 0.78)],
            [
                Cell("法定代表人", 0.22, True),
                Cell(p.legal_rep or "/", 0.3),
                Cell("联系方式", 0.18, True),
                Cell(p.phone, 0.3),
            ],
            [Cell("住所", 0.22, True), Cell(p.address, 0.78)],
            [
                Cell("车（船）牌号", 0.22, True),
                Cell(p.plate or "/", 0.3),
                Cell("车型", 0.18, True),
                Cell(p.vehicle or "/", 0.3),
            ],
        ]
        flow.grid(rows, size, side=label + "\n（单位）", side_w=0.13)
        return
    pe = p.person
    assert pe is not None
    rows = [
        [
            Cell("姓名", 0.18, True),
            Cell(name, 0.3),
            Cell("性别", 0.14, True),
            Cell(pe.sex, 0.1),
            Cell("年龄", 0.12, True),
            Cell(f"{pe.age_on(case.d.violation)}", 0.16),
        ],
        [Cell("证件号码", 0.18, True), Cell(f"居民身份证  {pe.id_number}", 0.82)],
        [Cell("现住址", 0.18, True), Cell(pe.address, 0.82)],
        [
            Cell("联系方式", 0.18, True),
            Cell(pe.phone, 0.3),
            Cell("车（船）牌号", 0.24, True),
            Cell(p.plate or "/", 0.28),
        ],
    ]
    flow.grid(rows, size, side=label + "\n（个人）", side_w=0.13)


def kv(*pairs: tuple[str, str], lw: float = 0.2) -> list[list[Cell]]:
    """Label/value rows; a label with '|' makes a four-cell row."""
    out = []
    for label, value in pairs:
        if "|" in label:
            la, lb = label.split("|")
            va, vb = value.split("|")
            out.append([Cell(la, lw, True), Cell(va, 0.5 - lw), Cell(lb, lw, True), Cell(vb, 0.5 - lw)])
        else:
            out.append([Cell(label, lw, True), Cell(value, 1 - lw)])
    return out


def officers_text(case: Case) -> str:
    return f"{case.o1.name}（执法证号：{case.o1.certificate}）、{case.o2.name}（执法证号：{case.o2.certificate}）"
