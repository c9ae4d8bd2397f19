"""yunling: a south-western county transport bureau whose forms come out of a spreadsheet-like desktop
program (grey grid, bold labels, merged value cells) and whose files the county archive binds, numbers
and scans. See STYLE.md."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from casegen.model import Plan
from families.contract import RenderedDoc

from . import archive, decision, invest, notice
from .fmt import Ctx
from .grid import Sheet
from .scan import scan_pdf

FAMILY = "yunling"


def _body(s: Sheet, c: Ctx, rng: random.Random) -> list[tuple[RenderedDoc, dt.date | None]]:
    """The documents between 卷内目录 and 备考表, in the order of casegen.assemble.body."""
    p, d = c.plan, c.d
    out: list[tuple[RenderedDoc, dt.date | None]] = []
    if p.procedure == "summary":
        out.append((decision.summary_decision(s, c), d.decision))
        if p.has_receipt and d.payment:
            out.append((decision.receipt(s, c, rng), d.payment))
        return out
    drop = p.mut.get("drop")

    def add(key: str, build, *days: dt.date | None) -> None:
        """Build unless ``key`` is the dropped document; ``days`` date each built document (卷内目录)."""
        if key == drop:
            return
        made = build()
        for doc, day in zip(made if isinstance(made, list) else [made], days, strict=True):
            out.append((doc, day))

    add("立案登记表", lambda: invest.filing(s, c), d.filing)
    for i, q in enumerate(p.inquiries):
        add(q.type, lambda q=q, i=i: invest.record(s, c, q, i), q.date)
    if d.preservation:
        add("证据登记保存清单", lambda: invest.preservation(s, c), d.preservation, d.preservation_release)
    if d.compulsion:
        add("行政强制措施决定书", lambda: invest.compulsion(s, c), d.compulsion, d.compulsion_release)
    for e in p.evidence:
        add("证据材料", lambda e=e: invest.attachment(s, c, e, p.officers[0]), None)
    add("案件调查报告", lambda: invest.report(s, c), d.report)
    assert d.notice and d.notice_service
    add("违法行为通知书", lambda: notice.notice(s, c), d.notice)
    add(
        "送达回证:违法行为通知书",
        lambda: notice.service(s, c, "违法行为通知书", "违法行为通知书", d.notice_service),
        d.notice_service,
    )
    if d.statement:
        add("陈述申辩笔录", lambda: notice.statement(s, c), d.statement)
    if d.waiver:
        add("放弃陈述申辩（听证）声明", lambda: notice.waiver(s, c), d.waiver)
    if d.hearing and d.hearing_notice_service:
        add("听证通知书", lambda: notice.hearing_notice(s, c), d.hearing_notice)
        add(
            "送达回证:听证通知书",
            lambda: notice.service(s, c, "听证通知书", "听证通知书", d.hearing_notice_service),
            d.hearing_notice_service,
        )
        add("听证笔录", lambda: notice.hearing_record(s, c), d.hearing)
    if p.has_review and d.legal_review:
        add("法制审核意见", lambda: notice.legal_review(s, c), d.legal_review)
    if p.has_discussion and d.discussion:
        add("重大案件集体讨论记录", lambda: notice.discussion(s, c), d.discussion)
    add("行政处罚决定书", lambda: decision.decision(s, c), d.decision)
    assert d.decision_service
    add(
        "送达回证:行政处罚决定书",
        lambda: notice.service(s, c, "行政处罚决定书", "行政处罚决定书", d.decision_service),
        d.decision_service,
    )
    if p.has_receipt and d.payment:
        add("罚没款票据", lambda: decision.receipt(s, c, rng), d.payment)
    if p.has_publication and d.publication:
        add("公示记录", lambda: decision.publication(s, c, rng), d.publication)
    add("结案报告", lambda: decision.closing(s, c), d.closing)
    return out


def write_case(plan: Plan, path: Path, *, scanned: bool, seed: int) -> list[RenderedDoc]:
    rng = random.Random(seed)
    c = Ctx(plan)
    body = Sheet()
    docs = _body(body, c, rng)
    n_items = len(docs)
    k = archive.contents_pages(n_items + 1)
    first = 2 + k  # after the cover and the contents
    entries = []
    for doc, day in docs:
        entries.append((doc.title, "", day, first, first + doc.pages - 1))
        first += doc.pages
    total = first  # the 备考表 is the last page
    back = archive.back(body, c, n_items, total)
    entries.append(("备考表", "", None, first, first))
    front = Sheet()
    cov = archive.cover(front, c, n_items, total, seed)
    toc = archive.contents(front, c, entries)
    assert toc.pages == k
    front.pdf.insert_pdf(body.pdf)
    archive.stamp_pages(front.pdf)
    out = scan_pdf(front.pdf, rng) if scanned else front.pdf
    path.parent.mkdir(parents=True, exist_ok=True)
    out.save(path, garbage=3, deflate=True)
    return [cov, toc] + [doc for doc, _ in docs] + [back]
