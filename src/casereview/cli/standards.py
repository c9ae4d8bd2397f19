"""``casereview standards lint [PATH…] | schema [--stdout]``: validate review standards (and the
data files and reason libraries they name), or write the standards' JSON Schema."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from casereview.standards.lint import lint
from casereview.standards.loader import default_root
from casereview.standards.schema import json_schema_text, write_json_schema


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``casereview standards …`` on the main parser's subcommands."""
    standards = sub.add_parser("standards", help="评查标准：检查标准文件、生成 JSON Schema")
    actions = standards.add_subparsers(dest="standards_command", required=True)
    check = actions.add_parser("lint", help="检查评查标准文件，逐条列出问题（文件:行号: 说明）")
    check.add_argument(
        "paths", nargs="*", metavar="PATH", help="标准文件或文件夹（默认：scoring_standards/ 全部）"
    )
    check.set_defaults(func=_lint)
    schema = actions.add_parser("schema", help="生成 scoring_standards/schema/standard.schema.json")
    schema.add_argument("--stdout", action="store_true", help="输出到屏幕而不写文件")
    schema.set_defaults(func=_schema)


def _schema(args: argparse.Namespace) -> int:
    if args.stdout:
        sys.stdout.write(json_schema_text())
    else:
        print(f"已生成：{write_json_schema(default_root())}")
    return 0


def _lint(args: argparse.Namespace) -> int:
    problems = lint([Path(p) for p in args.paths])
    for problem in problems:
        print(problem)
    if problems:
        print(f"共发现 {len(problems)} 处问题", file=sys.stderr)
        return 1
    print("评查标准检查通过", file=sys.stderr)
    return 0
