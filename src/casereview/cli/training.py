"""``casereview training tag|list|delete``: training tags (优秀 / 典型差案) from the command line, so
a trainer can script the 典型案例汇编 (``casereview export compilation CASE…``)."""

from __future__ import annotations

import argparse
import re

from casereview.cli.common import DB_HELP, default_reviewer, resolve_case, run_with_database
from casereview.db import Database
from casereview.errors import InputError
from casereview.training.tags import TrainingTag, add_tag, delete_tag, list_tags

_PAGES = re.compile(r"^\s*(\d+)\s*(?:[-–—~～至到]\s*(\d+))?\s*$")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    training = sub.add_parser("training", help="案例培训：标记优秀案例、典型差案（供典型案例汇编）")
    training.set_defaults(func=run_with_database)
    actions = training.add_subparsers(dest="training_action", required=True)

    tag = actions.add_parser("tag", help="标记案卷（或其中几页）为优秀或典型差案")
    tag.add_argument("case", metavar="CASE", help="已导入案卷的编号或案卷文件路径")
    verdict = tag.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--good", action="store_true", help="优秀案例")
    verdict.add_argument("--poor", action="store_true", help="典型差案")
    tag.add_argument("--note", required=True, help="说明：为什么是优秀或典型差案")
    tag.add_argument("--pages", help="页码范围，如 3-5 或 4（默认：整个案卷）")
    tag.add_argument("--reviewer", default=default_reviewer(), help="标记人（默认：当前系统用户名）")
    tag.add_argument("--db", help=DB_HELP)
    tag.set_defaults(handler=_tag)

    listing = actions.add_parser("list", help="列出培训标记")
    listing.add_argument("case", nargs="?", metavar="CASE", help="只列出该案卷的标记")
    listing.add_argument("--good", action="store_true", help="只列出优秀案例")
    listing.add_argument("--poor", action="store_true", help="只列出典型差案")
    listing.add_argument("--db", help=DB_HELP)
    listing.set_defaults(handler=_list)

    delete = actions.add_parser("delete", help="删除一个培训标记（按编号）")
    delete.add_argument("tag_id", type=int, metavar="TAG", help="标记编号（见 training list）")
    delete.add_argument("--reviewer", default=default_reviewer(), help="操作人（默认：当前系统用户名）")
    delete.add_argument("--db", help=DB_HELP)
    delete.set_defaults(handler=_delete)


def parse_pages(text: str | None) -> tuple[int | None, int | None]:
    """``3-5`` → (3, 5), ``4`` → (4, 4), None → (None, None) (the whole case file)."""
    if text is None:
        return None, None
    match = _PAGES.match(text)
    if match is None:
        raise InputError("pages_format", text=text)
    first = int(match.group(1))
    return first, int(match.group(2) or first)


def _kind(args: argparse.Namespace) -> TrainingTag | None:
    if args.good:
        return TrainingTag.GOOD
    return TrainingTag.POOR if args.poor else None


def _tag(args: argparse.Namespace, database: Database) -> int:
    first, last = parse_pages(args.pages)
    with database.session_scope() as session:
        case_id = resolve_case(session, args.case)
        kind = _kind(args)
        assert kind is not None  # argparse requires --good or --poor
        tag_id = add_tag(session, case_id, kind, args.note, args.reviewer, first, last)
    where = "整个案卷" if first is None else f"第{first}–{last}页"
    print(f"已标记 #{tag_id}：案卷 {case_id}（{where}）为{kind.value}")
    return 0


def _list(args: argparse.Namespace, database: Database) -> int:
    with database.session_scope(readonly=True) as session:
        only = resolve_case(session, args.case) if args.case else None
        tags = list_tags(session, only, _kind(args))
    if not tags:
        print("没有培训标记")
    for t in tags:
        where = "整个案卷" if t.whole_case else f"第{t.first_page}–{t.last_page}页"
        print(f"#{t.id}\t案卷 {t.case_id}\t{t.tag.value}\t{where}\t{t.reviewer}\t{t.note}")
    return 0


def _delete(args: argparse.Namespace, database: Database) -> int:
    with database.session_scope() as session:
        if not delete_tag(session, args.tag_id, args.reviewer):
            raise InputError("unknown_tag", tag=args.tag_id)
    print(f"已删除培训标记 #{args.tag_id}")
    return 0
