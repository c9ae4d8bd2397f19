"""``casereview objection file|decide|list``: a unit's objection to an item of its case and the
re-review (复核) by the lead or another reviewer."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from casereview.cli.common import run_with_database
from casereview.db import Database
from casereview.rectify.attachments import read_attachment
from casereview.rectify.model import OBJECTION_LABELS, Objection, ObjectionStatus
from casereview.rectify.objections import (
    ORIGIN,
    decide_objection,
    file_objection,
    list_objections,
    offline_origin,
)
from casereview.sessions.store import find_session


def _verdict(text: str) -> ObjectionStatus:
    for status in ObjectionStatus:
        if text in (status.value, status.label) and status is not ObjectionStatus.PENDING:
            return status
    raise argparse.ArgumentTypeError(f"无效的复核结论“{text}”（可用：维持、变更）")


def _state(text: str) -> ObjectionStatus:
    for status in ObjectionStatus:
        if text in (status.value, status.label):
            return status
    raise argparse.ArgumentTypeError(
        f"无效的异议状态“{text}”（可用：{'、'.join(OBJECTION_LABELS.values())}）"
    )


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("objection", help="异议与复核：提出异议、复核（维持/变更）、列出")
    parser.set_defaults(func=run_with_database)
    commands = parser.add_subparsers(dest="objection_command", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("name", metavar="SESSION", help="评查会话名称")
        p.add_argument("--db", help="数据库地址（默认：用户数据目录下的 SQLite 文件）")

    filing = commands.add_parser("file", help="登记执法单位对其案卷某一评查项目的异议")
    filing.set_defaults(handler=_file)
    common(filing)
    filing.add_argument("--case", type=int, required=True, help="案卷编号")
    filing.add_argument("--item", required=True, help="评查项目编号，如 JA-02")
    filing.add_argument("--reason", required=True, help="异议理由")
    filing.add_argument("--attach", type=Path, action="append", default=[], help="异议材料（可重复）")
    filing.add_argument("--date", type=dt.date.fromisoformat, help="异议提出日期（默认今天）")
    filing.add_argument("--by", default="", help="提出人（默认：执法单位）")
    decide = commands.add_parser("decide", help="复核异议：维持或变更（变更须给出新扣分）")
    decide.set_defaults(handler=_decide)
    common(decide)
    decide.add_argument("objection", type=int, metavar="ID", help="异议编号")
    decide.add_argument("--result", type=_verdict, required=True, help="维持 或 变更")
    decide.add_argument("--reason", required=True, help="复核意见")
    decide.add_argument("--deduction", type=float, help="变更后的扣分")
    decide.add_argument("--by", required=True, help="复核人（评查组长或原评查人员以外的评查人员）")
    listing = commands.add_parser("list", help="列出异议及复核结果")
    listing.set_defaults(handler=_list)
    common(listing)
    listing.add_argument("--unit")
    listing.add_argument("--status", type=_state)
    listing.add_argument("--format", choices=("table", "json"), default="table")


def _line(o: Objection) -> str:
    head = f"[{o.id}] {o.unit} 案卷 #{o.case_id} {o.item_id}（原扣 {o.original_deduction:g} 分，{o.original_reviewer}）"
    text = (
        f"{head}：{o.reason}（{o.filed_on.isoformat()} 提出，期限 {o.deadline.isoformat()}）{o.status.label}"
    )
    if o.decided_by:
        text += f"，复核人 {o.decided_by}：{o.decision_reason}"
    outcome = o.outcome or {}
    if "new_score" in outcome:
        text += (
            f"；扣分 {outcome['old_deduction']:g} → {outcome['new_deduction']:g}，"
            f"得分 {outcome['old_score']} → {outcome['new_score']}，"
            f"等次 {outcome['old_grade']} → {outcome['new_grade']}"
        )
    elif "new_deduction" in outcome:  # decided on a copy from an offline package: scored at the merge
        text += f"；扣分 {outcome['old_deduction']:g} → {outcome['new_deduction']:g}（合并后由组长重新计分）"
    if offline_origin(outcome) is not None:
        text += f"（离线评查包中的异议，组长处编号 #{outcome[ORIGIN]}）"
    return text


def _file(args: argparse.Namespace, database: Database) -> int:
    files = [read_attachment(path) for path in args.attach]  # refused before anything is written
    with database.session_scope() as session:
        info = find_session(session, args.name)
        objection_id = file_objection(
            session,
            info.id,
            args.case,
            args.item,
            args.reason,
            args.date or dt.date.today(),
            args.by or "执法单位",
            files,
        )
    print(f"已登记异议 #{objection_id}")
    return 0


def _decide(args: argparse.Namespace, database: Database) -> int:
    with database.session_scope() as session:
        info = find_session(session, args.name)
        result = decide_objection(
            session,
            args.objection,
            args.result,
            args.reason,
            args.by,
            deduction=args.deduction,
            session_id=info.id,
        )
    print(_line(result))
    return 0


def _list(args: argparse.Namespace, database: Database) -> int:
    with database.session_scope(readonly=True) as session:
        info = find_session(session, args.name)
        found = list_objections(session, info.id, unit=args.unit, status=args.status)
    if args.format == "json":
        rows = [
            {
                "id": o.id,
                "unit": o.unit,
                "case_id": o.case_id,
                "item": o.item_id,
                "filed_on": o.filed_on.isoformat(),
                "deadline": o.deadline.isoformat(),
                "status": o.status.value,
                "decided_by": o.decided_by,
                "outcome": o.outcome,
                "attachments": list(o.attachments),
            }
            for o in found
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for objection in found:
        print(_line(objection))
    print(f"共 {len(found)} 件异议")
    return 0
