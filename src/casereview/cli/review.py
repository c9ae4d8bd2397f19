"""``casereview review run|decide|set-type|show``: a stored case's review from the command line."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from sqlalchemy.orm import Session

from casereview.cli.common import (
    DB_HELP,
    IngestReview,
    checker_from,
    default_reviewer,
    grade_text,
    reviewer_options,
)
from casereview.cli.errors import report_error
from casereview.db.engine import Database, open_database
from casereview.db.repository import list_cases
from casereview.domain.casetype import CASE_TYPES, LABELS
from casereview.errors import CaseReviewError, InputError, StandardUnavailable
from casereview.messages import describe
from casereview.review.audit import audit_trail
from casereview.review.casetypes import set_case_type
from casereview.review.decisions import KIND_LABELS, to_reviewer_decision
from casereview.review.records import StoredDecision
from casereview.review.review_text import format_audit, format_review
from casereview.review.service import current_sheet_in, decide
from casereview.review.store import load_review, reviews_of_case
from casereview.scoring.model import DecisionKind


def _bbox(text: str) -> tuple[float, float, float, float]:
    parts = text.replace("，", ",").split(",")
    try:
        x0, y0, x1, y1 = (float(p) for p in parts)
    except ValueError:
        raise argparse.ArgumentTypeError(f"页面区域应为 x0,y0,x1,y1 四个数（PDF 坐标）：{text}") from None
    if x1 <= x0 or y1 <= y0:
        raise argparse.ArgumentTypeError(f"页面区域的右下角应在左上角之后：{text}")
    return x0, y0, x1, y1


def _points(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"扣分应为数字：{text}") from None


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``casereview review run|decide|set-type|show``."""
    review = sub.add_parser("review", help="评查：对已导入的案卷评查、记录评查人员的决定、查看评查结果")
    review.set_defaults(func=run)
    commands = review.add_subparsers(dest="review_command", required=True)
    run_cmd = commands.add_parser("run", help="对已导入的案卷重新进行机器评查（保存为新的评查记录）")
    run_cmd.add_argument("case_id", type=int, metavar="CASE_ID", help="案卷编号")
    reviewer_options(run_cmd)
    run_cmd.add_argument("--db", help=DB_HELP)
    run_cmd.set_defaults(handler=_run)

    decide_cmd = commands.add_parser("decide", help="对案卷最新一次评查的某一评查项作出决定")
    decide_cmd.add_argument("case_id", type=int, metavar="CASE_ID", help="案卷编号")
    decide_cmd.add_argument("item_id", metavar="ITEM_ID", help="评查项目编号，如 JA-02")
    kind = decide_cmd.add_mutually_exclusive_group(required=True)
    kind.add_argument("--accept", action="store_true", help="确认机器评查结果（待评项确认为不扣分）")
    kind.add_argument(
        "--override", type=_points, metavar="DEDUCTION", help="改判扣分（不扣分填 0），须写理由"
    )
    kind.add_argument("--manual", type=_points, metavar="DEDUCTION", help="人工添加扣分，须写理由和页码")
    decide_cmd.add_argument("--reason", default="", help="理由")
    decide_cmd.add_argument("--page", type=int, help="依据所在页码（从 1 开始）")
    decide_cmd.add_argument("--bbox", type=_bbox, help="依据在页面上的区域 x0,y0,x1,y1（PDF 坐标）")
    reviewer_options(decide_cmd, standard=False)
    decide_cmd.add_argument("--db", help=DB_HELP)
    decide_cmd.set_defaults(handler=_decide)

    set_type = commands.add_parser(
        "set-type", help="设定案卷类型（决定按哪一评查标准评查）；auto 恢复按文书自动判断"
    )
    set_type.add_argument("case_id", type=int, metavar="CASE_ID", help="案卷编号")
    set_type.add_argument(
        "case_type",
        choices=("auto", *CASE_TYPES),
        help="penalty 行政处罚、compulsion 行政强制、inspection 行政检查",
    )
    set_type.add_argument("--reviewer", default=default_reviewer(), help="评查人员（默认：当前系统用户名）")
    set_type.add_argument("--db", help=DB_HELP)
    set_type.set_defaults(handler=_set_type)

    show = commands.add_parser("show", help="查看案卷最新一次评查：逐项状态、扣分与评查人员的决定")
    show.add_argument("case_id", type=int, metavar="CASE_ID", help="案卷编号")
    show.add_argument("--audit", action="store_true", help="同时列出审计记录（谁、何时、改了什么）")
    show.add_argument("--db", help=DB_HELP)
    show.set_defaults(handler=_show)


