"""xiangchu prints what the plan says: documents, numbers, parties, dates, fines, officers, and each
content mutation in the right document (text read back with pymupdf from the digital output)."""

from __future__ import annotations

import functools
import random
import tempfile
from pathlib import Path

import pymupdf
import pytest

from casegen import assemble
from casegen.ctx import Ctx
from casegen.model import Plan
from casegen.plan import make_plan
from families import FAMILIES, family
from families.contract import RenderedDoc
from families.xiangchu import FAMILY, write_case
from families.xiangchu.fmt import cn_sign, daxie

WRAPPERS = {"卷宗封面", "卷内目录", "备考表"}


def find(defects: list[str], procedure: str | None = None, pred=lambda p: True, **mut: str) -> Plan:
    """The first seeded plan with these defects whose mutations take the wanted variants."""
    for seed in range(4000):
        plan = make_plan(f"t{seed}", kind="digital", seed=seed, defects=defects, procedure=procedure)
        if all(plan.mut.get(k) == v for k, v in mut.items()) and pred(plan):
            return plan
    raise AssertionError(f"no plan for {defects} {mut}")


class Printed:
    def __init__(self, plan: Plan, path: Path, scanned: bool = False) -> None:
        self.plan, self.path = plan, path
        self.docs = write_case(plan, path, scanned=scanned, seed=plan.seed)
        self.pdf = pymupdf.open(path)
        self.texts: list[str] = []
        page = 0
        for doc in self.docs:
            self.texts.append(
                "".join(self.pdf[i].get_text() for i in range(page, page + doc.pages)).replace("\n", "")
            )
            page += doc.pages

    def of(self, key: str) -> list[tuple[RenderedDoc, str]]:
        return [(d, t) for d, t in zip(self.docs, self.texts, strict=True) if d.key == key]

    def text(self, key: str) -> str:
        found = self.of(key)
        assert found, f"no {key}"
        return "".join(t for _, t in found)


@functools.cache
def printed(name: str) -> Printed:
    plans = {
        "clean": lambda: find(
            [], "ordinary", lambda p: not p.hearing and p.has_receipt and p.dates.payment is not None
        ),
        "hearing": lambda: find([], "ordinary", lambda p: p.hearing and p.has_review and p.has_discussion),
        "summary": lambda: find([], "summary", lambda p: p.has_receipt),
        "a": lambda: find(["P-01", "P-02", "C-03", "W-01", "P-13"], p01="nocert", w01="ni_danwei"),
        "b": lambda: find(["P-01", "W-01", "C-01"], p01="single", w01="underscore"),
        "c": lambda: find(
            ["P-04", "P-05", "P-06", "S-01"], p05="noreviewer", p06="noconclusion", s01="notice"
        ),
        "d": lambda: find(
            ["P-14", "P-07", "W-01", "C-02", "S-01"], p07="noremedy", w01="guidance", s01="decision"
        ),
        "e": lambda: find(["P-07", "D-01", "P-05", "P-06"], p07="nocomply", p05="drop", p06="drop"),
    }
    out = Path(tempfile.mkdtemp(prefix="xiangchu-")) / f"{name}.pdf"
    return Printed(plans[name](), out)


def test_registered() -> None:
    assert "xiangchu" in FAMILIES and FAMILY == "xiangchu"
    assert family("xiangchu").write_case is write_case


@pytest.mark.parametrize("name", ["clean", "hearing", "summary", "a", "e"])
def test_documents_follow_the_plan(name: str) -> None:
    pr = printed(name)
    want = [d.key for d in assemble.body(Ctx(pr.plan, random.Random(0)))]
    assert [d.key for d in pr.docs if d.type not in WRAPPERS] == want
    assert pr.pdf.page_count == sum(d.pages for d in pr.docs)
    if pr.plan.procedure == "ordinary":
        assert [d.type for d in pr.docs[:2]] == ["卷宗封面", "卷内目录"] and pr.docs[-1].type == "备考表"


@pytest.mark.parametrize("name", ["clean", "hearing", "summary"])
def test_clean_file_prints_number_party_dates_fines_officers(name: str) -> None:
    pr = printed(name)
    p, d = pr.plan, pr.plan.dates
    for doc, text in zip(pr.docs, pr.texts, strict=True):
        assert p.number.format() in text, doc.key
        if doc.type != "证据材料":
            assert p.party.name in text, doc.key
    dated = {
        "立案登记表": d.filing,
        "案件调查报告": d.report,
        "违法行为通知书": d.notice,
        "送达回证:违法行为通知书": d.notice_service,
        "陈述申辩笔录": d.statement,
        "放弃陈述申辩（听证）声明": d.waiver,
        "听证通知书": d.hearing_notice,
        "送达回证:听证通知书": d.hearing_notice_service,
        "听证笔录": d.hearing,
        "法制审核意见": d.legal_review,
        "重大案件集体讨论记录": d.discussion,
        "行政处罚决定书": d.decision,
        "当场行政处罚决定书": d.decision,
        "送达回证:行政处罚决定书": d.decision_service,
        "罚没款票据": d.payment,
        "公示记录": d.publication,
        "结案报告": d.closing,
        "证据登记保存清单": d.preservation,
        "解除证据登记保存决定书": d.preservation_release,
        "行政强制措施决定书": d.compulsion,
        "解除行政强制措施决定书": d.compulsion_release,
    }
    keys = {doc.key for doc in pr.docs}
    for key, on in dated.items():
        if key in keys:
            assert on is not None, key
            assert on.isoformat() in pr.text(key) or cn_sign(on) in pr.text(key), key
    for q in p.inquiries:
        texts = [t for doc, t in pr.of(q.type) if q.date.isoformat() in t]
        assert any(o.name in t and o.certificate in t for t in texts for o in q.officers[:1])
        assert any(all(o.name in t and o.certificate in t for o in q.officers) for t in texts)
    decision = pr.text("当场行政处罚决定书" if p.procedure == "summary" else "行政处罚决定书")
    assert daxie(p.fine) in decision and f"¥{p.fine:,.2f}" in decision and cn_sign(d.decision) in decision
    assert "六十日" in decision and "六个月" in decision and "十五日内" in decision
    if p.procedure == "ordinary":
        assert f"罚款人民币{p.proposed_fine}元" in pr.text("违法行为通知书")
        assert p.violation.basis in pr.text("违法行为通知书") and "陈述、申辩" in pr.text("违法行为通知书")
        assert ("听证权" in pr.text("违法行为通知书")) == p.triggered
        assert "三日" not in pr.text("违法行为通知书")
        assert p.staff.head in pr.text("结案报告")
        assert pr.of("违法行为通知书")[0][0].sealed_pages
    if "罚没款票据" in keys:
        assert f"¥{p.fine:,.2f}" in pr.text("罚没款票据")
    assert pr.of(decision and ("当场行政处罚决定书" if p.procedure == "summary" else "行政处罚决定书"))[0][
        0
    ].sealed_pages
    for bad in ("你（单位）", "____", "分以下情况"):
        assert all(bad not in t for t in pr.texts)


