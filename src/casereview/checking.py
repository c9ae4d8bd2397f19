"""check → score: runs a standard's rules over an analysed case and scores the findings.

Kept apart from pipeline.py (reading) so the reviewer's corrections can re-run the rules on a
stored analysis without reading the file again.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from casereview.calendar import WorkCalendar
from casereview.domain.casetype import CASE_TYPES, PENALTY, STANDARDS, detect_case_type
from casereview.errors import InputError
from casereview.extract.parsers import case_number_key
from casereview.extract.summary import case_number
from casereview.listfiles.publication_file import ParsedList, parse_publication_list
from casereview.listfiles.roster_file import parse_roster
from casereview.pipeline import Analysis
from casereview.policy.roster import Roster
from casereview.rules import run_rules
from casereview.rules.base import PublicationDate, RuleContext
from casereview.scoring import ScoreSheet, score_case
from casereview.standards.registry import installed, installed_standard
from casereview.standards.schema import Standard

DEFAULT_STANDARD = "transport_penalty"


@dataclass
class Checker:
    """Everything a check needs besides the case: the standard, profile, calendar, publications.

    With ``kinds`` (case type → standard) each file is scored by the standard of its case type
    (行政处罚, 行政强制, 行政检查), detected from its documents or forced by ``case_type``; without
    it every file is scored by ``standard``."""

    standard: Standard
    profile: str | None = None
    calendar: WorkCalendar | None = None
    publications: ParsedList | None = None
    kinds: dict[str, Standard] | None = None
    case_type: str | None = None  # set by the reviewer: no detection
    roster: Roster | None = None  # the officer roster P-21 checks against (None: not imported)

    @classmethod
    def create(
        cls,
        standard_id: str = DEFAULT_STANDARD,
        profile: str | None = None,
        publications: Path | None = None,
        root: Path | None = None,
        *,
        by_case_type: bool = False,
        case_type: str | None = None,
        roster: Path | Roster | None = None,
    ) -> Checker:
        """A checker of ``standard_id``; with ``by_case_type`` one that scores each file by the
        standard of its case type (``standard_id`` for penalty files). StandardUnavailable for an
        unknown standard or profile, InputError for an unknown case type."""
        standards = installed(root).active  # a broken file elsewhere leaves these usable
        standard = installed_standard(standard_id, root)
        if case_type is not None and case_type not in CASE_TYPES:
            raise InputError("unknown_case_type", case_type=case_type, known="、".join(CASE_TYPES))
        standard.profile(profile)  # an unknown profile fails here, before any file is read
        parsed = parse_publication_list(publications) if publications else None
        kinds: dict[str, Standard] | None = None
        if by_case_type:
            kinds = {kind: standards[sid] for kind, sid in STANDARDS.items() if sid in standards}
            kinds[PENALTY] = standard
        if isinstance(roster, Path):  # a roster file read for this run only (RosterError if refused)
            parsed_roster = parse_roster(roster)
            roster = Roster(f"执法人员名单 {parsed_roster.file_name}", parsed_roster.entries)
        return cls(standard, profile, WorkCalendar.default(), parsed, kinds, case_type, roster)

    def case_type_of(self, analysis: Analysis) -> str:
        return self.case_type or detect_case_type(doc.type for doc in analysis.documents)

    def standard_for(self, analysis: Analysis) -> Standard:
        if self.kinds is None:
            return self.standard
        return self.kinds.get(self.case_type_of(analysis), self.standard)

    def resolved(self, analysis: Analysis, case_type: str | None = None) -> Checker:
        """A checker of the one standard ``analysis`` is scored by: its case type ``case_type`` (the
        reviewer's, stored with the case), else this checker's forced type, else the detected one."""
        if self.kinds is None:
            return self
        kind = case_type or self.case_type_of(analysis)
        standard = self.kinds.get(kind, self.standard)
        profile = self.profile if self.profile in {p.name for p in standard.profiles} else None
        return replace(self, standard=standard, profile=profile, kinds=None, case_type=kind)

    def rule_ids(self, standard: Standard | None = None) -> list[str]:
        ids: list[str] = []
        for item in (standard or self.standard).items:
            ids.extend(r for r in item.rules if r not in ids)
        return ids

    def publication_for(self, analysis: Analysis) -> PublicationDate | None:
        if self.publications is None:
            return None
        number = case_number(analysis.extraction)
        if number is None:
            return None
        key = case_number_key(str(number.value))
        rows = [e for e in self.publications.entries if e.key == key]
        if not rows:
            return None
        first = min(rows, key=lambda e: e.publication_date)  # a re-publication does not reset the clock
        return PublicationDate(
            first.publication_date, "list", f"公示清单 {self.publications.file_name} 第{first.row}行"
        )

    def check(
        self, analysis: Analysis, publication: PublicationDate | None = None, roster: Roster | None = None
    ) -> ScoreSheet:
        calendar = self.calendar or WorkCalendar.default()
        standard = self.standard_for(analysis)
        # A profile named for the main standard (gb118) applies to a case-type standard only if it has it.
        profile = self.profile if self.profile in {p.name for p in standard.profiles} else None
        context = RuleContext(
            analysis.case,
            analysis.documents,
            analysis.extraction,
            calendar,
            standard.params(profile),
            publication or self.publication_for(analysis),
            standard.policy_data,
            roster or self.roster,
        )
        findings = run_rules(context, self.rule_ids(standard))
        return score_case(standard, profile, findings)


def contract_object(
    analysis: Analysis, sheet: ScoreSheet | None = None, case_type: str | None = None
) -> dict[str, object]:
    """The per-file object of ``casereview check --format json`` (rules.md output contract); with
    ``case_type`` (penalty | compulsion | inspection) also the case kind it was scored as."""
    case = analysis.case
    extra: dict[str, object] = {"case_type": case_type} if case_type else {}
    return {
        **extra,
        "source": case.source,
        "sha256": case.sha256,
        "page_count": case.page_count,
        "documents": [d.to_json() for d in analysis.documents],
        "fields": analysis.fields,
        "standard": {"id": sheet.standard_id, "version": sheet.standard_version} if sheet else None,
        "findings": [f.to_json() for f in sheet.findings] if sheet else [],
        "score": sheet.score if sheet else None,
        "grade": sheet.grade if sheet else None,
    }
