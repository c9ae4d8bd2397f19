"""The longjiang family prints what the plan says: documents, number, party, dates, fines, and every
mutation of ``plan.mut`` (contract.py). Never runs the reader."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pymupdf

from casegen.model import Plan
from casegen.plan import make_plan
from families import FAMILIES
from families.contract import RenderedDoc, truth
from families.longjiang import FAMILY, write_case
from families.longjiang.case import served_date, voice_for
from families.longjiang.fmt import cn_date, daxie, ymd

RECORDS = ("询问笔录", "现场笔录", "勘验笔录")


def _plan(name: str, defects: Sequence[str] = (), ok: Callable[[Plan], bool] = lambda p: True, **kw) -> Plan:
    """The first plan from seed 1 on that has the wanted mutation variant."""
    for seed in range(1, 400):
        plan = make_plan(name, kind="digital", seed=seed, defects=defects, **kw)
        if ok(plan):
            return plan
    raise AssertionError(f"no plan for {defects}")


def _write(tmp: Path, plan: Plan, *, scanned: bool = False) -> tuple[Path, list[RenderedDoc]]:
    path = tmp / f"{plan.case_id}.pdf"
    return path, write_case(plan, path, scanned=scanned, seed=plan.seed)


def _texts(path: Path, docs: list[RenderedDoc]) -> list[str]:
    """Each document's text, its pages joined and whitespace removed."""
    pdf, out, page = pymupdf.open(path), [], 0
    for d in docs:
        out.append("".join("".join(pdf[page + i].get_text().split()) for i in range(d.pages)))
        page += d.pages
    return out


def _one(docs: list[RenderedDoc], texts: list[str], key: str) -> str:
    (text,) = [t for d, t in zip(docs, texts, strict=True) if d.key == key]
    return text


def test_registered() -> None:
    assert FAMILY == "longjiang" and "longjiang" in FAMILIES


def test_clean_ordinary_file(tmp_path: Path) -> None:
    plan = make_plan("clean", kind="digital", seed=21, procedure="ordinary")
    path, docs = _write(tmp_path, plan)
    pdf = pymupdf.open(path)
    assert len(pdf) == sum(d.pages for d in docs)
    texts = _texts(path, docs)
    number, d = plan.number.format(), plan.dates
    assert [x.type for x in docs[:2]] == ["卷宗封面", "卷内目录"] and docs[-1].type == "备考表"
    for key in ("立案登记表", "违法行为通知书", "行政处罚决定书", "送达回证:行政处罚决定书", "结案报告"):
        text = _one(docs, texts, key)
        assert number in text and plan.party.name in text, key
    assert d.filing.isoformat() in _one(docs, texts, "立案登记表")
    notice = _one(docs, texts, "违法行为通知书")
    assert cn_date(d.notice) in notice and f"罚款人民币{plan.proposed_fine}元" in notice and "依据" in notice
    decision = _one(docs, texts, "行政处罚决定书")
    assert (
        cn_date(d.decision) in decision and daxie(plan.fine) in decision and f"¥{plan.fine:,}.00" in decision
    )
    assert (
        "六十日内" in decision
        and "六个月内" in decision
        and "十五日内" in decision
        and "加处罚款" in decision
    )
    assert "你（单位）" not in decision and "___" not in decision and "分以下情况" not in decision
    voice = voice_for(plan.seed)
    assert served_date(voice, d.decision_service) in _one(docs, texts, "送达回证:行政处罚决定书")
    assert served_date(voice, d.notice_service) in _one(docs, texts, "送达回证:违法行为通知书")
    closing = _one(docs, texts, "结案报告")
    assert ymd(d.closing) in closing and plan.staff.head in closing
    if plan.has_publication and d.publication:
        assert d.publication.isoformat() in _one(docs, texts, "公示记录")
    if plan.has_receipt and d.payment:
        slip = _one(docs, texts, "罚没款票据")
        assert d.payment.isoformat() in slip and daxie(plan.fine) in slip and number in slip
    records = [t for x, t in zip(docs, texts, strict=True) if x.type in RECORDS]
    assert len(records) == len(plan.inquiries)
    for q, text in zip(plan.inquiries, records, strict=True):
        assert f"{q.date.year}年{q.date.month:02d}月{q.date.day:02d}日" in text
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
        assert pdf[p - 1].get_image_info() or pdf[p - 1].get_drawings(), p


