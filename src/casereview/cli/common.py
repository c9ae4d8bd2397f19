"""What several subcommands share: the ``--db`` help, who runs the command, a stored case named by
id or file, and the machine review that ``ingest`` and ``review run`` store."""

from __future__ import annotations

import argparse
import getpass
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from casereview.checking import DEFAULT_STANDARD, Checker
from casereview.cli.errors import report_error
from casereview.db.cases import case_exists
from casereview.db.engine import open_database
from casereview.db.repository import find_case_by_sha256, load_case
from casereview.errors import CaseReviewError, InputError
from casereview.ingest.sources import file_sha256
from casereview.pipeline import Analysis
from casereview.review.casetypes import stored_case_type
from casereview.review.service import review_case_in
from casereview.review.store import reviews_of_case
from casereview.scoring import ScoreSheet

DB_HELP = "数据库地址（默认：用户数据目录下的 SQLite 文件）"


def default_reviewer() -> str:
    """The operating-system user name: who runs the command, unless ``--reviewer`` says otherwise."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (some containers, services)
        return "unknown"


def grade_text(sheet: ScoreSheet) -> str:
    return f"{sheet.score:g} 分 {sheet.grade}{'（暂定）' if sheet.provisional else ''}"


def reviewer_options(parser: argparse.ArgumentParser, standard: bool = True) -> None:
    if standard:
        parser.add_argument(
            "--standard",
            help="评查标准编号（默认按案卷类型选择：行政处罚 transport_penalty、行政强制 transport_compulsion、"
            "行政检查 transport_inspection）",
        )
        parser.add_argument("--profile", help="标准中的参数方案（如 gb118）")
    parser.add_argument("--reviewer", default=default_reviewer(), help="评查人员（默认：当前系统用户名）")


def resolve_case(session: Session, spec: str) -> int:
    """A stored case's id from its id or its file (same SHA-256); InputError when not stored."""
    if spec.isdigit() and not Path(spec).exists():
        if not case_exists(session, int(spec)):
            raise InputError("unknown_case", case=spec)
        return int(spec)
    path = Path(spec)
    found = find_case_by_sha256(session, file_sha256(path)) if path.is_file() else None
    if found is None:
        raise InputError("unknown_case", case=spec)
    return found


@dataclass(frozen=True)
class IngestReview:
    """The machine review ``ingest`` stores with each case, in the case's own transaction."""

    checker: Checker
    reviewer: str

    def needed(self, session: Session, case_id: int) -> bool:
        """True when a case already stored has no review under its standard yet."""
        wanted = self.checker.standard.id
        if self.checker.kinds is not None:
            case, documents, extraction = load_case(session, case_id)
            analysis = Analysis(case, documents, extraction, case_id)
            wanted = self.checker.resolved(analysis, stored_case_type(session, case_id)).standard.id
        return all(r.standard.id != wanted for r in reviews_of_case(session, case_id))

    def __call__(self, session: Session, case_id: int) -> str:
        """Review the case in the caller's transaction; the line to print once it is committed."""
        review_id, sheet = review_case_in(session, case_id, self.checker, self.reviewer)
        return f"已评查 #{case_id}（评查 #{review_id}，{sheet.standard_id} {sheet.standard_version}）：{grade_text(sheet)}"


def checker_from(args: argparse.Namespace) -> Checker:
    """The named standard, or (none named) each case's case-type standard; KeyError when unknown."""
    if args.standard is not None:
        return Checker.create(args.standard, args.profile)
    return Checker.create(DEFAULT_STANDARD, args.profile, by_case_type=True)


def run_with_database(args: argparse.Namespace) -> int:
    """Run a group's action (``args.handler``) with the database of ``--db`` opened and closed
    around it; a refused operation is reported (exit code 1)."""
    database = open_database(args.db) if args.db else open_database()
    try:
        code: int = args.handler(args, database)
        return code
    except CaseReviewError as exc:
        return report_error(exc)
    finally:
        database.close()
