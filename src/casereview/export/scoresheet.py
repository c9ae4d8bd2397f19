"""评查评分表 as XLSX: one case per workbook, or a review session's workbook with summaries.

Layout of a case: :mod:`casereview.export.scoresheet_layout`; summary sheets:
:mod:`casereview.export.scoresheet_session`; their figures: :mod:`casereview.export.scoresheet_stats`.
Both writers save whole or not at all and raise CaseReviewError(WRITE_FAILED) naming the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook  # type: ignore[import-untyped]

from casereview.export.agreement_sheet import write_agreement_sheet
from casereview.export.model import ReviewedCase
from casereview.export.scoresheet_layout import fill_case_sheet, save_workbook, standard_for
from casereview.export.scoresheet_session import (
    case_sheet_name,
    case_table,
    problem_table,
    reviewer_table,
    unit_table,
)
from casereview.export.scoresheet_stats import grade_order
from casereview.export.session_followup import SessionFollowUp, add_followup_sheets
from casereview.sessions.agreement import AgreementStats
from casereview.standards.schema import Standard

CASE_SHEET_LIMIT = 50  # more cases get only the summaries: a 2,000-case session must stay fast


def write_case_scoresheet(case: ReviewedCase, path: Path, *, standard: Standard | None = None) -> None:
    """The 评查评分表 of one case. ``standard`` (else the installed one of the sheet's id) only
    supplies names: category names and the profile's title."""
    workbook = Workbook()
    fill_case_sheet(workbook.active, case, standard_for(case.sheet, standard))
    workbook.active.title = "评分表"
    save_workbook(workbook, path)


def write_session_workbook(
    cases: Sequence[ReviewedCase],
    path: Path,
    title: str = "案卷评查汇总",
    *,
    standard: Standard | None = None,
    agreement: AgreementStats | None = None,
    followup: SessionFollowUp | None = None,
) -> None:
    """案卷汇总, 单位汇总, 问题频次 and 评查人员 sheets with charts, and one 评分表 sheet per case
    when there are at most ``CASE_SHEET_LIMIT`` cases; 评查一致性 when double-review
    ``agreement`` statistics are given; 整改台账, 异议复核 and 常用理由 when ``followup`` has them.

    Grades are counted in the order of the standard (``standard``, else the installed one of the
    first case's standard id); grades of other standards follow.
    """
    known = standard_for(cases[0].sheet, standard) if cases else standard
    grades = grade_order(cases, [g.name for g in known.grades] if known is not None else [])
    workbook = Workbook()
    summary = workbook.active
    units = workbook.create_sheet()
    problems = workbook.create_sheet()
    people = workbook.create_sheet()

    names: list[str | None] = [None] * len(cases)
    if len(cases) <= CASE_SHEET_LIMIT:
        taken: set[str] = set()
        for index, case in enumerate(cases):
            names[index] = case_sheet_name(index + 1, case, taken)
            ws = workbook.create_sheet(names[index])
            fill_case_sheet(ws, case, standard_for(case.sheet, standard))
    case_table(summary, cases, title, names)
    unit_table(units, cases, grades)
    problem_table(problems, cases, known)
    reviewer_table(people, cases)
    if agreement is not None:
        write_agreement_sheet(workbook, agreement)
    if followup is not None:
        add_followup_sheets(workbook, followup)
    save_workbook(workbook, path)


def write_scoresheet(
    cases: Sequence[ReviewedCase],
    path: Path,
    *,
    agreement: AgreementStats | None = None,
    followup: SessionFollowUp | None = None,
) -> list[Path]:
    """One case: its 评查评分表; several: the session workbook. Returns the file written."""
    if len(cases) == 1:
        write_case_scoresheet(cases[0], path)
    else:
        write_session_workbook(cases, path, agreement=agreement, followup=followup)
    return [path]
