"""The zhongyuan family writes files whose pages and text match the plan (summary, hearing, defects)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pymupdf
import pytest

from casegen.formats import fmt_date
from casegen.plan import make_plan
from families import zhongyuan
from families.contract import truth


def _case(tmp_path: Path, name: str, **kw: object) -> tuple[dict, list[str]]:
    plan = make_plan(name, kind="digital", seed=kw.pop("seed", 7), **kw)  # type: ignore[arg-type]
    path = tmp_path / f"{name}.pdf"
    docs = zhongyuan.write_case(plan, path, scanned=False, seed=plan.seed)
    t = truth(plan, docs, path.name, zhongyuan.FAMILY, False)
    pdf = pymupdf.open(path)
    assert pdf.page_count == t["page_count"] == sum(d.pages for d in docs)
    return t, [p.get_text() for p in pdf]


def _doc_text(t: dict, text: list[str], typ: str) -> str:
    return "".join(
        "".join(text[d["first_page"] - 1 : d["last_page"]]) for d in t["documents"] if d["type"] == typ
    )


def test_summary_case(tmp_path: Path) -> None:
    t, text = _case(tmp_path, "zs1", procedure="summary")
    dec = _doc_text(t, text, "当场行政处罚决定书")
    f = t["fields"]
    assert f["case_number"] in dec and f["party_name"] in dec
    assert f"罚款{int(f['fine_amount'])}元" in dec
    assert "执法证号" in dec


def test_hearing_case(tmp_path: Path) -> None:
    t, text = _case(tmp_path, "zh1", defects=["T-05"])
    types = [d["type"] for d in t["documents"]]
    assert "听证通知书" in types and "听证笔录" in types
    all_text = "".join(text)
    assert t["fields"]["case_number"] in all_text
    assert t["fields"]["party_name"] in _doc_text(t, text, "行政处罚决定书")
    day = dt.date.fromisoformat(t["fields"]["hearing_date"])
    record = _doc_text(t, text, "听证笔录")
    assert any(fmt_date(day, s) in record for s in ("dot", "dash"))


@pytest.mark.parametrize("defect", ["C-01", "S-01"])
def test_defect_case(tmp_path: Path, defect: str) -> None:
    t, text = _case(tmp_path, "zd1", defects=[defect], seed=21)
    assert defect in t["expected_failures"]
    dec = _doc_text(t, text, "行政处罚决定书")
    assert "救济途径和期限" in dec and t["fields"]["case_number"] in dec
    if defect == "S-01":
        sealed = set(t["sealed_pages"])
        for d in t["documents"]:
            if d["type"] in ("行政处罚决定书", "违法行为通知书"):
                pages = set(range(d["first_page"], d["last_page"] + 1))
                assert bool(pages & sealed) != (
                    d["type"] == ("行政处罚决定书" if "P-07" in t["expected_failures"] else "违法行为通知书")
                )
