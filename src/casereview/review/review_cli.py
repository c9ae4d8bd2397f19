"""``casereview review run|decide|set-type|show`` and ``casereview rescore``; the review step of ``ingest``."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import sys
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from casereview.checking import DEFAULT_STANDARD, Checker
from casereview.cli_errors import report_error
from casereview.db.engine import Database, open_database
from casereview.db.repository import list_cases, load_case
from casereview.domain.casetype import CASE_TYPES, LABELS
from casereview.errors import CaseReviewError, StandardUnavailable
from casereview.messages import describe
from casereview.pipeline import Analysis
from casereview.review.audit import audit_trail
from casereview.review.casetypes import set_case_type, stored_case_type
from casereview.review.decisions import KIND_LABELS, to_reviewer_decision
from casereview.review.records import StoredDecision
from casereview.review.rescore import format_rescore_report, rescore
from casereview.review.review_text import format_audit, format_review
from casereview.review.service import (
    current_sheet_in,
    decide,
    review_case_in,
    standard_meta,
)
from casereview.review.standard_scorer import StandardScorer, apply_rescore
from casereview.review.store import load_review, reviews_of_case
from casereview.scoring import ScoreSheet
from casereview.scoring.model import DecisionKind
from casereview.standards.loader import find_standards, load_standard

_DB_HELP = "数据库地址（默认：用户数据目录下的 SQLite 文件）"


def default_reviewer() -> str:
    """The operating-system user name: who runs the command, unless ``--reviewer`` says otherwise."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (some containers, services)
        return "unknown"


def _grade_text(sheet: ScoreSheet) -> str:
    return f"{sheet.score:g} 分 {sheet.grade}{'（暂定）' if sheet.provisional else ''}"


def _reviewer_options(parser: argparse.ArgumentParser, standard: bool = True) -> None:
    if standard:
        parser.add_argument(
            "--standard",
            help="评查标准编号（默认按案卷类型选择：行政处罚 transport_penalty、行政强制 transport_compulsion、"
            "行政检查 transport_inspection）",
        )
        parser.add_argument("--profile", help="标准中的参数方案（如 gb118）")
    parser.add_argument("--reviewer", default=default_reviewer(), help="评查人员（默认：当前系统用户名）")


def add_ingest_options(ingest: argparse.ArgumentParser) -> None:
    """``ingest --review/--no-review --standard --profile --reviewer``."""
    ingest.add_argument(
        "--review",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="导入后按评查标准进行机器评查并保存（默认：是）",
    )
    _reviewer_options(ingest)


@dataclass(frozen=True)
class IngestReview:
    """The machine review ``ingest`` stores with each case, in the case's own transaction."""

    checker: Checker
    reviewer: str

    def needed(self, session: Session, case_id: int) -> bool:
        """True when a case already stored has no review under its standard yet."""
        wanted = self.checker.standard.id
        if self.checker.kinds is not None:
            case, documents, extraction = load_case(session, case_id)
            analysis = Analysis(case, documents, extraction, case_id)
            wanted = self.checker.resolved(analysis, stored_case_type(session, case_id)).standard.id
        return all(r.standard.id != wanted for r in reviews_of_case(session, case_id))

    def __call__(self, session: Session, case_id: int) -> str:
        """Review the case in the caller's transaction; the line to print once it is committed."""
        review_id, sheet = review_case_in(session, case_id, self.checker, self.reviewer)
        return f"已评查 #{case_id}（评查 #{review_id}，{sheet.standard_id} {sheet.standard_version}）：{_grade_text(sheet)}"


def checker_from(args: argparse.Namespace) -> Checker:
    """The named standard, or (none named) each case's case-type standard; KeyError when unknown."""
    if args.standard is not None:
        return Checker.create(args.standard, args.profile)
    return Checker.create(DEFAULT_STANDARD, args.profile, by_case_type=True)


def ingest_review(args: argparse.Namespace) -> IngestReview | None:
    """The review step ``ingest`` was asked for; KeyError for an unknown standard or profile."""
    if not args.review:
        return None
    return IngestReview(checker_from(args), args.reviewer)


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


def add_cli(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``casereview review …`` and ``casereview rescore``."""
    review = sub.add_parser("review", help="评查：对已导入的案卷评查、记录评查人员的决定、查看评查结果")
    commands = review.add_subparsers(dest="review_command", required=True)
    run = commands.add_parser("run", help="对已导入的案卷重新进行机器评查（保存为新的评查记录）")
    run.add_argument("case_id", type=int, metavar="CASE_ID", help="案卷编号")
    _reviewer_options(run)
    run.add_argument("--db", help=_DB_HELP)

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
    _reviewer_options(decide_cmd, standard=False)
    decide_cmd.add_argument("--db", help=_DB_HELP)

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
    set_type.add_argument("--db", help=_DB_HELP)

    show = commands.add_parser("show", help="查看案卷最新一次评查：逐项状态、扣分与评查人员的决定")
    show.add_argument("case_id", type=int, metavar="CASE_ID", help="案卷编号")
    show.add_argument("--audit", action="store_true", help="同时列出审计记录（谁、何时、改了什么）")
    show.add_argument("--db", help=_DB_HELP)

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
    _reviewer_options(again, standard=False)
    again.add_argument("--db", help=_DB_HELP)


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
    except KeyError as exc:
        print(f"错误：没有评查标准或参数方案 {exc}", file=sys.stderr)
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
    print(f"评查 #{review_id}：{before.score:g} 分 {before.grade} → {_grade_text(sheet)}")
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


def run_cli(args: argparse.Namespace) -> int:
    """Run a ``review`` subcommand. StorageError and CaseReviewError pass through to ``main``."""
    with open_database(args.db) as database:
        if args.review_command == "run":
            return _run(args, database)
        if args.review_command == "decide":
            return _decide(args, database)
        if args.review_command == "set-type":
            return _set_type(args, database)
        return _show(args, database)


def run_rescore(args: argparse.Namespace) -> int:
    """``casereview rescore``: report (and with ``--apply`` store) scores under a standard version."""
    installed = find_standards()
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
