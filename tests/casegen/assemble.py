"""Documents of a case in archive order (legal-reference §3.2), without the wrappers."""

from __future__ import annotations

import datetime as dt

from casegen import content_close as close
from casegen import content_decision as dec
from casegen import content_hearing as hear
from casegen import content_invest as inv
from casegen import content_notice as note
from casegen.blocks import Doc
from casegen.ctx import Ctx


def body(c: Ctx) -> list[Doc]:
    """All documents between the 卷内目录 and the 备考表."""
    p, d = c.plan, c.plan.dates
    if p.procedure == "summary":
        out = [dec.summary_decision(c)]
        out[0].date = d.decision
        if p.has_receipt:
            out.append(close.receipt(c))
        return out
    out = [inv.filing(c)]
    out[0].date = d.filing
    for i, q in enumerate(p.inquiries):
        doc = inv.record(c, q, i)
        doc.date = q.date
        out.append(doc)
    if d.preservation:
        pres = inv.preservation(c)
        pres[0].date, pres[1].date = d.preservation, d.preservation_release
        out += pres
    if d.compulsion:
        comp = inv.compulsion(c)
        comp[0].date, comp[1].date = d.compulsion, d.compulsion_release
        out += comp
    out += [inv.attachment(c, e) for e in p.evidence]
    out.append(_dated(note.report(c), d.report))
    notice = _dated(note.notice(c), d.notice)
    assert d.notice_service
    out += [notice, close.service(c, "违法行为通知书", notice.title, d.notice_service)]
    if d.statement:
        out.append(_dated(hear.statement(c), d.statement))
    if d.waiver:
        out.append(_dated(hear.waiver(c), d.waiver))
    if d.hearing and d.hearing_notice_service:
        hn = _dated(hear.hearing_notice(c), d.hearing_notice)
        out += [hn, close.service(c, "听证通知书", hn.title, d.hearing_notice_service)]
        out.append(_dated(hear.hearing_record(c), d.hearing))
    if p.has_review and d.legal_review:
        out.append(_dated(note.legal_review(c), d.legal_review))
    if p.has_discussion and d.discussion:
        out.append(_dated(note.discussion(c), d.discussion))
    decision = _dated(dec.decision(c), d.decision)
    assert d.decision_service
    out += [decision, close.service(c, "行政处罚决定书", decision.title, d.decision_service)]
    if p.has_receipt and d.payment:
        out.append(close.receipt(c))
    if p.has_publication and d.publication:
        out.append(close.publication(c))
    out.append(close.closing(c))
    drop = p.mut.get("drop")
    out = [x for x in out if x.key != drop]
    _retarget(out, p.mut)
    return out


def _retarget(docs: list[Doc], mut: dict[str, str]) -> None:
    """C-01/C-02: the chosen document repeats the wrong number or name everywhere it prints it."""
    for key, old, new in (("c01_type", "c01_from", "c01_number"), ("c02_type", "c02_from", "c02_name")):
        if key not in mut:
            continue
        for doc in docs:
            if doc.key != mut[key]:
                continue
            if doc.case_no:
                doc.case_no = doc.case_no.replace(mut[old], mut[new])
            for b in doc.blocks:
                b.text = b.text.replace(mut[old], mut[new])
                b.rows = [[(t.replace(mut[old], mut[new]), w) for t, w in row] for row in b.rows]


def _dated(doc: Doc, date: dt.date | None) -> Doc:
    doc.date = date
    return doc
