"""Dates of a case, planned backwards from the decision so every window holds (or breaks) on purpose."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from casegen.cal import FIRST, LAST, add_cd_rolled, add_wd, days, trap_decision_dates
from casegen.model import Dates


@dataclass
class Spec:
    defects: frozenset[str]
    trap: bool
    hearing: bool
    statement: str  # none | statement | waiver
    preservation: bool
    compulsion: bool
    review: bool
    discussion: bool
    receipt: bool
    publication: bool
    n_inquiries: int
    source_inspection: bool  # found during inspection: violation, 现场笔录 and 立案 on one day
    notes: list[str] = field(default_factory=list)


def _hm(rng: random.Random, lo: int = 8, hi: int = 17) -> tuple[int, int]:
    return rng.randint(lo, hi), rng.choice((0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50))


def plan_ordinary(rng: random.Random, spec: Spec) -> tuple[Dates, list[dt.date]]:
    """Return the dates and the (sorted) dates of the investigation 笔录."""
    for _ in range(400):
        out = _attempt(rng, spec)
        if out is not None:
            return out
    raise RuntimeError("could not plan dates")  # pragma: no cover - the ranges leave ample room


def _attempt(rng: random.Random, spec: Spec) -> tuple[Dates, list[dt.date]] | None:
    d = spec.defects
    if spec.trap:
        decision = rng.choice(trap_decision_dates())
    else:
        lo = dt.date(2025, 5, 1) if "T-16" in d else dt.date(2023, 5, 2)
        decision = add_wd(lo + days(rng.randrange((dt.date(2026, 10, 15) - lo).days)), 0)
    wd = add_wd
    gap = 2 if "T-04" in d else 4 if "T-03" in d else 5 if spec.trap else rng.randint(7, 12)
    notice_service = wd(decision, -gap)
    hearing = hearing_notice = hearing_notice_service = None
    if spec.hearing:
        hearing = wd(decision, -rng.randint(3, 6))
        lead = rng.randint(3, 5) if "T-05" in d else rng.randint(8, 12)
        hearing_notice_service = wd(hearing, -lead)
        hearing_notice = wd(hearing_notice_service, -rng.randint(0, 1))
        notice_service = min(notice_service, wd(hearing_notice, -rng.randint(2, 4)))
    statement = waiver = None
    if spec.statement == "waiver":
        waiver = notice_service
    elif spec.statement == "statement":
        statement = wd(notice_service, rng.randint(1, max(1, min(3, gap - 1))))
    notice = wd(notice_service, -rng.randint(0, 2))
    report = wd(notice, -rng.randint(1, 3))
    last = wd(report, -rng.randint(1, 4))
    first = last - days(rng.randint(0, 8))
    if "T-01" in d:
        filing = decision - days(rng.randint(95, 118))
        while add_cd_rolled(filing, 90) >= decision:  # past the limit even after a holiday roll
            filing -= days(1)
        first = filing
    elif spec.trap and rng.random() < 0.5:
        filing = decision - days(90)  # exactly at the 90-day limit
        first = filing
    else:
        filing = first if spec.source_inspection else first - days(rng.randint(0, 3))
    if spec.source_inspection and "T-16" not in d:
        violation = filing
    elif "T-16" in d:
        violation = filing - days(730 + rng.randint(15, 120))
    else:
        violation = filing - days(rng.randint(2, 40))
    n = spec.n_inquiries
    middle = sorted(first + days(rng.randint(0, (last - first).days)) for _ in range(max(0, n - 2)))
    inquiries = [first] if n == 1 else [first, *middle, last]
    if "T-19" in d:
        i = len(inquiries) - 1
        if rng.random() < 0.5:
            inquiries[i] = filing - days(rng.randint(2, 6))
            spec.notes.append("T-19: an investigation 笔录 is dated before the 立案")
        else:
            inquiries[i] = wd(notice, 1) if wd(notice, 1) < decision else notice
            spec.notes.append("T-19: an investigation 笔录 is dated after the 违法行为通知书")
    upper = max(x for x in (notice_service, hearing, statement, waiver) if x is not None)
    review = discussion = None
    if spec.review:
        review = max(upper, wd(decision, -rng.randint(1, 2)))
        review = min(review, decision)
    if spec.discussion:
        base = review or upper
        discussion = min(decision, wd(base, rng.randint(0, 1)))
    if "T-02" in d:
        service = wd(decision, rng.randint(9, 14))
    else:
        service = wd(decision, 7 if spec.trap else rng.randint(0, 5))
    payment = publication = None
    if spec.receipt:
        if "T-11" in d:
            payment = add_cd_rolled(service, 15) + days(rng.randint(4, 18))
        elif spec.trap:
            payment = add_cd_rolled(service, 15)
        else:
            payment = service + days(rng.randint(1, 12))
    if spec.publication:
        if "T-12" in d:
            publication = wd(decision, rng.randint(22, 30))
        else:
            publication = wd(decision, 7 if spec.trap else rng.randint(1, 6))
    preservation = release = compulsion = compulsion_release = None
    if spec.preservation:
        preservation = first
        release = wd(preservation, rng.randint(9, 12) if "T-06" in d else rng.randint(1, 5))
    if spec.compulsion:
        compulsion = first
        if "T-07" in d:
            compulsion_release = add_cd_rolled(compulsion, 30) + days(rng.randint(3, 15))
        else:
            compulsion_release = compulsion + days(rng.randint(5, 25))
    later = [x for x in (service, payment, publication, release, compulsion_release) if x]
    closing = wd(max(later), rng.randint(1, 8))
    archive = wd(closing, rng.randint(1, 10))
    if violation < FIRST or archive > LAST:
        return None
    if "T-01" not in d and (decision - filing).days > (90 if spec.trap else 85):
        return None
    dates = Dates(
        violation=violation,
        violation_time=_hm(rng, 7, 20),
        filing=filing,
        report=report,
        notice=notice,
        notice_service=notice_service,
        statement=statement,
        waiver=waiver,
        hearing_notice=hearing_notice,
        hearing_notice_service=hearing_notice_service,
        hearing=hearing,
        legal_review=review,
        discussion=discussion,
        decision=decision,
        decision_service=service,
        payment=payment,
        publication=publication,
        closing=closing,
        archive=archive,
        preservation=preservation,
        preservation_release=release,
        compulsion=compulsion,
        compulsion_release=compulsion_release,
    )
    return dates, inquiries


def plan_summary(rng: random.Random, on_the_spot: bool, receipt: bool) -> Dates:
    decision = FIRST + days(rng.randrange((dt.date(2026, 12, 1) - FIRST).days))
    hm = _hm(rng, 7, 19)
    payment = None
    if receipt:
        payment = decision if on_the_spot else decision + days(rng.randint(1, 10))
    return Dates(violation=decision, violation_time=hm, filing=decision, decision=decision, payment=payment)
