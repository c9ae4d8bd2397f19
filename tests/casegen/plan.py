"""Build a seeded ``Plan``: agency, violation, party, fine, dates, styles and defect mutations."""

from __future__ import annotations

import random
from collections.abc import Sequence

from casegen import people
from casegen.defects import Req, choose_mutations, requirements
from casegen.facts import fill_facts
from casegen.model import CaseNumber, Inquiry, Officer, Plan, Staff, Styles
from casegen.pools import AGENCIES, Agency
from casegen.timeline import Spec, plan_ordinary, plan_summary
from casegen.violations import VIOLATIONS, Violation

NUMBER_STYLES: dict[str, tuple[str, int, tuple[str, str], bool]] = {
    "dg": ("粤东交罚", 5, ("〔", "〕"), False),
    "jm": ("粤江交罚", 4, ("〔", "〕"), False),
    "yl": ("湘炎交处罚", 0, ("〔", "〕"), False),
    "yx": ("湘攸交处罚", 3, ("〔", "〕"), False),
    "cs": ("湘长交罚", 5, ("【", "】"), False),
    "cd": ("川成交罚", 4, ("[", "]"), False),
    "bj": ("京（朝）交罚", 5, ("〔", "〕"), True),
    "jl": ("吉吉海事罚字", 5, ("【", "】"), False),
}


def threshold(kind: str) -> int:
    """Fine at which hearing rights, 法制审核 and 集体讨论 are triggered (程序规定 第80条)."""
    return 10000 if kind == "individual" else 100000


def _fine_options(v: Violation, kind: str, procedure: str, req: Req) -> list[int]:
    if procedure == "summary":
        return list(v.summary_fines.get(kind, ()))
    opts = list(v.fines.get(kind, ()))
    if req.triggered is True:
        opts = [f for f in opts if f >= threshold(kind)]
    elif req.triggered is False:
        opts = [f for f in opts if f < threshold(kind)]
    return opts if len(opts) >= req.lower_options else []


def _pick(
    rng: random.Random, req: Req, procedure: str, party_kind: str | None
) -> tuple[Agency, Violation, str, list[int]]:
    for _ in range(500):
        agency = rng.choice(AGENCIES)
        kind = party_kind or ("individual" if rng.random() < 0.6 else "organisation")
        cands = [v for v in VIOLATIONS if v.maritime == agency.maritime]
        if req.violation:
            cands = [v for v in cands if v.key == req.violation]
        cands = [v for v in cands if _fine_options(v, kind, procedure, req)]
        if cands:
            v = rng.choice(cands)
            return agency, v, kind, _fine_options(v, kind, procedure, req)
    raise ValueError("no violation fits the requested constraints")


def make_plan(
    case_id: str,
    *,
    kind: str,
    seed: int,
    defects: Sequence[str] = (),
    procedure: str | None = None,
    party_kind: str | None = None,
    calendar_trap: bool = False,
) -> Plan:
    rng = random.Random(seed)
    defects = list(dict.fromkeys(defects))
    req = requirements(defects)
    if procedure and req.procedure and procedure != req.procedure:
        raise ValueError(f"defects {defects} need the {req.procedure} procedure")
    proc = (
        procedure or req.procedure or ("summary" if rng.random() < 0.12 and not calendar_trap else "ordinary")
    )
    if "P-08" in defects:
        cands = [
            (a, v)
            for a in AGENCIES
            for v in VIOLATIONS
            if v.maritime == a.maritime and (party_kind or "individual") in v.summary_fines
        ]
        agency, v = rng.choice(cands)
        kind_p = party_kind or "individual"
        options = [500 if kind_p == "individual" else 5000]
    else:
        agency, v, kind_p, options = _pick(rng, req, proc, party_kind)
    names = people.Names(rng)
    officers = people.officers(rng, names, agency)
    staff = people.staff(rng, names)
    if proc == "summary":
        dates = plan_summary(rng, on_the_spot=rng.random() < 0.4, receipt=rng.random() < 0.6)
        party = people.party(rng, names, agency, v, kind_p, dates.violation)
        number = _number(rng, agency, dates.decision.year)
        fine = rng.choice(options)
        plan = Plan(
            case_id,
            seed,
            kind,
            proc,
            agency,
            v,
            number,
            party,
            officers[:2],
            staff,
            dates,
            fine,
            fine,
            triggered=False,
            hearing=False,
            has_receipt=dates.payment is not None,
            has_publication=False,
        )
        plan.on_the_spot_payment = dates.payment == dates.decision
        plan.styles = _styles(rng, agency, False)
    else:
        plan = _ordinary(
            rng,
            req,
            defects,
            calendar_trap,
            case_id,
            seed,
            kind,
            agency,
            v,
            kind_p,
            options,
            names,
            officers,
            staff,
        )
    plan.calendar_trap = calendar_trap
    plan.defects = defects
    fill_facts(rng, plan)
    choose_mutations(plan, rng)
    return plan


