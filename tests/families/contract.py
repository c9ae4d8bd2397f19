"""What a template family implements, and the ground truth every family writes the same way.

A family module (``families/<name>/__init__.py``) exposes::

    FAMILY: str  # its name
    def write_case(plan: Plan, path: Path, *, scanned: bool, seed: int) -> list[RenderedDoc]

``plan`` comes from ``casegen.plan.make_plan`` (the facts, dates, people, fine and the injected defects
are shared by all families so that the expected rule failures stay the same); the family decides
everything about how the file *looks and reads*: which forms, their table structures and nesting,
label words, headings, date/number/amount styles, page furniture, seals, scan defects. It writes one
PDF at ``path`` (image-only pages when ``scanned``) and returns the documents in file order.

The family must honour the plan exactly, because the truth (expected failures, fields) is computed
from it:
- the documents of the procedure (legal-reference §3.1): ``plan.procedure`` is ``ordinary`` or
  ``summary`` (简易: one 当场行政处罚决定书, plus a receipt when ``plan.has_receipt``); ordinary files
  follow ``casegen.assemble.body`` in which documents exist (inquiries, preservation/compulsion when
  their dates are set, report, notice + its 送达回证, statement/waiver, hearing notice + 送达回证 +
  hearing record when ``plan.hearing``, legal review when ``plan.has_review``, discussion when
  ``plan.has_discussion``, decision + 送达回证, receipt when ``has_receipt`` and a payment date,
  publication page when ``has_publication`` and a publication date, 结案报告), plus any cover,
  contents, attachments or back page the family's style has;
- every date of ``plan.dates`` printed in its document, the fine, the proposed fine, the case number
  ``plan.number.format()``, the party, the officers with their certificates on each 笔录;
- the content mutations in ``plan.mut`` (set only when a defect is injected):
  ``drop`` key of a document left out · ``p01`` ``nocert``/``single`` with ``p01_index``: that
  inquiry's record names its second officer without a certificate number / names one officer ·
  ``notice_no_basis``: the notice cites no legal basis · ``notice_no_hearing``: the notice offers no
  hearing · ``notice_3days``: the notice gives 三日 to request a hearing (outdated wording) ·
  ``p05`` ``noreviewer``: the legal review names no reviewer · ``p06`` ``noconclusion``: the
  discussion has no conclusion · ``p07`` ``noremedy``/``nocomply``: the decision omits the remedy
  routes (复议 60 days / 诉讼 6 months) / how and when to pay · ``jiean_nohead``: the 结案报告 has no
  head's approval · ``c01_type``+``c01_number``: that document prints another case number ·
  ``c02_type``+``c02_name``: that document names the party differently · ``c03``: the decision's 大写
  amount is this (wrong) string · ``w01`` ``ni_danwei``/``underscore``/``guidance``: the decision keeps
  template text (你（单位）, a run of underscores in a filled field, or guidance like （分以下情况…） ·
  ``s01`` ``notice``/``decision``: that document carries no red seal.
  A document's key is its type, or ``送达回证:<served type>`` for a 送达回证.
- otherwise a compliant file: every other rule of shared/domain/rules.md must pass on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casegen.generate import truth_fields
from casegen.model import Plan


@dataclass
class RenderedDoc:
    type: str  # casereview.domain.doctypes title, e.g. 行政处罚决定书; 证据材料 for attachments
    pages: int  # how many pages of the file it takes
    title: str = ""  # the title as printed ("" when the page prints none)
    serves: str | None = None  # for a 送达回证: the type of the document it serves
    sealed_pages: list[int] = field(default_factory=list)  # 0-based pages of this doc with a red seal
    key: str = ""

    def __post_init__(self) -> None:
        if not self.key:
            self.key = f"送达回证:{self.serves}" if self.serves else self.type


def case_number_on(plan: Plan, key: str) -> str:
    """The case number the document ``key`` prints (C-01: one document prints another)."""
    return plan.mut["c01_number"] if plan.mut.get("c01_type") == key else plan.number.format()


def party_name_on(plan: Plan, key: str) -> str:
    """The party's name as the document ``key`` prints it (C-02: one document names it differently)."""
    return plan.mut["c02_name"] if plan.mut.get("c02_type") == key else plan.party.name


def truth(plan: Plan, docs: list[RenderedDoc], file: str, family: str, scanned: bool) -> dict[str, Any]:
    """Ground truth in the schema of ``casegen.generate.truth`` (bench/accuracy.py reads both)."""
    documents, sealed, page = [], [], 0
    present: set[str] = set()
    for doc in docs:
        present.add(doc.key)
        documents.append(
            {
                "type": doc.type,
                "title": doc.title,
                "first_page": page + 1,
                "last_page": page + doc.pages,
                "serves": doc.serves,
            }
        )
        sealed += [page + i + 1 for i in doc.sealed_pages]
        page += doc.pages
    fields = truth_fields(plan, present)
    return {
        "case_id": plan.case_id,
        "family": family,
        "kind": "scanned" if scanned else "digital",
        "file": file,
        "seed": plan.seed,
        "page_count": page,
        "procedure": plan.procedure,
        "hearing": plan.hearing,
        "major": plan.triggered,
        "documents": documents,
        "fields": fields,
        "officers": [{"name": o.name, "certificate": o.certificate} for o in plan.officers],
        "sealed_pages": sealed,
        "defects": list(plan.defects),
        "expected_failures": plan.expected,
        "missing_documents": plan.missing,
        "notes": plan.notes,
    }


def write_truth(path: Path, data: dict[str, Any]) -> Path:
    import json

    out = path.with_name(path.stem + ".truth.json")
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1), "utf-8")
    return out
