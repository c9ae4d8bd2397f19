"""Every export, one way: a name and an :class:`ExportRequest` → the files written.

``casereview export NAME`` and the window's 导出 menu both call :func:`collect_export` then
:func:`write_export` (or :func:`run_export`, both at once), so an export of a review session
carries the same data whichever asked for it: the review that counts for each case (a lead's
arbitration …), the unit the session was told, who decided each item, the double-review
agreement, the follow-up sheets and — for 整改通知书 — the ledger the notices are recorded in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from casereview.app.export_kinds import EXPORTERS
from casereview.app.export_model import Exporter, ExportJob, ExportOptions, ExportRequest
from casereview.checking import Checker
from casereview.db import Database
from casereview.errors import CaseReviewError, InputError
from casereview.export.collect import collect
from casereview.sessions.agreement import AgreementStats, agreement
from casereview.sessions.double import final_deciders
from casereview.sessions.model import SessionInfo
from casereview.sessions.store import get_session, session_cases

__all__ = [
    "EXPORTERS",
    "Collected",
    "ExportJob",
    "ExportOptions",
    "ExportRequest",
    "Exporter",
    "collect_export",
    "run_export",
    "write_export",
]

OnError = Callable[[str, CaseReviewError], None]


@dataclass(frozen=True)
class Collected:
    """The job an export will write, and how many of the request's cases could not be used."""

    job: ExportJob
    failures: int = 0


def _session_extras(
    database: Database, session_id: int, checker: Checker
) -> tuple[dict[int, dict[str, str]], AgreementStats]:
    """Per case the final decider of each item, and the double-review agreement statistics."""
    standards = {checker.standard.id: checker.standard}
    with database.session_scope(readonly=True) as session:
        deciders = {
            c.case_id: final_deciders(session, c, standards) for c in session_cases(session, session_id)
        }
        stats = agreement(session, session_id, checker.standard)
    return deciders, stats


def _checker(request: ExportRequest, info: SessionInfo | None, given: Checker | None) -> Checker:
    """A session's cases are scored by its standard and profile; a checker given (the window's,
    with its holiday file) is used when it scores by those. KeyError: an unknown standard."""
    if info is None:
        return given or Checker.create(request.standard, request.profile)
    same = given is not None and given.standard.id == info.standard_id and given.profile == info.profile
    if given is not None and same and given.kinds is None:
        return given
    return Checker.create(info.standard_id, info.profile)


def collect_export(
    name: str,
    request: ExportRequest,
    database: Database | None = None,
    *,
    checker: Checker | None = None,
    on_error: OnError | None = None,
) -> Collected:
    """The reviewed cases ``request`` names (or its session's), ready for :func:`write_export`.

    ``database`` holds the stored cases and the session (without it, CASEs are case files checked
    on the fly). A CASE that cannot be used goes to ``on_error`` and the others go on; without
    ``on_error`` its error is raised. InputError: an export of a session without one, no cases.
    """
    exporter = EXPORTERS[name]
    if exporter.needs_session and request.session_id is None:
        raise InputError("export_needs_session", title=exporter.title)
    specs = list(request.cases)
    final_reviews: dict[int, int] = {}
    units: dict[int, str] = {}
    info = None
    if request.session_id is not None:
        if database is None:
            raise TypeError("a session's export needs the session's database")
        with database.session_scope(readonly=True) as session:
            info = get_session(session, request.session_id)
            members = session_cases(session, info.id)
        specs = specs or [str(c.case_id) for c in members]
        final_reviews = {c.case_id: c.final_review_id for c in members if c.final_review_id is not None}
        units = {c.case_id: c.unit for c in members if c.unit}
    if not specs:
        raise InputError("no_cases")
    checker = _checker(request, info, checker)
    failures = 0

    def report(spec: str, error: CaseReviewError) -> None:
        nonlocal failures
        failures += 1
        if on_error is None:
            raise error
        on_error(spec, error)

    scanner = None
    if request.ocr:
        from casereview.ocr.scanner import OcrScanner

        scanner = OcrScanner(workers=None)
    try:
        cases = collect(
            specs,
            checker,
            database,
            report,
            scanner,
            final_reviews,
            units,
            sheets_only=exporter.sheets_only,
        )
    finally:
        if scanner is not None:
            scanner.close()
    stats = None
    # Sheets-only exports (the 通报) read sheets, units and tags: no deciders, no agreement.
    if info is not None and database is not None and not exporter.sheets_only:
        deciders, stats = _session_extras(database, info.id, checker)
        cases = [replace(c, deciders=deciders.get(c.case_id or -1, {})) for c in cases]
    job = ExportJob(request, cases, checker, database, info, stats)
    return Collected(job, failures)


def write_export(name: str, job: ExportJob) -> list[Path]:
    """Write the export ``name`` of a collected job; the files written."""
    return EXPORTERS[name].write(job)


def run_export(
    name: str,
    request: ExportRequest,
    database: Database | None = None,
    *,
    checker: Checker | None = None,
    on_error: OnError | None = None,
) -> list[Path]:
    """Collect and write in one go; InputError ``no_cases`` when no case could be used."""
    collected = collect_export(name, request, database, checker=checker, on_error=on_error)
    if not collected.job.cases:
        raise InputError("no_cases")
    return write_export(name, collected.job)
