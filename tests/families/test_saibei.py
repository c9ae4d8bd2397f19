"""The saibei family writes whole, consistent case files (page counts, key values in the text)."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from casegen.plan import make_plan
from families.saibei import write_case
from families.saibei.fmt import dcn


def _text(path: Path) -> tuple[int, str]:
    pdf = pymupdf.open(path)
    return len(pdf), "".join(p.get_text() for p in pdf).replace("\n", "")


@pytest.mark.parametrize(
    ("case", "kw"),
    [
        ("sb1", {"procedure": "summary", "defects": []}),
        ("sb2", {"defects": ["T-05"]}),
        ("sb3", {"defects": ["C-01"]}),
    ],
)
def test_case_file(tmp_path: Path, case: str, kw: dict) -> None:
    plan = make_plan(case, kind="digital", seed=41, **kw)
    path = tmp_path / f"{case}.pdf"
    docs = write_case(plan, path, scanned=False, seed=41)
    pages, text = _text(path)
    assert pages == sum(d.pages for d in docs)
    assert plan.number.format() in text
    assert plan.party.name in text
    assert dcn(plan.dates.decision) in text
    assert f"{plan.fine:,}" in text
    types = [d.type for d in docs]
    if plan.procedure == "summary":
        assert types[0] == "当场行政处罚决定书"
    else:
        assert types[0] == "卷宗封面" and types[-1] == "备考表"
        assert "行政处罚决定书" in types and "结案报告" in types
        assert sum(1 for d in docs if d.serves) >= 2
    if "T-05" in plan.defects:
        assert plan.hearing
    if plan.hearing:
        assert "听证笔录" in types and "听证通知书" in types
    if "c01_number" in plan.mut:
        assert plan.mut["c01_number"] in text
    for d in docs:
        if d.type in ("行政处罚决定书", "违法行为通知书", "当场行政处罚决定书"):
            assert d.sealed_pages
