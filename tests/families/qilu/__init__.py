"""qilu: case files printed from a provincial web-based enforcement platform whose print templates
are HTML/CSS, laid out with PyMuPDF's HTML engine (see STYLE.md). Implements families/contract.py."""

from __future__ import annotations

import random
from pathlib import Path

import pymupdf

from casegen.model import Plan
from families.contract import RenderedDoc
from families.qilu import forms_close as close
from families.qilu import forms_decision as dec
from families.qilu import forms_invest as inv
from families.qilu import forms_notice as note
from families.qilu.fmt import QDoc, retarget
from families.qilu.page import A4, furnish, layout, qr, stamp
from families.qilu.scan import to_images

FAMILY = "qilu"
# documents served on the party carry the platform's 扫码验真 square
SERVED = {"违法行为通知书", "听证通知书", "行政处罚决定书", "当场行政处罚决定书"}


def _body(plan: Plan, rng: random.Random) -> list[QDoc]:
    """The documents between the archive wrappers, in procedural order (casegen.assemble.body)."""
    d = plan.dates
    if plan.procedure == "summary":
        out = [dec.summary_decision(plan)]
        if plan.has_receipt and d.payment:
            out.append(close.receipt(plan, rng))
        return out
    out = [inv.filing(plan, rng)]
    out += [inv.record(plan, q, i, rng) for i, q in enumerate(plan.inquiries)]
    if d.preservation:
        out += inv.preservation(plan)
    if d.compulsion:
        out += inv.compulsion(plan)
    out += [inv.evidence(plan, e, i) for i, e in enumerate(plan.evidence)]
    if d.report:
        out.append(inv.report(plan))
    n = note.notice(plan, rng)
    assert d.notice_service
    out += [n, dec.service(plan, "违法行为通知书", n.title, d.notice_service, rng)]
    if d.statement:
        out.append(note.statement(plan))
    if d.waiver:
        out.append(note.waiver(plan))
    if d.hearing and d.hearing_notice_service:
        out += [
            note.hearing_notice(plan),
            dec.service(plan, "听证通知书", "听证通知书", d.hearing_notice_service, rng),
            note.hearing_record(plan),
        ]
    if plan.has_review and d.legal_review:
        out.append(note.legal_review(plan, rng))
    if plan.has_discussion and d.discussion:
        out.append(note.discussion(plan))
    out.append(dec.decision(plan, rng))
    assert d.decision_service
    out.append(dec.service(plan, "行政处罚决定书", "行政处罚决定书", d.decision_service, rng))
    if plan.has_receipt and d.payment:
        out.append(close.receipt(plan, rng))
    if plan.has_publication and d.publication:
        out.append(close.publication(plan, rng))
    if d.closing:
        out.append(close.closing(plan, rng))
    drop = plan.mut.get("drop")
    return [retarget(x, plan) for x in out if x.key != drop]


def _context(plan: Plan, seed: int) -> dict[str, str]:
    prov = plan.agency.province or plan.agency.city
    return {
        "platform": f"{prov}交通运输综合执法办案平台",
        "serial": f"QL{plan.number.year}{seed % 1000000:06d}",
        "printer": plan.officers[0].name,
        "agency": plan.agency.name,
        "portal": f"{prov}行政执法信息公示平台",
        "url": f"https://zfgs.jtt.example.gov.cn/gs/xzcf/detail?id={seed % 10**8:08d}",
    }


def write_case(plan: Plan, path: Path, *, scanned: bool, seed: int) -> list[RenderedDoc]:
    rng = random.Random(seed * 31 + 7)
    body = _body(plan, rng)
    laid = [layout(x) for x in body]
    docs, pdfs = list(body), list(laid)
    if plan.procedure == "ordinary":
        entries, page = [], 1
        for x, p in zip(body, laid, strict=True):
            entries.append((x.title, page, page + len(p) - 1))
            page += len(p)
        total = page - 1
        wrappers = [close.cover(plan, len(body), total), close.contents(plan, entries)]
        docs = wrappers + docs + [close.back(plan, len(body), total)]
        pdfs = [layout(w) for w in wrappers] + pdfs + [layout(docs[-1])]
    out = pymupdf.open()
    ctx = _context(plan, seed)
    result: list[RenderedDoc] = []
    archive_no = 0
    for x, p in zip(docs, pdfs, strict=True):
        first = len(out)
        out.insert_pdf(p)
        for i in range(len(p)):
            page = out[first + i]
            furnish(page, x, i, len(p), ctx)
            if x.type not in ("卷宗封面", "卷内目录", "备考表"):
                archive_no += 1
                _archive_number(page, archive_no)
        if x.type in SERVED:
            qr(out[first], seed + first, A4.width - 112, 52)
        sealed = stamp(out, first, len(p), x, plan.agency.name, rng)
        result.append(RenderedDoc(x.type, len(p), x.title, x.serves, sealed, x.key))
    path.parent.mkdir(parents=True, exist_ok=True)
    out.subset_fonts()  # every document embeds the CJK font: subset first, or saving takes seconds
    if scanned:
        to_images(out, seed).save(path, garbage=3, deflate=True)
    else:
        out.save(path, garbage=3, deflate=True)
    return result


def _archive_number(page: pymupdf.Page, n: int) -> None:
    """The page number the archivist stamps at the top right of every numbered page."""
    page.insert_text((A4.width - 34, 16), str(n), fontsize=9, color=(0.15, 0.2, 0.55), fontname="helv")