def _latest_review(session: Session, case_id: int) -> int | None:
    """The newest review of a case; prints why there is none."""
    reviews = reviews_of_case(session, case_id)
    if reviews:
        return reviews[0].id
    if any(case.id == case_id for case in list_cases(session)):
        print(f"案卷 #{case_id} 还没有评查记录，请先运行：casereview review run {case_id}", file=sys.stderr)
    else:
        print(f"没有案卷 #{case_id}", file=sys.stderr)
    return None


def _run(args: argparse.Namespace, database: Database) -> int:
    try:
        checker = checker_from(args)
    except (StandardUnavailable, InputError) as exc:  # an unknown standard, profile or case type
        report_error(exc)
        return 2
    with database.session_scope() as session:
        if not any(case.id == args.case_id for case in list_cases(session)):
            print(f"没有案卷 #{args.case_id}", file=sys.stderr)
            return 1
        done = IngestReview(checker, args.reviewer)(session, args.case_id)
    print(done)
    return 0


def _decide(args: argparse.Namespace, database: Database) -> int:
    with database.session_scope(readonly=True) as session:
        review_id = _latest_review(session, args.case_id)
        if review_id is None:
            return 1
        before = load_review(session, review_id).summary
    kind = DecisionKind.ACCEPT if args.accept else DecisionKind.OVERRIDE
    kind = DecisionKind.MANUAL if args.manual is not None else kind
    deduction = args.manual if args.manual is not None else args.override
    stored = StoredDecision(
        kind,
        args.item_id,
        deduction,
        args.reason,
        args.page,
        args.bbox,
        args.reviewer,
        dt.datetime.now(dt.UTC),
    )
    try:
        decision = to_reviewer_decision(stored)
        # expected_version: a decision recorded by someone else since the review was read is a conflict
        sheet = decide(
            database, review_id, args.item_id, decision, args.reviewer, expected_version=before.version
        )
    except CaseReviewError as exc:  # incomplete decision, unknown item, too many points, standard changed
        return report_error(exc)
    item = sheet.item(args.item_id)
    print(f"已记录 {args.item_id} {item.title}：{KIND_LABELS[kind]}，本项扣 {item.deduction:g} 分")
    print(f"评查 #{review_id}：{before.score:g} 分 {before.grade} → {grade_text(sheet)}")
    return 0


def _set_type(args: argparse.Namespace, database: Database) -> int:
    wanted = None if args.case_type == "auto" else args.case_type
    with database.session_scope() as session:
        if not any(case.id == args.case_id for case in list_cases(session)):
            print(f"没有案卷 #{args.case_id}", file=sys.stderr)
            return 1
        changed = set_case_type(session, args.case_id, wanted, args.reviewer)
    label = LABELS[wanted] if wanted else "按文书自动判断"
    print(f"案卷 #{args.case_id} 的案卷类型{'已设为' if changed else '本来就是'}：{label}")
    if changed:
        print(f"按新类型的评查标准重新评查：casereview review run {args.case_id}")
    return 0


def _show(args: argparse.Namespace, database: Database) -> int:
    with database.session_scope(readonly=True) as session:
        review_id = _latest_review(session, args.case_id)
        if review_id is None:
            return 1
        review = load_review(session, review_id)
        case = next(c for c in list_cases(session) if c.id == args.case_id)
        label = case.label or case.case_number or Path(case.source).name
        try:
            sheet, problem = current_sheet_in(session, review_id), ""
        except StandardUnavailable as exc:
            sheet, problem = None, describe(exc)
        print(format_review(f"{label}（{case.source}）", review, sheet, problem))
        if args.audit:
            print(format_audit(audit_trail(session, args.case_id)))
    return 0


def run(args: argparse.Namespace) -> int:
    """Run a ``review`` subcommand. StorageError and CaseReviewError pass through to ``main``."""
    with open_database(args.db) as database:
        code: int = args.handler(args, database)
        return code
