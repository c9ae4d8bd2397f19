"""``casereview publications import FILE | list``: publication lists from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from casereview.review.publication_errors import PublicationListError
from casereview.review.publication_text import (
    describe_publication_error,
    format_import_result,
    format_publication_lists,
)
from casereview.review.publications import import_publication_list, list_publication_lists

_DB_HELP = "数据库地址（默认：用户数据目录下的 SQLite 文件）"


def add_cli(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    publications = sub.add_parser("publications", help="公示清单：导入公示平台导出的清单，查看已导入的清单")
    commands = publications.add_subparsers(dest="publications_command", required=True)
    do_import = commands.add_parser(
        "import", help="导入公示清单（CSV：UTF-8 或 GBK；XLSX），有错误的清单整体不导入"
    )
    do_import.add_argument("file", metavar="FILE", help="公示清单文件")
    do_import.add_argument("--db", help=_DB_HELP)
    do_list = commands.add_parser("list", help="列出已导入的公示清单")
    do_list.add_argument("--db", help=_DB_HELP)


def run_cli(args: argparse.Namespace) -> int:
    """Run a ``publications`` subcommand; 1 when the list is refused. StorageError passes through."""
    from casereview.db.engine import open_database

    with open_database(args.db) as database:
        if args.publications_command == "list":
            with database.session_scope(readonly=True) as session:
                print(format_publication_lists(list_publication_lists(session)))
            return 0
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
