"""qiannan: a south-western county office whose files are PDFs out of a phone/desk scanner app —
every page an image of a pre-printed form filled in by the clerk, with the app's imperfect invisible
OCR layer (digital) or its black-and-white document filter (scanned). See STYLE.md."""

from __future__ import annotations

import random
from pathlib import Path

import pymupdf

from casegen.model import Plan
from families.contract import RenderedDoc
from families.qiannan import canvas, close, decision, invest, notices
from families.qiannan.ctx import Case, Made
from families.qiannan.scan import digital_page, furniture, scanned_page
from families.qiannan.words import daxie

FAMILY = "qiannan"


def _body(c: Case) -> list[Made]:
    """The documents in archive order (legal-reference §3.2), as the plan has them."""
    p, d = c.plan, c.plan.dates
    if p.procedure == "summary":
        out = [decision.summary(c)]
        if p.has_receipt and d.payment:
            out.append(close.receipt(c))
        return out
    out = [invest.filing(c)]
    out += [invest.record(c, q, i) for i, q in enumerate(p.inquiries)]
    if d.preservation:
        out += invest.preservation(c)
    if d.compulsion:
        out += invest.compulsion(c)
    out += [invest.attachment(c, e) for e in p.evidence]
    out.append(invest.report(c))
    assert d.notice_service and d.decision_service
    out += [notices.notice(c), notices.service(c, "违法行为通知书", d.notice_service)]
    if d.statement:
        out.append(notices.statement(c))
    if d.waiver:
        out.append(notices.waiver(c))
    if d.hearing and d.hearing_notice_service:
        out += [notices.hearing_notice(c), notices.service(c, "听证通知书", d.hearing_notice_service)]
        out.append(notices.hearing_record(c))
    if p.has_review and d.legal_review:
        out.append(notices.review(c))
    if p.has_discussion and d.discussion:
        out.append(notices.discussion(c))
    out += [decision.decision(c), notices.service(c, "行政处罚决定书", d.decision_service)]
    if p.has_receipt and d.payment:
        out.append(close.receipt(c))
    if p.has_publication and d.publication:
        out.append(close.publication(c))
    out.append(close.closing(c))
    drop = p.mut.get("drop")
    return [m for m in out if m.rendered().key != drop]


def _keep(plan: Plan) -> list[str]:
    """Values the OCR layer must never misread (the truth is computed from them)."""
    keep = [plan.number.format(), plan.party.name, plan.agency.name, plan.agency.unit]
    keep += [o.name for o in plan.officers] + [o.certificate for o in plan.officers]
    keep += [v for k, v in plan.mut.items() if k in ("c01_number", "c02_name", "c03")]
    keep += [
        "六十日",
        "六个月",
        "十五日",
        "五日内",
        "三日内",
        "陈述",
        "申辩",
        "听证",
        "行政复议",
        "行政诉讼",
        "加处罚款",
    ]
    keep += [
        "裁量基准",
        "从轻",
        "一般",
        "从重",
        "同意",
        "结论性意见",
        "执法证号",
        "送达日期",
        plan.agency.bank,
    ]
    if plan.party.person:
        keep.append(plan.party.person.id_number)
    if plan.party.credit_code:
        keep.append(plan.party.credit_code)
    return keep


def write_case(plan: Plan, path: Path, *, scanned: bool, seed: int) -> list[RenderedDoc]:
    rng = random.Random(seed * 31 + 7)
    c = Case(plan, rng)
    canvas.KEEP[:] = [*_keep(plan), daxie(plan.fine)]  # never broken across lines
    canvas.KEEP += [
        f"{plan.fine}元",
        f"{plan.proposed_fine}元",
        f"¥{plan.fine:,}.00",
        plan.agency.review_body,
    ]
    body = _body(c)
    archive: list[int | None] = []
    made = body
    if plan.procedure == "ordinary":
        rows, n = [], 0
        for m in body:
            k = len(m.writer.sheets)
            rows.append((m.title, n + 1, n + k))
            archive += list(range(n + 1, n + k + 1))
            n += k
        made = [close.cover(c, len(body), n), close.contents(c, rows), *body, close.back(c, len(body), n)]
        head = len(made[0].writer.sheets) + len(made[1].writer.sheets)
        archive = [None] * head + archive + [None] * len(made[-1].writer.sheets)
    sheets = [s for m in made for s in m.writer.sheets]
    archive = archive or [None] * len(sheets)
    pdf, keep, ocr_rng = pymupdf.open(), _keep(plan), random.Random(seed)
    for i, (sheet, no) in enumerate(zip(sheets, archive, strict=True)):
        furniture(sheet, i + 1, len(sheets), no)
        if scanned:
            scanned_page(pdf, sheet, rng)
        else:
            digital_page(pdf, sheet, keep, ocr_rng)
    pdf.set_metadata({"creator": "QingScan 5.2 (Android)", "producer": "QingScan PDF"})
    pdf.save(path, garbage=3, deflate=True)
    return [m.rendered() for m in made]
