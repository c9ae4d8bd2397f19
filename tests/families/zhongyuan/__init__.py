"""中原 (zhongyuan): word-processor printed forms of an inland provincial system.

Caption-over-value boxes, numbered-section decisions, numeric box dates (2025.3.4 / 2025-03-04) beside
二〇二五年三月四日 signature dates, a 信用 site publication print-out, a provincial 非税收入票据 with the
监制章 stamped across its title, one form per file in 繁體 labels, and rough 150 dpi scans.
"""

# PyMuPDF ships without annotations:
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pymupdf

from casegen.model import Plan
from families.contract import RenderedDoc

from . import close, decision, invest, notice
from .canvas import Fonts, Furniture, Pen
from .ctx import Ctx, Out
from .scan import rasterise

FAMILY = "zhongyuan"

UNNUMBERED = {"证据材料", "罚没款票据", "卷宗封面", "卷内目录", "备考表"}


def _body(c: Ctx) -> list[tuple[Out, dt.date | None]]:
    """Documents in archive order, as (builder output, date for the 卷内目录)."""
    p, d = c.plan, c.plan.dates
    drop = p.mut.get("drop")
    out: list[tuple[Out, dt.date | None]] = []

    def add(key: str, make, date: dt.date | None) -> None:
        if key != drop:
            out.append((make(), date))

    if p.procedure == "summary":
        add("当场行政处罚决定书", lambda: decision.summary_decision(c), d.decision)
        if p.has_receipt and d.payment:
            add("罚没款票据", lambda: close.receipt(c), d.payment)
        return out
    add("立案登记表", lambda: invest.filing(c), d.filing)
    for i, q in enumerate(p.inquiries):
        add(q.type, lambda q=q, i=i: invest.record(c, q, i), q.date)
    if d.preservation:
        for item, day in zip(invest.preservation(c), (d.preservation, d.preservation_release), strict=True):
            out.append((item, day))
    if d.compulsion:
        for item, day in zip(invest.compulsion(c), (d.compulsion, d.compulsion_release), strict=True):
            out.append((item, day))
    for e in p.evidence:
        add("证据材料", lambda e=e: invest.exhibit(c, e), None)
    add("案件调查报告", lambda: invest.report(c), d.report)
    add("违法行为通知书", lambda: notice.notice(c), d.notice)
    assert d.notice_service
    add(
        "送达回证:违法行为通知书",
        lambda: decision.service(c, "违法行为通知书", "行政处罚事先告知书", d.notice_service),
        d.notice_service,
    )
    if d.statement:
        add("陈述申辩笔录", lambda: notice.statement(c), d.statement)
    if d.waiver:
        add("放弃陈述申辩（听证）声明", lambda: notice.waiver(c), d.waiver)
    if d.hearing and d.hearing_notice_service:
        add("听证通知书", lambda: notice.hearing_notice(c), d.hearing_notice)
        hs = d.hearing_notice_service
        add("送达回证:听证通知书", lambda: decision.service(c, "听证通知书", "听证通知书", hs), hs)
        add("听证笔录", lambda: notice.hearing_record(c), d.hearing)
    if p.has_review and d.legal_review:
        add("法制审核意见", lambda: notice.legal_review(c), d.legal_review)
    if p.has_discussion and d.discussion:
        add("重大案件集体讨论记录", lambda: notice.discussion(c), d.discussion)
    made = decision.decision(c)
    out.append((made, d.decision))
    assert d.decision_service
    add(
        "送达回证:行政处罚决定书",
        lambda: decision.service(c, "行政处罚决定书", made[2], d.decision_service),
        d.decision_service,
    )
    if p.has_receipt and d.payment:
        add("罚没款票据", lambda: close.receipt(c), d.payment)
    if p.has_publication and d.publication:
        add("公示记录", lambda: close.publication(c), d.publication)
    add("结案报告", lambda: close.closing(c), d.closing)
    return out


def _rendered(item: Out) -> RenderedDoc:
    w, typ, title = item[0], item[1], item[2]
    serves = item[3] if len(item) > 3 else None
    return RenderedDoc(typ, w.pages, title, serves, sorted(w.sealed))


def write_case(plan: Plan, path: Path, *, scanned: bool, seed: int) -> list[RenderedDoc]:
    rng = random.Random(seed * 7 + 3)
    fonts = Fonts.pick(scanned)
    body_pdf = pymupdf.open()
    furn = Furniture("交通运输综合行政执法文书", plan.agency.unit)
    c = Ctx(plan, rng, Pen(body_pdf, fonts, furn), scanned)
    c.box_date = rng.choice(("dot", "dash"))
    c.trad_doc = rng.choice(("送达回证", "询问笔录", "", ""))
    items = _body(c)
    firsts = [it[0].first for it, _ in items] + [body_pdf.page_count]
    for i, ((w, *_), _) in enumerate(items):
        w.end = firsts[i + 1]
        w.finish()
    docs = [_rendered(it) for it, _ in items]
    ordinary = plan.procedure == "ordinary"
    # Archive page numbers, bottom right of every body page (the wrappers are not numbered).
    if ordinary:
        for i, page in enumerate(body_pdf):
            page.insert_text((548, 822), str(i + 1), fontsize=10, fontname="zb")
    final = pymupdf.open()
    front: list[RenderedDoc] = []
    back: list[RenderedDoc] = []
    if ordinary:
        wrap_pdf, back_pdf = pymupdf.open(), pymupdf.open()
        cw = Ctx(plan, rng, Pen(wrap_pdf, fonts, furn), scanned, c.box_date)
        entries, page = [], 1
        for (w, typ, title, *_), day in items:
            number = "" if typ in UNNUMBERED else plan.number.format()
            span = str(page) if w.pages == 1 else f"{page}-{page + w.pages - 1}"
            entries.append((title, number, day.strftime("%Y%m%d") if day else "", span))
            page += w.pages
        front = [
            _rendered(close.cover(cw, len(items), body_pdf.page_count)),
            _rendered(close.contents(cw, entries)),
        ]
        cb = Ctx(plan, rng, Pen(back_pdf, fonts, furn), scanned, c.box_date)
        back = [_rendered(close.back(cb, len(items), body_pdf.page_count))]
        final.insert_pdf(wrap_pdf)
        final.insert_pdf(body_pdf)
        final.insert_pdf(back_pdf)
    else:
        final.insert_pdf(body_pdf)
    all_docs = front + docs + back
    if scanned:
        keep, page = set(), 0
        for doc in all_docs:
            if doc.type not in ("证据材料", "询问笔录", "现场笔录", "勘验笔录", "案件调查报告"):
                keep.update(range(page, page + doc.pages))
            page += doc.pages
        final = rasterise(final, random.Random(seed), keep)
    else:
        final.subset_fonts()
    path.parent.mkdir(parents=True, exist_ok=True)
    final.save(path, garbage=3, deflate=True)
    assert final.page_count == sum(d.pages for d in all_docs)
    return all_docs
