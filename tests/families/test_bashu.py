"""The 巴蜀 family writes readable files: page counts match, key values sit in the text layer."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from casegen.plan import make_plan
from families import bashu
from families.contract import truth


def _write(tmp_path: Path, name: str, **kw: object):
    plan = make_plan(name, kind="digital", seed=kw.pop("seed", 7), **kw)  # type: ignore[arg-type]
    path = tmp_path / f"{name}.pdf"
    docs = bashu.write_case(plan, path, scanned=False, seed=3)
    data = truth(plan, docs, path.name, "bashu", False)
    doc = pymupdf.open(path)
    assert len(doc) == data["page_count"] == sum(d.pages for d in docs)
    text = "".join(page.get_text() for page in doc).replace("\n", "")
    return plan, data, text


def _cn(iso: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{y}年{m}月{d}日"


def test_summary_case(tmp_path: Path) -> None:
    plan, data, text = _write(tmp_path, "s1", procedure="summary")
    assert data["documents"][0]["type"] == "当场行政处罚决定书"
    assert plan.party.name in text and f"{plan.fine:,}.00元" in text
    assert _cn(data["fields"]["decision_date"]) in text


def test_hearing_case(tmp_path: Path) -> None:
    plan, data, text = _write(tmp_path, "h1", defects=["T-05"])
    types = [d["type"] for d in data["documents"]]
    assert "听证通知书" in types and "听证笔录" in types
    assert plan.number.format() in text and plan.party.name in text
    for key in ("filing_date", "notice_date", "decision_date", "hearing_date", "closing_date"):
        assert _cn(data["fields"][key]) in text, key
    assert f"{plan.fine:,}.00元" in text


def test_defect_case(tmp_path: Path) -> None:
    plan, data, text = _write(tmp_path, "d1", defects=["C-02", "W-01"], seed=11)
    assert plan.mut["c02_name"] in text
    assert any(s in text for s in ("你（单位）", "____", "分以下情况"))
    assert "送达回证" in [d["type"] for d in data["documents"]]
