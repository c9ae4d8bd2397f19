"""``casereview export scoresheet|notice|compilation|annotated CASE... --out …``.

CASE is a case-file path (checked on the fly; with ``--db`` it is stored and its stored review is
used) or the id of a stored case. A CASE that cannot be used is reported in Chinese and the batch
goes on; the command exits 1 when any CASE failed or nothing could be written (no partial file).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import replace
from pathlib import Path

from casereview.checking import DEFAULT_STANDARD, Checker
from casereview.cli_errors import report_error
from casereview.db import Database, open_database
from casereview.errors import CaseReviewError, InputError
from casereview.export.collect import collect
from casereview.export.model import ReviewedCase
from casereview.messages import describe
from casereview.sessions.agreement import AgreementStats, agreement
from casereview.sessions.double import final_deciders
from casereview.sessions.store import find_session, session_cases


def add_cli(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = sub.add_parser("export", help="导出：评查评分表、整改通知书、典型案例汇编、批注版 PDF")
    kinds = export.add_subparsers(dest="export_kind", required=True)

    def common(p: argparse.ArgumentParser, many: bool = True) -> None:
        p.add_argument(
            "cases", nargs="*" if many else 1, metavar="CASE", help="案卷文件路径或已导入案卷的编号"
        )
        if many:
            p.add_argument("--session", metavar="NAME", help="导出整个评查会话的案卷（代替 CASE）")
        p.add_argument("--db", help="数据库地址（使用已导入的案卷及其评查记录）")
        p.add_argument("--standard", default=DEFAULT_STANDARD, help="评查标准编号")
        p.add_argument("--profile", help="评查标准中的参数方案")
        p.add_argument("--no-ocr", action="store_true", help="不做文字识别（扫描页将没有文字）")

    scoresheet = kinds.add_parser(
        "scoresheet", help="评查评分表（XLSX）：一份案卷一张表，多份案卷另附汇总与统计"
    )
    common(scoresheet)
    scoresheet.add_argument("--out", type=Path, required=True, metavar="FILE.xlsx")
    notice = kinds.add_parser("notice", help="整改通知书（每个执法单位一份 DOCX，可用时另附 PDF）")
    common(notice)
    notice.add_argument("--out", type=Path, required=True, metavar="DIR")
    notice.add_argument("--issuer", default="", help="发文机关")
    notice.add_argument("--number", default="", help="文号，如 X交执法〔2026〕12号")
    notice.add_argument(
        "--deadline-days",
        type=int,
        default=None,
        help="整改期限：默认 30 天；与 --session 一起时为工作日数，默认取会话设置（rectify periods）",
    )
    notice.add_argument(
        "--issued", type=dt.date.fromisoformat, metavar="YYYY-MM-DD", help="成文日期（默认今天）"
    )
    notice.add_argument("--by", default="组长", help="操作人（与 --session 一起时记入整改台账和审计记录）")
    compilation = kinds.add_parser("compilation", help="典型案例汇编（DOCX 与 PDF，已匿名化并核验）")
    common(compilation)
    compilation.add_argument("--out", type=Path, required=True, metavar="FILE.docx")
    bulletin = kinds.add_parser(
        "bulletin", help="评查结果通报（公文格式 DOCX，可用时另附 PDF），须给出 --session"
    )
    common(bulletin)
    bulletin.add_argument("--out", type=Path, required=True, metavar="FILE.docx")
    bulletin.add_argument("--issuer", default="", help="发文机关")
    bulletin.add_argument("--number", default="", help="文号，如 X交执法〔2026〕30号")
    annotated = kinds.add_parser("annotated", help="批注版 PDF：原页面加评查批注与封面")
    common(annotated, many=False)
    annotated.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    annotated.add_argument("--password", help="加密 PDF 的密码")


def _session_extras(
    database: Database, session_id: int, checker: Checker
) -> tuple[dict[int, dict[str, str]], AgreementStats]:
    """Per case the final decider of each item, and the double-review agreement statistics."""
    standards = {checker.standard.id: checker.standard}
    with database.session_scope(readonly=True) as session:
        deciders = {
            c.case_id: final_deciders(session, c, standards) for c in session_cases(session, session_id)
        }
        stats = agreement(session, session_id, checker.standard)
    return deciders, stats


def _collect(args: argparse.Namespace, database: Database | None) -> tuple[list[ReviewedCase], int]:
    specs, final_reviews, units = list(args.cases), {}, {}
    if args.export_kind == "bulletin" and not args.session:
        raise InputError("bulletin_needs_session")
    standard, profile = args.standard, args.profile
    if getattr(args, "session", None):
        if database is None:
            database = open_database()  # a session lives in a database: the default one
            args.db_opened = database
        with database.session_scope(readonly=True) as session:
            info = find_session(session, args.session)
            cases = session_cases(session, info.id)
        standard, profile = info.standard_id, info.profile
        specs = [str(c.case_id) for c in cases]
        final_reviews = {c.case_id: c.final_review_id for c in cases if c.final_review_id is not None}
        units = {c.case_id: c.unit for c in cases if c.unit}
        args.session_id = info.id
        args.session_info = info
    args.database = database or getattr(args, "db_opened", None)
    if not specs:
        raise InputError("no_cases")
    checker = Checker.create(standard, profile)
    args.checker = checker
    failures = 0

    def report(spec: str, error: CaseReviewError) -> None:
        nonlocal failures
        failures += 1
        print(f"错误 [{error.code}]：{spec}：{describe(error)}", file=sys.stderr)

    scanner = None
    if not args.no_ocr:
        from casereview.ocr.scanner import OcrScanner

        scanner = OcrScanner(workers=None)
    try:
        # The 通报 reads sheets, units and tags only; the deciders and agreement are for the sheets.
        bulletin = args.export_kind == "bulletin"
        collected = collect(
            specs, checker, database, report, scanner, final_reviews, units, sheets_only=bulletin
        )
        if getattr(args, "session_id", None) is not None and database is not None and not bulletin:
            deciders, args.agreement = _session_extras(database, args.session_id, checker)
            collected = [replace(c, deciders=deciders.get(c.case_id or -1, {})) for c in collected]
        return collected, failures
    finally:
        if scanner is not None:
            scanner.close()


def run_cli(args: argparse.Namespace) -> int:
    database = open_database(args.db) if args.db else None
    try:
        try:
            cases, failures = _collect(args, database)
        except CaseReviewError as exc:
            return report_error(exc)
        if not cases:
            print("错误：没有可导出的案卷", file=sys.stderr)
            return 1
        written = _export(args, cases, database or getattr(args, "db_opened", None))
    finally:
        for opened in (database, getattr(args, "db_opened", None)):
            if opened is not None:
                opened.close()
    for path in written:
        print(f"已导出：{path}")
    return 1 if failures else 0


def _export(args: argparse.Namespace, cases: list[ReviewedCase], database: Database | None) -> list[Path]:
    kind = args.export_kind
    if kind == "scoresheet":
        from casereview.export.scoresheet import write_scoresheet

        followup = None
        session_id = getattr(args, "session_id", None)
        if session_id is not None and database is not None:
            from casereview.export.session_followup import session_followup

            with database.session_scope(readonly=True) as session:
                followup = session_followup(session, session_id)
        agreement = getattr(args, "agreement", None)
        return write_scoresheet(cases, args.out, agreement=agreement, followup=followup)
    if kind == "notice":
        from casereview.export.notice import NoticeSettings, write_notices

        settings = NoticeSettings(doc_number=args.number, issued=args.issued)
        if args.issuer:
            settings.issuer = args.issuer
        session_id = getattr(args, "session_id", None)
        if session_id is not None and database is not None:
            from casereview.export.rectify_record import write_session_notices

            return write_session_notices(
                database, session_id, cases, args.out, settings, args.by, rectify_days=args.deadline_days
            )
        if args.deadline_days is not None:
            settings.deadline_days = args.deadline_days
        return write_notices(cases, args.out, settings)
    if kind == "bulletin":
        from casereview.export.bulletin_cli import export_bulletin

        return export_bulletin(args, cases)
    if kind == "compilation":
        from casereview.export.compilation import write_compilation

        # The cases named on the command line are the trainer's choice: untagged ones are compiled
        # too, without a verdict; a whole session compiles only what was tagged.
        untagged = not getattr(args, "session", None)
        return write_compilation(cases, args.out, untagged=untagged).files
    from casereview.export.annotated import write_annotated_pdf

    return [write_annotated_pdf(cases[0], args.out, args.password)]
