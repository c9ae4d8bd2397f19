"""liaoshen: a city transport bureau's Word templates, converted to PDF by LibreOffice."""

from __future__ import annotations

import random
import shutil
import tempfile
from pathlib import Path

import fitz

from casegen.model import Plan
from families.contract import RenderedDoc

from . import forms_decision as fd
from . import forms_invest as fi
from . import forms_notice as fn
from .ctx import Ctx, Spec
from .pdf import convert, page_counts, scan, stamp
from .word import Writer

FAMILY = "liaoshen"


def _write(w: Writer, c: Ctx) -> list[Spec]:
    """Every document of the plan, in archive order, each in its own Word section."""
    p, d = c.plan, c.plan.dates
    if p.procedure == "summary":
        out = [fd.summary(w, c)]
        if p.has_receipt and d.payment:
            out.append(fd.receipt(w, c))
        return out
    drop = p.mut.get("drop")
    out = [fi.cover(w, c), fi.filing(w, c)]
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


def write_case(plan: Plan, path: Path, *, scanned: bool, seed: int) -> list[RenderedDoc]:
    rng = random.Random(seed * 7877 + 5)
    c = Ctx(plan, rng)
    w = Writer(plan.agency.name)
    specs = _write(w, c)
    if plan.mut.get("drop") and plan.mut["drop"] in {s.key for s in specs}:
        specs_drop = plan.mut["drop"]
        raise AssertionError(f"dropped document {specs_drop} was written")
    path = Path(path)
    tmp = Path(tempfile.mkdtemp(prefix="liaoshen-"))
    try:
        docx = tmp / (path.stem + ".docx")
        w.doc.save(str(docx))
        pdf = fitz.open(convert(docx, tmp))
        counts = page_counts(pdf, specs)
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