def test_hearing_file_names_reviewer_and_conclusion() -> None:
    pr = printed("hearing")
    st = pr.plan.staff
    assert st.reviewer in pr.text("法制审核意见") and st.reviewer_cert in pr.text("法制审核意见")
    assert "结论性意见" in pr.text("重大案件集体讨论记录")
    assert "五日内" in pr.text("违法行为通知书") and "听证权" in pr.text("违法行为通知书")


def _record_text(pr: Printed) -> str:
    q = pr.plan.inquiries[int(pr.plan.mut["p01_index"])]
    index = [i for i, doc in enumerate(pr.docs) if doc.key in ("询问笔录", "现场笔录", "勘验笔录")][
        int(pr.plan.mut["p01_index"])
    ]
    assert q.type == pr.docs[index].key
    return pr.texts[index]


def test_mutations_a() -> None:
    pr = printed("a")
    p, m = pr.plan, pr.plan.mut
    q = p.inquiries[int(m["p01_index"])]
    text = _record_text(pr)
    assert q.officers[1].name in text and q.officers[1].certificate not in text
    assert q.officers[0].certificate in text
    notice = pr.text("违法行为通知书")
    assert p.violation.breach not in notice and p.violation.basis not in notice and "依据" not in notice
    assert "人民币（大写）" + m["c03"] in pr.text("行政处罚决定书")
    assert "你（单位）" in pr.text("行政处罚决定书")
    assert p.staff.head not in pr.text("结案报告") and p.staff.unit_head in pr.text("结案报告")


def test_mutations_b() -> None:
    pr = printed("b")
    p, m = pr.plan, pr.plan.mut
    q = p.inquiries[int(m["p01_index"])]
    text = _record_text(pr)
    assert q.officers[0].certificate in text and q.officers[1].name not in text
    assert "__________" in pr.text("行政处罚决定书")
    target = pr.of(m["c01_type"])
    assert target and all(m["c01_number"] in t and p.number.format() not in t for _, t in target)
    others = [t for doc, t in zip(pr.docs, pr.texts, strict=True) if doc.key != m["c01_type"]]
    assert all(m["c01_number"] not in t for t in others)


def test_mutations_c() -> None:
    pr = printed("c")
    p = pr.plan
    notice = pr.text("违法行为通知书")
    assert "听证" not in notice and "陈述、申辩" in notice
    review = pr.text("法制审核意见")
    assert p.staff.reviewer not in review and p.staff.reviewer_cert not in review and "同意" in review
    assert "结论性意见" not in pr.text("重大案件集体讨论记录")
    assert pr.of("违法行为通知书")[0][0].sealed_pages == []
    assert pr.of("行政处罚决定书")[0][0].sealed_pages


def test_mutations_d() -> None:
    pr = printed("d")
    p, m = pr.plan, pr.plan.mut
    assert "三日内" in pr.text("违法行为通知书")
    decision = pr.text("行政处罚决定书")
    assert "六十日" not in decision and "六个月" not in decision and "十五日内" in decision
    assert "分以下情况" in decision
    for _, t in pr.of(m["c02_type"]):
        assert m["c02_name"] in t and p.party.name not in t
    assert pr.of("行政处罚决定书")[0][0].sealed_pages == [] and pr.of("违法行为通知书")[0][0].sealed_pages


def test_mutations_e() -> None:
    pr = printed("e")
    p = pr.plan
    keys = {d.key for d in pr.docs}
    assert p.mut["drop"] not in keys and "法制审核意见" not in keys and "重大案件集体讨论记录" not in keys
    decision = pr.text("行政处罚决定书")
    assert "十五日内" not in decision and "六十日" in decision


def test_scanned_pages_are_images(tmp_path: Path) -> None:
    plan = find([], "summary", lambda p: p.has_receipt)
    docs = write_case(plan, tmp_path / "s.pdf", scanned=True, seed=plan.seed)
    pdf = pymupdf.open(tmp_path / "s.pdf")
    assert pdf.page_count == sum(d.pages for d in docs) >= 2
    for page in pdf:
        assert page.get_text().strip() == ""
        assert len(page.get_images()) == 1
