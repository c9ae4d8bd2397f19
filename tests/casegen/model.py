"""The case plan: everything a case file says, decided before any text is written."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from casegen.pools import Agency
from casegen.violations import Violation

HM = tuple[int, int]


@dataclass
class Person:
    name: str
    male: bool
    birth: dt.date
    id_number: str
    address: str
    phone: str
    job: str = "个体"

    def age_on(self, d: dt.date) -> int:
        return d.year - self.birth.year - ((d.month, d.day) < (self.birth.month, self.birth.day))

    @property
    def sex(self) -> str:
        return "男" if self.male else "女"


@dataclass
class Party:
    kind: str  # individual | organisation
    name: str
    address: str
    phone: str
    person: Person | None = None  # the individual party
    credit_code: str | None = None
    legal_rep: str | None = None
    contact: Person | None = None  # who is questioned and signs: the party, or a driver/manager
    contact_role: str = ""  # 驾驶员 / 安全主管 / 委托代理人
    plate: str = ""  # plate or vessel name
    vehicle: str = ""


@dataclass(frozen=True)
class Officer:
    name: str
    certificate: str


@dataclass(frozen=True)
class CaseNumber:
    prefix: str  # 粤东交罚
    year: int
    serial: int
    width: int  # zero padding of the serial
    brackets: tuple[str, str]  # 〔〕 [] 【】
    di: bool = False  # 第00008号
    suffix: str = ""  # (非)

    def format(self, *, prefix: str | None = None, serial: int | None = None, year: int | None = None) -> str:
        o, c = self.brackets
        num = str(self.serial if serial is None else serial).zfill(self.width)
        year_s = str(self.year if year is None else year)
        return f"{prefix or self.prefix}{o}{year_s}{c}{'第' if self.di else ''}{num}{self.suffix}号"


@dataclass
class Inquiry:
    """One 笔录 of the investigation (询问/现场/勘验)."""

    type: str
    date: dt.date
    start: HM
    end: HM
    officers: tuple[Officer, Officer]
    interviewee: Person


@dataclass
class Dates:
    violation: dt.date
    violation_time: HM
    filing: dt.date
    report: dt.date | None = None
    notice: dt.date | None = None
    notice_service: dt.date | None = None
    statement: dt.date | None = None  # 陈述申辩笔录
    waiver: dt.date | None = None  # 放弃陈述申辩（听证）声明
    hearing_notice: dt.date | None = None
    hearing_notice_service: dt.date | None = None
    hearing: dt.date | None = None
    legal_review: dt.date | None = None
    discussion: dt.date | None = None
    decision: dt.date = dt.date(2024, 1, 2)
    decision_service: dt.date | None = None
    payment: dt.date | None = None
    publication: dt.date | None = None
    closing: dt.date | None = None
    archive: dt.date | None = None
    preservation: dt.date | None = None
    preservation_release: dt.date | None = None
    compulsion: dt.date | None = None
    compulsion_release: dt.date | None = None
    # compulsion and inspection case kinds (kinds.py)
    compulsion_extension: dt.date | None = None
    inspection_plan: dt.date | None = None
    inspection: dt.date | None = None
    inspection_result: dt.date | None = None


@dataclass
class Staff:
    unit_head: str  # 承办机构负责人
    head: str  # 行政机关负责人
    reviewer: str  # 法制审核人员
    reviewer_cert: str  # 法律职业资格证书编号
    hearing_host: str
    hearing_member: str
    clerk: str
    attendees: tuple[tuple[str, str], ...]  # (name, post) of the 集体讨论
    filer: str  # 立卷人
    checker: str  # 检查人


@dataclass
class Styles:
    date: str = "cn"  # body dates
    sign: str = "cn"  # signature dates of notices and decisions
    colon_time: bool = False
    amount: int = 0  # fmt_amount style
    decision: str = "form"  # form | reason | numbered
    agency_line: bool = True  # agency name above the title
    form_line: bool = False  # 交通运输行政执法文书式样之N
    number_under_title: bool = False  # decision number centred under the title
    receipt_title: str = "非税收入一般缴款书"
    review_title: str = "法制审核意见书"
    publication_title: str = "行政处罚信息公示记录"


@dataclass
class Plan:
    case_id: str
    seed: int
    kind: str
    procedure: str  # ordinary | summary
    agency: Agency
    violation: Violation
    number: CaseNumber
    party: Party
    officers: list[Officer]
    staff: Staff
    dates: Dates
    fine: int
    proposed_fine: int
    triggered: bool  # hearing rights and 法制审核/集体讨论 required
    hearing: bool  # a hearing was held
    inquiries: list[Inquiry] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    facts: dict[str, str] = field(default_factory=dict)  # template fields for violations.py texts
    styles: Styles = field(default_factory=Styles)
    has_review: bool = False
    has_discussion: bool = False
    has_receipt: bool = True
    has_publication: bool = True
    on_the_spot_payment: bool = False
    defects: list[str] = field(default_factory=list)
    expected: list[str] = field(default_factory=list)  # rules expected to fail
    review: list[str] = field(default_factory=list)  # rules expected to ask a person (P-10's flag)
    mut: dict[str, str] = field(default_factory=dict)  # content mutations chosen by defects.py
    notes: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    calendar_trap: bool = False
    case_type: str = "penalty"  # penalty | compulsion | inspection (kinds.py)
