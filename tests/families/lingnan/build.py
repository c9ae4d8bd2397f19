"""write_case: the documents of the procedure in archive order, drawn, wrapped and saved."""

# PyMuPDF ships without annotations:
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import random
from pathlib import Path

import pymupdf

from casegen.fonts import droid, noto
from casegen.model import Plan
from families.contract import RenderedDoc
from families.lingnan import forms_close as fc
from families.lingnan import forms_decision as fd
from families.lingnan import forms_invest as fi
from families.lingnan import forms_notice as fn
from families.lingnan.canvas import Sheet
from families.lingnan.common import Case, Out
from families.lingnan.scan import rasterise


def _sheet(pdf: pymupdf.Document, scanned: bool) -> Sheet:
    if scanned:
        # Noto cannot be subset, so it is only used where the PDF is rasterised and thrown away.
        body, bold = noto("NotoSerifCJK-Regular.ttc"), noto("NotoSansCJK-Bold.ttc")
        if body is not None and bold is not None:
            return Sheet(pdf, body, bold, fake_bold=False)
    return Sheet(pdf, droid(), droid(), fake_bold=True)


def _body(c: Case, sh: Sheet) -> list[Out]:
    p, d = c.plan, c.d
    if p.procedure == "summary":
        out = [fd.summary_decision(c, sh)]
        if p.has_receipt and d.payment:
            out.append(fc.receipt(c, sh))
        return out
    drop = p.mut.get("drop")
    out = [fi.filing(c, sh)]
    for i, q in enumerate(p.inquiries):
        out.append(fi.record(c, sh, q, i))
    if d.preservation:
        out += fi.preservation(c, sh)
    if d.compulsion:
        out += fi.compulsion(c, sh)
    out += [fi.attachment(c, sh, e) for e in p.evidence]
    out.append(fn.report(c, sh))
    notice = fn.notice(c, sh)
    out.append(notice)
    assert d.notice_service
    if drop != "送达回证:违法行为通知书":
        out.append(fd.service(c, sh, "违法行为通知书", notice.title, d.notice_service))
    if d.statement:
        out.append(fn.statement(c, sh))
    if d.waiver:
        out.append(fn.waiver(c, sh))
    if d.hearing and d.hearing_notice_service:
        out.append(fn.hearing_notice(c, sh))
        out.append(fd.service(c, sh, "听证通知书", "听证通知书", d.hearing_notice_service))
        out.append(fn.hearing_record(c, sh))
    if p.has_review and d.legal_review:
        out.append(fn.legal_review(c, sh))
    if p.has_discussion and d.discussion:
        out.append(fn.discussion(c, sh))
    out.append(fd.decision(c, sh))
    assert d.decision_service
    out.append(fd.service(c, sh, "行政处罚决定书", "行政处罚决定书", d.decision_service))
    if p.has_receipt and d.payment:
        out.append(fc.receipt(c, sh))
    if p.has_publication and d.publication:
        out.append(fc.publication(c, sh))
    if drop != "结案报告":
        out.append(fc.closing(c, sh))
    return out


def write_case(plan: Plan, path: Path, *, scanned: bool, seed: int) -> list[RenderedDoc]:
    rng = random.Random(seed)
    c = Case(plan, rng)
    body = pymupdf.open()
    sh = _sheet(body, scanned)
    docs = _body(c, sh)
    if plan.procedure == "ordinary":
        body_pages = sum(o.pages for o in docs)
        docs.append(fc.back(c, sh, len(docs), body_pages))
        front = pymupdf.open()
        fsh = _sheet(front, scanned)
        entries, first = [], 1
        for o in docs[:-1]:
            entries.append((o, first))
            first += o.pages
        head = [fc.cover(c, fsh, body_pages), fc.contents(c, fsh, entries)]
        front.insert_pdf(body)
        body.close()
        pdf, docs = front, head + docs
    else:
        pdf = body
    if scanned:
        out_pdf = rasterise(pdf, rng)
        pdf.close()
    else:
        out_pdf = pdf
        out_pdf.subset_fonts()
    out_pdf.save(path, garbage=3, deflate=True)
    out_pdf.close()
    return [RenderedDoc(o.type, o.pages, o.title, o.serves, list(o.sealed)) for o in docs]
