"""``casereview export NAME CASE... --out …``: every export of the registry
(:mod:`casereview.app.exports`), each a subcommand with the options it names.

CASE is a case-file path (checked on the fly; with ``--db`` it is stored and its stored review is
used) or the id of a stored case; ``--session NAME`` exports a review session's cases with its
data instead. A CASE that cannot be used is reported in Chinese and the batch goes on; the command
exits 1 when any CASE failed or nothing could be written (no partial file).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

from casereview.app.exports import (
    EXPORTERS,
    ExportOptions,
    ExportRequest,
    collect_export,
    write_export,
)
from casereview.checking import DEFAULT_STANDARD
from casereview.cli.errors import report_error
from casereview.db import Database, open_database
from casereview.errors import CaseReviewError
from casereview.messages import describe
from casereview.sessions.store import find_session

Parser = argparse.ArgumentParser

# The command-line form of each ExportOptions field an export may name.
OPTIONS: dict[str, Callable[[Parser], object]] = {
    "issuer": lambda p: p.add_argument("--issuer", default="", help="发文机关"),
    "number": lambda p: p.add_argument("--number", default="", help="文号，如 X交执法〔2026〕12号"),
    "deadline_days": lambda p: p.add_argument(
        "--deadline-days",
        type=int,
        default=None,
        help="整改期限：默认 30 天；与 --session 一起时为工作日数，默认取会话设置（rectify periods）",
    ),
    "issued": lambda p: p.add_argument(
        "--issued", type=dt.date.fromisoformat, metavar="YYYY-MM-DD", help="成文日期（默认今天）"
    ),
    "actor": lambda p: p.add_argument(
        "--by",
        dest="actor",
        metavar="BY",
        default="组长",
        help="操作人（与 --session 一起时记入整改台账和审计记录）",
    ),
    "password": lambda p: p.add_argument("--password", help="加密 PDF 的密码"),
}


def _common(p: Parser, many: bool) -> None:
    p.add_argument("cases", nargs="*" if many else 1, metavar="CASE", help="案卷文件路径或已导入案卷的编号")
    if many:
        p.add_argument("--session", metavar="NAME", help="导出整个评查会话的案卷（代替 CASE）")
    p.add_argument("--db", help="数据库地址（使用已导入的案卷及其评查记录）")
    p.add_argument("--standard", default=DEFAULT_STANDARD, help="评查标准编号")
    p.add_argument("--profile", help="评查标准中的参数方案")
    p.add_argument("--no-ocr", action="store_true", help="不做文字识别（扫描页将没有文字）")


def register(sub: argparse._SubParsersAction[Parser]) -> None:
    export = sub.add_parser("export", help="导出：评查评分表、整改通知书、典型案例汇编、批注版 PDF")
    export.set_defaults(func=run)
    kinds = export.add_subparsers(dest="export_kind", required=True)
    for exporter in EXPORTERS.values():
        p = kinds.add_parser(exporter.name, help=exporter.help)
        _common(p, many=not exporter.one_case)
        p.add_argument("--out", type=Path, required=True, metavar=exporter.out)
        for option in exporter.options:
            OPTIONS[option](p)


def _request(args: argparse.Namespace, session_id: int | None) -> ExportRequest:
    given = vars(args)
    options = ExportOptions(**{name: given[name] for name in EXPORTERS[args.export_kind].options})
    return ExportRequest(
        args.out,
        () if session_id is not None else tuple(args.cases),  # --session replaces CASE
        session_id,
        args.standard,
        args.profile,
        ocr=not args.no_ocr,
        options=options,
    )


def _report(spec: str, error: CaseReviewError) -> None:
    print(f"错误 [{error.code}]：{spec}：{describe(error)}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    database: Database | None = open_database(args.db) if args.db else None
    try:
        try:
            session_id = None
            if getattr(args, "session", None):
                if database is None:
                    database = open_database()  # a session lives in a database: the default one
                with database.session_scope(readonly=True) as session:
                    session_id = find_session(session, args.session).id
            collected = collect_export(
                args.export_kind, _request(args, session_id), database, on_error=_report
            )
        except CaseReviewError as exc:
            return report_error(exc)
        if not collected.job.cases:
            print("错误：没有可导出的案卷", file=sys.stderr)
            return 1
        written = write_export(args.export_kind, collected.job)
    finally:
        if database is not None:
            database.close()
    for path in written:
        print(f"已导出：{path}")
    return 1 if collected.failures else 0
