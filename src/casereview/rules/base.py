"""The rule interface: a rule is a function from a RuleContext to one Finding, registered by id.

Rule ids are the fixed catalogue of shared/domain/rules.md. Every number a rule uses is a named
parameter with a default here; a standard's profile overrides them (a province changes the
standard, not the code).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from casereview.calendar import WorkCalendar
from casereview.domain.findings import Finding
from casereview.domain.model import CaseFile, Document, Evidence, Extraction
from casereview.policy.model import PolicyData
from casereview.policy.roster import Roster

# Parameter name → default. Units are in the name: _wd working days, _cd calendar days.
DEFAULT_PARAMS: dict[str, object] = {
    "decision_limit_cd": 90,  # T-01, 程序规定 第75条 / 行政处罚法 第60条
    "decision_limit_extended_cd": 120,  # T-01 with a 延期审批 in the file
    "decision_service_wd": 7,  # T-02, 行政处罚法 第61条
    "hearing_request_wd": 5,  # T-03, 行政处罚法 第64条(一)
    "statement_wd": 3,  # T-04, local parameter (3 or 5)
    "hearing_notice_wd": 7,  # T-05, 行政处罚法 第64条(二)
    "preservation_wd": 7,  # T-06, 行政处罚法 第56条
    "compulsion_cd": 30,  # T-07, 行政强制法 第25条
    "compulsion_extension_cd": 30,
    "payment_cd": 15,  # T-11, 行政处罚法 第67条
    "publication_wd": 20,  # T-12: seed standard 20; profile gb118 uses 7 (国办发〔2018〕118号)
    "limitation_years": 2,  # T-16, 行政处罚法 第36条
    "min_officers": 2,  # P-01, 行政处罚法 第42条
    "hearing_fine_individual": 10_000,  # P-04 triggers (transport practice; local parameter)
    "hearing_fine_organisation": 100_000,
    "major_fine_individual": 10_000,  # P-05 法制审核 and P-06 集体讨论 triggers
    "major_fine_organisation": 100_000,
    "summary_fine_individual": 200,  # P-08, 行政处罚法 第51条
    "summary_fine_organisation": 3_000,
    "new_law_effective": "2021-07-15",  # P-14: decisions after this date must use the 2021 law
    "min_ocr_confidence": 0.80,  # a deciding token below this → needs_review, never fail
}


@dataclass(frozen=True)
class PublicationDate:
    """A publication date from outside the file: an imported list or the reviewer's entry."""

    date: dt.date
    source: str  # "list" (imported publication list) or "reviewer"
    note: str = ""  # e.g. the list's file name and row, or the reviewer's name


@dataclass
class RuleContext:
    case: CaseFile
    documents: list[Document]
    extraction: Extraction
    calendar: WorkCalendar
    params: Mapping[str, object] = field(default_factory=lambda: dict(DEFAULT_PARAMS))
    publication: PublicationDate | None = None
    policy: PolicyData | None = None  # the standard's discretion tables and exemption lists (P-10, P-20)
    roster: Roster | None = None  # the imported officer roster (P-21); None: none imported

    def param_int(self, name: str) -> int:
        value = self.params.get(name, DEFAULT_PARAMS[name])
        assert isinstance(value, int | float)
        return int(value)

    def param_float(self, name: str) -> float:
        value = self.params.get(name, DEFAULT_PARAMS[name])
        assert isinstance(value, int | float)
        return float(value)

    def param_date(self, name: str) -> dt.date:
        return dt.date.fromisoformat(str(self.params.get(name, DEFAULT_PARAMS[name])))

    def documents_of(self, *types: str) -> list[Document]:
        return [d for d in self.documents if d.type in types]

    def uncertain(self, evidence: Evidence) -> bool:
        """True when OCR was not sure enough of a deciding token to fail on it."""
        return evidence.confidence < self.param_float("min_ocr_confidence")


RuleFn = Callable[[RuleContext], Finding]


@dataclass(frozen=True)
class Rule:
    id: str  # "T-12"
    title: str  # Chinese, e.g. "处罚决定公示期限"
    basis: str  # legal basis, Chinese, e.g. "国办发〔2018〕118号；政府信息公开条例第二十六条"
    check: RuleFn
    params: tuple[str, ...] = ()  # the parameters it reads


REGISTRY: dict[str, Rule] = {}


def rule(rule_id: str, title: str, basis: str, params: tuple[str, ...] = ()) -> Callable[[RuleFn], RuleFn]:
    """Register ``fn`` as the check of ``rule_id`` (decorator)."""

    def register(fn: RuleFn) -> RuleFn:
        if rule_id in REGISTRY:
            raise ValueError(f"rule {rule_id} registered twice")
        REGISTRY[rule_id] = Rule(rule_id, title, basis, fn, params)
        return fn

    return register
