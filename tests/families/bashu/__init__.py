"""巴蜀 family: older pre-printed forms filled in by typewriter/hand, and decisions filed as published.

Look: a dotted 装订线 gutter, spaced titles, label + underlined blank pairs with blue-black fill-ins,
officers as 姓名/执法证号 table or one "执法人员及证号" line, 送达回证 as a grid with one row per paper
(dates sometimes split 年|月|日 over cells), a bank 缴款回单 with an oval bank stamp, a 公示 page printed
from a city government site, archive page numbers stamped top right. Scans: yellowed, spine shadow,
punched holes, toner streaks, one page turned 3–6°.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from pathlib import Path

import pymupdf

from casegen.model import Plan
from families.bashu import archive, closing, decision, investigation, notices, web
from families.bashu.draw import Book, W
from families.bashu.scan import scan
from families.bashu.words import Words
from families.contract import RenderedDoc

FAMILY = "bashu"


def _body(b: Book, w: Words, dates: list[dt.date | None]) -> None:
    """All documents between the 卷内目录 and the 备考表, in archive order; ``dates`` gets one per doc."""
    p, d, drop = w.plan, w.d, w.mut.get("drop")

    def run(key: str, when: list[dt.date | None], fn: Callable[..., object], *args: object) -> object:
        if key == drop:
            return None
        out = fn(b, w, *args)
        dates.extend(when)
        return out

    if p.procedure == "summary":
        run("当场行政处罚决定书", [d.decision], decision.summary)
        if p.has_receipt and d.payment:
            run("罚没款票据", [d.payment], closing.receipt)
        return
    run("立案登记表", [d.filing], investigation.filing)
    for i, q in enumerate(p.inquiries):
        run(q.type, [q.date], investigation.record, q, i)
    if d.preservation:
        run("证据登记保存清单", [d.preservation, d.preservation_release], investigation.preservation)
    if d.compulsion:
        run("行政强制措施决定书", [d.compulsion, d.compulsion_release], investigation.compulsion)
    for e in p.evidence:
        run("证据材料", [d.filing], investigation.attachment, e)
    run("案件调查报告", [d.report], investigation.report)
    assert d.notice and d.notice_service
    ntitle = str(run("违法行为通知书", [d.notice], notices.notice) or "违法行为通知书")
    run(
        "送达回证:违法行为通知书",
        [d.notice_service],
        closing.service,
        "违法行为通知书",
        [ntitle, "送达地址确认书"],
        d.notice_service,
    )
    if d.statement:
        run("陈述申辩笔录", [d.statement], notices.statement)
    if d.waiver:
        run("放弃陈述申辩（听证）声明", [d.waiver], notices.waiver, ntitle)
    if d.hearing and d.hearing_notice_service:
        run("听证通知书", [d.hearing_notice], notices.hearing_notice)
        run(
            "送达回证:听证通知书",
            [d.hearing_notice_service],
            closing.service,
            "听证通知书",
            ["听证通知书"],
            d.hearing_notice_service,
        )
        run("听证笔录", [d.hearing], notices.hearing_record)
    if p.has_review and d.legal_review:
        run("法制审核意见", [d.legal_review], notices.legal_review)
    if p.has_discussion and d.discussion:
        run("重大案件集体讨论记录", [d.discussion], notices.discussion)
    published = w.rng.random() < 0.5
    run("行政处罚决定书", [d.decision], decision.decision, ntitle, published)
    assert d.decision_service
    served = ["行政处罚决定书"] + (["非税收入缴款通知书"] if w.rng.random() < 0.5 else [])
    run(
        "送达回证:行政处罚决定书",
        [d.decision_service],
        closing.service,
        "行政处罚决定书",
        served,
        d.decision_service,
    )
    if w.rng.random() < 0.35:
        run("公告送达", [d.decision_service], decision.posted_notice)
    if p.has_receipt and d.payment:
        run("罚没款票据", [d.payment], closing.receipt)
    if p.has_publication and d.publication:
        run("公示记录", [d.publication], web.publication)
    run("结案报告", [d.closing], closing.closing)


def _stamp_numbers(doc: pymupdf.Document, font: pymupdf.Font) -> None:
    """Archive page numbers, hand-stamped at the top right of each body page."""
    for i, page in enumerate(doc):
        tw = pymupdf.TextWriter(page.rect)
        tw.append((W - 44 - font.text_length(str(i + 1), 11), 34), str(i + 1), font=font, fontsize=11)
        tw.write_text(page, color=(0.15, 0.15, 0.5))


def write_case(plan: Plan, path: Path, *, scanned: bool, seed: int) -> list[RenderedDoc]:
    rng = random.Random(seed * 7 + 3)
    w = Words(plan, rng)
    body = Book(scanned, rng, plan.agency.name)
    dates: list[dt.date | None] = []
    _body(body, w, dates)
    _stamp_numbers(body.doc, body.f.body)
    ordinary = plan.procedure == "ordinary"
    front = Book(scanned, rng, plan.agency.name)
    back = Book(scanned, rng, plan.agency.name)
    if ordinary:
        items, pages = len(body.rendered), len(body.doc)
        archive.cover(front, w, items, pages)
        entries, page = [], 1
        for doc, when in zip(body.rendered, dates, strict=True):
            who = w.p.name if doc.type == "证据材料" else plan.agency.name
            numbered = doc.type not in ("证据材料", "罚没款票据", "公示记录", "公告送达")
            title = doc.title or "行政处罚决定书"
            entries.append(
                (title, plan.number.format() if numbered else "", who, when, page, page + doc.pages - 1)
            )
            page += doc.pages
        archive.contents(front, w, entries)
        if rng.random() < 0.6:
            archive.backsheet(back, w, items, pages)
    out = pymupdf.open()
    for part in (front.doc, body.doc, back.doc):
        if len(part):
            out.insert_pdf(part)
    docs = front.rendered + body.rendered + back.rendered
    if scanned:
        out = scan(out, rng)
    else:
        out.subset_fonts()
    out.save(str(path), garbage=3, deflate=True)
    return docs