def _ordinary(
    rng: random.Random,
    req: Req,
    defects: list[str],
    trap: bool,
    case_id: str,
    seed: int,
    kind: str,
    agency: Agency,
    v: Violation,
    kind_p: str,
    options: list[int],
    names: people.Names,
    officers: list[Officer],
    staff: Staff,
) -> Plan:
    thr = threshold(kind_p)
    if "P-03" in defects:
        i = rng.randrange(len(options) - 1)
        proposed, fine = options[i], options[i + 1]
    else:
        proposed = fine = rng.choice(options)
    triggered = proposed >= thr
    hearing = req.hearing if req.hearing is not None else triggered and rng.random() < 0.5
    statement = "none"
    if not hearing:
        r = rng.random()
        statement = "waiver" if r < 0.25 and req.waiver_ok else "statement" if r < 0.6 else "none"
    lower = [f for f in options if f < fine and (f >= thr) == triggered]
    if statement == "statement" and lower and "P-03" not in defects and rng.random() < 0.4:
        fine = rng.choice(lower)  # lowered after 陈述申辩 (allowed by C-03 and P-03)
    inspection = "T-16" not in defects and rng.random() < 0.65
    n_inq = rng.randint(2, 3) if {"T-19", "P-01"} & set(defects) else rng.randint(1, 3)
    spec = Spec(
        defects=frozenset(defects),
        trap=trap,
        hearing=hearing,
        statement=statement,
        preservation=req.preservation or rng.random() < 0.2,
        compulsion=req.compulsion or (v.compulsion and rng.random() < 0.3),
        review=triggered or rng.random() < 0.3,
        discussion=triggered,
        receipt=req.receipt or rng.random() < 0.9,
        publication=req.publication or rng.random() < 0.85,
        n_inquiries=n_inq,
        source_inspection=inspection,
    )
    dates, inquiry_dates = plan_ordinary(rng, spec)
    party = people.party(rng, names, agency, v, kind_p, dates.violation)
    number = _number(rng, agency, dates.filing.year)
    plan = Plan(
        case_id,
        seed,
        kind,
        "ordinary",
        agency,
        v,
        number,
        party,
        officers,
        staff,
        dates,
        fine,
        proposed,
        triggered=triggered,
        hearing=hearing,
        has_review=spec.review,
        has_discussion=spec.discussion,
        has_receipt=spec.receipt,
        has_publication=spec.publication,
    )
    plan.notes.extend(spec.notes)
    plan.styles = _styles(rng, agency, triggered)
    for i, d in enumerate(inquiry_dates):
        if i == 0 and inspection:
            typ = "勘验笔录" if v.vehicle == "vessel" and rng.random() < 0.3 else "现场笔录"
        else:
            typ = "勘验笔录" if rng.random() < 0.12 else "询问笔录"
        pair = tuple(rng.sample(officers, 2))
        start = (rng.randint(8, 16), rng.choice((0, 10, 20, 30, 40, 50)))
        if i == 0 and inspection:
            start = dates.violation_time
        end_min = start[0] * 60 + start[1] + rng.randint(25, 95)
        who = (
            party.contact if (i % 2 == 0 or kind_p == "individual") else people.person(rng, names, agency, d)
        )
        assert who is not None
        plan.inquiries.append(
            Inquiry(typ, d, start, (min(end_min // 60, 23), end_min % 60), (pair[0], pair[1]), who)
        )
    plan.inquiries.sort(key=lambda q: (q.date, q.start))
    return plan


def _number(rng: random.Random, agency: Agency, year: int) -> CaseNumber:
    prefix, width, brackets, di = NUMBER_STYLES[agency.number_style]
    serial = rng.randint(1, 60) if width == 0 else rng.randint(1, 1800)
    suffix = "(非)" if agency.number_style == "yx" and rng.random() < 0.4 else ""
    return CaseNumber(prefix, year, serial, width, brackets, di, suffix)


def _styles(rng: random.Random, agency: Agency, triggered: bool) -> Styles:
    r = rng.random()
    decision = agency.style if r < 0.7 else rng.choice(("form", "reason", "numbered"))
    receipt = rng.choice(("非税收入一般缴款书", "罚没款收据", "罚款缴款书"))
    if receipt == "非税收入一般缴款书" and rng.random() < 0.5:
        receipt = agency.province + receipt
    review = rng.choice(("重大行政处罚法制审核意见书", "重大行政执法决定法制审核表", "法制审核意见书"))
    return Styles(
        date=rng.choices(("cn", "cn0", "dot", "dash"), (70, 10, 10, 10))[0],
        sign=rng.choice(("cn", "cn", "cnnum")),
        colon_time=rng.random() < 0.3,
        amount=rng.randrange(3),
        decision=decision,
        agency_line=rng.random() < 0.7,
        form_line=rng.random() < 0.3,
        number_under_title=decision != "form" and rng.random() < 0.7,
        receipt_title=receipt,
        review_title=review if triggered else "法制审核意见书",
        publication_title=rng.choice(("行政处罚信息公示记录", "行政处罚决定公示记录")),
    )
