"""``casereview check PATH…``: read and check case files, print documents, fields, findings,
score and grade (``--format json``: the JSON contract of shared/domain/rules.md)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from casereview.checking import Checker, contract_object
from casereview.cli.errors import report_error
from casereview.cli.reading import read_all, reading_options
from casereview.cli.table import print_table
from casereview.domain.casetype import CASE_TYPES, PENALTY, STANDARDS
from casereview.errors import InputError, StandardUnavailable
from casereview.listfiles.roster_file import RosterError
from casereview.pipeline import Analysis


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
    check.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
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
    except (StandardUnavailable, InputError) as exc:  # an unknown standard, profile or case type
        report_error(exc)
        return 2

    def check(analysis: Analysis) -> dict[str, object]:
        return contract_object(analysis, checker.check(analysis), checker.case_type_of(analysis))

    results, failures = read_all(args, check)
    if args.format == "json":
        json.dump(results, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print_table(results, sys.stdout)
    return 1 if failures else 0
