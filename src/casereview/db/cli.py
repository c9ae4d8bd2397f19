"""``casereview audit verify`` and ``casereview db setup-roles``: the integrity of the audit trail
on SQLite (hash chain) and on PostgreSQL (roles). Chinese output; exit 1 when something is wrong."""

from __future__ import annotations

import argparse
import os
import sys

from casereview.cli_errors import report_error
from casereview.db.audit_verify import verify_chain
from casereview.db.engine import open_database
from casereview.errors import CaseReviewError

_DB_HELP = "数据库地址（默认：用户数据目录下的 SQLite 文件）"


def add_cli(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    audit = sub.add_parser("audit", help="审计记录：核验哈希链")
    audit_commands = audit.add_subparsers(dest="audit_command", required=True)
    verify = audit_commands.add_parser("verify", help="核验审计记录未被修改或删除（SQLite 哈希链）")
    verify.add_argument("--db", help=_DB_HELP)
    verify.add_argument(
        "--head",
        metavar="HASH",
        help="此前核验时记下的哈希链末端：必须仍在链中（可发现整链重算或删除最新记录）",
    )

    db = sub.add_parser("db", help="数据库管理")
    db_commands = db.add_subparsers(dest="db_command", required=True)
    roles = db_commands.add_parser(
        "setup-roles",
        help="PostgreSQL：表归所有者角色，工作站以只能追加审计记录的应用角色连接（升级后再运行一次）",
    )
    roles.add_argument("--admin-url", required=True, help="以超级用户连接 CaseReview 数据库的地址")
    roles.add_argument("--owner", default="casereview_owner", help="所有者角色（不可登录，执行迁移）")
    roles.add_argument("--app", default="casereview_app", help="工作站连接所用的应用角色")
    roles.add_argument(
        "--password-env",
        default="CASEREVIEW_APP_PASSWORD",
        metavar="VAR",
        help="从此环境变量读取应用角色的密码（不在命令行上出现）",
    )


def run_db_cli(args: argparse.Namespace) -> int:
    from casereview.db.roles import setup_roles

    try:
        done = setup_roles(
            args.admin_url, owner=args.owner, app=args.app, app_password=os.environ.get(args.password_env)
        )
    except CaseReviewError as exc:
        return report_error(exc)
    if done.handed_over:
        print(f"已将 {len(done.handed_over)} 张表移交所有者角色 {done.owner}")
    print(f"已设置：数据库结构归 {done.owner} 所有，{done.app} 对审计记录和评查决定只能查询和追加")
    print(f"各工作站请以应用角色连接：{done.app_url}（密码另行告知）")
    return 0


def run_audit_cli(args: argparse.Namespace) -> int:
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
