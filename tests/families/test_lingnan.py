"""The lingnan family writes what the plan says: page counts, key values in the text, defects honoured."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from casegen.plan import make_plan
from families import lingnan
from families.contract import truth


def _d0(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{y}年{m}月{d}日"


def _doc_text(pdf: pymupdf.Document, doc: dict) -> str:
    return "".join(pdf[i - 1].get_text() for i in range(doc["first_page"], doc["last_page"] + 1)).replace(
        "\n", ""
    )


@pytest.mark.parametrize(
    ("case_id", "defects", "procedure"),
    [("ln-s", [], "summary"), ("ln-h", ["T-05"], None), ("ln-d", ["P-07", "C-01"], None)],
)
def test_case_written(tmp_path: Path, case_id: str, defects: list[str], procedure: str | None) -> None:
    plan = make_plan(case_id, kind="digital", seed=4242, defects=defects, procedure=procedure)
    path = tmp_path / f"{case_id}.pdf"
    docs = lingnan.write_case(plan, path, scanned=False, seed=4242)
    t = truth(plan, docs, path.name, lingnan.FAMILY, False)
    pdf = pymupdf.open(path)
    assert len(pdf) == t["page_count"] == sum(d.pages for d in docs)
    f = t["fields"]
    by_type = {d["type"]: d for d in t["documents"]}
    main = by_type["当场行政处罚决定书" if plan.procedure == "summary" else "行政处罚决定书"]
    text = _doc_text(pdf, main)
    assert f["case_number"] in text and f["party_name"] in text
    assert f"¥{plan.fine:,}.00" in text
    assert _d0(f["decision_date"]) in text
    assert t["sealed_pages"], "the decision carries a seal"
    if plan.procedure == "ordinary":
        assert _d0(f["filing_date"]) in _doc_text(pdf, by_type["立案登记表"])
        for doc in t["documents"]:
            if doc["serves"] == "行政处罚决定书":
                assert _d0(f["decision_service_date"]) in _doc_text(pdf, doc)
    if "T-05" in defects:
        assert plan.hearing and "听证笔录" in by_type
        assert _d0(f["hearing_date"]) in _doc_text(pdf, by_type["听证笔录"])
    if plan.mut.get("p07") == "noremedy":
        assert "六十日" not in text
    if plan.mut.get("p07") == "nocomply":
        assert "十五日内" not in text
    if "c01_type" in plan.mut:
        target = plan.mut["c01_type"]
        hits = [d for d in t["documents"] if d["type"] == target.split(":")[0]]
        assert any(plan.mut["c01_number"] in _doc_text(pdf, d) for d in hits)


def test_scanned_is_image_only(tmp_path: Path) -> None:
    plan = make_plan("ln-scan", kind="scanned", seed=77, procedure="summary")
    path = tmp_path / "scan.pdf"
    docs = lingnan.write_case(plan, path, scanned=True, seed=77)
    pdf = pymupdf.open(path)
    assert len(pdf) == sum(d.pages for d in docs)
    assert all(not p.get_text().strip() and p.get_images() for p in pdf)
