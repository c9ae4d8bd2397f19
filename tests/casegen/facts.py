"""Facts of the violation: the values its templates print (place, plate, weights, fares …)."""

from __future__ import annotations

import datetime as dt
import math
import random

from casegen.formats import fmt_date, fmt_datetime
from casegen.model import Plan
from casegen.violations import DESTINATIONS, GOODS


def fill_facts(rng: random.Random, plan: Plan) -> None:
    """Template fields of violations.py texts, and the evidence attachments."""
    d, p, a = plan.dates, plan.party, plan.agency
    tons = max(2, math.ceil(plan.fine / 500))  # 500 yuan per commenced tonne over the limit
    axles = 6 if tons > 12 else rng.choice((3, 4, 5, 6))
    lim = {3: 25, 4: 31, 5: 43, 6: 49}[axles]
    over = round(tons - rng.uniform(0.05, 0.9), 2)
    # last 二级维护, well past its cycle; kept inside the calendar years the generator uses
    last = max(d.violation - dt.timedelta(days=rng.randint(130, 250)), dt.date(2023, 1, 3))
    assert p.contact is not None
    plan.facts = {
        "when": fmt_datetime(d.violation, d.violation_time, plan.styles.date, plan.styles.colon_time),
        "date": fmt_date(d.violation, plan.styles.date),
        "place": rng.choice(a.places),
        "plate": p.plate,
        "vehicle": p.vehicle,
        "vessel": p.plate,
        "name": p.name,
        "driver": p.contact.name,
        "dest": rng.choice(DESTINATIONS),
        "n": str(rng.randint(2, 4)),
        "need": str(rng.randint(5, 7)),
        "fee": str(rng.choice((40, 60, 80, 120, 150, 200))),
        "months": str(rng.randint(1, 8)),
        "axles": str(axles),
        "lim": str(lim),
        "over": f"{over:.2f}",
        "w": f"{lim + over:.2f}",
        "station": f"{a.city}超限检测站",
        "goods": rng.choice(GOODS),
        "last": fmt_date(last, plan.styles.date),
    }
    plan.evidence = list(plan.violation.evidence)
    if p.kind == "organisation" and "营业执照复印件" not in plan.evidence:
        plan.evidence.insert(0, "营业执照复印件")
