"""``casereview roster import FILE [--replace] | list [--entries]``: the officer roster P-21 uses."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from casereview.cli.common import DB_HELP
from casereview.db.engine import Database, open_database
from casereview.listfiles.roster_file import RosterError
from casereview.lists.roster import import_roster, list_rosters, roster_entries


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    roster = sub.add_parser(
        "roster", help="执法人员名单：导入（姓名、执法证号、执法领域/门类、有效期至），查看"
    )
    roster.set_defaults(func=run)
    commands = roster.add_subparsers(dest="roster_command", required=True)
    do_import = commands.add_parser(
        "import", help="导入执法人员名单（CSV：UTF-8 或 GBK；XLSX），有错误的名单整体不导入"
    )
    do_import.add_argument("file", metavar="FILE", help="执法人员名单文件")
    do_import.set_defaults(handler=_import)
    do_import.add_argument("--replace", action="store_true", help="替换此前导入的全部名单（同一事务）")
    do_import.add_argument("--db", help=DB_HELP)
    do_list = commands.add_parser("list", help="列出已导入的执法人员名单")
    do_list.set_defaults(handler=_list)
    do_list.add_argument("--entries", action="store_true", help="同时列出每名执法人员")
    do_list.add_argument("--db", help=DB_HELP)


def _list(args: argparse.Namespace, database: Database) -> int:
    with database.session_scope(readonly=True) as session:
        lists = list_rosters(session)
        if not lists:
            print("尚未导入执法人员名单")
            return 0
        for s in lists:
            when = s.imported_at.strftime("%Y-%m-%d %H:%M")
            print(f"#{s.id}  {s.file_name}  {s.row_count}人  导入于{when}（UTC）")
        if args.entries:
            for file_name, e in roster_entries(session):
                print(
                    f"  {e.name}\t{e.certificate}\t{e.field or '—'}\t有效期至{e.valid_until.isoformat()}\t{file_name}第{e.row}行"
                )
    return 0


def _import(args: argparse.Namespace, database: Database) -> int:
    path = Path(args.file)
    if not path.is_file():
        print(f"找不到执法人员名单文件：{path}", file=sys.stderr)
        return 1
    try:
        with database.session_scope() as session:
            done = import_roster(session, path, replace=args.replace)
    except RosterError as error:
        print(error.describe(), file=sys.stderr)
        return 1
    replaced = f"，替换了此前的{done.replaced}份名单" if done.replaced else ""
    if done.already_imported:
        print(f"执法人员名单 {done.file_name} 此前已导入（#{done.list_id}，{done.row_count}人）{replaced}")
    else:
        print(f"已导入执法人员名单 {done.file_name}（#{done.list_id}，{done.row_count}人）{replaced}")
    return 0


def run(args: argparse.Namespace) -> int:
    """Run a ``roster`` subcommand; 1 when the file is refused. StorageError passes through."""
    with open_database(args.db) as database:
        code: int = args.handler(args, database)
        return code
