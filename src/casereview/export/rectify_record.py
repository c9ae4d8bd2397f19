"""Sending a session's 整改通知书 records it: the ledger gets one item per problem the notice lists.

The deadlines come from the session's periods in working days from the date of issue (the notice
prints the same dates), and recording and writing are one transaction: a notice that could not be
written is not recorded, and a notice is not written when its deadline cannot be computed (a year
without holiday data).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from casereview.calendar.workdays import WorkCalendar
from casereview.db import Database
from casereview.domain.findings import Status
from casereview.export.model import ReviewedCase
from casereview.export.notice import NoticeSettings, case_problems, notices_by_unit, write_notices
from casereview.rectify.ledger import plan_notice, record_notice
from casereview.rectify.model import NewProblem
from casereview.standards.registry import installed_standards


def notice_problems(cases: Sequence[ReviewedCase]) -> list[NewProblem]:
    """The problems the notice lists for ``cases``, with the rules that failed on each item."""
    standards = installed_standards()
    problems: list[NewProblem] = []
    for case in cases:
        if case.case_id is None:
            continue  # a file checked on the fly is not in any session
        for problem in case_problems(case, standards.get(case.sheet.standard_id)):
            item = case.sheet.item(problem.item_id)
            rules = tuple(dict.fromkeys(f.rule for f in item.findings if f.status is Status.FAIL))
            reason = problem.reason.strip() or "经评查人员认定扣分"
            problems.append(
                NewProblem(case.case_id, case.review_id, problem.item_id, problem.title, rules, reason)
            )
    return problems


def write_session_notices(
    database: Database,
    session_id: int,
    cases: Sequence[ReviewedCase],
    out_dir: Path,
    settings: NoticeSettings,
    actor: str,
    *,
    pdf: bool = True,
    rectify_days: int | None = None,
    calendar: WorkCalendar | None = None,
) -> list[Path]:
    """Write the notices of a session's cases and record each unit's notice and items."""
    calendar = calendar or WorkCalendar.default()
    issued = settings.issue_date()
    with database.session_scope() as session:
        days, deadline, _objection_days, objection = plan_notice(
            session, session_id, issued, calendar, rectify_days=rectify_days
        )
        for unit, unit_cases in notices_by_unit(cases).items():
            record_notice(
                session,
                session_id,
                unit,
                issued,
                settings.doc_number,
                notice_problems(unit_cases),
                actor,
                calendar,
                rectify_days=days,
            )
        dated = dataclasses.replace(
            settings, issued=issued, deadline_date=deadline, objection_deadline=objection
        )
        return write_notices(cases, out_dir, dated, pdf=pdf)
