"""check → score: runs a standard's rules over an analysed case and scores the findings.

Kept apart from pipeline.py (reading) so the reviewer's corrections can re-run the rules on a
stored analysis without reading the file again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from casereview.calendar import WorkCalendar
from casereview.extract.parsers import case_number_key
from casereview.extract.summary import case_number
from casereview.pipeline import Analysis
from casereview.policy.roster import Roster
from casereview.review.publication_file import ParsedList, parse_publication_list
from casereview.review.roster_file import parse_roster
from casereview.rules import run_rules
from casereview.rules.base import PublicationDate, RuleContext
from casereview.scoring import ScoreSheet, score_case
from casereview.standards.loader import find_standards
from casereview.standards.schema import Standard

DEFAULT_STANDARD = "transport_penalty"


@dataclass
class Checker:
    """Everything a check needs besides the case: the standard, profile, calendar, publications."""

    standard: Standard
    profile: str | None = None
    calendar: WorkCalendar | None = None
    publications: ParsedList | None = None
    roster: Roster | None = None  # the officer roster P-21 checks against (None: not imported)

    @classmethod
    def create(
        cls,
        standard_id: str = DEFAULT_STANDARD,
        profile: str | None = None,
        publications: Path | None = None,
        root: Path | None = None,
        roster: Path | Roster | None = None,
    ) -> Checker:
        standards = find_standards(root)
        if standard_id not in standards:
            raise KeyError(standard_id)
        standard = standards[standard_id]
        standard.profile(profile)  # an unknown profile fails here, before any file is read
        parsed = parse_publication_list(publications) if publications else None
        if isinstance(roster, Path):  # a roster file read for this run only (RosterError if refused)
            parsed_roster = parse_roster(roster)
            roster = Roster(f"执法人员名单 {parsed_roster.file_name}", parsed_roster.entries)
        return cls(standard, profile, WorkCalendar.default(), parsed, roster)

    def rule_ids(self) -> list[str]:
        ids: list[str] = []
        for item in self.standard.items:
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
        context = RuleContext(
            analysis.case,
            analysis.documents,
            analysis.extraction,
            calendar,
            self.standard.params(self.profile),
            publication or self.publication_for(analysis),
            self.standard.policy_data,
            roster or self.roster,
        )
        findings = run_rules(context, self.rule_ids())
        return score_case(self.standard, self.profile, findings)
