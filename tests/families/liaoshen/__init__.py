"""liaoshen: a city transport bureau's Word templates, converted to PDF by LibreOffice."""

from __future__ import annotations

import random
import shutil
import tempfile
from pathlib import Path

import pymupdf as fitz

from casegen.model import Plan
from families.contract import RenderedDoc

from . import contents as ct
from . import forms_decision as fd
from . import forms_invest as fi
from . import forms_notice as fn
from .ctx import Ctx, Spec
from .pdf import convert, number_pages, page_counts, scan, stamp
from .word import Writer

FAMILY = "liaoshen"


def _body(w: Writer, c: Ctx) -> list[Spec]:
    """Every document of the plan, in archive order, each in its own Word section."""
    p, d = c.plan, c.plan.dates
    if p.procedure == "summary":
        out = [fd.summary(w, c)]
        if p.has_receipt and d.payment:
            out.append(fd.receipt(w, c))
        return out
    drop = p.mut.get("drop")
    out = [fi.filing(w, c)]
    out += [fi.record(w, c, q, i) for i, q in enumerate(p.inquiries)]
    if d.preservation:
        out += fi.preservation(w, c)
    if d.compulsion:
        out += fi.compulsion(w, c)
    out += [fi.attachment(w, c, e) for e in p.evidence]
    out.append(fi.report(w, c))
    out.append(fn.notice(w, c))
    assert d.notice_service
    if drop != "送达回证:违法行为通知书":
        out.append(fn.service(w, c, "违法行为通知书", "违法行为通知书", d.notice_service))
    if d.statement:
        out.append(fn.statement(w, c))
    if d.waiver:
        out.append(fn.waiver(w, c))
    if d.hearing and d.hearing_notice_service:
        out.append(fn.hearing_notice(w, c))
        out.append(fn.service(w, c, "听证通知书", "听证通知书", d.hearing_notice_service))
        out.append(fn.hearing_record(w, c))
    if p.has_review and d.legal_review:
        out.append(fn.legal_review(w, c))
    if p.has_discussion and d.discussion:
        out.append(fn.discussion(w, c))
    out.append(fd.decision(w, c))
    assert d.decision_service
    out.append(fn.service(w, c, "行政处罚决定书", "行政处罚决定书", d.decision_service))
    if p.has_receipt and d.payment:
        out.append(fd.receipt(w, c))
    if p.has_publication and d.publication:
        out.append(fd.publication(w, c))
    if drop != "结案报告":
        out.append(fd.closing(w, c))
    return out


def _pdf(w: Writer, tmp: Path, name: str) -> fitz.Document:
    docx = tmp / f"{name}.docx"
    w.doc.save(str(docx))
    return fitz.open(convert(docx, tmp))


def write_case(plan: Plan, path: Path, *, scanned: bool, seed: int) -> list[RenderedDoc]:
    rng = random.Random(seed * 7877 + 5)
    path = Path(path)
    tmp = Path(tempfile.mkdtemp(prefix="liaoshen-"))
    try:
        w = Writer(plan.agency.name)
        specs = _body(w, Ctx(plan, random.Random(seed)))
        pdf = _pdf(w, tmp, "body")
        counts = page_counts(pdf, specs)
        if plan.procedure == "ordinary":
            # second pass: cover and 卷内目录 with the page numbers the first pass counted, 备考表 last
            pdf.close()
            body, body_counts = specs, counts
            w = Writer(plan.agency.name)
            c = Ctx(plan, random.Random(seed))
            head = [fi.cover(w, c), ct.contents(w, c, body, body_counts)]
            specs = head + _body(w, c)
            specs.append(ct.back_note(w, c, len(body), sum(body_counts)))
            pdf = _pdf(w, tmp, "case")
            counts = page_counts(pdf, specs)
            if counts[len(head) : len(head) + len(body)] != body_counts:
                raise RuntimeError("the second conversion paginated the body differently")
            number_pages(pdf, sum(counts[: len(head)]), sum(body_counts), rng)
        sealed = stamp(pdf, specs, counts, plan.agency.name, plan.agency.bank, rng)
        path.parent.mkdir(parents=True, exist_ok=True)
        if scanned:
            scan(pdf, path, rng)
        else:
            pdf.save(path, garbage=3, deflate=True)
        pdf.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return [
        RenderedDoc(s.type, n, s.title, s.serves, sp) for s, n, sp in zip(specs, counts, sealed, strict=True)
    ]
