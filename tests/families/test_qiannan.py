"""The qiannan family (scanner-app PDFs) writes what the plan says, on image pages with an OCR layer."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from casegen.plan import make_plan
from families import FAMILIES
from families.contract import RenderedDoc, truth
from families.qiannan import FAMILY, write_case
from families.qiannan.words import daxie, dot, sign


def _write(tmp: Path, name: str, *, scanned: bool = False, seed: int = 5, **kw):
    plan = make_plan(name, kind="scanned" if scanned else "digital", seed=seed, **kw)
    path = tmp / f"{name}.pdf"
    return plan, path, write_case(plan, path, scanned=scanned, seed=seed)


def _texts(path: Path, docs: list[RenderedDoc]) -> list[str]:
    """Each document's OCR-layer text, its pages joined and whitespace removed."""
    pdf, out, page = pymupdf.open(path), [], 0
    for d in docs:
        out.append("".join("".join(pdf[page + i].get_text().split()) for i in range(d.pages)))
        page += d.pages
    return out


def _by_key(docs, texts, key) -> list[str]:
    return [t for d, t in zip(docs, texts, strict=True) if d.key == key]


def _red(page: pymupdf.Page) -> int:
    """Seal-red pixels on a page (the seal is the only red thing the office prints)."""
    pix = page.get_pixmap(dpi=40)
    s, n = pix.samples, pix.n
    return sum(1 for i in range(0, len(s), n) if s[i] > 170 and s[i + 1] < 110 and s[i + 2] < 110)


def test_registered() -> None:
    assert FAMILY == "qiannan" and "qiannan" in FAMILIES


def test_clean_ordinary_file(tmp_path: Path) -> None:
    plan, path, docs = _write(tmp_path, "clean", seed=21, procedure="ordinary")
    pdf = pymupdf.open(path)
    assert len(pdf) == sum(d.pages for d in docs) and plan.expected == []
    assert [d.type for d in docs[:2]] == ["卷宗封面", "卷内目录"] and docs[-1].type == "备考表"
    for page in pdf:  # every page is one scanned image under an invisible text layer
        assert len(page.get_image_info()) == 1 and page.get_text().strip()
    texts, number, d = _texts(path, docs), plan.number.format(), plan.dates
    for key in ("立案登记表", "违法行为通知书", "行政处罚决定书", "送达回证:行政处罚决定书", "结案报告"):
        (text,) = _by_key(docs, texts, key)
        assert number in text and plan.party.name in text, key
    (filing,) = _by_key(docs, texts, "立案登记表")
    assert dot(d.filing) in filing and sign(d.filing) in filing
    (notice,) = _by_key(docs, texts, "违法行为通知书")
    assert f"罚款人民币{plan.proposed_fine}元" in notice and sign(d.notice) in notice
    (decision,) = _by_key(docs, texts, "行政处罚决定书")
    assert sign(d.decision) in decision and daxie(plan.fine) in decision and f"¥{plan.fine:,}.00" in decision
    assert "六十日内" in decision and "六个月内" in decision and "十五日内" in decision
    assert "你（单位）" not in decision and "___" not in decision
    (served,) = _by_key(docs, texts, "送达回证:行政处罚决定书")
    assert dot(d.decision_service) in served
    (closing,) = _by_key(docs, texts, "结案报告")
    assert plan.staff.head in closing and sign(d.closing) in closing
    records = [t for x, t in zip(docs, texts, strict=True) if x.type in ("询问笔录", "现场笔录", "勘验笔录")]
    for q, text in zip(plan.inquiries, records, strict=True):
        assert f"{q.date.year}年{q.date.month}月{q.date.day}日" in text
        for o in q.officers:
            assert o.name in text and o.certificate in text
    data = truth(plan, docs, path.name, FAMILY, False)
    sealed = {
        x["type"]
        for x in data["documents"]
        if any(x["first_page"] <= p <= x["last_page"] for p in data["sealed_pages"])
    }
    assert {"违法行为通知书", "行政处罚决定书"} <= sealed
    for p in data["sealed_pages"]:
        assert _red(pdf[p - 1]) > 20, p


