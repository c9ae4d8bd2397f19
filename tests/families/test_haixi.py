"""The haixi family writes complete, readable files: page counts match, key values are in the text."""

# PyMuPDF ships without annotations:
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from pathlib import Path

import pymupdf

from casegen.plan import make_plan
from families import haixi
from families.contract import RenderedDoc


def _text(pdf: pymupdf.Document, docs: list[RenderedDoc], typ: str) -> str:
    page = 0
    for doc in docs:
        if doc.type == typ:
            return "".join(pdf[i].get_text() for i in range(page, page + doc.pages))
        page += doc.pages
    raise AssertionError(f"no {typ}")


def _write(tmp_path: Path, name: str, **kw: object) -> tuple[pymupdf.Document, list[RenderedDoc], object]:
    plan = make_plan(name, kind="digital", **kw)  # type: ignore[arg-type]
    path = tmp_path / f"{name}.pdf"
    docs = haixi.write_case(plan, path, scanned=False, seed=plan.seed)
    pdf = pymupdf.open(path)
    assert pdf.page_count == sum(d.pages for d in docs)
    return pdf, docs, plan


def test_summary(tmp_path: Path) -> None:
    pdf, docs, plan = _write(tmp_path, "hx1", seed=5, procedure="summary")
    text = _text(pdf, docs, "当场行政处罚决定书")
    assert plan.number.format() in text and plan.party.name in text
    assert f"{plan.fine:,}.00" in text


def test_hearing(tmp_path: Path) -> None:
    pdf, docs, plan = _write(tmp_path, "hx2", seed=7, defects=["T-05"])
    assert plan.hearing
    kinds = {d.key for d in docs}
    assert {"听证通知书", "送达回证:听证通知书", "听证笔录", "行政处罚决定书", "结案报告"} <= kinds
    text = _text(pdf, docs, "行政处罚决定书")
    assert plan.number.format() in text and plan.party.name in text
    assert plan.dates.hearing and f"{plan.dates.hearing:%Y年%m月%d日}" in _text(pdf, docs, "听证笔录")
    assert docs[[d.type for d in docs].index("行政处罚决定书")].sealed_pages


def test_defects(tmp_path: Path) -> None:
    pdf, docs, plan = _write(tmp_path, "hx3", seed=11, defects=["S-01", "C-03", "P-13"])
    if plan.mut.get("s01") == "decision":
        assert not next(d for d in docs if d.type == "行政处罚决定书").sealed_pages
    else:
        assert not next(d for d in docs if d.type == "违法行为通知书").sealed_pages
    assert plan.mut["c03"] in _text(pdf, docs, "行政处罚决定书")
    assert "同意结案" not in _text(pdf, docs, "结案报告")