def test_summary_file(tmp_path: Path) -> None:
    plan = _plan("summ", procedure="summary", ok=lambda p: p.has_receipt)
    path, docs = _write(tmp_path, plan)
    assert docs[0].type == "当场行政处罚决定书" and docs[0].sealed_pages == [0]
    assert [x.type for x in docs[1:]] == ["罚没款票据"]
    texts = _texts(path, docs)
    assert plan.number.format() in texts[0] and plan.party.name in texts[0]
    assert cn_date(plan.dates.decision) in texts[0] and daxie(plan.fine) in texts[0]
    for o in plan.officers[:2]:
        assert o.certificate in texts[0]
    assert plan.dates.payment.isoformat() in texts[1] and daxie(plan.fine) in texts[1]


def test_hearing_file(tmp_path: Path) -> None:
    plan = make_plan("hear", kind="digital", seed=12, defects=["T-05"])
    assert plan.hearing
    path, docs = _write(tmp_path, plan)
    keys = [x.key for x in docs]
    for key in ("听证通知书", "送达回证:听证通知书", "听证笔录", "法制审核意见", "重大案件集体讨论记录"):
        assert key in keys, key
    texts, d = _texts(path, docs), plan.dates
    notice = _one(docs, texts, "违法行为通知书")
    assert "听证" in notice and "五日内" in notice and "三日内" not in notice
    hn = _one(docs, texts, "听证通知书")
    assert cn_date(d.hearing_notice) in hn and ymd(d.hearing) in hn
    served = served_date(voice_for(plan.seed), d.hearing_notice_service)
    assert served in _one(docs, texts, "送达回证:听证通知书")
    assert d.hearing.isoformat() in _one(docs, texts, "听证笔录")
    review = _one(docs, texts, "法制审核意见")
    assert plan.staff.reviewer in review and d.legal_review.isoformat() in review and "同意" in review
    talk = _one(docs, texts, "重大案件集体讨论记录")
    assert "结论性意见" in talk and d.discussion.isoformat() in talk


def test_notice_mutations(tmp_path: Path) -> None:
    for defect, key in (("P-02", "notice_no_basis"), ("P-04", "notice_no_hearing"), ("P-14", "notice_3days")):
        plan = _plan(f"n{defect[-2:]}", [defect])
        assert plan.mut.get(key)
        path, docs = _write(tmp_path, plan)
        notice = _one(docs, _texts(path, docs), "违法行为通知书")
        if key == "notice_no_basis":
            assert plan.violation.basis not in notice and "依据" not in notice
        elif key == "notice_no_hearing":
            assert plan.triggered and "听证" not in notice
        else:
            assert "三日内" in notice and "听证" in notice


def test_mutations(tmp_path: Path) -> None:
    plan = make_plan("mut", kind="digital", seed=33, defects=["P-07", "C-01", "C-02", "S-01"])
    path, docs = _write(tmp_path, plan)
    texts, m = _texts(path, docs), plan.mut
    decision = _one(docs, texts, "行政处罚决定书")
    if m["p07"] == "noremedy":
        assert "六十日内" not in decision and "六个月内" not in decision
    else:
        assert "十五日内" not in decision and "加处罚款" not in decision
    for x, text in zip(docs, texts, strict=True):
        if x.key == m["c01_type"]:
            assert m["c01_number"] in text and plan.number.format() not in text
        if x.key == m["c02_type"]:
            assert m["c02_name"] in text
    unsealed = {"notice": "违法行为通知书", "decision": "行政处罚决定书"}[m["s01"]]
    assert next(x for x in docs if x.key == unsealed).sealed_pages == []
    other = next(x for x in docs if x.key in {"违法行为通知书", "行政处罚决定书"} - {unsealed})
    assert other.sealed_pages == [other.pages - 1]