def test_summary_file(tmp_path: Path) -> None:
    plan, path, docs = _write(tmp_path, "summ", seed=8, procedure="summary")
    assert docs[0].type == "当场行政处罚决定书" and docs[0].sealed_pages == [0]
    assert [x.type for x in docs[1:]] == (["罚没款票据"] if plan.has_receipt and plan.dates.payment else [])
    (text, *rest) = _texts(path, docs)
    assert plan.number.format() in text and plan.party.name in text and sign(plan.dates.decision) in text
    assert f"罚款{plan.fine}元" in text and "六十日内" in text and "六个月内" in text
    for o in plan.officers:
        assert o.name in text and o.certificate in text
    if rest:
        assert dot(plan.dates.payment) in rest[0] and daxie(plan.fine) in rest[0]


def test_hearing_file(tmp_path: Path) -> None:
    plan, path, docs = _write(tmp_path, "hear", seed=12, defects=["T-05"])
    assert plan.hearing
    texts, d = _texts(path, docs), plan.dates
    keys = [x.key for x in docs]
    for key in ("听证通知书", "送达回证:听证通知书", "听证笔录", "法制审核意见", "重大案件集体讨论记录"):
        assert key in keys, key
    (hn,) = _by_key(docs, texts, "听证通知书")
    assert f"{d.hearing.year}年{d.hearing.month}月{d.hearing.day}日" in hn and "五日" not in hn
    (served,) = _by_key(docs, texts, "送达回证:听证通知书")
    assert dot(d.hearing_notice_service) in served
    (notice,) = _by_key(docs, texts, "违法行为通知书")
    assert "听证" in notice and "五日内" in notice
    (decision,) = _by_key(docs, texts, "行政处罚决定书")
    assert "举行听证" in decision and "不予采纳" in decision and "裁量基准" in decision


def test_mutations(tmp_path: Path) -> None:
    # seeds chosen so that every variant of each mutation comes up once
    cases = [(31, "D-01"), (38, "D-01"), (32, "P-07"), (40, "P-07"), (33, "C-03"), (34, "S-01"), (38, "S-01")]
    cases += [(35, "W-01"), (40, "W-01"), (48, "W-01"), (36, "P-01"), (38, "P-01")]
    seen = set()
    for seed, defect in cases:
        plan, path, docs = _write(tmp_path, f"m{seed}", seed=seed, defects=[defect])
        texts, m = _texts(path, docs), plan.mut
        (decision,) = _by_key(docs, texts, "行政处罚决定书")
        if "drop" in m:
            assert m["drop"] not in [x.key for x in docs]
        if m.get("p07") == "noremedy":
            assert "六十日" not in decision and "六个月" not in decision and "十五日内" in decision
        elif m.get("p07") == "nocomply":
            assert "十五日内" not in decision and "加处罚款" not in decision and "六十日内" in decision
        if "c03" in m:
            assert m["c03"] in decision and daxie(plan.fine) not in decision
        if "s01" in m:
            key = {"notice": "违法行为通知书", "decision": "行政处罚决定书"}[m["s01"]]
            pdf, page = pymupdf.open(path), 0
            for x in docs:
                if x.key == key:
                    assert x.sealed_pages == [] and all(_red(pdf[page + i]) == 0 for i in range(x.pages))
                page += x.pages
        if "w01" in m:
            mark = {"ni_danwei": "你（单位）", "underscore": "______", "guidance": "（分以下情况"}[m["w01"]]
            assert mark in decision
        if "p01" in m:
            q = plan.inquiries[int(m["p01_index"])]
            records = [
                t for x, t in zip(docs, texts, strict=True) if x.type in ("询问笔录", "现场笔录", "勘验笔录")
            ]
            text, second = records[int(m["p01_index"])], q.officers[1]
            assert q.officers[0].certificate in text and second.certificate not in text
            assert (second.name in text) == (m["p01"] == "nocert")
        seen |= {f"{k}={v}" for k, v in m.items() if k in ("drop", "p07", "s01", "w01", "p01")}
    assert len(seen) == 11, seen


def test_scanned_file(tmp_path: Path) -> None:
    _plan, path, docs = _write(tmp_path, "scan", scanned=True, seed=9, procedure="ordinary")
    pdf = pymupdf.open(path)
    assert len(pdf) == sum(x.pages for x in docs)
    for page in pdf:
        assert page.get_text().strip() == "" and len(page.get_image_info()) == 1
    assert any(x.sealed_pages for x in docs if x.type == "行政处罚决定书")
