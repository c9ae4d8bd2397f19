"""Saibei (塞北): case files as a northern provincial 综合执法管理平台 prints and archives them.

See STYLE.md for the look. ``write_case`` builds the body documents in procedural order, stamps the
archive page numbers, then puts a cover and 卷内目录 in front and a 卷内备考表 at the back.
"""

from __future__ import annotations

import random
from pathlib import Path

import pymupdf

from casegen.model import Plan
from families.contract import RenderedDoc
from families.saibei import forms_case as fc
from families.saibei import forms_close as fz
from families.saibei import forms_decide as fd
from families.saibei import forms_notice as fn
from families.saibei.book import Book
from families.saibei.canvas import Fonts, W
from families.saibei.scan import to_scan

FAMILY = "saibei"


def _body(b: Book) -> None:
    p, d = b.plan, b.plan.dates
    if p.procedure == "summary":
        fd.summary(b)
        if p.has_receipt and d.payment:
            fz.receipt(b)
        return
    fc.filing(b)
    for i, q in enumerate(p.inquiries):
        fc.record(b, q, i)
    if d.preservation:
        fc.preservation(b)
    if d.compulsion:
        fc.compulsion(b)
    for i, e in enumerate(p.evidence):
        fn.attachment(b, e, i)
    fn.report(b)
    assert d.notice_service
    fn.notice(b)
    fn.service(b, "违法行为通知书", "行政处罚事先告知书", d.notice_service)
    if d.statement:
        fn.statement(b)
    if d.waiver:
        fn.waiver(b)
    if d.hearing and d.hearing_notice_service:
        fn.hearing_notice(b)
        fn.service(b, "听证通知书", "听证通知书", d.hearing_notice_service)
        fn.hearing_record(b)
    if p.has_review and d.legal_review:
        fd.review(b)
    if p.has_discussion and d.discussion:
        fd.discussion(b)
    fd.decision(b)
    assert d.decision_service
    fn.service(b, "行政处罚决定书", "行政处罚决定书", d.decision_service)
    if p.has_receipt and d.payment:
        fz.receipt(b)
    if p.has_publication and d.publication:
        fz.publication(b)
    fz.closing(b)


def _drop(b: Book) -> None:
    """D-01: the dropped document's pages leave the file."""
    key = b.plan.mut.get("drop")
    gone = [m for m in b.docs if m.key == key]
    for m in gone:
        b.docs.remove(m)
    nums = sorted({n for m in gone for n in m.sheet.pages}, reverse=True)
    for n in nums:
        b.out.delete_page(n)


def _archive_numbers(b: Book) -> list[tuple[str, str, str, str]]:
    """Blue numbering-stamp page numbers at the top right; returns the 卷内目录 rows."""
    listing, page = [], 1
    for m in b.docs:
        n = len(m.sheet.pages)
        for i in range(n):
            pg = b.out[page - 1 + i]
            text = str(page + i)
            w = b.fonts.measure("r").text_length(text, fontsize=13)
            pg.insert_text(
                (W - 40 - w, 30), text, fontname=b.fonts.name("r"), fontsize=13, color=(0.15, 0.2, 0.6)
            )
        span = str(page) if n == 1 else f"{page}-{page + n - 1}"
        date = f"{m.date:%Y%m%d}" if m.date else ""
        listing.append((m.listed or m.title, fz.who_made(b, m), date, span))
        page += n
    return listing


def _build(plan: Plan, raster: bool, seed: int) -> tuple[pymupdf.Document, list[RenderedDoc]]:
    b = Book(plan, pymupdf.open(), Fonts(raster), random.Random(seed))
    _body(b)
    b.footers()
    # Pages of each sheet are still live objects: resolve sealed pages and counts before deleting.
    _drop(b)
    docs = [
        RenderedDoc(
            m.type,
            len(m.sheet.pages),
            m.title,
            m.serves,
            sorted(m.sheet.sealed),
            m.key if m.type != "证据材料" else "",
        )
        for m in b.docs
    ]
    if plan.procedure == "summary":
        return b.out, docs
    listing = _archive_numbers(b)
    body_pages, items = len(b.out), len(b.docs)
    front = pymupdf.open()
    fz.cover(b, front, body_pages, items)
    cover_pages = len(front)
    fz.contents(b, front, listing)
    contents_pages = len(front) - cover_pages
    tail = pymupdf.open()
    fz.back(b, tail, body_pages, items)
    front.insert_pdf(b.out)
    front.insert_pdf(tail)
    docs = [
        RenderedDoc("卷宗封面", cover_pages, "交通运输行政处罚案卷"),
        RenderedDoc("卷内目录", contents_pages, "卷内目录"),
        *docs,
        RenderedDoc("备考表", len(tail), "卷内备考表"),
    ]
    return front, docs


def write_case(plan: Plan, path: Path, *, scanned: bool, seed: int) -> list[RenderedDoc]:
    pdf, docs = _build(plan, scanned, seed)
    assert len(pdf) == sum(d.pages for d in docs), (len(pdf), [(d.type, d.pages) for d in docs])
    if scanned:
        pdf = to_scan(pdf, random.Random(seed ^ 0x5A1B))
    else:
        pdf.subset_fonts()
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.save(str(path), garbage=3, deflate=True)
    return docs
