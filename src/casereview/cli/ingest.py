"""``casereview ingest PATH…``: read, store and (unless ``--no-review``) review case files; a file
stored before (same SHA-256) is reused."""

from __future__ import annotations

import argparse
from pathlib import Path

from casereview.checking import contract_object
from casereview.cli.common import IngestReview, checker_from, reviewer_options
from casereview.cli.errors import report_error
from casereview.cli.reading import read_all, reading_options
from casereview.errors import InputError, StandardUnavailable
from casereview.extract.agency import enforcement_unit
from casereview.pipeline import Analysis


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ingest = sub.add_parser("ingest", help="读取案卷并存入数据库（相同文件复用已有记录）")
    reading_options(ingest)
    ingest.add_argument("--db", help="数据库地址（默认：用户数据目录下的 SQLite 文件）")
    ingest.add_argument("--replace", action="store_true", help="重新分析已导入的相同文件")
    ingest.add_argument(
        "--review",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="导入后按评查标准进行机器评查并保存（默认：是）",
    )
    reviewer_options(ingest)
    ingest.set_defaults(func=run)


def _review(args: argparse.Namespace) -> IngestReview | None:
    """The review step ``ingest`` was asked for; KeyError for an unknown standard or profile."""
    if not args.review:
        return None
    return IngestReview(checker_from(args), args.reviewer)


def run(args: argparse.Namespace) -> int:
    from casereview.db.engine import open_database
    from casereview.db.repository import find_case_by_sha256, save_case
    from casereview.ingest.sources import file_sha256

    try:
        review = _review(args)
    except (StandardUnavailable, InputError) as exc:  # an unknown standard, profile or case type
        report_error(exc)
        return 2
    database = open_database(args.db)
    remaining: list[str] = []
    for raw in args.paths:
        path = Path(raw)
        if path.is_file() and not args.replace:
            reviewed = ""
            with database.session_scope() as session:
                existing = find_case_by_sha256(session, file_sha256(path))
                if existing is not None and review is not None and review.needed(session, existing):
                    reviewed = review(session, existing)  # stored before reviews, or under another standard
            if existing is not None:
                if reviewed:
                    print(reviewed)
                print(f"已导入（相同文件），复用记录 #{existing}：{raw}")
                continue
        remaining.append(raw)
    args.paths = remaining
    if not remaining:
        return 0

    def store(analysis: Analysis) -> dict[str, object]:
        with database.session_scope() as session:
            analysis.case_id = save_case(
                session,
                analysis.case,
                analysis.documents,
                analysis.extraction,
                replace=args.replace,
                unit=enforcement_unit(analysis.case, analysis.documents),
            )
            # the case and its machine review: one transaction
            reviewed = "" if review is None else review(session, analysis.case_id)
        print(
            f"已导入 #{analysis.case_id}：{analysis.case.source}（{analysis.case.page_count} 页，{len(analysis.documents)} 份文书）"
        )
        if reviewed:
            print(reviewed)
        return contract_object(analysis)

    _results, failures = read_all(args, store)
    return 1 if failures else 0
