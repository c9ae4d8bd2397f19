"""``casereview calibration gold|round|cases|submit|show|report``: reviewer calibration on gold cases.

The lead marks cases gold (``gold CASE… --lead``: their done review is the answer) and opens a
round for trainees (``round NAME --case … --trainee …``). A trainee lists what to score (``cases``,
no answers shown), scores each case under their own name in the workstation, then hands in
(``submit``); only then ``show`` prints their differences from gold. ``report`` gives the round's
figures per trainee and per item (text, and XLSX with ``--xlsx``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from casereview.calibration.report import CalibrationReport, TraineeResult, calibration_report, trainee_result
from casereview.calibration.store import create_round, find_round, mark_gold, submit
from casereview.cli.common import DB_HELP, default_reviewer, resolve_case
from casereview.cli.errors import report_error
from casereview.db import Database, open_database
from casereview.db.cases import case_record
from casereview.errors import CaseReviewError
from casereview.sessions.agreement import Measure
from casereview.standards.checks import fmt_points


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    calibration = sub.add_parser("calibration", help="评查人员校准：标准答案案卷、校准轮次、学员提交与报告")
    calibration.set_defaults(func=run)
    actions = calibration.add_subparsers(dest="calibration_action", required=True)

    def with_db(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--db", help=DB_HELP)
        return p

    gold = with_db(actions.add_parser("gold", help="把案卷设为标准答案案卷（以组长已完成的评查为答案）"))
    gold.add_argument("cases", nargs="+", metavar="CASE", help="已导入案卷的编号或案卷文件路径")
    gold.add_argument(
        "--lead", default=default_reviewer(), help="组长（其评查为标准答案；默认：当前系统用户名）"
    )
    gold.add_argument("--standard", help="只取该评查标准下的评查")
    gold.set_defaults(handler=_gold)
    new_round = with_db(actions.add_parser("round", help="创建校准轮次"))
    new_round.add_argument("name", metavar="NAME", help="轮次名称")
    new_round.add_argument(
        "--case", action="append", required=True, metavar="CASE", help="标准答案案卷（可重复）"
    )
    new_round.add_argument("--trainee", action="append", required=True, help="学员（可重复）")
    new_round.add_argument("--lead", default=default_reviewer(), help="组长（默认：当前系统用户名）")
    new_round.set_defaults(handler=_round)
    for name, text, handler in (
        ("cases", "列出学员须评查的案卷（不显示标准答案）", _cases),
        ("submit", "学员提交评查结果（提交后方可查看差异）", _submit),
        ("show", "学员查看本人与标准答案的差异（提交后）", _show),
    ):
        p = with_db(actions.add_parser(name, help=text))
        p.set_defaults(handler=handler)
        p.add_argument("round", metavar="ROUND", help="校准轮次名称")
        p.add_argument("--trainee", default=default_reviewer(), help="学员（默认：当前系统用户名）")
    report = with_db(actions.add_parser("report", help="校准报告：各学员、各评查项目的一致性与常见漏扣"))
    report.add_argument("round", metavar="ROUND", help="校准轮次名称")
    report.add_argument("--xlsx", type=Path, metavar="FILE.xlsx", help="另存为 XLSX")
    report.set_defaults(handler=_report)


def _kappa(m: Measure) -> str:
    return "—" if m.kappa is None else f"{m.kappa:.2f}"


def _rate(m: Measure) -> str:
    return "—" if m.rate is None else f"{m.rate:.1%}"


def print_trainee(result: TraineeResult) -> None:
    m = result.measure
    print(
        f"{result.trainee}：比对 {m.judgments} 项，一致 {m.agreed} 项（{_rate(m)}），Kappa {_kappa(m)}，"
        f"漏扣 {result.missed}，多扣 {result.extra}"
    )
    for d in result.differences:
        print(
            f"  案卷 {d.case_id} {d.item_id} {d.title}：标准答案扣 {fmt_points(d.gold)} 分，"
            f"学员扣 {fmt_points(d.trainee)} 分（{d.kind}）；标准答案理由：{d.gold_reason or '—'}"
        )


def print_report(report: CalibrationReport) -> None:
    print(f"校准轮次：{report.round_name}（评查标准 {report.standard_id}，标准答案案卷 {report.cases} 件）")
    print("学员\t比对项次\t一致项次\t一致率\tKappa\t漏扣\t多扣\t平均分差")
    for t in report.trainees:
        m = t.measure
        diff = "—" if t.mean_difference is None else fmt_points(t.mean_difference)
        print(
            f"{t.trainee}\t{m.judgments}\t{m.agreed}\t{_rate(m)}\t{_kappa(m)}\t{t.missed}\t{t.extra}\t{diff}"
        )
    if report.pending:
        print(f"未提交：{'、'.join(report.pending)}")
    missed = report.most_missed()
    print("最常漏扣的评查项目：" + ("" if missed else "无"))
    for item in missed:
        print(f"  {item.item_id} {item.title}：漏扣 {item.missed} 次（{'、'.join(item.missed_by)}）")
    print("与标准答案有差异的评查项目：")
    for item in report.items:
        m = item.measure
        if item.missed or item.extra or m.agreed < m.judgments:
            print(
                f"  {item.item_id}\t一致 {m.agreed}/{m.judgments}\tKappa {_kappa(m)}\t漏扣 {item.missed}\t多扣 {item.extra}"
            )


def _gold(args: argparse.Namespace, database: Database) -> None:
    with database.session_scope() as session:
        for spec in args.cases:
            gold = mark_gold(session, resolve_case(session, spec), args.lead, args.standard)
            print(f"已设为标准答案案卷：案卷 {gold.case_id}（评查 #{gold.review_id}，{gold.marked_by}）")


def _round(args: argparse.Namespace, database: Database) -> None:
    with database.session_scope() as session:
        cases = [resolve_case(session, spec) for spec in args.case]
        create_round(session, args.name, args.lead, cases, args.trainee)
    print(f"已创建校准轮次“{args.name}”：{len(cases)} 件案卷，学员 {'、'.join(args.trainee)}")


def _cases(args: argparse.Namespace, database: Database) -> None:
    with database.session_scope(readonly=True) as session:
        found = find_round(session, args.round)
        who = found.trainee(args.trainee)
        for gold in found.gold:  # what to score, never the answer
            row = case_record(session, gold.case_id)
            label = (row.label or Path(row.source).name) if row is not None else ""
            print(f"案卷 {gold.case_id}\t{label}")
    print("已提交" if who.submitted else "尚未提交：请逐件评查后执行 calibration submit")


def _submit(args: argparse.Namespace, database: Database) -> None:
    with database.session_scope() as session:
        done = submit(session, args.round, args.trainee)
    print(f"已提交：{done.name}，{len(done.answers)} 件案卷")


def _show(args: argparse.Namespace, database: Database) -> None:
    with database.session_scope(readonly=True) as session:
        print_trainee(trainee_result(session, args.round, args.trainee))


def _report(args: argparse.Namespace, database: Database) -> None:
    with database.session_scope(readonly=True) as session:
        report = calibration_report(session, args.round)
    print_report(report)
    if args.xlsx:
        from casereview.export.calibration_sheet import write_calibration_report

        print(f"已导出：{write_calibration_report(report, args.xlsx)}")


def run(args: argparse.Namespace) -> int:
    try:
        database = open_database(args.db)
        try:
            args.handler(args, database)
            return 0
        finally:
            database.close()
    except CaseReviewError as exc:  # StandardUnavailable too: a review scored with another version
        return report_error(exc)
