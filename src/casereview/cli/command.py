"""``casereview ingest|check|review|rescore|standards|publications|roster|export|session|rectify|
objection|training|calibration|reasons|audit|db …`` (Chinese messages, JSON for machines).

Each subcommand is a module of this package with ``register(sub)``, which adds its parser and sets
``func`` (and, for a group, a handler per action) with ``set_defaults``; :func:`main` parses and
runs ``args.func(args)``. A :class:`CaseReviewError` that reaches here is printed with its code.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from casereview import __version__
from casereview.cli import (
    audit,
    calibration,
    check,
    db,
    export,
    ingest,
    objection,
    publications,
    reasons,
    rectify,
    rescore,
    review,
    roster,
    session,
    standards,
    training,
)
from casereview.cli.errors import report_error
from casereview.errors import CaseReviewError, ErrorCode
from casereview.messages import describe

# In the order ``casereview --help`` lists them.
SUBCOMMANDS = (
    check,
    ingest,
    review,
    rescore,
    standards,
    publications,
    roster,
    export,
    session,
    rectify,
    objection,
    training,
    calibration,
    reasons,
    audit,
    db,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="casereview", description="案卷评查工作站 命令行")
    parser.add_argument("--version", action="version", version=f"casereview {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    for module in SUBCOMMANDS:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code: int = args.func(args)
    except CaseReviewError as exc:
        return report_error(exc, with_code=True)
    except KeyboardInterrupt:
        print(describe(CaseReviewError(ErrorCode.CANCELLED)), file=sys.stderr)
        return 130
    return code


if __name__ == "__main__":
    sys.exit(main())
