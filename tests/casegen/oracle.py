"""A reference evaluation of the rules on a generated case (truth + page texts).

Used by the tests to prove that clean cases pass every rule and that each injected defect fails its
rule and only the rules listed in ``expected_failures``. It reads the ground truth, not the file, so it
checks the generator, not the product.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import Any

from casegen.cal import add_cd_rolled, add_wd, wd_between
from casegen.formats import daxie

NUMBERED = {
    "立案登记表",
    "询问笔录",
    "现场笔录",
    "勘验笔录",
    "违法行为通知书",
    "送达回证",
    "结案报告",
    "案件调查报告",
}
RECORDS = {"询问笔录", "现场笔录", "勘验笔录"}


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def evaluate(truth: dict[str, Any], pages: list[str]) -> set[str]:
    """Rule ids that fail. ``pages`` are the page texts in file order (line breaks are ignored)."""
    pages = [p.replace("\n", "") for p in pages]
    f = truth["fields"]
    docs = truth["documents"]
    text: dict[str, str] = {}
    for d in docs:
        key = f"送达回证:{d['serves']}" if d["serves"] else d["type"]
        text[key] = text.get(key, "") + "\n".join(pages[d["first_page"] - 1 : d["last_page"]])
    records = ["\n".join(pages[d["first_page"] - 1 : d["last_page"]]) for d in docs if d["type"] in RECORDS]
    g = {k: _date(v) for k, v in f.items() if k.endswith("_date")}
    fails: set[str] = set()
    summary = truth["procedure"] == "summary"
    fine, kind = f["fine_amount"], f["party_kind"]
    decision_key = "当场行政处罚决定书" if summary else "行政处罚决定书"
    dec = text.get(decision_key, "")
    if summary:
        if fine > (200 if kind == "individual" else 3000):
            fails.add("P-08")
    else:
        need = [
            "立案登记表",
            "违法行为通知书",
            "行政处罚决定书",
            "送达回证:违法行为通知书",
            "送达回证:行政处罚决定书",
            "结案报告",
        ]
        if truth["hearing"]:
            need += ["听证通知书", "听证笔录"]
        if any(n not in text for n in need) or not records:
            fails.add("D-01")
        fails |= _dates(truth, g)
        fails |= _notice(truth, text.get("违法行为通知书", ""), fine)
        major = truth["major"]
        review = text.get("法制审核意见", "")
        if major and (not g["legal_review_date"] or "审核人员" not in review or "法律职业资格" not in review):
            fails.add("P-05")
        disc = text.get("重大案件集体讨论记录", "")
        if major and (not g["discussion_date"] or "结论性意见" not in disc):
            fails.add("P-06")
        if "结案报告" not in text or not re.search(r"负责人审批意见\s*同意结案。\s*签名", text["结案报告"]):
            fails.add("P-13")
        if any(len(re.findall(r"执法证号：[A-Z]*\d{8,12}", r)) < 2 for r in records):
            fails.add("P-01")
        if f["proposed_fine"] is not None and fine > f["proposed_fine"]:
            fails.add("P-03")
    elements = [
        f["party_name"],
        "证据" if not summary else "违法事实",
        "依据",
        "十五日",
        "六十日",
        truth["agency"],
    ]
    if not summary:
        elements.append("六个月")
    if any(e not in dec for e in elements) or not _sealed(truth, decision_key):
        fails.add("P-07")
    if not summary and not (_sealed(truth, "行政处罚决定书") and _sealed(truth, "违法行为通知书")):
        fails.add("S-01")
    fails |= _consistency(truth, text, dec, fine)
    return fails


def _sealed(truth: dict[str, Any], typ: str) -> bool:
    for d in truth["documents"]:
        if d["type"] == typ:
            return any(d["first_page"] <= p <= d["last_page"] for p in truth["sealed_pages"])
    return False


def _dates(truth: dict[str, Any], g: dict[str, dt.date | None]) -> set[str]:
    out: set[str] = set()
    fi, de, ds, ns = (
        g["filing_date"],
        g["decision_date"],
        g["decision_service_date"],
        g["notice_service_date"],
    )
    assert de is not None
    if fi and de > add_cd_rolled(fi, 90):
        out.add("T-01")
    if ds and ds > add_wd(de, 7):
        out.add("T-02")
    waived = g["waiver_date"] is not None
    if ns and not waived:
        if truth["major"] and wd_between(ns, de) < 5:
            out.add("T-03")
        if wd_between(ns, de) < 3:
            out.add("T-04")
    hs, h = g["hearing_notice_service_date"], g["hearing_date"]
    if hs and h and wd_between(hs, h) < 7:
        out.add("T-05")
    p, pr = g["preservation_date"], g["preservation_release_date"]
    if p and pr and pr > add_wd(p, 7):
        out.add("T-06")
    c, cr = g["compulsion_date"], g["compulsion_release_date"]
    if c and cr and cr > add_cd_rolled(c, 30):
        out.add("T-07")
    pay = g["payment_date"]
    if ds and pay and pay > add_cd_rolled(ds, 15):
        out.add("T-11")
    pub = g["publication_date"]
    if pub and pub > add_wd(de, 7):
        out.add("T-12")
    v = g["violation_date"]
    if fi and v and fi > dt.date(v.year + 2, v.month, min(v.day, 28 if v.month == 2 else 31)):
        out.add("T-16")
    inq = [dt.date.fromisoformat(x) for x in truth["fields"]["inquiry_dates"]]
    chain = [fi, min(inq), max(inq), g["notice_date"], g["legal_review_date"], g["discussion_date"], de, ds]
    chain.append(g["closing_date"])
    seq = [x for x in chain if x]
    if any(a > b for a, b in itertools.pairwise(seq)):
        out.add("T-19")
    return out


def _notice(truth: dict[str, Any], notice: str, fine: float) -> set[str]:
    if not notice:
        return set()
    out: set[str] = set()
    proposed = int(truth["fields"]["proposed_fine"])
    has = (
        "违反了" in notice,
        "依据" in notice,
        daxie(proposed) in notice,
        "陈述" in notice and "申辩" in notice,
    )
    hearing = "听证" in notice
    if not all(has) or (truth["major"] and not hearing):
        out.add("P-02")
    if truth["major"] and not hearing:
        out.add("P-04")
    if re.search(r"三日内[^。]*听证|听证[^。]*三日内|行政处罚法》第四十二条", notice):
        out.add("P-14")
    return out


def _consistency(truth: dict[str, Any], text: dict[str, str], dec: str, fine: float) -> set[str]:
    out: set[str] = set()
    number = truth["fields"]["case_number"]
    for key, body in text.items():
        if key.split(":")[0] in NUMBERED:
            found = re.findall(r"案号：(\S+?号)", body)
            if any(x != number for x in found):
                out.add("C-01")
    name = truth["fields"]["party_name"]
    for key in ("违法行为通知书", "送达回证:行政处罚决定书", "结案报告", "立案登记表"):
        if key in text and name not in text[key]:
            out.add("C-02")
    amount = int(fine)
    words = re.findall(r"罚款人民币(\S+?元整)", dec)
    if any(w != daxie(amount) for w in words):
        out.add("C-03")
    proposed = truth["fields"]["proposed_fine"]
    if (
        proposed is not None
        and proposed != fine
        and not (fine < proposed and truth["fields"]["statement_date"])
    ):
        out.add("C-03")
    if re.search(r"你（单位）|_{3,}|分以下情况说明|XX", dec):
        out.add("W-01")
    return out
