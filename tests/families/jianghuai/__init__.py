"""The ``jianghuai`` family: case files as a provincial 交通运输综合行政执法 platform's report engine
prints them (see STYLE.md). ``write_case`` follows ``families/contract.py``."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pymupdf

from casegen.model import Plan
from families.contract import RenderedDoc
from families.jianghuai import forms_decide as dec
from families.jianghuai import forms_invest as inv
from families.jianghuai import forms_notice as note
from families.jianghuai.common import Ctx, d0
from families.jianghuai.scan import scanned_copy

FAMILY = "jianghuai"


def _body(c: Ctx) -> None:
    """The documents of the procedure, in archive order (casegen.assemble.body decides which exist)."""
    p, d = c.plan, c.plan.dates
    drop = p.mut.get("drop")

    def keep(key: str) -> bool:
        return key != drop

    if p.procedure == "summary":
        dec.summary(c)
        if p.has_receipt and d.payment:
            dec.receipt(c)
        return
    if keep("立案登记表"):
        inv.filing(c)
    for i, q in enumerate(p.inquiries):
        if keep(q.type):
            inv.record(c, q, i)
    if d.preservation:
        inv.preservation(c)
    if d.compulsion:
        inv.compulsion(c)
    for i, e in enumerate(p.evidence):
        inv.evidence(c, e, i)
    if keep("案件调查报告"):
        inv.report(c)
    assert d.notice_service
    if keep("违法行为通知书"):
        note.notice(c)
    note.service(c, "违法行为通知书", "违法行为通知书", d.notice_service)
    if d.statement and keep("陈述申辩笔录"):
        note.statement(c)
    if d.waiver and keep("放弃陈述申辩（听证）声明"):
        note.waiver(c)
    if d.hearing and d.hearing_notice_service:
        if keep("听证通知书"):
            note.hearing_notice(c)
        note.service(c, "听证通知书", "听证通知书", d.hearing_notice_service)
        if keep("听证笔录"):
            note.hearing_record(c)
    if p.has_review and d.legal_review and keep("法制审核意见"):
        note.legal_review(c)
    if p.has_discussion and d.discussion and keep("重大案件集体讨论记录"):
        note.discussion(c)
    assert d.decision_service
    if keep("行政处罚决定书"):
        dec.decision(c)
    note.service(c, "行政处罚决定书", "行政处罚决定书", d.decision_service)
    if p.has_receipt and d.payment and keep("罚没款票据"):
        dec.receipt(c)
    if p.has_publication and d.publication and keep("公示记录"):
        dec.publication(c)
    if keep("结案报告"):
        dec.closing(c)


def _dates(plan: Plan, docs: list[RenderedDoc]) -> list[str]:
    """The date the 卷内目录 lists for each document."""
    d = plan.dates
    by_key: dict[str, dt.date | None] = {
        "立案登记表": d.filing,
        "证据登记保存清单": d.preservation,
        "解除证据登记保存决定书": d.preservation_release,
        "行政强制措施决定书": d.compulsion,
        "解除行政强制措施决定书": d.compulsion_release,
        "案件调查报告": d.report,
        "违法行为通知书": d.notice,
        "送达回证:违法行为通知书": d.notice_service,
        "陈述申辩笔录": d.statement,
        "放弃陈述申辩（听证）声明": d.waiver,
        "听证通知书": d.hearing_notice,
        "送达回证:听证通知书": d.hearing_notice_service,
        "听证笔录": d.hearing,
        "法制审核意见": d.legal_review,
        "重大案件集体讨论记录": d.discussion,
        "行政处罚决定书": d.decision,
        "送达回证:行政处罚决定书": d.decision_service,
        "罚没款票据": d.payment,
        "公示记录": d.publication,
        "结案报告": d.closing,
    }
    inquiries = [q.date for q in plan.inquiries]
    out = []
    for doc in docs:
        when = (
            inquiries.pop(0)
            if doc.type in ("询问笔录", "现场笔录", "勘验笔录") and inquiries
            else by_key.get(doc.key)
        )
        out.append(d0(when) if when else "")
    return out


def write_case(plan: Plan, path: Path, *, scanned: bool, seed: int) -> list[RenderedDoc]:
    rng = random.Random(seed * 7349 + 91)
    body = pymupdf.open()
    c = Ctx(plan, body, rng)
    _body(c)
    docs = c.out
    if plan.procedure == "ordinary":
        head = pymupdf.open()
        hc = Ctx(plan, head, rng)
        n_pages = sum(x.pages for x in docs)
        dec.cover(hc, len(docs), n_pages)
        entries, page = [], 1
        for doc, when in zip(docs, _dates(plan, docs), strict=True):
            entries.append((doc.title, when, page, page + doc.pages - 1))
            page += doc.pages
        dec.contents(hc, entries)
        tail = pymupdf.open()
        tc = Ctx(plan, tail, rng)
        dec.back(tc, len(docs), n_pages)
        head.insert_pdf(body)
        head.insert_pdf(tail)
        body = head
        docs = [*hc.out, *docs, *tc.out]
    assert body.page_count == sum(x.pages for x in docs)
    if scanned:
        body = scanned_copy(body, random.Random(seed * 104723 + 5))
    else:
        body.subset_fonts()
    path.parent.mkdir(parents=True, exist_ok=True)
    body.save(path, garbage=3, deflate=True)
    return docs
