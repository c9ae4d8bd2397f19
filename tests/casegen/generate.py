"""``generate_case``: plan → documents → layout → file of the requested kind + ground truth JSON."""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from casegen import assemble, kinds
from casegen import content_close as close
from casegen.blocks import Doc
from casegen.ctx import Ctx
from casegen.discretion import stated
from casegen.images import mixed_flags, write_digital, write_images, write_pdf, write_tiff
from casegen.layout import LaidPage, layout_doc
from casegen.model import Plan
from casegen.plan import make_plan
from casegen.render_docx import write_docx

KINDS = ("digital", "scanned", "mixed", "docx", "images", "tiff")
SUFFIX = {
    "digital": ".pdf",
    "scanned": ".pdf",
    "mixed": ".pdf",
    "docx": ".docx",
    "images": "",
    "tiff": ".tif",
}


def build_pages(plan: Plan) -> list[list[LaidPage]]:
    """Documents laid out, in file order, with archive page numbers on the numbered body pages."""
    c = Ctx(plan, random.Random(plan.seed * 7919 + 17))  # a separate stream: wording never shifts the plan
    penalty = plan.case_type == "penalty"
    body = assemble.body(c) if penalty else kinds.body(c)
    laid = [layout_doc(d) for d in body]
    if plan.procedure == "summary":
        return laid
    entries: list[tuple[Doc, int, int]] = []
    n = 0
    for doc, pages in zip(body, laid, strict=True):
        for p in pages:
            n += 1
            p.archive_no = n
        entries.append((doc, n - len(pages) + 1, n))
    cover = close.cover(c, len(body), n) if penalty else kinds.ck.kind_cover(c, len(body), n)
    head = [layout_doc(cover), layout_doc(close.contents(c, entries))]
    return [*head, *laid, layout_doc(close.archive_note(c, len(body), n))]


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def truth_fields(plan: Plan, present: set[str]) -> dict[str, Any]:
    """The ground-truth fields of a plan; ``present`` holds the keys of the documents in the file."""
    d, p = plan.dates, plan.party
    ordinary = plan.procedure == "ordinary"

    def when(key: str, value: dt.date | None) -> str | None:
        return _iso(value) if key in present else None

    return {
        "case_number": plan.number.format(),
        "party_name": p.name,
        "party_kind": p.kind,
        "credit_code": p.credit_code,
        "id_number": p.person.id_number if p.person else None,
        "filing_date": when("立案登记表", d.filing) if ordinary else None,
        "decision_date": _iso(d.decision),
        "publication_date": when("公示记录", d.publication),
        "fine_amount": float(plan.fine),
        "proposed_fine": float(plan.proposed_fine) if ordinary else None,
        "violation_date": _iso(d.violation),
        "notice_date": when("违法行为通知书", d.notice),
        "notice_service_date": when("送达回证:违法行为通知书", d.notice_service),
        "decision_service_date": when("送达回证:行政处罚决定书", d.decision_service),
        "payment_date": when("罚没款票据", d.payment),
        "hearing_date": when("听证笔录", d.hearing),
        "hearing_notice_date": when("听证通知书", d.hearing_notice),
        "hearing_notice_service_date": when("送达回证:听证通知书", d.hearing_notice_service),
        "statement_date": when("陈述申辩笔录", d.statement),
        "waiver_date": when("放弃陈述申辩（听证）声明", d.waiver),
        "legal_review_date": when("法制审核意见", d.legal_review),
        "discussion_date": when("重大案件集体讨论记录", d.discussion),
        "report_date": when("案件调查报告", d.report),
        "closing_date": when("结案报告", d.closing),
        "preservation_date": when("证据登记保存清单", d.preservation),
        "preservation_release_date": when("解除证据登记保存决定书", d.preservation_release),
        "compulsion_date": when("行政强制措施决定书", d.compulsion),
        "compulsion_release_date": when("解除行政强制措施决定书", d.compulsion_release),
        "inquiry_dates": [_iso(q.date) for q in plan.inquiries],
    }


def _discretion(plan: Plan) -> dict[str, Any] | None:
    row = stated(plan.violation.key, plan.fine, plan.mut) if plan.procedure == "ordinary" else None
    if row is None or plan.mut.get("p19"):
        return None
    return {"entry": row[0], "level": row[1].level, "low": row[1].low, "high": row[1].high}


