"""``casereview rescore``: re-score stored reviews under the installed (or a new) version of a
standard and report which cases change grade and why; ``--apply`` stores the new reviews."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from casereview.checking import DEFAULT_STANDARD
from casereview.cli.common import DB_HELP, reviewer_options
from casereview.db.engine import open_database
from casereview.review.rescore import format_rescore_report, rescore
from casereview.review.service import standard_meta
from casereview.review.standard_scorer import StandardScorer, apply_rescore
from casereview.standards.loader import load_standard
from casereview.standards.registry import installed_standards


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    again = sub.add_parser("rescore", help="按评查标准的当前（或指定）版本重新评分，列出等次变化的案卷及原因")
    which = again.add_mutually_exclusive_group()
    which.add_argument("--standard", help="评查标准编号（默认 transport_penalty），使用已安装的当前版本")
    which.add_argument(
        "--standard-file",
        type=Path,
        metavar="PATH",
        help="待评估的新版标准文件（命名为 standard.yaml 时须放在以标准编号命名的文件夹中）",
    )
    again.add_argument("--profile", help="参数方案（默认：各评查原来的方案）")
    again.add_argument("--apply", action="store_true", help="保存为新的评查记录（默认只报告）")
    reviewer_options(again, standard=False)
    again.add_argument("--db", help=DB_HELP)
    again.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """``casereview rescore``: report (and with ``--apply`` store) scores under a standard version."""
    installed = installed_standards()
    if args.standard_file is not None:
        standard = load_standard(args.standard_file)
        baseline = installed.get(standard.id)
        if baseline is not None and baseline.content_hash() == standard.content_hash():
            baseline = None  # the same content: nothing to compare with
    else:
        wanted = args.standard or DEFAULT_STANDARD
        if wanted not in installed:
            print(f"错误：没有评查标准 {wanted}", file=sys.stderr)
            return 2
        standard, baseline = installed[wanted], None
    if args.profile is not None and args.profile not in {p.name for p in standard.profiles}:
        print(f"错误：评查标准 {standard.id} 没有参数方案 {args.profile}", file=sys.stderr)
        return 2
    scorer = StandardScorer(standard, args.profile, baseline)
    with open_database(args.db) as database:
        with database.session_scope(readonly=True) as session:
            changes = rescore(session, scorer, standard_meta(standard))
        print(format_rescore_report(changes))
        if not args.apply:
            print("（仅为报告，未保存；加 --apply 按该版本保存为新的评查记录）")
            return 0
        with database.session_scope() as session:
            stored = apply_rescore(session, scorer, args.reviewer)
    pairs = "、".join(f"#{old} → #{new}" for old, new in stored)
    print(
        f"已按评查标准 {standard.id} 版本 {standard.version} 保存 {len(stored)} 个新评查{'：' + pairs if pairs else ''}"
    )
    return 0
