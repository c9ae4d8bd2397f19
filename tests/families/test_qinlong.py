"""The qinlong family prints what the plan says: documents, numbers, names, dates, fines, mutations."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from casegen.model import Plan
from casegen.plan import make_plan
from families import FAMILIES, family
from families.contract import RenderedDoc
from families.qinlong import FAMILY, write_case
from families.qinlong.fmt import cn_date, daxie, money, num_date, web_date

Texts = dict[str, str]  # document key -> text of its pages (documents of one key joined)


def _plan(
    defects: list[str], want: dict[str, str] | None = None, procedure: str | None = None, check=None
) -> Plan:
    """The first seeded plan whose mutations (and predicate) match what a test needs."""
    for seed in range(400):
        plan = make_plan(f"ql{seed}", kind="digital", seed=seed, defects=defects, procedure=procedure)
        if all(plan.mut.get(k) == v for k, v in (want or {}).items()) and (check is None or check(plan)):
            return plan
    raise AssertionError(f"no plan for {defects} {want}")


def _body(page: pymupdf.Page) -> str:
    """A page's text without its furniture (式样 header, agency, — N —), so sentences run on."""
    lines = page.get_text().splitlines()
    if lines and lines[0].startswith("交通运输行政执法文书式样之"):
        lines = lines[2:]
    return "".join(x for x in lines if not (x.startswith("— ") and x.endswith(" —")))


def _render(
    plan: Plan, tmp: Path, scanned: bool = False
) -> tuple[list[RenderedDoc], Texts, pymupdf.Document]:
    path = tmp / f"{plan.case_id}.pdf"
    docs = write_case(plan, path, scanned=scanned, seed=plan.seed)
    pdf = pymupdf.open(path)
    texts: Texts = {}
    page = 0
    for d in docs:
        text = "".join(_body(pdf[page + i]) for i in range(d.pages))
        texts[d.key] = texts.get(d.key, "") + text
        page += d.pages
    return docs, texts, pdf


def test_registered() -> None:
    assert FAMILIES[-1] == "qinlong" or "qinlong" in FAMILIES
    assert family("qinlong").FAMILY == FAMILY == "qinlong"


def _common(plan: Plan, docs: list[RenderedDoc], texts: Texts, pdf: pymupdf.Document) -> None:
    assert sum(d.pages for d in docs) == len(pdf)
    number = plan.number.format()
    for key in (
        "违法行为通知书",
        "行政处罚决定书",
        "当场行政处罚决定书",
        "罚没款票据",
        "结案报告",
        "立案登记表",
    ):
        if key in texts:
            assert number in texts[key], key
            assert plan.party.name in texts[key], key
    every = "".join(texts.values())
    for leftover in ("你（单位）", "__", "分以下情况"):
        assert leftover not in every


def test_clean_ordinary(tmp_path: Path) -> None:
    plan = _plan([], procedure="ordinary", check=lambda p: p.dates.payment and p.dates.publication)
    docs, t, pdf = _render(plan, tmp_path)
    _common(plan, docs, t, pdf)
    d = plan.dates
    keys = [x.key for x in docs]
    for key in (
        "立案登记表",
        "案件调查报告",
        "违法行为通知书",
        "送达回证:违法行为通知书",
        "行政处罚决定书",
        "送达回证:行政处罚决定书",
        "罚没款票据",
        "公示记录",
        "结案报告",
    ):
        assert key in keys, key
    assert cn_date(d.filing) in t["立案登记表"]
    assert cn_date(d.notice) in t["违法行为通知书"] and money(plan.proposed_fine) in t["违法行为通知书"]
    assert num_date(d.notice_service) in t["送达回证:违法行为通知书"]
    assert cn_date(d.decision) in t["行政处罚决定书"] and money(plan.fine) in t["行政处罚决定书"]
    assert num_date(d.decision_service) in t["送达回证:行政处罚决定书"]
    assert num_date(d.payment) in t["罚没款票据"] and daxie(plan.fine) in t["罚没款票据"]
    assert web_date(d.publication) in t["公示记录"]
    assert cn_date(d.closing) in t["结案报告"] and plan.staff.head in t["结案报告"]
    assert cn_date(d.report) in t["案件调查报告"]
    for q in plan.inquiries:
        assert cn_date(q.date) in t[q.type]
        for o in q.officers:
            assert f"{o.name}（证号：{o.certificate}）" in t[q.type]
    dec = t["行政处罚决定书"]
    for words in ("六十日", "六个月", "十五日", plan.violation.basis, plan.violation.breach, "加处罚款"):
        assert words in dec
    assert plan.agency.review_body in dec and plan.agency.court in dec
    sealed = {x.key for x in docs if x.sealed_pages}
    assert {"违法行为通知书", "行政处罚决定书"} <= sealed
    if not plan.triggered:
        assert "听证" not in t["违法行为通知书"]


