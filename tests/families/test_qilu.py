"""The qilu family writes what the plan says: documents, numbers, party, dates, fines, mutations."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from casegen.plan import make_plan
from families import FAMILIES
from families.contract import RenderedDoc, truth
from families.qilu import FAMILY, write_case
from families.qilu.fmt import cn_date, daxie


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


def _image_pages(path: Path, docs: list[RenderedDoc], key: str) -> list[bool]:
    pdf, page, out = pymupdf.open(path), 0, []
    for d in docs:
        if d.key == key:
            out += [bool(pdf[page + i].get_image_info()) for i in range(d.pages)]
        page += d.pages
    return out


def test_registered() -> None:
    assert FAMILY == "qilu" and "qilu" in FAMILIES


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
    assert d.filing.isoformat() in filing
    (notice,) = _by_key(docs, texts, "违法行为通知书")
    assert cn_date(d.notice) in notice and f"{plan.proposed_fine:,}.00" in notice
    (decision,) = _by_key(docs, texts, "行政处罚决定书")
    assert (
        cn_date(d.decision) in decision and daxie(plan.fine) in decision and f"{plan.fine:,}.00" in decision
    )
    assert "六十日内" in decision and "六个月内" in decision and "十五日内" in decision
    assert "你（单位）" not in decision and "___" not in decision and "分以下情况" not in decision
    (served,) = _by_key(docs, texts, "送达回证:行政处罚决定书")
    assert (
        f"{d.decision_service.year}年{d.decision_service.month:02d}月{d.decision_service.day:02d}日" in served
    )
    assert [x.type for x in docs[:2]] == ["卷宗封面", "卷内目录"] and docs[-1].type == "备考表"
    for key, when in (("公示记录", d.publication), ("罚没款票据", d.payment), ("结案报告", d.closing)):
        for text in _by_key(docs, texts, key):
            assert when is not None and when.isoformat() in text, key
    records = [t for x, t in zip(docs, texts, strict=True) if x.type in ("询问笔录", "现场笔录", "勘验笔录")]
    assert len(records) == len(plan.inquiries)
    for q, text in zip(plan.inquiries, records, strict=True):
        assert q.date.isoformat() in text
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


def test_summary_file(tmp_path: Path) -> None:
    plan, path, docs = _write(tmp_path, "summ", seed=8, procedure="summary")
    assert docs[0].type == "当场行政处罚决定书" and docs[0].sealed_pages == [0]
    assert [x.type for x in docs[1:]] == (["罚没款票据"] if plan.has_receipt and plan.dates.payment else [])
    texts = _texts(path, docs)
    assert plan.number.format() in texts[0] and plan.party.name in texts[0]
    assert cn_date(plan.dates.decision) in texts[0] and daxie(plan.fine) in texts[0]
    for o in plan.officers[:2]:
        assert o.certificate in texts[0]
    if len(docs) > 1:
        assert plan.dates.payment.isoformat() in texts[1] and daxie(plan.fine) in texts[1]


def test_hearing_file(tmp_path: Path) -> None:
    plan, path, docs = _write(tmp_path, "hear", seed=12, defects=["T-05"])
    assert plan.hearing
    keys = [x.key for x in docs]
    for key in ("听证通知书", "送达回证:听证通知书", "听证笔录", "法制审核意见", "重大案件集体讨论记录"):
        assert key in keys, key
    texts = _texts(path, docs)
    d = plan.dates
    (notice,) = _by_key(docs, texts, "违法行为通知书")
    assert "听证" in notice and "五日内" in notice and "三日" not in notice
    (hn,) = _by_key(docs, texts, "听证通知书")
    assert cn_date(d.hearing_notice) in hn
    (record,) = _by_key(docs, texts, "听证笔录")
    assert d.hearing.isoformat() in record
    (review,) = _by_key(docs, texts, "法制审核意见")
    assert plan.staff.reviewer in review and d.legal_review.isoformat() in review
    (talk,) = _by_key(docs, texts, "重大案件集体讨论记录")
    assert "结论性意见" in talk and d.discussion.isoformat() in talk


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
    unsealed = {"notice": "违法行为通知书", "decision": "行政处罚决定书"}[m["s01"]]
    assert next(x for x in docs if x.key == unsealed).sealed_pages == []
    assert not any(_image_pages(path, docs, unsealed))


def test_more_mutations(tmp_path: Path) -> None:
    plan, path, docs = _write(tmp_path, "drop", seed=41, defects=["D-01"])
    assert plan.mut["drop"] not in [x.key for x in docs]
    plan, path, docs = _write(tmp_path, "c03", seed=42, defects=["C-03"])
    (decision,) = _by_key(docs, _texts(path, docs), "行政处罚决定书")
    assert plan.mut["c03"] in decision and daxie(plan.fine) not in decision
    for seed in (43, 44, 45, 46):
        plan, path, docs = _write(tmp_path, f"w{seed}", seed=seed, defects=["W-01"])
        (decision,) = _by_key(docs, _texts(path, docs), "行政处罚决定书")
        marker = {"ni_danwei": "你（单位）", "underscore": "_____", "guidance": "分以下情况"}[plan.mut["w01"]]
        assert marker in decision
    plan, path, docs = _write(tmp_path, "p01", seed=47, defects=["P-01"])
    idx = int(plan.mut["p01_index"])
    q = plan.inquiries[idx]
    text = [
        t
        for x, t in zip(docs, _texts(path, docs), strict=True)
        if x.type == q.type and q.date.isoformat() in t
    ]
    assert q.officers[0].certificate in text[0] and q.officers[1].certificate not in text[0]
    if plan.mut["p01"] == "single":
        assert q.officers[1].name not in text[0]


def test_scanned_file(tmp_path: Path) -> None:
    _plan, path, docs = _write(tmp_path, "scan", scanned=True, seed=9, procedure="ordinary")
    pdf = pymupdf.open(path)
    assert len(pdf) == sum(x.pages for x in docs)
    for page in pdf:
        assert page.get_text().strip() == "" and len(page.get_image_info()) == 1
