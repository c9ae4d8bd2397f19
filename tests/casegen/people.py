"""Parties, officers and staff with valid-looking identity numbers."""

from __future__ import annotations

import datetime as dt
import random

from casegen.formats import make_credit_code, make_id_number, make_phone, make_plate
from casegen.model import Officer, Party, Person, Staff
from casegen.pools import BRANDS, GIVEN, OFFICE_TITLES, SURNAMES, WORKPLACES, Agency
from casegen.violations import Violation

STREETS = ("人民路", "解放路", "建设路", "中山路", "新华路", "朝阳路", "滨江路", "文化路", "环城路", "东风路")
INDUSTRY_BY_VIOLATION = {
    "chaoxian": ("物流", "货运", "土石方工程", "建材"),
    "weihu": ("物流", "汽车运输", "货运"),
    "weixian": ("化工物流", "危险品运输"),
    "zhandian": ("客运", "汽车运输"),
    "peiyuan": ("航运", "船务"),
    "weixiedai": ("物流", "货运"),
}


class Names:
    """Draws distinct personal names so officers, parties and staff never collide."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def __call__(self) -> str:
        while True:
            given = "".join(self.rng.choice(GIVEN) for _ in range(self.rng.choice((1, 2, 2))))
            name = self.rng.choice(SURNAMES) + given
            if name not in self.used:
                self.used.add(name)
                return name


def _region(rng: random.Random, agency: Agency) -> str:
    # City-level codes (ending 00) are not used on ID cards; pick a district under the city.
    if agency.region.endswith("00"):
        return agency.region[:4] + rng.choice(("02", "03", "04", "11", "21", "81"))
    return agency.region


def address(rng: random.Random, agency: Agency) -> str:
    head = agency.city if agency.province == agency.city else agency.province + agency.city
    tail = f"{rng.choice(STREETS)}{rng.randint(1, 388)}号"
    if rng.random() < 0.4:
        tail += f"{rng.randint(1, 30)}栋{rng.randint(1, 28)}0{rng.randint(1, 6)}房"
    return head + tail


def person(rng: random.Random, names: Names, agency: Agency, on: dt.date) -> Person:
    male = rng.random() < 0.8
    birth = dt.date(on.year - rng.randint(22, 58), rng.randint(1, 12), rng.randint(1, 28))
    return Person(
        name=names(),
        male=male,
        birth=birth,
        id_number=make_id_number(rng, _region(rng, agency), birth, male),
        address=address(rng, agency),
        phone=make_phone(rng),
        job=rng.choice(WORKPLACES),
    )


def vessel_name(rng: random.Random) -> str:
    return rng.choice(("吉林货", "吉林客", "吉林渡", "松江货")) + str(rng.randint(1001, 9899))


def party(rng: random.Random, names: Names, agency: Agency, v: Violation, kind: str, on: dt.date) -> Party:
    plate = vessel_name(rng) if v.vehicle == "vessel" else make_plate(rng, agency.plate)
    if v.vehicle == "vessel":
        vehicle = "货船"
    elif v.key == "zhandian":
        vehicle = "大型普通客车"
    elif v.vehicle == "truck":
        vehicle = rng.choice(("重型半挂牵引车", "重型仓栅式货车", "重型自卸货车", "中型厢式货车"))
    else:
        vehicle = rng.choice(("小型普通客车", "小型轿车", "小型越野客车"))
    if kind == "individual":
        p = person(rng, names, agency, on)
        return Party(
            kind,
            p.name,
            p.address,
            p.phone,
            person=p,
            contact=p,
            contact_role="当事人",
            plate=plate,
            vehicle=vehicle,
        )
    industry = rng.choice(INDUSTRY_BY_VIOLATION.get(v.key, ("物流", "运输")))
    name = f"{agency.city}{rng.choice(BRANDS)}{industry}有限公司"
    contact = person(rng, names, agency, on)
    role = "船长" if v.vehicle == "vessel" else "驾驶员" if v.key != "weihu" else "安全主管"
    return Party(
        kind,
        name,
        address(rng, agency),
        make_phone(rng),
        credit_code=make_credit_code(rng, agency.region),
        legal_rep=names(),
        contact=contact,
        contact_role=role,
        plate=plate,
        vehicle=vehicle,
    )


def cert_number(rng: random.Random, agency: Agency) -> str:
    """执法证号: a made-up but consistent format per agency (format unconfirmed, legal-reference §3.3)."""
    digits = "".join(rng.choice("0123456789") for _ in range(8))
    style = agency.cert_style
    if style == "gd":
        return agency.region[:4] + "00" + digits[:5]  # 11 digits
    if style == "hn":
        return agency.region + digits[:5]  # 11 digits
    if style == "bu":
        return "19" + agency.region[:2] + digits[:6]  # 部级, 10 digits
    if style == "jt":
        return "JT" + agency.region[:4] + digits[:6]
    return "HS" + agency.region[:2] + digits  # 海事


def officers(rng: random.Random, names: Names, agency: Agency) -> list[Officer]:
    return [Officer(names(), cert_number(rng, agency)) for _ in range(rng.randint(2, 4))]


def staff(rng: random.Random, names: Names) -> Staff:
    head = names()
    attendees = [(head, "局长")] + [(names(), t) for t in rng.sample(OFFICE_TITLES[1:], rng.randint(3, 4))]
    return Staff(
        unit_head=names(),
        head=head,
        reviewer=names(),
        reviewer_cert="A" + "".join(rng.choice("0123456789") for _ in range(14)),
        hearing_host=names(),
        hearing_member=names(),
        clerk=names(),
        attendees=tuple(attendees),
        filer=names(),
        checker=names(),
    )
