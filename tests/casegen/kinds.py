"""The compulsion (行政强制：扣押) and inspection (行政检查) case kinds: plan, documents, truth fields.

Penalty cases are untouched by this module: it draws from its own random stream and only reuses the
pools and helpers, so existing seeds keep their content.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from typing import Any

from casegen import content_close as close
from casegen import content_invest as inv
from casegen import content_kinds as ck
from casegen import people
from casegen.blocks import Doc
from casegen.cal import add_cd_rolled, add_wd, days
from casegen.ctx import Ctx
from casegen.defects import KIND_DEFECTS
from casegen.facts import fill_facts
from casegen.model import CaseNumber, Dates, Inquiry, Plan
from casegen.plan import NUMBER_STYLES, _styles
from casegen.pools import AGENCIES
from casegen.violations import VIOLATIONS

CASE_TYPES = ("penalty", "compulsion", "inspection")
# Which defects each new kind can carry (T-07 is the catalogue's, reused on compulsion files).
ALLOWED = {"compulsion": ("D-02", "P-11", "T-07"), "inspection": ("D-03",)}
ITEMS = (
    "道路运输经营许可证、车辆道路运输证、驾驶员从业资格证及车辆技术档案",
    "安全生产管理制度、车辆动态监控记录及驾驶员从业资格证",
    "车辆二级维护记录、车辆技术档案及道路运输证",
)
FINDINGS = (
    "发现{plate}{vehicle}二级维护记录缺失，车辆技术档案不完整。",
    "发现部分驾驶员从业资格证未按规定办理诚信考核。",
    "",
    "",
)


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def make_kind_plan(
    case_id: str, case_type: str, *, kind: str, seed: int, defects: Sequence[str] = ()
) -> Plan:
    if case_type not in ALLOWED:
        raise ValueError(f"case_type must be one of {tuple(ALLOWED)}")
    defects = list(dict.fromkeys(defects))
    bad = set(defects) - set(ALLOWED[case_type])
    if bad:
        raise ValueError(f"defects {sorted(bad)} do not apply to a {case_type} file")
    rng = random.Random(seed * 31337 + (1 if case_type == "compulsion" else 2))
    if case_type == "compulsion":
        pairs = [(a, v) for a in AGENCIES for v in VIOLATIONS if v.compulsion and v.maritime == a.maritime]
        agency, v = rng.choice(pairs)
        kind_p = "individual" if "individual" in v.fines else "organisation"
    else:
        pairs = [
            (a, v)
            for a in AGENCIES
            for v in VIOLATIONS
            if "organisation" in v.fines and v.maritime == a.maritime
        ]
        agency, v = rng.choice(pairs)
        kind_p = "organisation"
    names = people.Names(rng)
    officers = people.officers(rng, names, agency)
    staff = people.staff(rng, names)
    start = dt.date(2023, 5, 2) + days(rng.randrange((dt.date(2026, 8, 1) - dt.date(2023, 5, 2)).days))
    day = add_wd(start, 0)
    dates = Dates(
        violation=day, violation_time=(rng.randint(8, 16), rng.choice((0, 10, 20, 30, 40))), filing=day
    )
    party = people.party(rng, names, agency, v, kind_p, day)
    prefix, width, brackets, di = NUMBER_STYLES[agency.number_style]
    short = prefix.replace("处罚", "罚").replace("罚", "强" if case_type == "compulsion" else "检")
    number = CaseNumber(short, day.year, rng.randint(1, 900), width, brackets, di)
    plan = Plan(
        case_id, seed, kind, "ordinary", agency, v, number, party, officers, staff, dates, 0, 0, False, False
    )
    plan.case_type = case_type
    plan.has_receipt = plan.has_publication = False
    plan.styles = _styles(rng, agency, False)
    plan.defects = defects
    fill_facts(rng, plan)
    plan.facts["camera"] = (
        f"{agency.plate[0]}{rng.choice('ABCDJ')}-{rng.randint(100, 999)}{rng.randint(10, 99)}"
    )
    plan.facts["items"] = rng.choice(ITEMS)
    plan.facts["finding"] = rng.choice(FINDINGS).format(plate=party.plate, vehicle=party.vehicle)
    plan.facts["refused"] = "1" if rng.random() < 0.25 else ""
    pair = tuple(rng.sample(officers, 2))
    who = party.contact
    assert who is not None
    start_hm = dates.violation_time
    end_min = start_hm[0] * 60 + start_hm[1] + rng.randint(30, 90)
    plan.inquiries.append(
        Inquiry("现场笔录", day, start_hm, (min(end_min // 60, 23), end_min % 60), (pair[0], pair[1]), who)
    )
    if case_type == "compulsion":
        _compulsion_dates(rng, plan)
    else:
        _inspection_dates(rng, plan)
    _mutations(rng, plan)
    return plan


def _compulsion_dates(rng: random.Random, plan: Plan) -> None:
    d = plan.dates
    d.compulsion = d.violation
    extended = "T-07" not in plan.defects and rng.random() < 0.3
    if "T-07" in plan.defects:
        d.compulsion_release = add_cd_rolled(d.compulsion, 30) + days(rng.randint(3, 15))
    elif extended:
        d.compulsion_extension = d.compulsion + days(rng.randint(20, 28))
        d.compulsion_release = d.compulsion + days(rng.randint(35, 58))
    else:
        d.compulsion_release = d.compulsion + days(rng.randint(5, 28))
    d.decision = d.compulsion
    d.archive = add_wd(d.compulsion_release, rng.randint(1, 5))
    if "T-07" in plan.defects:
        n = (d.compulsion_release - d.compulsion).days
        plan.notes.append(f"T-07: seizure → release {d.compulsion} → {d.compulsion_release} = {n} CD")


def _inspection_dates(rng: random.Random, plan: Plan) -> None:
    d = plan.dates
    d.inspection = d.violation
    d.inspection_plan = add_wd(d.inspection, -rng.randint(1, 5))
    d.inspection_result = add_wd(d.inspection, rng.randint(0, 3))
    d.decision = d.inspection_result
    d.archive = add_wd(d.inspection_result, rng.randint(1, 5))


def _mutations(rng: random.Random, plan: Plan) -> None:
    mut, expected = plan.mut, plan.expected
    plan.mut["service"] = rng.choice(("receipt", "signature"))
    for defect in plan.defects:
        expected.append(defect)
        if defect == "D-02":
            mut["d02"] = rng.choice(("record", "list", "release", "service"))
            if mut["d02"] == "release":
                plan.missing.append("解除行政强制措施决定书")
            elif mut["d02"] != "service":
                plan.missing.append({"record": "现场笔录", "list": "扣押物品清单"}[mut["d02"]])
            plan.notes.append(f"D-02: {mut['d02']}")
        elif defect == "D-03":
            mut["d03"] = rng.choice(("plan", "signature", "result", "officers"))
            if mut["d03"] == "officers":
                expected.append("P-01")  # the record names one officer: P-01 breaks with it
            plan.notes.append(f"D-03: {mut['d03']}")
        elif defect == "T-07":
            expected.append("D-02")  # held past 30 days without a 延长通知书: D-02 lists it too
        elif defect == "P-11":
            mut["p11"] = "1"
            expected.append("D-02")  # D-02 lists the audio-video reference among the file's elements
            plan.notes.append("P-11: no reference to the audio-video record")
    plan.expected = sorted(set(expected))


def body(c: Ctx) -> list[Doc]:
    """The documents of a compulsion or inspection file between the 卷内目录 and the 备考表."""
    return _compulsion(c) if c.plan.case_type == "compulsion" else _inspection(c)


def _compulsion(c: Ctx) -> list[Doc]:
    p, d = c.plan, c.plan.dates
    assert d.compulsion and d.compulsion_release
    mode = p.mut.get("d02")
    on_spot = p.mut["service"] == "signature" and mode != "service"
    out: list[Doc] = []
    if mode != "record":
        out.append(_dated(ck.measure_record(c, p.inquiries[0]), d.compulsion))
    out.append(_dated(ck.measure_decision(c, on_spot), d.compulsion))
    if p.mut["service"] == "receipt" and mode != "service":
        decision = out[-1]
        out.append(close.service(c, "行政强制措施决定书", decision.title, d.compulsion))
    if mode != "list":
        out.append(_dated(ck.goods_list(c), d.compulsion))
    out += [inv.attachment(c, e) for e in p.evidence if e == "现场照片"]
    if not p.mut.get("p11"):
        out.append(_dated(ck.video_note(c), d.compulsion))
    if d.compulsion_extension:
        out.append(_dated(ck.extension(c), d.compulsion_extension))
    if mode != "release":
        out.append(_dated(ck.release(c), d.compulsion_release))
    return out


def _inspection(c: Ctx) -> list[Doc]:
    p, d = c.plan, c.plan.dates
    mode = p.mut.get("d03")
    out: list[Doc] = []
    if mode != "plan":
        out.append(_dated(ck.inspection_approval(c), d.inspection_plan))
    out.append(_dated(ck.inspection_record(c, p.inquiries[0]), d.inspection))
    if mode != "result":
        result = _dated(ck.inspection_result(c), d.inspection_result)
        out.append(result)
        assert d.inspection_result
        out.append(close.service(c, result.type, result.title, d.inspection_result))
    return out


def _dated(doc: Doc, date: dt.date | None) -> Doc:
    doc.date = date
    return doc


def truth_fields(plan: Plan, present: set[str]) -> dict[str, Any]:
    d, p = plan.dates, plan.party

    def when(key: str, value: dt.date | None) -> str | None:
        return _iso(value) if key in present else None

    return {
        "case_type": plan.case_type,
        "case_number": plan.number.format(),
        "party_name": p.name,
        "party_kind": p.kind,
        "compulsion_date": when("行政强制措施决定书", d.compulsion),
        "compulsion_extension_date": when("延长行政强制措施期限通知书", d.compulsion_extension),
        "compulsion_release_date": when("解除行政强制措施决定书", d.compulsion_release),
        "inspection_date": _iso(d.inspection),
        "inspection_plan_date": (
            _iso(d.inspection_plan) if {"行政检查审批表", "行政检查方案"} & present else None
        ),
        "inspection_result_date": (
            _iso(d.inspection_result) if {"责令改正违法行为通知书", "检查结果告知书"} & present else None
        ),
    }


__all__ = ["ALLOWED", "CASE_TYPES", "KIND_DEFECTS", "body", "make_kind_plan", "truth_fields"]
