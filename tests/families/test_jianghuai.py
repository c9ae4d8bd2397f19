"""The jianghuai family writes what the plan says: documents and pages, key values in the right
documents, image-only scans, and the content mutations of the defects."""

from __future__ import annotations

import re
from pathlib import Path

import pymupdf
import pytest

from casegen.model import Plan
from casegen.plan import make_plan
from families import FAMILIES, family
from families.contract import RenderedDoc
from families.jianghuai import FAMILY, write_case
from families.jianghuai.common import d0, dcn


def _plan(defects: list[str], want: dict[str, str] | None = None, procedure: str | None = None) -> Plan:
    """The first seeded plan with ``defects`` whose mutations include ``want``."""
    for seed in range(300):
        plan = make_plan(f"jh{seed}", kind="digital", seed=seed, defects=defects, procedure=procedure)
        if all(plan.mut.get(k) == v for k, v in (want or {}).items()):
            return plan
    raise AssertionError(f"no plan for {defects} {want}")


def _write(plan: Plan, tmp: Path, scanned: bool = False) -> tuple[pymupdf.Document, list[RenderedDoc]]:
    path = tmp / f"{plan.case_id}{'s' if scanned else ''}.pdf"
    docs = write_case(plan, path, scanned=scanned, seed=plan.seed)
    return pymupdf.open(path), docs


def _texts(pdf: pymupdf.Document, docs: list[RenderedDoc], key: str) -> list[str]:
    """The text of every document with ``key``, whitespace removed (cells and lines wrap)."""
    out, page = [], 0
    for doc in docs:
        if doc.key == key:
            raw = "".join(pdf[page + i].get_text() for i in range(doc.pages))
            out.append(re.sub(r"\s+", "", raw))
        page += doc.pages
    return out


def _text(pdf: pymupdf.Document, docs: list[RenderedDoc], key: str) -> str:
    found = _texts(pdf, docs, key)
    assert found, f"{key} missing"
    return found[0]


def _first_page(docs: list[RenderedDoc], key: str) -> int:
    page = 0
    for doc in docs:
        if doc.key == key:
            return page
        page += doc.pages
    raise AssertionError(key)


def test_registered() -> None:
    assert FAMILY == "jianghuai"
    assert "jianghuai" in FAMILIES
    assert family("jianghuai").write_case is write_case


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> tuple[Plan, pymupdf.Document, list[RenderedDoc]]:
    plan = _plan([], procedure="ordinary")
    pdf, docs = _write(plan, tmp_path_factory.mktemp("clean"))
    return plan, pdf, docs


def test_clean_file_pages_and_documents(clean: tuple[Plan, pymupdf.Document, list[RenderedDoc]]) -> None:
    plan, pdf, docs = clean
    assert pdf.page_count == sum(d.pages for d in docs)
    keys = [d.key for d in docs]
    for key in (
        "立案登记表",
        "违法行为通知书",
        "送达回证:违法行为通知书",
        "行政处罚决定书",
        "送达回证:行政处罚决定书",
        "结案报告",
    ):
        assert key in keys
    assert keys.index("违法行为通知书") < keys.index("行政处罚决定书") < keys.index("结案报告")
    assert sum(d.type in ("询问笔录", "现场笔录", "勘验笔录") for d in docs) == len(plan.inquiries)
    assert docs[0].type == "卷宗封面" and docs[-1].type == "备考表"
    for key in ("违法行为通知书", "行政处罚决定书"):
        doc = next(d for d in docs if d.key == key)
        assert doc.sealed_pages, key


def test_clean_file_values_in_their_documents(
    clean: tuple[Plan, pymupdf.Document, list[RenderedDoc]],
) -> None:
    plan, pdf, docs = clean
    d = plan.dates
    number, name = plan.number.format(), plan.party.name
    decision = _text(pdf, docs, "行政处罚决定书")
    assert number in decision and name in decision
    assert f"{plan.fine:,}.00" in decision and dcn(d.decision) in decision
    assert "六十日" in decision and "六个月" in decision and "十五日" in decision
    assert d0(d.filing) in _text(pdf, docs, "立案登记表")
    assert number in _text(pdf, docs, "立案登记表")
    notice = _text(pdf, docs, "违法行为通知书")
    assert dcn(d.notice) in notice and f"{plan.proposed_fine:,}.00" in notice and "陈述" in notice
    assert plan.violation.basis.replace(" ", "") in notice
    assert d0(d.decision_service) in _text(pdf, docs, "送达回证:行政处罚决定书")
    assert d0(d.notice_service) in _text(pdf, docs, "送达回证:违法行为通知书")
    for text, q in zip(
        [
            t
            for doc in docs
            for t in ([_text_of(pdf, docs, doc)] if doc.type in ("询问笔录", "现场笔录", "勘验笔录") else [])
        ],
        plan.inquiries,
        strict=True,
    ):
        assert d0(q.date) in text
        for o in q.officers:
            assert o.name in text and o.certificate in text
    closing = _text(pdf, docs, "结案报告")
    assert plan.staff.head in closing and d0(d.closing) in closing  # type: ignore[arg-type]


def _text_of(pdf: pymupdf.Document, docs: list[RenderedDoc], target: RenderedDoc) -> str:
    page = 0
    for doc in docs:
        if doc is target:
            return re.sub(r"\s+", "", "".join(pdf[page + i].get_text() for i in range(doc.pages)))
        page += doc.pages
    raise AssertionError