def roster_rows(plan: Plan) -> list[dict[str, str]]:
    """The officer roster a test imports (P-21): every officer valid for two years after the decision,
    except the one whose certificate the P-21 defect lets lapse."""
    until = plan.dates.decision.replace(year=plan.dates.decision.year + 2, day=1).isoformat()
    field = "海事" if plan.agency.maritime else "道路运输"
    return [
        {
            "name": o.name,
            "certificate": o.certificate,
            "field": field,
            "valid_until": plan.mut["p21_until"]
            if o.certificate == plan.mut.get("p21_certificate")
            else until,
        }
        for o in plan.officers
    ]


def truth(plan: Plan, docs: list[list[LaidPage]], file: str, sources: list[str]) -> dict[str, Any]:
    documents, sealed, seals, page = [], [], [], 0
    present: set[str] = set()
    for pages in docs:
        doc = pages[0].doc
        present.add(doc.key)
        documents.append(
            {
                "type": doc.type,
                "title": doc.title,
                "first_page": page + 1,
                "last_page": page + len(pages),
                "serves": doc.serves,
            }
        )
        for i, lp in enumerate(pages):
            if lp.seals:
                sealed.append(page + i + 1)
            for s in lp.seals:
                kind = "bank" if s.key.startswith("bank") else "agency"
                seals.append({"page": page + i + 1, "kind": kind, "bbox": [round(x, 1) for x in s.rect]})
        page += len(pages)
    fields = truth_fields(plan, present) if plan.case_type == "penalty" else kinds.truth_fields(plan, present)
    return {
        "case_id": plan.case_id,
        "kind": plan.kind,
        "case_type": plan.case_type,
        "file": file,
        "seed": plan.seed,
        "page_count": page,
        "procedure": plan.procedure,
        "hearing": plan.hearing,
        "major": plan.triggered,
        "agency": plan.agency.name,
        "violation": plan.violation.cause,
        "decision_style": plan.styles.decision,
        "calendar_trap": plan.calendar_trap,
        "documents": documents,
        "fields": fields,
        "officers": [{"name": o.name, "certificate": o.certificate} for o in plan.officers],
        "sealed_pages": sealed,
        "seals": seals,
        "page_sources": sources,
        "defects": list(plan.defects),
        "expected_failures": plan.expected,
        "expected_review": plan.review,
        "discretion": _discretion(plan),
        "roster": roster_rows(plan),
        "missing_documents": plan.missing,
        "notes": plan.notes,
    }


def generate_case(
    out_dir: Path,
    case_id: str,
    *,
    kind: str,
    seed: int,
    defects: Sequence[str] = (),
    procedure: str | None = None,
    party_kind: str | None = None,
    calendar_trap: bool = False,
    case_type: str = "penalty",
) -> tuple[Path, dict[str, Any]]:
    """Write one case file (PDF, DOCX, TIFF or image folder) and ``<case_id>.truth.json`` beside it.

    ``case_type`` "compulsion" (扣押 without a penalty decision) or "inspection" (行政检查) writes
    one of the other case kinds (kinds.py); their defects are ``ALLOWED`` there."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if case_type == "penalty":
        plan = make_plan(
            case_id,
            kind=kind,
            seed=seed,
            defects=defects,
            procedure=procedure,
            party_kind=party_kind,
            calendar_trap=calendar_trap,
        )
    else:
        plan = kinds.make_kind_plan(case_id, case_type, kind=kind, seed=seed, defects=defects)
    docs = build_pages(plan)
    pages = [p for doc in docs for p in doc]
    path = out_dir / (case_id + SUFFIX[kind])
    rng = random.Random(seed * 104729 + 3)  # scan noise stream
    agency = plan.agency.name
    if kind == "digital":
        sources = write_digital(pages, path, agency)
    elif kind in ("scanned", "mixed"):
        flags = [True] * len(pages) if kind == "scanned" else mixed_flags(len(pages), rng)
        sources = write_pdf(pages, path, agency, rng, flags)
    elif kind == "docx":
        write_docx(docs, agency, path)
        sources = ["docx"] * len(pages)
    elif kind == "images":
        sources = write_images(pages, path, agency, rng)
    else:
        sources = write_tiff(pages, path, agency, rng)
    data = truth(plan, docs, path.name, sources)
    (out_dir / f"{case_id}.truth.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), "utf-8")
    return path, data
