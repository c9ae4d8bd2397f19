"""longjiang: case files as a northern provincial enforcement platform prints them.

Forms are bordered grids with shaded label cells and tall merged left cells (当事人, 执法人员, 缴款人),
platform furniture on every page (header rule, 文书编号, QR box, watermark, footer with 打印时间), a
web-printed 公示 page, a provincial 非税收入一般缴款书, and a copier-style scanned variant. See STYLE.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pymupdf

from casegen.model import Plan
from families.contract import RenderedDoc, case_number_on
from families.longjiang import forms_close as close
from families.longjiang import forms_decision as dec
from families.longjiang import forms_invest as inv
from families.longjiang import forms_notice as note
from families.longjiang.case import Case
from families.longjiang.page import RIGHT, H, flush, put
from families.longjiang.scan import scan_pdf

FAMILY = "longjiang"

Dated = tuple[RenderedDoc, dt.date | None]


def _body(c: Case) -> list[Dated]:
    """The documents between the contents and the 备考表, in archive order (legal-reference §3.2)."""
    p, d = c.plan, c.plan.dates
    if p.procedure == "summary":
        out: list[Dated] = [(dec.summary_decision(c), d.decision)]
        if p.has_receipt and d.payment:
            out.append((close.receipt(c), d.payment))
        return out
    drop = p.mut.get("drop")
    out = []

    def add(key: str, when: dt.date | None, make: Callable[[], RenderedDoc]) -> None:
        if key != drop:
            out.append((make(), when))

    add("立案登记表", d.filing, partial(inv.filing, c))
    for i, q in enumerate(p.inquiries):
        add(q.type, q.date, partial(inv.record, c, q, i))
    if d.preservation:
        a, b = inv.preservation(c)
        out += [(a, d.preservation), (b, d.preservation_release)]
    if d.compulsion:
        a, b = inv.compulsion(c)
        out += [(a, d.compulsion), (b, d.compulsion_release)]
    for e in p.evidence:
        out.append((inv.attachment(c, e, d.filing), None))
    add("案件调查报告", d.report, partial(inv.report, c))
    add("违法行为通知书", d.notice, partial(note.notice, c))
    assert d.notice_service and d.decision_service
    add(
        "送达回证:违法行为通知书",
        d.notice_service,
        partial(note.service, c, "违法行为通知书", "违法行为通知书", d.notice_service),
    )
    if d.statement:
        add("陈述申辩笔录", d.statement, partial(note.statement, c))
    if d.waiver:
        add("放弃陈述申辩（听证）声明", d.waiver, partial(note.waiver, c))
    if d.hearing and d.hearing_notice_service:
        add("听证通知书", d.hearing_notice, partial(note.hearing_notice, c))
        add(
            "送达回证:听证通知书",
            d.hearing_notice_service,
            partial(note.service, c, "听证通知书", "听证通知书", d.hearing_notice_service),
        )
        add("听证笔录", d.hearing, partial(note.hearing_record, c))
    if p.has_review and d.legal_review:
        add("法制审核意见", d.legal_review, partial(note.legal_review, c))
    if p.has_discussion and d.discussion:
        add("重大案件集体讨论记录", d.discussion, partial(note.discussion, c))
    add("行政处罚决定书", d.decision, partial(dec.decision, c))
    add(
        "送达回证:行政处罚决定书",
        d.decision_service,
        partial(note.service, c, "行政处罚决定书", "行政处罚决定书", d.decision_service),
    )
    if p.has_receipt and d.payment:
        add("罚没款票据", d.payment, partial(close.receipt, c))
    if p.has_publication and d.publication:
        add("公示记录", d.publication, partial(close.publication, c))
    add("结案报告", d.closing, partial(close.closing, c))
    return out


def _number_pages(doc: pymupdf.Document) -> None:
    """Archive page numbers, stamped bottom right in blue as the 页码章 does."""
    for i in range(1, len(doc) + 1):
        page = doc[i - 1]
        put(page, RIGHT + 30, H - 14, str(i), 11, color=(0.1, 0.2, 0.6), align="right", bold=True)
        flush(page)


def write_case(plan: Plan, path: Path, *, scanned: bool, seed: int) -> list[RenderedDoc]:
    c = Case(plan, seed)
    body = _body(c)
    docs = [doc for doc, _ in body]
    final = c.doc
    if plan.procedure == "ordinary":
        _number_pages(final)
        entries, page = [], 0
        for doc, when in body:
            entries.append(
                (
                    doc,
                    case_number_on(plan, doc.key) if doc.type != "证据材料" else "",
                    when,
                    page + 1,
                    page + doc.pages,
                )
            )
            page += doc.pages
        closed = "结案报告" in {x.key for x in docs}
        c.doc = pymupdf.open()
        head = [close.cover(c, len(docs), page, closed), close.contents(c, entries)]
        head_pdf = c.doc
        c.doc = pymupdf.open()
        back = close.back_sheet(c, len(docs), page)
        head_pdf.insert_pdf(final)
        head_pdf.insert_pdf(c.doc)
        final = head_pdf
        docs = [*head, *docs, back]
    if scanned:
        final = scan_pdf(final, seed)
    else:
        final.subset_fonts()
    path.parent.mkdir(parents=True, exist_ok=True)
    final.save(path, garbage=3, deflate=True, no_new_id=True)  # byte-identical for a seed
    return docs
