"""``casereview session create|import|assign|status|settle|export-package|open-package|
export-results|register-key|merge-package`` — a review session scripted by its lead (and by
reviewers working offline). Errors are printed in Chinese; the exit code is 1 when anything could
not be done."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path

from casereview.checking import DEFAULT_STANDARD, Checker
from casereview.cli.common import run_with_database
from casereview.db import Database
from casereview.domain.casetype import LABELS, STANDARDS
from casereview.errors import InputError
from casereview.sessions.importing import import_cases, list_entries, tree_entries
from casereview.sessions.model import STATUS_LABELS, CaseStatus, SessionInfo
from casereview.sessions.store import (
    add_reviewer,
    assign,
    auto_assign,
    create_session,
    find_session,
    link_reviews,
    progress,
    reviewers,
    session_cases,
    status_counts,
)

Handler = Callable[[argparse.Namespace, Database], int]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("session", help="评查会话：创建、导入案卷、分配、进度、离线评查包")
    parser.set_defaults(func=run_with_database)
    commands = parser.add_subparsers(dest="session_command", required=True)

    def named(name: str, help_text: str, handler: Handler) -> argparse.ArgumentParser:
        p = commands.add_parser(name, help=help_text)
        p.set_defaults(handler=handler)
        p.add_argument("name", metavar="NAME", help="评查会话名称")
        p.add_argument("--db", help="数据库地址（默认：用户数据目录下的 SQLite 文件）")
        p.add_argument("--by", default="组长", help="操作人（写入审计记录）")
        return p

    create = named("create", "创建评查会话", _create)
    create.add_argument("--year", type=int, default=dt.date.today().year)
    create.add_argument("--standard", default=DEFAULT_STANDARD)
    create.add_argument("--profile")
    create.add_argument("--double", action="store_true", help="双人评查")
    create.add_argument("--blind", action="store_true", help="盲评：评查人员看不到执法单位与执法人员姓名")
    create.add_argument("--tolerance", type=float, default=3.0, help="双评允许差值（分），超过则待仲裁")
    create.add_argument(
        "--reviewer",
        action="append",
        default=[],
        metavar="NAME[:UNIT]",
        help="评查人员（可带所在单位），可重复",
    )
    imp = named(
        "import", "导入案卷：--tree 单位文件夹/案卷文件，或 --list 清单 CSV（执法单位,案卷文件）", _import
    )
    source = imp.add_mutually_exclusive_group(required=True)
    source.add_argument("--tree", type=Path)
    source.add_argument("--list", type=Path)
    imp.add_argument("--no-ocr", action="store_true")
    assign_cmd = named(
        "assign", "分配案卷：--auto 自动均衡分配，或 --case/--reviewer/--slot 手工分配", _assign
    )
    assign_cmd.add_argument("--auto", action="store_true")
    assign_cmd.add_argument("--case", type=int, help="会话案卷编号（见 status --cases）")
    assign_cmd.add_argument("--reviewer")
    assign_cmd.add_argument("--slot", type=int, default=1)
    status = named("status", "查看会话进度：各状态案卷数、各评查人员进度", _status)
    status.add_argument("--format", choices=("table", "json"), default="table")
    status.add_argument("--cases", action="store_true", help="逐份列出案卷")
    named("settle", "汇总已完成的评查：双评差值在允许范围内的完成，超出的待仲裁", _settle)
    export_package = named(
        "export-package", "为评查人员导出离线评查包（ZIP，含 SHA-256 清单）", _export_package
    )
    export_package.add_argument("--reviewer", required=True)
    export_package.add_argument("--out", type=Path, required=True, metavar="DIR")
    open_package = commands.add_parser("open-package", help="评查人员：在本机打开离线评查包")
    open_package.add_argument("package", type=Path)
    open_package.add_argument("--db")
    open_package.add_argument("--reviewer", help="只接受给此评查人员的评查包")
    open_package.set_defaults(handler=_open_package)
    export_results = named("export-results", "评查人员：导出评查结果包交回组长", _export_results)
    export_results.add_argument("--reviewer", required=True)
    export_results.add_argument("--out", type=Path, required=True, metavar="DIR")
    register = named(
        "register-key", "组长：登记评查人员的签名公钥（打开评查包时在其机器上生成的公钥文件）", _register_key
    )
    register.add_argument(
        "key_file", type=Path, metavar="KEY_FILE", help="评查人员公钥_<会话>_<评查人员>.json"
    )
    register.add_argument("--fingerprint", help="评查人员机器上显示的指纹；给出时必须一致")
    merge = named("merge-package", "组长：合并评查人员交回的结果包（冲突列出，不覆盖）", _merge_package)
    merge.add_argument("package", type=Path)
    merge.add_argument(
        "--accept-unsigned",
        action="store_true",
        help="接受没有签名的结果包（升级前的版本导出；记入审计记录）",
    )


def _info(args: argparse.Namespace, database: Database) -> SessionInfo:
    with database.session_scope(readonly=True) as session:
        return find_session(session, args.name)


def _create(args: argparse.Namespace, database: Database) -> int:
    Checker.create(args.standard, args.profile)  # an unknown standard or profile fails here
    from casereview.sessions.keys import fingerprint, load_or_create_key, public_text

    lead_key = public_text(load_or_create_key())
    with database.session_scope() as session:
        sid = create_session(
            session,
            args.name,
            args.year,
            args.standard,
            args.by,
            profile=args.profile,
            double_review=args.double,
            blind=args.blind,
            tolerance=args.tolerance,
            lead_key=lead_key,
        )
        for spec in args.reviewer:
            name, _, unit = spec.partition(":")
            add_reviewer(session, sid, name, unit or None)
    print(f"已创建评查会话 #{sid}：{args.name}（组长签名密钥指纹 {fingerprint(lead_key)}）")
    return 0


def _open_package(args: argparse.Namespace, database: Database) -> int:
    from casereview.sessions.package import open_package

    opened = open_package(args.package, database, args.reviewer)
    print(f"已打开评查包：{opened.session_name}，评查人员 {opened.reviewer}，{len(opened.case_ids)} 份案卷")
    if opened.objections or opened.reasons_added:
        print(f"待复核异议 {opened.objections} 项，新增常用理由 {opened.reasons_added} 条")
    print(f"组长签名密钥指纹：{opened.lead_fingerprint}（可与组长核对）")
    print(f"本机签名密钥指纹：{opened.fingerprint}（请告知组长，供其登记时核对）")
    if opened.key_file is not None:
        print(f"公钥文件：{opened.key_file}（交组长用 session register-key 登记）")
    return 0


def _import(args: argparse.Namespace, database: Database) -> int:
    info = _info(args, database)
    entries = tree_entries(args.tree) if args.tree else list_entries(args.list)
    scanner = None
    if not args.no_ocr:
        from casereview.ocr.scanner import OcrScanner

        scanner = OcrScanner(workers=None)
    try:
        result = import_cases(database, info.id, entries, scanner)
    finally:
        if scanner is not None:
            scanner.close()
    for path, message in result.failed:
        print(f"错误：{path}：{message}", file=sys.stderr)
    # A session scores every case by its one standard (several case types per session: not yet).
    for case_id, case_type in result.case_types.items():
        if STANDARDS[case_type] != info.standard_id:
            print(
                f"提示：案卷 #{case_id} 为{LABELS[case_type]}，本会话按评查标准 {info.standard_id} 评查；"
                f"宜另建按 {STANDARDS[case_type]} 评查的会话",
                file=sys.stderr,
            )
    print(f"已导入 {len(result.added)} 份案卷，失败 {len(result.failed)} 份")
    return 1 if result.failed else 0


def _assign(args: argparse.Namespace, database: Database) -> int:
    info = _info(args, database)
    with database.session_scope() as session:
        if args.auto:
            load = auto_assign(session, info.id, args.by)
            print("已自动分配：" + "，".join(f"{name} {count} 份" for name, count in sorted(load.items())))
        else:
            if args.case is None or not args.reviewer:
                raise InputError("assign_needs_case")
            assign(session, args.case, args.reviewer, args.slot, args.by)
            print(f"已将会话案卷 {args.case} 分配给 {args.reviewer}（席位 {args.slot}）")
    return 0


def _settle(args: argparse.Namespace, database: Database) -> int:
    from casereview.sessions.double import settle

    info = _info(args, database)
    with database.session_scope() as session:
        link_reviews(session, info.id)
        settled = settle(session, info.id, args.by)
    arbitration = sum(1 for c in settled if not c.within_tolerance)
    print(f"已汇总 {len(settled)} 份双评案卷，其中 {arbitration} 份待仲裁")
    return 0


def _export_package(args: argparse.Namespace, database: Database) -> int:
    from casereview.sessions.package import export_package

    info = _info(args, database)
    package = export_package(database, info.id, args.reviewer, args.out)
    print(f"已导出评查包：{package}")
    return 0


def _export_results(args: argparse.Namespace, database: Database) -> int:
    from casereview.sessions.package import export_results

    info = _info(args, database)
    results = export_results(database, info.name, args.reviewer, args.out)
    print(f"已导出评查结果包：{results}")
    return 0


def _merge_package(args: argparse.Namespace, database: Database) -> int:
    from casereview.sessions.package import merge_results

    info = _info(args, database)
    report = merge_results(database, info.id, args.package, args.by, accept_unsigned=args.accept_unsigned)
    if report.refused:
        print(f"错误：{report.refused}", file=sys.stderr)
        return 1
    print(
        f"已合并 {report.cases} 份案卷，新增 {report.decisions_added} 项决定，冲突 {len(report.conflicts)} 项"
    )
    if report.objections or report.reasons_added or report.reason_uses:
        print(
            f"异议复核决定 {report.objections} 项，新增常用理由 {report.reasons_added} 条，"
            f"常用理由使用 {report.reason_uses} 次"
        )
    for conflict in report.conflicts:
        print(f"冲突：{conflict}")
    for note in report.notes:
        print(f"说明：{note}")
    return 0


def _register_key(args: argparse.Namespace, database: Database) -> int:
    info = _info(args, database)
    session_id, uid = info.id, info.uid
    from casereview.sessions.identity import read_key_file, register_reviewer_key
    from casereview.sessions.keys import fingerprint

    key_uid, reviewer, public = read_key_file(args.key_file)
    if key_uid != uid:
        raise InputError("key_file_other_session", str(args.key_file), file=str(args.key_file))
    wanted = (args.fingerprint or "").strip().lower()
    if wanted and wanted.replace("-", "") != fingerprint(public).replace("-", ""):
        raise InputError(
            "key_fingerprint_differs",
            str(args.key_file),
            file=str(args.key_file),
            fingerprint=fingerprint(public),
            given=args.fingerprint,
        )
    with database.session_scope() as session:
        if reviewer not in {r.name for r in reviewers(session, session_id)}:
            raise InputError(
                "key_file_not_reviewer", str(args.key_file), file=str(args.key_file), reviewer=reviewer
            )
        printed = register_reviewer_key(session, session_id, reviewer, public, args.by)
    print(f"已登记“{reviewer}”的签名公钥，指纹 {printed}")
    if not wanted:
        print("请与评查人员机器上显示的指纹核对；不一致时说明公钥文件被替换过，不要合并其结果包")
    return 0


def _status(args: argparse.Namespace, database: Database) -> int:
    session_id = _info(args, database).id
    with database.session_scope() as session:
        link_reviews(session, session_id)
        cases = session_cases(session, session_id)
        people = progress(session, session_id)
    counts = status_counts(cases)
    if args.format == "json":
        data = {
            "statuses": {status.value: counts[status] for status in CaseStatus},
            "reviewers": [p.__dict__ for p in people],
            "cases": [
                {
                    "id": c.id,
                    "case_id": c.case_id,
                    "unit": c.unit,
                    "status": c.status.value,
                    "reviewers": c.reviewers(),
                }
                for c in cases
            ],
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print("，".join(f"{STATUS_LABELS[s]} {counts[s]} 份" for s in CaseStatus))
    for p in people:
        print(f"{p.reviewer}：分配 {p.assigned} 份，已开始 {p.started} 份，已完成 {p.done} 份")
    if args.cases:
        for c in cases:
            print(
                f"#{c.id}  案卷 {c.case_id}  {c.unit}  {c.status.label}  {'、'.join(c.reviewers()) or '未分配'}"
            )
    return 0