def test_hearing_plan(tmp_path: Path) -> None:
    plan = _plan([], procedure="ordinary", check=lambda p: p.hearing)
    docs, t, pdf = _render(plan, tmp_path)
    _common(plan, docs, t, pdf)
    d = plan.dates
    assert cn_date(d.hearing_notice) in t["听证通知书"]
    assert num_date(d.hearing_notice_service) in t["送达回证:听证通知书"]
    assert cn_date(d.hearing) in t["听证笔录"]
    assert "五日内" in t["违法行为通知书"] and "听证" in t["违法行为通知书"]
    assert cn_date(d.legal_review) in t["法制审核意见"] and plan.staff.reviewer in t["法制审核意见"]
    assert plan.staff.reviewer_cert in t["法制审核意见"]
    assert cn_date(d.discussion) in t["重大案件集体讨论记录"] and "结论性意见" in t["重大案件集体讨论记录"]
    for o in plan.officers[:2]:
        assert f"{o.name}（证号：{o.certificate}）" in t["听证笔录"]


def test_summary_plan(tmp_path: Path) -> None:
    plan = _plan([], procedure="summary", check=lambda p: p.has_receipt)
    docs, t, pdf = _render(plan, tmp_path)
    _common(plan, docs, t, pdf)
    assert [x.key for x in docs] == ["当场行政处罚决定书", "罚没款票据"]
    text = t["当场行政处罚决定书"]
    assert cn_date(plan.dates.decision) in text and money(plan.fine) in text
    for o in plan.officers[:2]:
        assert f"{o.name}（证号：{o.certificate}）" in text
    assert "陈述权和申辩权" in text and "六十日" in text and "六个月" in text


@pytest.mark.parametrize("mode", ["nocert", "single"])
def test_p01(tmp_path: Path, mode: str) -> None:
    plan = _plan(["P-01"], {"p01": mode})
    docs, _, pdf = _render(plan, tmp_path)
    idx = int(plan.mut["p01_index"])
    q = plan.inquiries[idx]
    starts, page = [], 0
    for x in docs:  # RenderedDoc compares by value: locate the records by position, not docs.index
        if x.type in ("询问笔录", "现场笔录", "勘验笔录"):
            starts.append((page, x.pages))
        page += x.pages
    start, pages = starts[idx]
    text = "".join(_body(pdf[start + i]) for i in range(pages))
    first, second = q.officers
    assert f"{first.name}（证号：{first.certificate}）" in text
    assert second.certificate not in text
    assert (second.name in text) == (mode == "nocert")


@pytest.mark.parametrize(
    ("defect", "want", "key", "present", "absent"),
    [
        ("P-02", {"notice_no_basis": "1"}, "违法行为通知书", ["陈述和申辩"], ["依据", "违反了", "《"]),
        ("P-04", {"notice_no_hearing": "1"}, "违法行为通知书", ["陈述和申辩"], ["听证"]),
        (
            "P-14",
            {"notice_3days": "1"},
            "违法行为通知书",
            ["三日内", "听证"],
            ["五日内向本机关提出，逾期未提出的，视为放弃听证"],
        ),
        (
            "P-06",
            {"p06": "noconclusion"},
            "重大案件集体讨论记录",
            ["讨论记录"],
            ["结论性意见", "经集体讨论决定"],
        ),
        ("P-07", {"p07": "noremedy"}, "行政处罚决定书", ["十五日"], ["六十日", "六个月", "行政复议"]),
        ("P-07", {"p07": "nocomply"}, "行政处罚决定书", ["六十日", "六个月"], ["十五日", "账号"]),
        ("W-01", {"w01": "ni_danwei"}, "行政处罚决定书", ["你（单位）"], []),
        ("W-01", {"w01": "underscore"}, "行政处罚决定书", ["______"], []),
        ("W-01", {"w01": "guidance"}, "行政处罚决定书", ["分以下情况"], []),
    ],
)
def test_content_mutations(
    tmp_path: Path, defect: str, want: dict[str, str], key: str, present: list[str], absent: list[str]
) -> None:
    plan = _plan([defect], want)
    _, t, _ = _render(plan, tmp_path)
    for words in present:
        assert words in t[key], words
    for words in absent:
        assert words not in t[key], words


