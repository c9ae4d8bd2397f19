"""``casereview audit verify`` and ``casereview db setup-roles``: the integrity of the audit trail
on SQLite (hash chain) and on PostgreSQL (roles). Chinese output; exit 1 when something is wrong."""

from __future__ import annotations

import argparse
import sys

from casereview.db.audit_verify import verify_chain
from casereview.db.engine import open_database
from casereview.errors import CaseReviewError
from casereview.messages import describe

_DB_HELP = "数据库地址（默认：用户数据目录下的 SQLite 文件）"


def add_cli(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    audit = sub.add_parser("audit", help="审计记录：核验哈希链")
    audit_commands = audit.add_subparsers(dest="audit_command", required=True)
    verify = audit_commands.add_parser("verify", help="核验审计记录未被修改或删除（SQLite 哈希链）")
    verify.add_argument("--db", help=_DB_HELP)


def run_audit_cli(args: argparse.Namespace) -> int:
    try:
        database = open_database(args.db) if args.db else open_database()
    except CaseReviewError as exc:
        print(f"错误：{describe(exc)}", file=sys.stderr)
        return 1
    try:
        if database.dialect != "sqlite":
            print(
                "PostgreSQL 数据库不使用哈希链：审计记录由数据库角色保护"
                "（工作站的应用角色只能追加，见 casereview db setup-roles）"
            )
            return 0
        with database.session_scope(readonly=True) as session:
            report = verify_chain(session)
    finally:
        database.close()
    if not report.ok:
        print(f"审计记录核验失败：{report.reason}", file=sys.stderr)
        return 1
    print(f"审计记录完整：共 {report.rows} 条，哈希链末端 {report.head}")
    return 0
