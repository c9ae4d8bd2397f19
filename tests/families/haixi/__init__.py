"""Haixi: a fourth, independent print style of a provincial enforcement system (held out).

See STYLE.md beside this file for the choices (only to be read after the evaluation).
"""

# PyMuPDF ships without annotations:
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

from casegen.model import Plan
from families.contract import RenderedDoc
from families.haixi import close, decide, invest, notice
from families.haixi.base import Made
from families.haixi.canvas import Book
from families.haixi.fmt import Case
from families.haixi.scan import write_scanned

FAMILY = "haixi"

Step = tuple[str, Callable[[], list[Made]]]


def _one(fn: Callable[[], Made]) -> Callable[[], list[Made]]:
    return lambda: [fn()]


def _ordinary(case: Case, book: Book) -> list[Step]:
    """The documents of an ordinary file in archive order, each drawn only if it is kept."""
    p, d = case.plan, case.d
    titles: dict[str, str] = {}

    def remember(made: Made) -> Made:
        titles[made.doc.type] = made.doc.title
        return made

    steps: list[Step] = [("立案登记表", _one(lambda: invest.filing(case, book)))]
    for i, q in enumerate(p.inquiries):
        steps.append((q.type, _one(lambda q=q, i=i: invest.record(case, book, q, i))))
    if d.preservation:
        steps.append(("证据登记保存清单", lambda: invest.preservation(case, book)))
    if d.compulsion:
        steps.append(("行政强制措施决定书", lambda: invest.compulsion(case, book)))
    for n, e in enumerate(p.evidence):
        steps.append(("证据材料", _one(lambda e=e, n=n: invest.exhibit(case, book, e, n + 1))))
    steps.append(("案件调查报告", _one(lambda: notice.report(case, book))))
    steps.append(("违法行为通知书", _one(lambda: remember(notice.notice(case, book)))))
    assert d.notice_service
    steps.append(
        (
            "送达回证:违法行为通知书",
            _one(
                lambda: decide.service(
                    case,
                    book,
                    "违法行为通知书",
                    titles.get("违法行为通知书", "行政处罚告知书"),
                    d.notice_service,
                )
            ),
        )
    )
    if d.statement:
        steps.append(("陈述申辩笔录", _one(lambda: notice.statement(case, book))))
    if d.waiver:
        steps.append(
            (
                "放弃陈述申辩（听证）声明",
                _one(lambda: notice.waiver(case, book, titles.get("违法行为通知书", "行政处罚告知书"))),
            )
        )
    if d.hearing and d.hearing_notice_service:
        hs = d.hearing_notice_service
        steps.append(("听证通知书", _one(lambda: notice.hearing_notice(case, book))))
        steps.append(
            ("送达回证:听证通知书", _one(lambda: decide.service(case, book, "听证通知书", "听证通知书", hs)))
        )
        steps.append(("听证笔录", _one(lambda: notice.hearing_record(case, book))))
    if p.has_review and d.legal_review:
        steps.append(("法制审核意见", _one(lambda: decide.legal_review(case, book))))
    if p.has_discussion and d.discussion:
        steps.append(("重大案件集体讨论记录", _one(lambda: decide.discussion(case, book))))
    steps.append(
        (
            "行政处罚决定书",
            _one(lambda: decide.decision(case, book, titles.get("违法行为通知书", "行政处罚告知书"))),
        )
    )
    assert d.decision_service
    ds = d.decision_service
    steps.append(
        (
            "送达回证:行政处罚决定书",
            _one(lambda: decide.service(case, book, "行政处罚决定书", "行政处罚决定书", ds)),
        )
    )
    if p.has_receipt and d.payment:
        steps.append(("罚没款票据", _one(lambda: close.receipt(case, book))))
    if p.has_publication and d.publication:
        steps.append(("公示记录", _one(lambda: close.publication(case, book))))
    steps.append(("结案报告", _one(lambda: close.closing(case, book))))
    return steps


def write_case(plan: Plan, path: Path, *, scanned: bool, seed: int) -> list[RenderedDoc]:
    rng = random.Random(seed * 7 + 3)
    case = Case(plan, rng)
    book = Book(scanned, plan.agency.name, rng)
    if plan.procedure == "summary":
        steps: list[Step] = [("当场行政处罚决定书", _one(lambda: decide.summary_decision(case, book)))]
        if plan.has_receipt and plan.dates.payment:
            steps.append(("罚没款票据", _one(lambda: close.receipt(case, book))))
    else:
        steps = _ordinary(case, book)
    drop = plan.mut.get("drop")
    body: list[Made] = []
    for key, draw in steps:
        if key != drop:
            body += draw()
    n_body = book.pdf.page_count
    # Archive page numbers run over the body only (cover, 目录 and 备考表 are not numbered).
    entries, page = [], 1
    for made in body:
        entries.append((made, page, page + made.doc.pages - 1))
        page += made.doc.pages
    items = len(body)
    front = [close.cover(case, book, items, n_body)]
    if plan.procedure == "ordinary":
        front.append(close.contents(case, book, entries))
    n_front = book.pdf.page_count - n_body
    tail = [close.back(case, book, items, n_body)] if plan.procedure == "ordinary" else []
    n_tail = book.pdf.page_count - n_body - n_front
    order = (
        list(range(n_body, n_body + n_front))
        + list(range(n_body))
        + list(range(n_body + n_front, n_body + n_front + n_tail))
    )
    book.pdf.select(order)
    numbers: list[int | None] = [None] * n_front + list(range(1, n_body + 1)) + [None] * n_tail
    docs = [m.doc for m in front + body + tail]
    assert sum(doc.pages for doc in docs) == book.pdf.page_count
    if scanned:
        write_scanned(book.pdf, path, numbers, rng)
    else:
        book.pdf.subset_fonts()
        book.pdf.save(path, garbage=3, deflate=True)
    return docs
