"""What an export is asked for and what its writer gets: plain data, the same from the command line
(``casereview export NAME``) and from the window's 导出 menu.

An :class:`ExportRequest` names the cases (stored case ids or case-file paths) or a review session,
the output path and the options; :mod:`casereview.app.exports` turns it into an :class:`ExportJob`
(the reviewed cases with the session's final reviews, units, deciders and agreement) and hands
that to the :class:`Exporter` registered under the export's name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from casereview.checking import DEFAULT_STANDARD, Checker
from casereview.db import Database
from casereview.export.model import ReviewedCase
from casereview.sessions.agreement import AgreementStats
from casereview.sessions.model import SessionInfo


@dataclass(frozen=True)
class ExportOptions:
    """The options an export may read; each :class:`Exporter` names the ones it uses."""

    issuer: str = ""  # 发文机关; "" → the writer's default
    number: str = ""  # 文号, e.g. "X交执法〔2026〕12号"
    deadline_days: int | None = None  # 整改期限: calendar days, in a session working days (None → default)
    issued: dt.date | None = None  # 成文日期 (None → today)
    actor: str = "组长"  # who sends a session's notices (ledger and audit trail)
    password: str | None = None  # an encrypted case file's password (the annotated PDF)
    untagged: bool | None = None  # compilation: untagged cases too (None → for named cases, not a session)


@dataclass(frozen=True)
class ExportRequest:
    """One export: which cases, into which file or folder, how."""

    out: Path
    cases: tuple[str, ...] = ()  # stored case ids ("12") or case-file paths
    # A review session: its cases when ``cases`` is empty, and always its data — the review that
    # counts per case, the units it was told, who decided each item, the double-review agreement,
    # the follow-up sheets, the ledger a notice is recorded in, its standard and profile.
    session_id: int | None = None
    standard: str = DEFAULT_STANDARD  # outside a session, when no checker is given
    profile: str | None = None
    ocr: bool = True  # read scanned pages of case files given by path
    options: ExportOptions = field(default_factory=ExportOptions)


@dataclass(frozen=True)
class ExportJob:
    """What a writer gets: the request and the reviewed cases, with the session's data."""

    request: ExportRequest
    cases: Sequence[ReviewedCase]
    checker: Checker
    database: Database | None = None
    session: SessionInfo | None = None
    agreement: AgreementStats | None = None  # double review (not collected for sheets-only exports)


Writer = Callable[[ExportJob], list[Path]]


@dataclass(frozen=True)
class Exporter:
    """One registered export."""

    name: str  # ``casereview export NAME``
    title: str  # what it writes, for messages: 评查评分表
    help: str  # one line for ``casereview export --help``
    out: str  # what ``--out`` is: FILE.xlsx, DIR …
    write: Writer
    options: tuple[str, ...] = ()  # the ExportOptions fields it reads (the command line offers them)
    one_case: bool = False  # exactly one case (no --session)
    needs_session: bool = False  # only a whole session
    sheets_only: bool = False  # reads sheets, units and tags only: cases come without their pages
