"""``casereview db setup-roles``: on PostgreSQL, the tables owned by an owner role and the
workstations connecting as an application role that can only append audit rows and decisions."""

from __future__ import annotations

import argparse
import os

from casereview.cli.errors import report_error
from casereview.errors import CaseReviewError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    db = sub.add_parser("db", help="数据库管理")
    db.set_defaults(func=run)
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


def run(args: argparse.Namespace) -> int:
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
