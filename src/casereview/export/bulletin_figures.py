"""The figures of the annual 评查结果通报: participation, grades by unit, the most frequent problems,
typical cases, rectification and the ranking of units — plain data computed from the session's
reviewed cases, so the DOCX writer only lays them out (and a test can compare them).
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from casereview.export.anonymise import NAME, Identifier, anonymise_text, case_identifiers, find_identifiers
from casereview.export.compilation_content import case_title, select_entries
from casereview.export.model import ReviewedCase
from casereview.export.scoresheet_layout import category_name, standard_for
from casereview.export.scoresheet_stats import Frequency, category_frequencies, frequencies, grade_order
from casereview.export.scoresheet_stats import group_by_unit as by_unit
from casereview.standards.schema import Standard
from casereview.training.tags import TrainingTag

TOP_PROBLEMS = 10  # rules listed in the 通报; the score sheet has them all


@dataclass(frozen=True)
class UnitFigures:
    unit: str
    cases: int
    mean: float
    lowest: float
    highest: float
    grades: dict[str, int]  # grade → cases, every grade of the standard (0 when none)

    @property
    def best_grade_share(self) -> float:
        """Share of the unit's cases in the best grade (the ranking's tie-break)."""
        best = next(iter(self.grades), "")
        return self.grades.get(best, 0) / self.cases if self.cases else 0.0


@dataclass(frozen=True)
class CategoryLine:
    name: str
    items: int  # items that lost points
    cases: int
    deduction: float


@dataclass(frozen=True)
class TypicalCase:
    """A tagged case as the 通报 names it: already anonymised."""

    tag: TrainingTag
    unit: str
    title: str
    score: float
    grade: str
    notes: tuple[str, ...]


@dataclass(frozen=True)
class BulletinFigures:
    session: str
    year: int
    cases: int
    grade_names: tuple[str, ...]  # best first
    grades: dict[str, int]  # over all cases
    mean: float
    units: tuple[UnitFigures, ...]  # ranking order: mean score, then best-grade share, then name
    problems: tuple[Frequency, ...]
    categories: tuple[CategoryLine, ...]
    typical: tuple[TypicalCase, ...]
    reviewers: tuple[str, ...]
    hidden: tuple[Identifier, ...]  # the typical cases' personal data: must not be readable anywhere


def _unit(unit: str, cases: Sequence[ReviewedCase], grade_names: Sequence[str]) -> UnitFigures:
    scores = [c.sheet.score for c in cases]
    counted = Counter(c.sheet.grade for c in cases)
    return UnitFigures(
        unit,
        len(cases),
        round(statistics.fmean(scores), 2),
        min(scores),
        max(scores),
        {g: counted.get(g, 0) for g in grade_names},
    )


def ranking(units: Sequence[UnitFigures]) -> list[UnitFigures]:
    return sorted(units, key=lambda u: (-u.mean, -u.best_grade_share, u.unit))


def typical_cases(cases: Sequence[ReviewedCase]) -> tuple[list[TypicalCase], list[Identifier]]:
    """The tagged cases (优秀 first), titles and notes anonymised as the 汇编 does: with the case's
    own identifiers and what the notes name; and all those identifiers (for the read-back check)."""
    found: list[TypicalCase] = []
    hidden: dict[str, Identifier] = {}
    for entry in select_entries(cases):
        assert entry.tag is not None  # select_entries without untagged cases
        case = entry.case
        known = case_identifiers(case)
        names = [i.text for i in known if i.kind == NAME]
        identifiers = [*known, *find_identifiers("\n".join(entry.notes), names)]
        hidden.update({i.text: i for i in identifiers})
        found.append(
            TypicalCase(
                entry.tag,
                case.unit,
                anonymise_text(case_title(case), identifiers),
                case.sheet.score,
                case.sheet.grade,
                tuple(anonymise_text(n, identifiers) for n in entry.notes),
            )
        )
    return found, list(hidden.values())


def bulletin_figures(
    session: str, year: int, cases: Sequence[ReviewedCase], given: Standard | None = None
) -> BulletinFigures:
    """The figures; ``given``: the session's standard already loaded (names only are read)."""
    standard = standard_for(cases[0].sheet, given) if cases else None
    names = [g.name for g in standard.grades] if standard is not None else []
    grade_names = tuple(grade_order(cases, names))
    units = [_unit(unit, group, grade_names) for unit, group in by_unit(cases).items()]
    order = [c.id for c in standard.categories] if standard is not None else []
    categories = [
        CategoryLine(category_name(standard, c.category), c.items, c.cases, c.deduction)
        for c in category_frequencies(cases, order)
    ]
    counted = Counter(c.sheet.grade for c in cases)
    typical, hidden = typical_cases(cases)
    reviewers = sorted({n for c in cases for n in c.reviewer.split("、") if n and n != "机器初评"})
    return BulletinFigures(
        session,
        year,
        len(cases),
        grade_names,
        {g: counted.get(g, 0) for g in grade_names},
        round(statistics.fmean(c.sheet.score for c in cases), 2) if cases else 0.0,
        tuple(ranking(units)),
        tuple(frequencies(cases)[:TOP_PROBLEMS]),
        tuple(categories),
        tuple(typical),
        tuple(reviewers),
        tuple(hidden),
    )
