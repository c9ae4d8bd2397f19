"""``casereview rectify list|attach|verify|close|recheck|periods|export``: the rectification ledger
of a review session from the command line (objections: :mod:`casereview.cli.objection`). Errors are printed in Chinese; the exit code is 1 when the step was
refused (nothing is written then)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from casereview.cli.common import run_with_database
from casereview.db import Database
from casereview.db.repository import case_labels
from casereview.rectify import ledger
from casereview.rectify.attachments import read_attachment
from casereview.rectify.items import attach_report, close_by_recheck, close_item, verify_item
from casereview.rectify.model import ItemStatus, RectifyItem, item_status
from casereview.sessions.store import find_session


def _session_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", metavar="SESSION", help="评查会话名称")
    p.add_argument("--db", help="数据库地址（默认：用户数据目录下的 SQLite 文件）")
    p.add_argument("--by", default="组长", help="操作人（写入审计记录）")


def _status(text: str) -> ItemStatus:
    try:
        return item_status(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"无效的状态“{text}”") from None


def _ids(text: str) -> list[int]:
    try:
        return [int(part) for part in text.replace("，", ",").split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"事项编号应为数字，用逗号分隔：{text}") from None


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("rectify", help="整改台账：列出、附整改报告、核查、销号、导出")
    parser.set_defaults(func=run_with_database)
    commands = parser.add_subparsers(dest="rectify_command", required=True)
    listing = commands.add_parser("list", help="列出整改事项（按单位、状态，或只列逾期事项）")
    listing.set_defaults(handler=_list)
    _session_args(listing)
    listing.add_argument("--unit", help="只列此执法单位的事项")
    listing.add_argument(
        "--status", type=_status, action="append", default=[], help="待整改、已报送…（可重复）"
    )
    listing.add_argument("--overdue", action="store_true", help="只列已逾期的事项（按工作日计算）")
    listing.add_argument("--today", type=dt.date.fromisoformat, help="按此日期判断逾期（默认今天）")
    listing.add_argument("--format", choices=("table", "json"), default="table")
    attach = commands.add_parser("attach", help="附整改报告（DOCX、PDF 或扫描图片）到其答复的事项")
    attach.set_defaults(handler=_attach)
    _session_args(attach)
    attach.add_argument("report", metavar="FILE", help="整改报告文件")
    attach.add_argument("--unit", required=True, help="报送整改报告的执法单位")
    attach.add_argument("--items", type=_ids, required=True, help="所答复的事项编号，逗号分隔")
    verify = commands.add_parser("verify", help="核查整改事项：已整改 / 未整改到位")
    verify.set_defaults(handler=_verify)
    _session_args(verify)
    verify.add_argument("item", type=int, metavar="ITEM", help="事项编号")
    verify.add_argument("--unit", required=True, help="事项所属执法单位")
    verify.add_argument("--result", type=_status, required=True, help="已整改 或 未整改到位")
    verify.add_argument("--note", default="", help="核查说明（未整改到位时必填）")
    close = commands.add_parser("close", help="整改事项销号")
    close.set_defaults(handler=_close)
    _session_args(close)
    close.add_argument("item", type=int, metavar="ITEM")
    close.add_argument("--unit", help="事项所属执法单位（给出时核对）")
    close.add_argument("--note", default="", help="销号说明（未认定已整改时必填）")
    recheck = commands.add_parser("recheck", help="复查整改后的案卷：其评查不再扣分的事项销号")
    recheck.set_defaults(handler=_recheck)
    _session_args(recheck)
    recheck.add_argument("--case", type=int, required=True, help="原案卷编号")
    recheck.add_argument("--review", type=int, required=True, help="整改后案卷（新版本）的评查编号")
    periods = commands.add_parser("periods", help="查看或设置会话的整改期限、异议期限（工作日）")
    periods.set_defaults(handler=_periods)
    _session_args(periods)
    periods.add_argument("--rectify-days", type=int, help="整改期限：整改通知书成文日期后的工作日数")
    periods.add_argument("--objection-days", type=int, help="异议期限：整改通知书成文日期后的工作日数")
    export = commands.add_parser("export", help="导出整改台账（XLSX，含状态统计与异议复核）")
    export.set_defaults(handler=_export)
    _session_args(export)
    export.add_argument("--out", required=True, metavar="FILE.xlsx")
    export.add_argument("--today", type=dt.date.fromisoformat, help="按此日期判断逾期（默认今天）")


def _item_line(item: RectifyItem, labels: dict[int, str]) -> str:
    late = f"，逾期 {item.overdue_days} 个工作日" if item.overdue_days is not None else ""
    reports = f"，整改报告：{'、'.join(item.reports)}" if item.reports else ""
    note = f"，说明：{item.note}" if item.note else ""
    case = labels.get(item.case_id, f"#{item.case_id}")
    return (
        f"[{item.id}] {item.unit}  {case}  {item.item_id} {item.title}：{item.reason}"
        f"（期限 {item.deadline.isoformat()}，{item.status.label}{late}{reports}{note}）"
    )


def _list(args: argparse.Namespace, database: Database) -> int:
    with database.session_scope(readonly=True) as session:
        info = find_session(session, args.name)
        items = ledger.list_items(
            session, info.id, unit=args.unit, statuses=args.status, overdue=args.overdue, today=args.today
        )
        labels = case_labels(session)
    if args.format == "json":
        rows = [
            {
                "id": i.id,
                "unit": i.unit,
                "case_id": i.case_id,
                "item": i.item_id,
                "rules": list(i.rules),
                "deadline": i.deadline.isoformat(),
                "status": i.status.value,
                "overdue_days": i.overdue_days,
                "reports": list(i.reports),
                "note": i.note,
            }
            for i in items
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for item in items:
        print(_item_line(item, labels))
    counts = ledger.status_counts(items)
    summary = "，".join(f"{s.label} {n}" for s, n in counts.items() if n)
    overdue = sum(1 for i in items if i.overdue_days is not None)
    print(
        f"共 {len(items)} 项"
        + (f"：{summary}" if summary else "")
        + (f"；逾期 {overdue} 项" if overdue else "")
    )
    return 0


def _attach(args: argparse.Namespace, database: Database) -> int:
    report = read_attachment(Path(args.report))
    with database.session_scope() as session:
        info = find_session(session, args.name)
        attach_report(session, info.id, args.unit, args.items, report, args.by)
    print(f"已附整改报告“{report.file_name}”至事项 {'、'.join(map(str, args.items))}")
    return 0


def _verify(args: argparse.Namespace, database: Database) -> int:
    with database.session_scope() as session:
        info = find_session(session, args.name)
        verify_item(session, info.id, args.unit, args.item, args.result, args.note, args.by)
    print(f"事项 {args.item}：{args.result.label}")
    return 0


def _close(args: argparse.Namespace, database: Database) -> int:
    with database.session_scope() as session:
        info = find_session(session, args.name)
        close_item(session, info.id, args.item, args.note, args.by, unit=args.unit)
    print(f"事项 {args.item} 已销号")
    return 0


def _recheck(args: argparse.Namespace, database: Database) -> int:
    with database.session_scope() as session:
        info = find_session(session, args.name)
        closed = close_by_recheck(session, info.id, args.case, args.review, args.by)
    print(
        f"复查评查 #{args.review}：销号 {len(closed)} 项"
        + (f"（{'、'.join(map(str, closed))}）" if closed else "")
    )
    return 0


def _periods(args: argparse.Namespace, database: Database) -> int:
    with database.session_scope() as session:
        info = find_session(session, args.name)
        if args.rectify_days is None and args.objection_days is None:
            periods = ledger.get_periods(session, info.id)
        else:
            periods = ledger.set_periods(
                session,
                info.id,
                args.by,
                rectify_days=args.rectify_days,
                objection_days=args.objection_days,
            )
    print(
        f"整改期限 {periods.rectify_days} 个工作日，异议期限 {periods.objection_days} 个工作日（自整改通知书成文日期起）"
    )
    return 0


def _export(args: argparse.Namespace, database: Database) -> int:
    from casereview.export.rectify_ledger import write_ledger
    from casereview.rectify.objections import list_objections

    with database.session_scope(readonly=True) as session:
        info = find_session(session, args.name)
        items = ledger.list_items(session, info.id, today=args.today)
        objections = list_objections(session, info.id)
        labels = case_labels(session)
    path = write_ledger(Path(args.out), info.name, items, objections, labels)
    print(f"已导出：{path}")
    return 0
