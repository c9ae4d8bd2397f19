"""yunling prints what the plan says: documents, number, party, dates, fines, officers, mutations."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pymupdf
import pytest

from casegen.plan import make_plan
from families import FAMILIES
from families.contract import RenderedDoc
from families.yunling import FAMILY, write_case
from families.yunling.fmt import cell


def _write(tmp: Path, defects: list[str], seed: int, **kw) -> tuple:
    for s in range(seed, seed + 40):  # the first seed whose plan fits what the test asks for
        plan = make_plan("y", kind="digital", seed=s, defects=defects, procedure=kw.get("procedure"))
        if kw.get("hearing") is not None and plan.hearing != kw["hearing"]:
            continue
        if kw.get("triggered") is not None and plan.triggered != kw["triggered"]:
            continue
        path = tmp / f"y{s}.pdf"
        docs = write_case(plan, path, scanned=False, seed=s)
        pdf = pymupdf.open(path)
        return plan, docs, [p.get_text() for p in pdf]
    raise AssertionError("no plan fits")


def _doc_text(docs: list[RenderedDoc], pages: list[str], key: str) -> list[str]:
    out, page = [], 0
    for d in docs:
        if d.key == key:
            out.append("".join(pages[page : page + d.pages]).replace("\n", ""))
        page += d.pages
    return out


def _dates(plan) -> list[dt.date]:
    d = plan.dates
    keep = [
        "violation", "filing", "report", "notice_service", "statement", "waiver", "hearing",
        "hearing_notice_service", "legal_review", "discussion", "decision_service", "payment",
        "publication", "closing",
    ]  # fmt: skip
    return [getattr(d, k) for k in keep if getattr(d, k)]


def test_registered() -> None:
    assert FAMILY == "yunling" and FAMILIES[-1] == "yunling"


@pytest.mark.parametrize(
    "kw", [{"hearing": False}, {"hearing": True, "triggered": True}, {"procedure": "summary"}]
)
def test_clean_file_prints_the_plan(tmp_path: Path, kw: dict) -> None:
    defects = ["T-05"] if kw.get("hearing") else []  # T-05 needs a hearing; only its dates change
    plan, docs, pages = _write(tmp_path, defects, 3, **kw)
    text = "".join(pages).replace("\n", "")
    assert len(pages) == sum(d.pages for d in docs)
    types = [d.key for d in docs]
    assert types[:2] == ["卷宗封面", "卷内目录"] and types[-1] == "备考表"
    if plan.procedure == "summary":
        assert "当场行政处罚决定书" in types
    else:
        need = [
            "立案登记表",
            "违法行为通知书",
            "送达回证:违法行为通知书",
            "行政处罚决定书",
            "送达回证:行政处罚决定书",
        ]
        need += ["结案报告", "案件调查报告"] + [q.type for q in plan.inquiries]
        if plan.hearing:
            need += ["听证通知书", "送达回证:听证通知书", "听证笔录"]
        assert set(need) <= set(types)
        assert plan.hearing == kw["hearing"]
    assert plan.number.format() in text and plan.party.name in text
    for day in _dates(plan):
        assert cell(day) in text, day
    assert f"{plan.fine}元" in text and f"{plan.proposed_fine}元" in text
    for q in plan.inquiries:
        rec = _doc_text(docs, pages, q.type)
        assert any(all(f"{o.name}（证号{o.certificate}）" in r for o in q.officers) for r in rec)
    decision = "当场行政处罚决定书" if plan.procedure == "summary" else "行政处罚决定书"
    dec = next(d for d in docs if d.key == decision)
    assert dec.sealed_pages and "六十日" in _doc_text(docs, pages, decision)[0]


CASES = {
    "D-01": lambda p, t: p.mut["drop"] not in [d.key for d in t[0]],
    "P-02": lambda p, t: "违反规定" not in _doc_text(*t, "违法行为通知书")[0],
    "P-04": lambda p, t: "听证" not in _doc_text(*t, "违法行为通知书")[0],
    "P-14": lambda p, t: "三日内要求听证" in _doc_text(*t, "违法行为通知书")[0],
    "P-13": lambda p, t: "同意结案" not in _doc_text(*t, "结案报告")[0],
    "C-03": lambda p, t: f"罚款{p.fine}元（{p.mut['c03']}）" in _doc_text(*t, "行政处罚决定书")[0],
    "C-01": lambda p, t: all(p.mut["c01_number"] in x for x in _doc_text(*t, p.mut["c01_type"])),
    "C-02": lambda p, t: p.mut["c02_name"] in _doc_text(*t, p.mut["c02_type"])[0],
}


@pytest.mark.parametrize("defect", list(CASES))
def test_mutation_is_visible(tmp_path: Path, defect: str) -> None:
    plan, docs, pages = _write(tmp_path, [defect], 20)
    assert CASES[defect](plan, (docs, pages))


def test_officer_and_review_mutations(tmp_path: Path) -> None:
    plan, docs, pages = _write(tmp_path, ["P-01"], 30)
    q = plan.inquiries[int(plan.mut["p01_index"])]
    rec = [r for r in _doc_text(docs, pages, q.type) if q.interviewee.name in r and cell(q.date) in r]
    assert rec and not any(f"{q.officers[1].name}（证号{q.officers[1].certificate}）" in r for r in rec)
    for defect, key, gone in (
        ("P-05", "法制审核意见", "审核人员"),
        ("P-06", "重大案件集体讨论记录", "结论性意见"),
    ):
        plan, docs, pages = _write(tmp_path, [defect], 30)
        texts = _doc_text(docs, pages, key)
        assert not texts or gone not in texts[0]


def test_decision_mutations(tmp_path: Path) -> None:
    seen = set()
    for s in range(40, 70):
        plan, docs, pages = _write(tmp_path, ["P-07", "W-01", "S-01"], s)
        dec = _doc_text(docs, pages, "行政处罚决定书")[0]
        kinds = (plan.mut["p07"], plan.mut["w01"], plan.mut["s01"])
        assert ("六十日" not in dec) if kinds[0] == "noremedy" else ("十五日内" not in dec)
        assert {"ni_danwei": "你（单位）", "underscore": "____", "guidance": "（分以下情况"}[kinds[1]] in dec
        sealed = {d.key: d.sealed_pages for d in docs}
        target = {"notice": "违法行为通知书", "decision": "行政处罚决定书"}[kinds[2]]
        assert sealed[target] == [] and all(
            sealed[k] for k in ("违法行为通知书", "行政处罚决定书") if k != target
        )
        seen |= set(kinds)
        if len(seen) >= 6:
            break
    assert len(seen) >= 5


def test_scanned_pages_are_images(tmp_path: Path) -> None:
    plan = make_plan("y", kind="scanned", seed=5, procedure="summary")
    path = tmp_path / "s.pdf"
    docs = write_case(plan, path, scanned=True, seed=5)
    pdf = pymupdf.open(path)
    assert len(pdf) == sum(d.pages for d in docs)
    assert all(not p.get_text().strip() and p.get_images() for p in pdf)
    assert path.stat().st_size < 15e6
