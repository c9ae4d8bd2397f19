"""The window's set-up as a job for the task runner: open the database, find the review session,
build the checker and read the stored-case list, so :meth:`MainWindow.reconfigure` never touches
the database (or the standards on disk) in the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass, field

from casereview.checking import DEFAULT_STANDARD, Checker
from casereview.db import Database, open_database
from casereview.domain.casetype import STANDARDS
from casereview.errors import CaseReviewError
from casereview.messages import describe
from casereview.review.caselist import CaseListRow, case_list
from casereview.sessions.model import SessionCase, SessionInfo
from casereview.sessions.store import find_session, session_cases
from casereview_ui.modes import mode_standard
from casereview_ui.settings import AppSettings, calendar_for

StoredCases = tuple[list[CaseListRow], list[SessionCase]]  # the stored cases and the session's own


def read_stored_cases(database: Database, info: SessionInfo | None, standard_id: str) -> StoredCases:
    """The stored cases with their newest review under ``standard_id`` and the session's cases (a
    job for the task runner: one read transaction)."""
    with database.session_scope(readonly=True) as session:
        # outside sessions each case is reviewed under its case type's standard (as the checker)
        by_type = info is None and standard_id == DEFAULT_STANDARD
        rows = case_list(session, tuple(STANDARDS.values()) if by_type else standard_id)
        listed = session_cases(session, info.id) if info is not None else []
    return rows, listed


@dataclass
class Setup:
    """What :meth:`MainWindow.reconfigure` prepares on the task runner, with the errors to report."""

    database: Database | None = None
    open_error: CaseReviewError | None = None
    session_info: SessionInfo | None = None
    session_error: str = ""
    checker: Checker | None = None
    checker_error: Exception | None = None
    stored: StoredCases | None = field(default=None, repr=False)  # None: the list is not reloaded


def is_lead(info: SessionInfo | None, reviewer: str) -> bool:
    """Whether ``reviewer`` leads the session ``info`` (sees every case, settles, arbitrates)."""
    return info is not None and info.lead == reviewer


def is_blind(info: SessionInfo | None, reviewer: str) -> bool:
    """Blind review: the reviewer does not see the unit or the officers' names."""
    return info is not None and info.blind and not is_lead(info, reviewer)


def same_session(a: SessionInfo | None, b: SessionInfo | None) -> bool:
    return (a is None) == (b is None) and (a is None or b is None or a.id == b.id)


def prepare(
    url: str,
    database: Database | None,
    settings: AppSettings,
    mode: str,
    previous: SessionInfo | None,
    reload_cases: bool,
) -> Setup:
    """The job of :meth:`MainWindow.reconfigure`: open ``url`` unless ``database`` is given, find the
    session, build the checker and, when the list must be reloaded, read the stored cases."""
    setup = Setup(database=database)
    if database is None:
        reload_cases = True
        try:
            setup.database = open_database(url)
        except CaseReviewError as exc:
            setup.open_error = exc
    name = settings.session.strip()
    if name and setup.database is not None:
        try:
            with setup.database.session_scope(readonly=True) as session:
                setup.session_info = find_session(session, name)
        except CaseReviewError as exc:  # InputError: no session of that name
            setup.session_error = describe(exc)
    info = setup.session_info
    if not same_session(previous, info):
        reload_cases = True
    standard_id, profile = mode_standard(mode, info, settings)
    try:
        # Outside a session, the default standard means "each case by its case type's standard".
        by_type = info is None and standard_id == DEFAULT_STANDARD
        checker = Checker.create(standard_id, profile, by_case_type=by_type)
        checker.calendar = calendar_for(settings)
        setup.checker = checker
    except (KeyError, CaseReviewError) as exc:  # KeyError: an unknown standard or profile
        setup.checker_error = exc
    if reload_cases and setup.database is not None:
        setup.stored = read_stored_cases(setup.database, info, standard_id)
    return setup
