"""xiangchu: case files as a provincial web enforcement platform prints them (see STYLE.md).

``write_case`` follows the plan's documents in archive order (as ``casegen.assemble.body`` lists
them), prints each as a bordered grid form with the platform's page furniture, wraps ordinary files
in a cover, a 卷内目录 and a 备考表, and for ``scanned`` replaces every page by a scan of itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from casegen.model import Plan
from families.contract import RenderedDoc
from families.xiangchu import archive, forms_decision, forms_invest, forms_notice
from families.xiangchu.book import Book
from families.xiangchu.scan import scanned_copy

FAMILY = "xiangchu"

Job = tuple[str, dt.date | None, Callable[[], RenderedDoc | list[RenderedDoc]]]


def _jobs(b: Book) -> list[Job]:
    """(key, date, printer) of every document the plan's procedure has, in file order."""
    p, d = b.plan, b.d
    if p.procedure == "summary":
        jobs: list[Job] = [("当场行政处罚决定书", d.decision, lambda: forms_decision.summary_decision(b))]
        if p.has_receipt and d.payment:
            jobs.append(("罚没款票据", d.payment, lambda: forms_decision.receipt(b)))
        return jobs
    jobs = [("立案登记表", d.filing, lambda: forms_invest.filing(b))]
    for i, q in enumerate(p.inquiries):
        jobs.append((q.type, q.date, lambda q=q, i=i: forms_invest.record(b, q, i)))
    if d.preservation:
        jobs.append(("证据登记保存清单", d.preservation, lambda: forms_invest.preservation(b)))
    if d.compulsion:
        jobs.append(("行政强制措施决定书", d.compulsion, lambda: forms_invest.compulsion(b)))
    seen = p.inquiries[0].date if p.inquiries else d.filing
    for e in p.evidence:
        jobs.append(("证据材料", seen, lambda e=e: forms_invest.attachment(b, e, seen)))
    jobs.append(("案件调查报告", d.report, lambda: forms_invest.report(b)))
    assert d.notice and d.notice_service and d.decision_service
    jobs.append(("违法行为通知书", d.notice, lambda: forms_notice.notice(b)))
    jobs.append(_service(b, "违法行为通知书", d.notice_service))
    if d.statement:
        jobs.append(("陈述申辩笔录", d.statement, lambda: forms_notice.statement(b)))
    if d.waiver:
        jobs.append(("放弃陈述申辩（听证）声明", d.waiver, lambda: forms_notice.waiver(b)))
    if d.hearing and d.hearing_notice_service:
        jobs.append(("听证通知书", d.hearing_notice, lambda: forms_notice.hearing_notice(b)))
        jobs.append(_service(b, "听证通知书", d.hearing_notice_service))
        jobs.append(("听证笔录", d.hearing, lambda: forms_notice.hearing_record(b)))
    if p.has_review and d.legal_review:
        jobs.append(("法制审核意见", d.legal_review, lambda: forms_notice.legal_review(b)))
    if p.has_discussion and d.discussion:
        jobs.append(("重大案件集体讨论记录", d.discussion, lambda: forms_notice.discussion(b)))
    jobs.append(("行政处罚决定书", d.decision, lambda: forms_decision.decision(b)))
    jobs.append(_service(b, "行政处罚决定书", d.decision_service))
    if p.has_receipt and d.payment:
        jobs.append(("罚没款票据", d.payment, lambda: forms_decision.receipt(b)))
    if p.has_publication and d.publication:
        jobs.append(("公示记录", d.publication, lambda: forms_decision.publication(b)))
    jobs.append(("结案报告", d.closing, lambda: forms_decision.closing(b)))
    return [j for j in jobs if j[0] != p.mut.get("drop")]


def _service(b: Book, served: str, on: dt.date) -> Job:
    return (f"送达回证:{served}", on, lambda: forms_notice.service(b, served, served, on))


def write_case(plan: Plan, path: Path, *, scanned: bool, seed: int) -> list[RenderedDoc]:
    if plan.case_type != "penalty":
        raise ValueError("xiangchu prints penalty files only")
    b = Book(plan, seed=seed)
    if scanned:  # a couple of documents with one faintly printed field
        b.furn.faint_docs = set(b.rng.sample(range(1, 26), 3))
    body: list[tuple[RenderedDoc, dt.date | None]] = []
    for _key, on, printer in _jobs(b):
        out = printer()
        for doc in out if isinstance(out, list) else [out]:
            body.append((doc, on))
    docs = [doc for doc, _ in body]
    if plan.procedure == "ordinary":
        n_body = b.pdf.page_count
        entries, first = [], 1
        for doc, on in body:
            entries.append((doc, on, first))
            first += doc.pages
        head = [archive.cover(b, len(docs), n_body), archive.contents(b, entries)]
        tail = archive.back(b, len(docs), n_body)
        n_head = sum(x.pages for x in head)
        order = (
            list(range(n_body, n_body + n_head))
            + list(range(n_body))
            + list(range(n_body + n_head, b.pdf.page_count))
        )
        b.pdf.select(order)
        docs = [*head, *docs, tail]
    assert b.pdf.page_count == sum(x.pages for x in docs)
    b.pdf.set_metadata(
        {"creator": b.furn.platform, "producer": "xiangchu print service", "title": plan.number.format()}
    )
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if scanned:
        out_pdf = scanned_copy(b.pdf, seed)
        out_pdf.save(path, garbage=3, deflate=True)
    else:
        b.pdf.subset_fonts()
        b.pdf.save(path, garbage=3, deflate=True)
    return docs