def test_scanned_pages_are_image_only(tmp_path: Path) -> None:
    plan = _plan(["T-02"])
    pdf, docs = _write(plan, tmp_path, scanned=True)
    assert pdf.page_count == sum(d.pages for d in docs)
    for page in pdf:
        assert page.get_text().strip() == ""
        assert len(page.get_images()) == 1


@pytest.mark.parametrize("variant", ["noremedy", "nocomply"])
def test_p07_decision_omits_an_element(tmp_path: Path, variant: str) -> None:
    plan = _plan(["P-07"], {"p07": variant})
    pdf, docs = _write(plan, tmp_path)
    decision = _text(pdf, docs, "行政处罚决定书")
    if variant == "noremedy":
        assert "六十日" not in decision and "六个月" not in decision and "十五日" in decision
    else:
        assert "十五日" not in decision and "加处罚款" not in decision and "六十日" in decision


def test_c01_one_document_prints_another_number(tmp_path: Path) -> None:
    plan = _plan(["C-01"])
    pdf, docs = _write(plan, tmp_path)
    key, wrong, right = plan.mut["c01_type"], plan.mut["c01_number"], plan.number.format()
    for text in _texts(pdf, docs, key):
        assert wrong in text and right not in text
    assert right in _text(pdf, docs, "行政处罚决定书") and wrong not in _text(pdf, docs, "行政处罚决定书")


def test_c02_one_document_names_the_party_differently(tmp_path: Path) -> None:
    plan = _plan(["C-02"])
    pdf, docs = _write(plan, tmp_path)
    key, wrong, right = plan.mut["c02_type"], plan.mut["c02_name"], plan.party.name
    text = _text(pdf, docs, key)
    assert wrong in text and right not in text
    assert right in _text(pdf, docs, "行政处罚决定书")


@pytest.mark.parametrize("target", ["notice", "decision"])
def test_s01_document_without_seal(tmp_path: Path, target: str) -> None:
    plan = _plan(["S-01"], {"s01": target})
    pdf, docs = _write(plan, tmp_path)
    bare, sealed = (
        ("违法行为通知书", "行政处罚决定书") if target == "notice" else ("行政处罚决定书", "违法行为通知书")
    )
    bare_doc = next(d for d in docs if d.key == bare)
    sealed_doc = next(d for d in docs if d.key == sealed)
    assert bare_doc.sealed_pages == [] and sealed_doc.sealed_pages
    first = _first_page(docs, bare)
    assert not any(_has_seal(pdf[first + i]) for i in range(bare_doc.pages))
    assert _has_seal(pdf[_first_page(docs, sealed) + sealed_doc.sealed_pages[0]])


def _has_seal(page: pymupdf.Page) -> bool:
    """The seal is a 480 px square raster image (the code mark is smaller)."""
    return any(img[2] == img[3] == 480 for img in page.get_images())


@pytest.mark.parametrize("variant", ["nocert", "single"])
def test_p01_record_officers(tmp_path: Path, variant: str) -> None:
    plan = _plan(["P-01"], {"p01": variant})
    pdf, docs = _write(plan, tmp_path)
    idx = int(plan.mut["p01_index"])
    records = [d for d in docs if d.type in ("询问笔录", "现场笔录", "勘验笔录")]
    text = _text_of(pdf, docs, records[idx])
    first, second = plan.inquiries[idx].officers
    assert first.name in text and first.certificate in text
    assert second.certificate not in text
    assert (second.name in text) == (variant == "nocert")
    other = [i for i in range(len(records)) if i != idx]
    for i in other:
        assert plan.inquiries[i].officers[1].certificate in _text_of(pdf, docs, records[i])


def test_d01_drops_the_document(tmp_path: Path) -> None:
    plan = _plan(["D-01"])
    pdf, docs = _write(plan, tmp_path)
    assert plan.mut["drop"] not in [d.key for d in docs]
    assert pdf.page_count == sum(d.pages for d in docs)


def test_notice_hearing_mutations(tmp_path: Path) -> None:
    plan = _plan(["P-14"])
    pdf, docs = _write(plan, tmp_path)
    assert "三日内" in _text(pdf, docs, "违法行为通知书") and "听证" in _text(pdf, docs, "违法行为通知书")
    plan = _plan(["P-04"])
    pdf, docs = _write(plan, tmp_path)
    notice = _text(pdf, docs, "违法行为通知书")
    assert "听证" not in notice and "陈述" in notice


def test_summary_procedure(tmp_path: Path) -> None:
    plan = _plan([], {}, procedure="summary")
    pdf, docs = _write(plan, tmp_path)
    assert [d.type for d in docs][:1] == ["当场行政处罚决定书"]
    assert [d.type for d in docs][1:] == (["罚没款票据"] if plan.has_receipt and plan.dates.payment else [])
    assert pdf.page_count == sum(d.pages for d in docs)
    text = _text(pdf, docs, "当场行政处罚决定书")
    assert plan.number.format() in text and plan.party.name in text and dcn(plan.dates.decision) in text
    for o in plan.officers[:2]:
        assert o.certificate in text
    assert docs[0].sealed_pages == [0]
