"""``casereview audit verify``: the audit trail's integrity on SQLite (the hash chain unbroken);
exit 1 naming the first bad row. On PostgreSQL the roles protect it (``casereview db``)."""

from __future__ import annotations

import argparse
import sys

from casereview.cli.common import DB_HELP
from casereview.cli.errors import report_error
from casereview.db.audit_verify import verify_chain
from casereview.db.engine import open_database
from casereview.errors import CaseReviewError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    audit = sub.add_parser("audit", help="审计记录：核验哈希链")
    audit.set_defaults(func=run)
    audit_commands = audit.add_subparsers(dest="audit_command", required=True)
    verify = audit_commands.add_parser("verify", help="核验审计记录未被修改或删除（SQLite 哈希链）")
    verify.add_argument("--db", help=DB_HELP)
    verify.add_argument(
        "--head",
        metavar="HASH",
        help="此前核验时记下的哈希链末端：必须仍在链中（可发现整链重算或删除最新记录）",
    )


def run(args: argparse.Namespace) -> int:
    try:
        database = open_database(args.db) if args.db else open_database()
    except CaseReviewError as exc:
        return report_error(exc)
    try:
        if database.dialect != "sqlite":
            print(
                "PostgreSQL 数据库不使用哈希链：审计记录由数据库角色保护"
                "（工作站的应用角色只能追加，见 casereview db setup-roles）"
            )
            return 0
        with database.session_scope(readonly=True) as session:
            report = verify_chain(session, anchor=args.head)
    finally:
        database.close()
    if not report.ok:
        print(f"审计记录核验失败：{report.reason}", file=sys.stderr)
        return 1
    print(f"审计记录完整：共 {report.rows} 条，哈希链末端 {report.head}")
    return 0
