"""What ``check`` and ``ingest`` share: the reading options and reading a batch of case files,
where an unreadable file becomes an error object and the batch goes on."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from casereview.errors import CaseReviewError
from casereview.ingest import IngestOptions
from casereview.ingest.scan import PageScanner
from casereview.messages import describe, describe_notice
from casereview.pipeline import Analysis, read_case
from casereview.progress import Progress, ProgressEvent, no_progress

Handle = Callable[[Analysis], dict[str, object]]


def reading_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="案卷：PDF、DOCX、图片或页面图片文件夹")
    p.add_argument("--password", help="加密 PDF 的密码")
    p.add_argument("--workers", type=int, default=None, help="OCR 进程数（默认：CPU 核数）")
    p.add_argument("--no-ocr", action="store_true", help="不做文字识别（扫描页将没有文字）")
    p.add_argument("--quiet", "-q", action="store_true", help="不显示进度")


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


def read_all(args: argparse.Namespace, handle: Handle) -> tuple[list[dict[str, object]], int]:
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
