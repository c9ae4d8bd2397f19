"""qinlong: a north-western county brigade that fills the ministry's 9号令 式样 in a word processor.

Running text with underlined fill-in values, numbered prose decisions, Chinese-numeral dates, a
website printout for the 公示, a bank's receipt; scans are black-and-white fax-like copies.
See STYLE.md. The contract is ``families/contract.py``.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pymupdf

from casegen.model import Plan
from families.contract import RenderedDoc
from families.qinlong import forms_close as close
from families.qinlong import forms_decision as dec
from families.qinlong import forms_invest as inv
from families.qinlong import forms_notice as note
from families.qinlong.base import Case
from families.qinlong.scan import scan_document
from families.qinlong.sheet import Sheet

FAMILY = "qinlong"

Step = tuple[str, Callable[[], list[RenderedDoc]]]


def write_case(plan: Plan, path: Path, *, scanned: bool, seed: int) -> list[RenderedDoc]:
    rng = random.Random(seed * 31 + 17)
    doc = pymupdf.open()
    sheet = Sheet(doc, rng, agency_short=plan.agency.name)
    case = Case(plan, rng, sheet)
    steps = _ordinary(case) if plan.procedure == "ordinary" else _summary(case)
    drop = plan.mut.get("drop")
    docs: list[RenderedDoc] = []
    for key, make in steps:
        if key != drop:
            docs += make()
    if plan.procedure == "ordinary":
        inner = [d for d in docs if d.type != "卷宗封面"]
        docs.append(close.back_sheet(case, len(inner), sum(d.pages for d in inner)))
    assert sum(d.pages for d in docs) == len(doc), "page bookkeeping out of step"
    if scanned:
        doc = scan_document(doc, seed)
    else:
        doc.subset_fonts()
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path), garbage=3, deflate=True)
    doc.close()
    return docs


def _one(fn: Callable[[], RenderedDoc]) -> Callable[[], list[RenderedDoc]]:
    return lambda: [fn()]


def _summary(c: Case) -> list[Step]:
    p = c.plan
    steps: list[Step] = [("当场行政处罚决定书", _one(lambda: dec.summary_decision(c)))]
    if p.has_receipt and p.dates.payment:
        steps.append(("罚没款票据", _one(lambda: close.receipt(c))))
    return steps


def _ordinary(c: Case) -> list[Step]:
    p, d = c.plan, c.plan.dates
    steps: list[Step] = [
        ("卷宗封面", _one(lambda: inv.cover(c))),
        ("立案登记表", _one(lambda: inv.filing(c))),
    ]
    for i, q in enumerate(p.inquiries):
        steps.append((q.type, _one(lambda q=q, i=i: inv.record(c, q, i))))
    if d.preservation and d.preservation_release:
        steps.append(("证据登记保存清单", lambda: inv.preservation(c)))
    if d.compulsion and d.compulsion_release:
        steps.append(("行政强制措施决定书", lambda: inv.compulsion(c)))
    if p.evidence:
        steps.append(("证据材料", lambda: inv.evidence(c)))
    steps.append(("案件调查报告", _one(lambda: inv.report(c))))
    assert d.notice and d.notice_service
    steps.append(("违法行为通知书", _one(lambda: note.notice(c))))
    steps.append(
        (
            "送达回证:违法行为通知书",
            _one(lambda: dec.service(c, "违法行为通知书", "违法行为通知书", d.notice_service)),
        )
    )  # type: ignore[arg-type]
    if d.statement:
        steps.append(("陈述申辩笔录", _one(lambda: note.statement(c))))
    if d.waiver:
        steps.append(("放弃陈述申辩（听证）声明", _one(lambda: note.waiver(c))))
    if d.hearing and d.hearing_notice_service:
        steps.append(("听证通知书", _one(lambda: note.hearing_notice(c))))
        steps.append(
            (
                "送达回证:听证通知书",
                _one(lambda: dec.service(c, "听证通知书", "听证通知书", d.hearing_notice_service)),
            )
        )  # type: ignore[arg-type]
        steps.append(("听证笔录", _one(lambda: note.hearing_record(c))))
    if p.has_review and d.legal_review:
        steps.append(("法制审核意见", _one(lambda: note.legal_review(c))))
    if p.has_discussion and d.discussion:
        steps.append(("重大案件集体讨论记录", _one(lambda: note.discussion(c))))
    assert d.decision_service
    steps.append(("行政处罚决定书", _one(lambda: dec.decision(c))))
    where = p.party.address if c.rng.random() < 0.5 else ""
    steps.append(
        (
            "送达回证:行政处罚决定书",
            _one(lambda: dec.service(c, "行政处罚决定书", "行政处罚决定书", d.decision_service, where)),
        )
    )  # type: ignore[arg-type]
    if p.has_receipt and d.payment:
        steps.append(("罚没款票据", _one(lambda: close.receipt(c))))
    if p.has_publication and d.publication:
        steps.append(("公示记录", _one(lambda: close.publication(c))))
    if d.closing:
        steps.append(("结案报告", _one(lambda: close.closing(c))))
    return steps
