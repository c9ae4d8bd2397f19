"""Command line: ``casereview ingest|check|review|rescore|standards|publications|export|session|training|calibration|reasons …`` (Chinese messages, JSON for machines)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from casereview import __version__
from casereview.calibration.cli import add_cli as add_calibration_cli
from casereview.calibration.cli import run_cli as run_calibration_cli
from casereview.checking import Checker, contract_object
from casereview.cli_errors import report_error
from casereview.cli_table import print_table
from casereview.db.cli import add_cli as add_db_cli
from casereview.db.cli import run_audit_cli, run_db_cli
from casereview.domain.casetype import CASE_TYPES, PENALTY, STANDARDS
from casereview.errors import CaseReviewError, ErrorCode
from casereview.export.cli import add_cli as add_export_cli
from casereview.export.cli import run_cli as run_export_cli
from casereview.extract.agency import enforcement_unit
from casereview.ingest import IngestOptions
from casereview.ingest.scan import PageScanner
from casereview.listfiles.roster_file import RosterError
from casereview.lists.publication_cli import add_cli as add_publications_cli
from casereview.lists.publication_cli import run_cli as run_publications_cli
from casereview.lists.roster_cli import add_cli as add_roster_cli
from casereview.lists.roster_cli import run_cli as run_roster_cli
from casereview.messages import describe, describe_notice
from casereview.pipeline import Analysis, read_case
from casereview.progress import Progress, ProgressEvent, no_progress
from casereview.reasons.cli import add_cli as add_reasons_cli
from casereview.reasons.cli import run_cli as run_reasons_cli
from casereview.rectify.cli import add_cli as add_rectify_cli
from casereview.rectify.cli import run_cli as run_rectify_cli
from casereview.review.review_cli import add_cli as add_review_cli
from casereview.review.review_cli import add_ingest_options, ingest_review, run_rescore
from casereview.review.review_cli import run_cli as run_review_cli
from casereview.sessions.cli import add_cli as add_session_cli
from casereview.sessions.cli import run_cli as run_session_cli
from casereview.standards.lint import add_cli as add_standards_cli
from casereview.standards.lint import run_cli as run_standards_cli
from casereview.training.cli import add_cli as add_training_cli
from casereview.training.cli import run_cli as run_training_cli


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="casereview", description="案卷评查工作站 命令行")
    parser.add_argument("--version", action="version", version=f"casereview {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    def reading_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("paths", nargs="+", metavar="PATH", help="案卷：PDF、DOCX、图片或页面图片文件夹")
        p.add_argument("--password", help="加密 PDF 的密码")
        p.add_argument("--workers", type=int, default=None, help="OCR 进程数（默认：CPU 核数）")
        p.add_argument("--no-ocr", action="store_true", help="不做文字识别（扫描页将没有文字）")
        p.add_argument("--quiet", "-q", action="store_true", help="不显示进度")

    check = sub.add_parser("check", help="读取并检查案卷，输出文书、要素与评查结果")
    reading_options(check)
    check.add_argument("--format", choices=("json", "table"), default="table")
    check.add_argument(
        "--standard",
        help="评查标准编号（默认按案卷类型选择：行政处罚 transport_penalty，行政强制 transport_compulsion，"
        "行政检查 transport_inspection；指定后所有案卷均按该标准评查）",
    )
    check.add_argument(
        "--case-type",
        choices=("auto", *CASE_TYPES),
        default="auto",
        help="案卷类型：auto 按文书自动判断（默认），penalty 行政处罚，compulsion 行政强制（查封、扣押），"
        "inspection 行政检查",
    )
    check.add_argument("--profile", help="标准中的参数方案（如 gb118：公示期限 7 个工作日）")
    check.add_argument("--publications", type=Path, help="公示清单（CSV/XLSX），按案号匹配公示日期")
    check.add_argument(
        "--roster", type=Path, help="执法人员名单（CSV/XLSX），核对执法证件有效期（规则 P-21）"
    )

    ingest = sub.add_parser("ingest", help="读取案卷并存入数据库（相同文件复用已有记录）")
    reading_options(ingest)
    ingest.add_argument("--db", help="数据库地址（默认：用户数据目录下的 SQLite 文件）")
    ingest.add_argument("--replace", action="store_true", help="重新分析已导入的相同文件")
    add_ingest_options(ingest)
    add_review_cli(sub)
    add_standards_cli(sub)
    add_publications_cli(sub)
    add_roster_cli(sub)
    add_export_cli(sub)
    add_session_cli(sub)
    add_rectify_cli(sub)
    add_training_cli(sub)
    add_calibration_cli(sub)
    add_reasons_cli(sub)
    add_db_cli(sub)
    return parser


def _scanner(args: argparse.Namespace) -> PageScanner | None:
    if args.no_ocr:
        return None
    from casereview.ocr.scanner import OcrScanner

    return OcrScanner(workers=args.workers)


def _progress(quiet: bool) -> Progress:
    def report(event: ProgressEvent) -> None:
        if event.total:
            print(
                f"\r{event.stage} {event.done}/{event.total}  {event.path}",
                end="",
                file=sys.stderr,
                flush=True,
            )

    return no_progress if quiet or not sys.stderr.isatty() else report


Handle = Callable[[Analysis], dict[str, object]]


def _read_all(args: argparse.Namespace, handle: Handle) -> tuple[list[dict[str, object]], int]:
    """Read every path; an unreadable file becomes an error object and the batch goes on."""
    options = IngestOptions(password=args.password)
    scanner = _scanner(args)
    progress = _progress(args.quiet)
    results: list[dict[str, object]] = []
    failures = 0
    try:
        for raw in args.paths:
            try:
                analysis = read_case(Path(raw), options, scanner, progress)
                for notice in analysis.case.notices:
                    print(f"提示：{raw}：{describe_notice(notice)}", file=sys.stderr)
                obj = handle(analysis)
                obj["source"] = raw
                results.append(obj)
            except CaseReviewError as exc:
                failures += 1
                print(f"错误 [{exc.code}]：{describe(exc)}", file=sys.stderr)
                results.append({"source": raw, "error": {"code": str(exc.code), "message": describe(exc)}})
    finally:
        close = getattr(scanner, "close", None)
        if close is not None:
            close()
    return results, failures


def _cmd_check(args: argparse.Namespace) -> int:
    forced = None if args.case_type == "auto" else args.case_type
    try:
        if args.standard is not None:
            checker = Checker.create(
                args.standard, args.profile, args.publications, case_type=forced, roster=args.roster
            )
        else:
            checker = Checker.create(
                STANDARDS[forced or PENALTY],
                args.profile,
                args.publications,
                by_case_type=True,
                case_type=forced,
                roster=args.roster,
            )
    except RosterError as exc:
        print(exc.describe(), file=sys.stderr)
        return 1
    except KeyError as exc:
        print(f"错误：没有评查标准或参数方案 {exc}", file=sys.stderr)
        return 2

    def check(analysis: Analysis) -> dict[str, object]:
        return contract_object(analysis, checker.check(analysis), checker.case_type_of(analysis))

    results, failures = _read_all(args, check)
    if args.format == "json":
        json.dump(results, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print_table(results, sys.stdout)
    return 1 if failures else 0


def _cmd_ingest(args: argparse.Namespace) -> int:
    from casereview.db.engine import open_database
    from casereview.db.repository import find_case_by_sha256, save_case
    from casereview.ingest.sources import file_sha256

    try:
        review = ingest_review(args)
    except KeyError as exc:
        print(f"错误：没有评查标准或参数方案 {exc}", file=sys.stderr)
        return 2
    database = open_database(args.db)
    remaining: list[str] = []
    for raw in args.paths:
        path = Path(raw)
        if path.is_file() and not args.replace:
            reviewed = ""
            with database.session_scope() as session:
                existing = find_case_by_sha256(session, file_sha256(path))
                if existing is not None and review is not None and review.needed(session, existing):
                    reviewed = review(session, existing)  # stored before reviews, or under another standard
            if existing is not None:
                if reviewed:
                    print(reviewed)
                print(f"已导入（相同文件），复用记录 #{existing}：{raw}")
                continue
        remaining.append(raw)
    args.paths = remaining
    if not remaining:
        return 0

    def store(analysis: Analysis) -> dict[str, object]:
        with database.session_scope() as session:
            analysis.case_id = save_case(
                session,
                analysis.case,
                analysis.documents,
                analysis.extraction,
                replace=args.replace,
                unit=enforcement_unit(analysis.case, analysis.documents),
            )
            # the case and its machine review: one transaction
            reviewed = "" if review is None else review(session, analysis.case_id)
        print(
            f"已导入 #{analysis.case_id}：{analysis.case.source}（{analysis.case.page_count} 页，{len(analysis.documents)} 份文书）"
        )
        if reviewed:
            print(reviewed)
        return contract_object(analysis)

    _results, failures = _read_all(args, store)
    return 1 if failures else 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            return _cmd_check(args)
        if args.command == "ingest":
            return _cmd_ingest(args)
        if args.command == "review":
            return run_review_cli(args)
        if args.command == "rescore":
            return run_rescore(args)
        if args.command == "standards":
            return run_standards_cli(args)
        if args.command == "publications":
            return run_publications_cli(args)
        if args.command == "roster":
            return run_roster_cli(args)
        if args.command == "export":
            return run_export_cli(args)
        if args.command == "session":
            return run_session_cli(args)
        if args.command in ("rectify", "objection"):
            return run_rectify_cli(args)
        if args.command == "calibration":
            return run_calibration_cli(args)
        if args.command == "reasons":
            return run_reasons_cli(args)
        if args.command == "training":
            return run_training_cli(args)
        if args.command == "audit":
            return run_audit_cli(args)
        if args.command == "db":
            return run_db_cli(args)
    except CaseReviewError as exc:
        return report_error(exc, with_code=True)
    except KeyboardInterrupt:
        print(describe(CaseReviewError(ErrorCode.CANCELLED)), file=sys.stderr)
        return 130
    return 2


if __name__ == "__main__":
    sys.exit(main())
