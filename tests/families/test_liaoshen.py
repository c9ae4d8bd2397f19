"""The liaoshen family writes what the plan says (LibreOffice is slow: four files in all)."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from casegen.plan import make_plan
from families import FAMILIES
from families.contract import RenderedDoc, truth
from families.liaoshen import FAMILY, write_case

pytestmark = pytest.mark.skipif(not Path("/usr/bin/soffice").exists(), reason="LibreOffice not installed")


def _cn(d) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _write(tmp: Path, name: str, *, scanned: bool = False, seed: int = 5, **kw):
    plan = make_plan(name, kind="scanned" if scanned else "digital", seed=seed, **kw)
    path = tmp / f"{name}.pdf"
    docs = write_case(plan, path, scanned=scanned, seed=seed)
    return plan, path, docs


def _texts(path: Path, docs: list[RenderedDoc]) -> list[str]:
    """Each document's text (its pages joined, whitespace removed)."""
    pdf, out, page = pymupdf.open(path), [], 0
    for d in docs:
        out.append("".join("".join(pdf[page + i].get_text().split()) for i in range(d.pages)))
        page += d.pages
    return out


def _by_key(docs, texts, key):
    return [t for d, t in zip(docs, texts, strict=True) if d.key == key]


def test_registered() -> None:
    assert FAMILY == "liaoshen" and "liaoshen" in FAMILIES


def test_clean_ordinary_file(tmp_path: Path) -> None:
    plan, path, docs = _write(tmp_path, "clean", seed=21, procedure="ordinary")
    pdf = pymupdf.open(path)
    assert len(pdf) == sum(d.pages for d in docs)
    texts = _texts(path, docs)
    number, d = plan.number.format(), plan.dates
    for key in ("立案登记表", "违法行为通知书", "行政处罚决定书", "送达回证:行政处罚决定书", "结案报告"):
        (text,) = _by_key(docs, texts, key)
        assert number in text and plan.party.name in text, key
    (filing,) = _by_key(docs, texts, "立案登记表")
    assert _cn(d.filing) in filing
    (decision,) = _by_key(docs, texts, "行政处罚决定书")
    year = "".join("〇一二三四五六七八九"[int(c)] for c in str(d.decision.year))
    assert year in decision and f"{plan.fine:,}.00" in decision
    assert "六十日内" in decision and "六个月内" in decision and "十五日内" in decision
    (served,) = _by_key(docs, texts, "送达回证:行政处罚决定书")
    assert _cn(d.decision_service) in served
    for q, (text) in zip(
        plan.inquiries,
        [
            t
            for x, t in zip(docs, texts, strict=True)
            if x.type.endswith("笔录") and x.type in ("询问笔录", "现场笔录", "勘验笔录")
        ],
        strict=True,
    ):
        for o in q.officers:
            assert o.name in text and o.certificate in text
    data = truth(plan, docs, path.name, FAMILY, False)
    assert data["page_count"] == len(pdf)
    sealed = {
        x["type"]
        for x in data["documents"]
        if any(x["first_page"] <= p <= x["last_page"] for p in data["sealed_pages"])
    }
    assert {"违法行为通知书", "行政处罚决定书"} <= sealed
    for p in data["sealed_pages"]:
        assert pdf[p - 1].get_image_info(), p


def test_mutations(tmp_path: Path) -> None:
    plan, path, docs = _write(tmp_path, "mut", seed=33, defects=["P-07", "C-01", "C-02", "S-01"])
    texts = _texts(path, docs)
    m = plan.mut
    (decision,) = _by_key(docs, texts, "行政处罚决定书")
    if m["p07"] == "noremedy":
        assert "六十日内" not in decision and "六个月内" not in decision
    else:
        assert "十五日内" not in decision and "加处罚款" not in decision
    for text in _by_key(docs, texts, m["c01_type"]):
        assert m["c01_number"] in text and plan.number.format() not in text
    for text in _by_key(docs, texts, m["c02_type"]):
        assert m["c02_name"] in text
    other = _by_key(docs, texts, "送达回证:违法行为通知书")
    assert other and (m["c02_type"] == "送达回证:违法行为通知书" or plan.party.name in other[0])
    unsealed = next(
        x for x in docs if x.key == {"notice": "违法行为通知书", "decision": "行政处罚决定书"}[m["s01"]]
    )
    assert unsealed.sealed_pages == []
    pdf, page = pymupdf.open(path), 0
    for x in docs:
        if x is unsealed:
            assert not any(pdf[page + i].get_image_info() for i in range(x.pages))
        page += x.pages


def test_scanned_summary(tmp_path: Path) -> None:
    plan, path, docs = _write(tmp_path, "summ", scanned=True, seed=8, procedure="summary")
    assert docs[0].type == "当场行政处罚决定书" and docs[0].sealed_pages
    assert [x.type for x in docs[1:]] == (["罚没款票据"] if plan.has_receipt and plan.dates.payment else [])
    pdf = pymupdf.open(path)
    assert len(pdf) == sum(x.pages for x in docs)
    for page in pdf:
        assert page.get_text().strip() == "" and len(page.get_image_info()) == 1