def test_p05_noreviewer(tmp_path: Path) -> None:
    plan = _plan(["P-05"], {"p05": "noreviewer"})
    _, t, _ = _render(plan, tmp_path)
    assert "审核结论" in t["法制审核意见"]
    assert plan.staff.reviewer not in t["法制审核意见"] and plan.staff.reviewer_cert not in t["法制审核意见"]


@pytest.mark.parametrize(
    ("defect", "want", "gone"),
    [("P-05", {"p05": "drop"}, "法制审核意见"), ("P-06", {"p06": "drop"}, "重大案件集体讨论记录")],
)
def test_dropped_by_plan(tmp_path: Path, defect: str, want: dict[str, str], gone: str) -> None:
    docs, _, _ = _render(_plan([defect], want), tmp_path)
    assert gone not in {x.key for x in docs}


@pytest.mark.parametrize("drop", ["结案报告", "送达回证:违法行为通知书"])
def test_d01_drop(tmp_path: Path, drop: str) -> None:
    plan = _plan(["D-01"], {"drop": drop})
    docs, _, _ = _render(plan, tmp_path)
    keys = [x.key for x in docs]
    assert drop not in keys and "行政处罚决定书" in keys


def test_p13_no_head(tmp_path: Path) -> None:
    plan = _plan(["P-13"], {"jiean_nohead": "1"})
    _, t, _ = _render(plan, tmp_path)
    assert plan.staff.head not in t["结案报告"] and plan.staff.unit_head in t["结案报告"]


def test_c01_c02_c03(tmp_path: Path) -> None:
    plan = _plan(["C-01"])
    _, t, _ = _render(plan, tmp_path)
    target, other = plan.mut["c01_type"], plan.mut["c01_number"]
    assert other in t[target] and plan.number.format() not in t[target]
    assert plan.number.format() in t["行政处罚决定书"] and other not in t["行政处罚决定书"]

    plan = _plan(["C-02"], check=lambda p: p.party.kind == "individual")
    _, t, _ = _render(plan, tmp_path)
    target, wrong = plan.mut["c02_type"], plan.mut["c02_name"]
    assert wrong in t[target] and plan.party.name not in t[target]
    assert plan.party.name in t["行政处罚决定书"]

    plan = _plan(["C-03"])
    _, t, _ = _render(plan, tmp_path)
    assert plan.mut["c03"] in t["行政处罚决定书"] and f"（￥{plan.fine}元）" in t["行政处罚决定书"]
    if plan.mut["c03"] != daxie(plan.fine):
        assert daxie(plan.fine) not in t["行政处罚决定书"]


@pytest.mark.parametrize("target", ["notice", "decision"])
def test_s01_unsealed(tmp_path: Path, target: str) -> None:
    plan = _plan(["S-01"], {"s01": target})
    docs, _, pdf = _render(plan, tmp_path)
    key = {"notice": "违法行为通知书", "decision": "行政处罚决定书"}[target]
    other = {"notice": "行政处罚决定书", "decision": "违法行为通知书"}[target]
    by_key = {x.key: x for x in docs}
    assert by_key[key].sealed_pages == [] and by_key[other].sealed_pages
    start = sum(x.pages for x in docs[: docs.index(by_key[key])])
    assert all(not pdf[start + i].get_images() for i in range(by_key[key].pages))


@pytest.mark.parametrize("procedure", ["summary", "ordinary"])
def test_scanned_is_image_only(tmp_path: Path, procedure: str) -> None:
    def short(p: Plan) -> bool:  # a short ordinary file keeps the 200 dpi scan test quick
        d = p.dates
        return procedure == "summary" or (
            len(p.evidence) <= 2
            and len(p.inquiries) == 1
            and not (d.compulsion or d.preservation or d.hearing)
        )

    plan = _plan([], procedure=procedure, check=short)
    path = tmp_path / "scan.pdf"
    docs = write_case(plan, path, scanned=True, seed=plan.seed)
    pdf = pymupdf.open(path)
    assert len(pdf) == sum(d.pages for d in docs)
    for page in pdf:
        assert page.get_text().strip() == ""
        assert len(page.get_images()) == 1