def test_more_mutations(tmp_path: Path) -> None:
    for variant in ("结案报告", "送达回证:违法行为通知书"):
        plan = _plan("drop", ["D-01"], lambda p, v=variant: p.mut["drop"] == v)
        _, docs = _write(tmp_path, plan)
        assert variant not in [x.key for x in docs]
    plan = _plan("c03", ["C-03"])
    path, docs = _write(tmp_path, plan)
    decision = _one(docs, _texts(path, docs), "行政处罚决定书")
    assert plan.mut["c03"] in decision and daxie(plan.fine) not in decision
    markers = {"ni_danwei": "你（单位）", "underscore": "_____", "guidance": "分以下情况"}
    for variant, marker in markers.items():
        plan = _plan(f"w{variant}", ["W-01"], lambda p, v=variant: p.mut["w01"] == v)
        path, docs = _write(tmp_path, plan)
        texts = _texts(path, docs)
        assert marker in _one(docs, texts, "行政处罚决定书")
        assert all(marker not in t for x, t in zip(docs, texts, strict=True) if x.key != "行政处罚决定书")


def test_p01_and_approvals(tmp_path: Path) -> None:
    for variant in ("nocert", "single"):
        plan = _plan(f"p01{variant}", ["P-01"], lambda p, v=variant: p.mut["p01"] == v)
        path, docs = _write(tmp_path, plan)
        records = [t for x, t in zip(docs, _texts(path, docs), strict=True) if x.type in RECORDS]
        q = plan.inquiries[int(plan.mut["p01_index"])]
        text = records[int(plan.mut["p01_index"])]
        assert q.officers[0].certificate in text and q.officers[1].certificate not in text
        assert (q.officers[1].name in text) == (variant == "nocert")
    plan = _plan("p05", ["P-05"], lambda p: p.mut["p05"] == "noreviewer")
    path, docs = _write(tmp_path, plan)
    assert plan.staff.reviewer not in _one(docs, _texts(path, docs), "法制审核意见")
    plan = _plan("p06", ["P-06"], lambda p: p.mut["p06"] == "noconclusion")
    path, docs = _write(tmp_path, plan)
    assert "结论性意见" not in _one(docs, _texts(path, docs), "重大案件集体讨论记录")
    plan = _plan("p13", ["P-13"])
    path, docs = _write(tmp_path, plan)
    closing = _one(docs, _texts(path, docs), "结案报告")
    assert plan.staff.head not in closing and "同意结案，归档" not in closing


def test_scanned_file(tmp_path: Path) -> None:
    plan = _plan("scan", procedure="summary", ok=lambda p: p.has_receipt)
    path, docs = _write(tmp_path, plan, scanned=True)
    pdf = pymupdf.open(path)
    assert len(pdf) == sum(x.pages for x in docs) == 2
    for page in pdf:
        assert page.get_text().strip() == "" and len(page.get_image_info()) == 1
    assert path.stat().st_size < 1_500_000 * len(pdf)
    data = truth(plan, docs, path.name, FAMILY, True)
    assert data["kind"] == "scanned" and data["sealed_pages"] == [1, 2]
    # the seal survives the copier red-ish: enough pixels where red clearly leads green
    pix = pdf[0].get_pixmap(dpi=50)
    px = pix.samples
    reds = sum(1 for i in range(0, len(px), 3) if px[i] > px[i + 1] + 50)
    assert reds > 200


def test_wording_varies_by_case() -> None:
    voices = {voice_for(seed) for seed in range(1, 40)}
    assert {v.served for v in voices} == {"ymd", "iso", "dot"}
    assert {v.party_label for v in voices} == {"被处罚人", "当事人"}


def test_deterministic(tmp_path: Path) -> None:
    plan = _plan("det", procedure="summary")
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    _write(a, plan)
    _write(b, plan)
    assert (a / "det.pdf").read_bytes() == (b / "det.pdf").read_bytes()
