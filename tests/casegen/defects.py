"""Defect injection: what each rule id needs from the plan, and the content changes it makes.

Each defect breaks its own rule. Where the rule catalogue makes that impossible alone, the extra
rules that must also fail are listed in ``Plan.expected`` (e.g. S-01 on the decision also breaks P-07).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from casegen.cal import wd_between
from casegen.formats import daxie
from casegen.model import Plan
from casegen.pools import TYPO

DEFECTS: tuple[str, ...] = (
    "D-01",
    "T-01",
    "T-02",
    "T-03",
    "T-04",
    "T-05",
    "T-06",
    "T-07",
    "T-11",
    "T-12",
    "T-16",
    "T-19",
    "P-01",
    "P-02",
    "P-03",
    "P-04",
    "P-05",
    "P-06",
    "P-07",
    "P-08",
    "P-13",
    "P-14",
    "C-01",
    "C-02",
    "C-03",
    "W-01",
    "S-01",
)

# Defects of the compulsion and inspection case kinds (kinds.py). Kept apart from DEFECTS, which
# other corpora draw from and must stay the 27 penalty-file defects.
KIND_DEFECTS: tuple[str, ...] = ("D-02", "D-03", "P-11")

# Issue 14, penalty files: reasons (P-19), discretion (P-20), a lapsed certificate per the roster the
# test imports (P-21), and a fine on a first, corrected violation on the exemption list (P-10, which
# the rule flags as needs_review, not fail). Kept out of DEFECTS: other corpora are drawn from it.
POLICY_DEFECTS: tuple[str, ...] = ("P-10", "P-19", "P-20", "P-21")
EXEMPT_VIOLATION = "weixiedai"  # 道路运输条例 第六十八条: HN-01 of the Hunan list

DATE_DEFECTS = frozenset(
    {"T-01", "T-02", "T-03", "T-04", "T-05", "T-06", "T-07", "T-11", "T-12", "T-16", "T-19"}
)


@dataclass
class Req:
    """Constraints a set of defects puts on the plan (None = free)."""

    procedure: str | None = None
    triggered: bool | None = None
    hearing: bool | None = None
    waiver_ok: bool = True
    preservation: bool = False
    compulsion: bool = False
    receipt: bool = False
    publication: bool = False
    lower_options: int = 1  # fines needed below the hearing threshold (P-03 raises one step)
    violation: str | None = None  # a violation key (P-10 needs one on the exemption list)


def requirements(defects: list[str]) -> Req:
    unknown = set(defects) - set(DEFECTS) - set(POLICY_DEFECTS)
    if unknown:
        raise ValueError(f"unknown defects: {sorted(unknown)}")
    req = Req()

    def want(attr: str, value: object) -> None:
        current = getattr(req, attr)
        if current is not None and current != value:
            raise ValueError(f"defects {defects} conflict on {attr}")
        setattr(req, attr, value)

    for d in defects:
        if d == "P-21":
            continue  # any procedure: officers are named on 笔录 and on the 当场 decision alike
        want("procedure", "summary" if d == "P-08" else "ordinary")
        if d == "P-10":
            req.violation = EXEMPT_VIOLATION
        if d in ("T-03", "T-05", "P-04", "P-05", "P-06", "P-14"):
            want("triggered", True)
        if d in ("T-04", "P-03"):
            want("triggered", False)
        if d == "T-03":
            want("hearing", False)
        if d == "T-05":
            want("hearing", True)
        if d == "P-04":
            want("hearing", False)  # rights never offered, so no hearing could be requested
        if d in ("T-03", "T-04"):
            req.waiver_ok = False
        req.preservation |= d == "T-06"
        req.compulsion |= d == "T-07"
        req.receipt |= d == "T-11"
        req.publication |= d == "T-12"
        if d == "P-03":
            req.lower_options = 2
    return req


def choose_mutations(plan: Plan, rng: random.Random) -> None:
    """Pick the content changes for non-date defects and record the expected failures."""
    mut, expected = plan.mut, plan.expected
    for d in plan.defects:
        expected.append(d)
        if d in DATE_DEFECTS and d != "T-19":
            plan.notes.append(_date_note(plan, d))
        if d == "D-01":
            if rng.random() < 0.6:
                mut["drop"] = "结案报告"
                expected.append("P-13")  # P-13 needs the 结案报告 too
            else:
                mut["drop"] = "送达回证:违法行为通知书"  # T-03/T-04 then lack a date (needs_review)
            plan.missing.append(mut["drop"].split(":")[0])
        elif d == "P-01":
            mut["p01"] = rng.choice(("nocert", "single"))
            idx = rng.randrange(len(plan.inquiries))
            mut["p01_index"] = str(idx)
            q = plan.inquiries[idx]
            what = (
                "names its second officer without a 执法证号"
                if mut["p01"] == "nocert"
                else "names one officer"
            )
            plan.notes.append(f"P-01: the {q.type} of {q.date} {what}")
        elif d == "P-02":
            mut["notice_no_basis"] = "1"
        elif d == "P-03":
            expected.append("C-03")  # notice and decision amounts differ and were not lowered
        elif d == "P-04":
            mut["notice_no_hearing"] = "1"
            expected.append("P-02")  # P-02 also requires the hearing right when triggered
        elif d == "P-05":
            mut["p05"] = rng.choice(("drop", "drop", "noreviewer"))
            if mut["p05"] == "drop":
                plan.has_review = False
                plan.missing.append("法制审核意见")
        elif d == "P-06":
            mut["p06"] = rng.choice(("drop", "noconclusion"))
            if mut["p06"] == "drop":
                plan.has_discussion = False
                plan.missing.append("重大案件集体讨论记录")
        elif d == "P-07":
            mut["p07"] = rng.choice(("noremedy", "nocomply"))
        elif d == "P-13":
            mut["jiean_nohead"] = "1"
        elif d == "P-14":
            mut["notice_3days"] = "1"
        elif d == "C-01":
            _c01(plan, rng)
        elif d == "C-02":
            _c02(plan, rng)
        elif d == "C-03":
            wrong = plan.fine + rng.choice((-1, 1)) * rng.choice((100, 1000, 500))
            mut["c03"] = daxie(max(wrong, 50))
        elif d == "W-01":
            mut["w01"] = rng.choice(("ni_danwei", "underscore", "guidance"))
        elif d == "P-10":
            mut["p10"] = "first_corrected"
            expected.remove("P-10")
            plan.review.append("P-10")
        elif d == "P-19":
            mut["p19"] = "noreasons"
        elif d == "P-20":
            mut["p20"] = "wrong_level"
        elif d == "P-21":
            _p21(plan)
        elif d == "S-01":
            mut["s01"] = rng.choice(("notice", "decision"))
            if mut["s01"] == "decision":
                expected.append("P-07")  # P-07 needs the decision's seal as well
    plan.expected = sorted(set(expected))


def _date_note(plan: Plan, rule: str) -> str:
    d = plan.dates
    spans: dict[str, tuple[str, object, object, str]] = {
        "T-01": ("filing → decision", d.filing, d.decision, "CD"),
        "T-02": ("decision → service", d.decision, d.decision_service, "WD"),
        "T-03": ("notice service → decision", d.notice_service, d.decision, "WD"),
        "T-04": ("notice service → decision", d.notice_service, d.decision, "WD"),
        "T-05": ("hearing notice service → hearing", d.hearing_notice_service, d.hearing, "WD"),
        "T-06": ("preservation → release", d.preservation, d.preservation_release, "WD"),
        "T-07": ("seizure → release", d.compulsion, d.compulsion_release, "CD"),
        "T-11": ("decision service → payment", d.decision_service, d.payment, "CD"),
        "T-12": ("decision → publication", d.decision, d.publication, "WD"),
        "T-16": ("violation → filing", d.violation, d.filing, "CD"),
    }
    label, a, b, unit = spans[rule]
    assert isinstance(a, dt.date) and isinstance(b, dt.date)
    n = wd_between(a, b) if unit == "WD" else (b - a).days
    return f"{rule}: {label} {a} → {b} = {n} {unit}"


def _c01(plan: Plan, rng: random.Random) -> None:
    choices = ["立案登记表", "违法行为通知书", "结案报告", "案件调查报告", "送达回证:行政处罚决定书"]
    choices += [i.type for i in plan.inquiries]
    if plan.mut.get("drop") == "结案报告":
        choices.remove("结案报告")
    target = rng.choice(choices)
    number = plan.number
    if rng.random() < 0.7:
        other = number.format(serial=number.serial + rng.choice((-3, -1, 1, 2, 10)))
    else:
        other = number.format(year=number.year - 1)
    plan.mut["c01_type"] = target
    plan.mut["c01_from"] = number.format()
    plan.mut["c01_number"] = other
    plan.notes.append(f"C-01: {target} carries {other}")


def _c02(plan: Plan, rng: random.Random) -> None:
    name = plan.party.name
    if plan.party.kind == "individual":
        idx = len(name) - 1
        ch = name[idx]
        alt = TYPO.get(ch) or rng.choice([c for c in "晓明华军伟" if c != ch])
        wrong = name[:idx] + alt
    else:
        wrong = name.replace("市", "", 1) if rng.random() < 0.5 else name
        if wrong == name:
            wrong = name.replace("有限公司", "公司")
    target = rng.choice(["违法行为通知书", "送达回证:行政处罚决定书", "结案报告", "立案登记表"])
    if plan.mut.get("drop") == target:
        target = "违法行为通知书"
    plan.mut["c02_type"] = target
    plan.mut["c02_from"] = name
    plan.mut["c02_name"] = wrong
    plan.notes.append(f"C-02: {target} names the party {wrong}")


def _p21(plan: Plan) -> None:
    """The first officer's certificate lapses before the first document naming them (roster data)."""
    officer = plan.inquiries[0].officers[0] if plan.inquiries else plan.officers[0]
    first = min([q.date for q in plan.inquiries if officer in q.officers] or [plan.dates.decision])
    plan.mut["p21_certificate"] = officer.certificate
    plan.mut["p21_until"] = (first - dt.timedelta(days=30)).isoformat()
    plan.notes.append(f"P-21: {officer.name}'s certificate lapsed on {plan.mut['p21_until']}")
