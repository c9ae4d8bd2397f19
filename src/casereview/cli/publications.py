"""``casereview publications import FILE | list | set-date CASE_ID DATE``: publication dates from the
command line (lists from the publication platform, or the date a reviewer found for one case)."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

from sqlalchemy.orm import Session

from casereview.cli.common import DB_HELP
from casereview.db.engine import Database, open_database
from casereview.db.failures import NOT_FOUND
from casereview.errors import StorageError
from casereview.listfiles.publication_errors import PublicationListError
from casereview.lists.publication_text import (
    describe_publication_error,
    format_import_result,
    format_publication_lists,
)
from casereview.lists.publications import (
    import_publication_list,
    list_publication_lists,
    set_reviewer_publication_date,
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    publications = sub.add_parser("publications", help="公示清单：导入公示平台导出的清单，查看已导入的清单")
    publications.set_defaults(func=run)
    commands = publications.add_subparsers(dest="publications_command", required=True)
    do_import = commands.add_parser(
        "import", help="导入公示清单（CSV：UTF-8 或 GBK；XLSX），有错误的清单整体不导入"
    )
    do_import.set_defaults(handler=_import)
    do_import.add_argument("file", metavar="FILE", help="公示清单文件")
    do_import.add_argument("--db", help=DB_HELP)
    do_list = commands.add_parser("list", help="列出已导入的公示清单")
    do_list.set_defaults(handler=_list)
    do_list.add_argument("--db", help=DB_HELP)
    set_date = commands.add_parser(
        "set-date", help="录入评查人员查到的某案卷公示日期（规则 T-12 优先使用，重新评查后生效）"
    )
    set_date.set_defaults(handler=_set_date)
    set_date.add_argument("case_id", type=int, metavar="CASE_ID", help="案卷编号")
    set_date.add_argument(
        "date", type=_date, metavar="DATE", help="公示日期，如 2025-04-18；填 none 删除已录入的日期"
    )
    set_date.add_argument("--reviewer", required=True, help="录入的评查人员")
    set_date.add_argument("--db", help=DB_HELP)


def _date(text: str) -> dt.date | None:
    """``2025-04-18``, ``2025/4/18``, ``2025.4.18`` or ``2025年4月18日``; ``none`` to remove."""
    if text.strip().lower() == "none":
        return None
    found = re.fullmatch(r"\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*", text)
    try:
        if found is None:
            raise ValueError(text)
        return dt.date(*(int(part) for part in found.groups()))
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式不正确（应如 2025-04-18）：{text}") from None


def _set_date(args: argparse.Namespace, database: Database) -> int:
    with database.session_scope() as session:
        return _set_date_in(args, session)


def _set_date_in(args: argparse.Namespace, session: Session) -> int:
    try:
        set_reviewer_publication_date(session, args.case_id, args.date, args.reviewer)
    except StorageError as error:
        if error.detail.get("reason") != NOT_FOUND:
            raise
        print(f"没有案卷 #{args.case_id}", file=sys.stderr)
        return 1
    if args.date is None:
        print(f"已删除案卷 #{args.case_id} 录入的公示日期")
    else:
        print(f"已录入案卷 #{args.case_id} 的公示日期 {args.date.isoformat()}（评查人员 {args.reviewer}）")
    print(f"重新评查后生效：casereview review run {args.case_id}")
    return 0


def _list(args: argparse.Namespace, database: Database) -> int:
    with database.session_scope(readonly=True) as session:
        print(format_publication_lists(list_publication_lists(session)))
    return 0


def _import(args: argparse.Namespace, database: Database) -> int:
    path = Path(args.file)
    if not path.is_file():
        print(f"找不到公示清单文件：{path}", file=sys.stderr)
        return 1
    try:
        with database.session_scope() as session:
            result = import_publication_list(session, path)
    except PublicationListError as error:
        print(describe_publication_error(error), file=sys.stderr)
        return 1
    print(format_import_result(result))
    return 0


def run(args: argparse.Namespace) -> int:
    """Run a ``publications`` subcommand; 1 when the list is refused. StorageError passes through."""
    with open_database(args.db) as database:
        code: int = args.handler(args, database)
        return code
