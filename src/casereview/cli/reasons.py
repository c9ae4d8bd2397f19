"""``casereview reasons list|add|export|import``: the reason library (常用理由库) of a standard.

``import`` without a file seeds the library from the ``reasons.yaml`` shipped beside the standard;
with a file it adds what another library exported (the same item and text are not added twice).
"""

from __future__ import annotations

import argparse
from collections.abc import Collection
from pathlib import Path

from casereview.checking import DEFAULT_STANDARD
from casereview.cli.common import DB_HELP, default_reviewer
from casereview.cli.errors import report_error
from casereview.db import open_database
from casereview.errors import CaseReviewError, InputError
from casereview.reasons import store
from casereview.reasons.model import ReasonSource
from casereview.standards.reason_files import ReasonEntry, seed_file, write_reasons_file
from casereview.standards.registry import installed_standards


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("reasons", help="常用理由库：按评查项目列出、添加、导出、导入")
    parser.set_defaults(func=run)
    actions = parser.add_subparsers(dest="reasons_action", required=True)

    def common(p: argparse.ArgumentParser, standard: bool = True) -> None:
        p.add_argument("--db", help=DB_HELP)
        if standard:
            p.add_argument("--standard", default=DEFAULT_STANDARD, help="评查标准编号")

    listing = actions.add_parser("list", help="列出理由（按使用次数）")
    listing.set_defaults(handler=_list)
    common(listing)
    listing.add_argument("--item", help="只列出该评查项目的理由")
    add = actions.add_parser("add", help="添加一条理由")
    add.set_defaults(handler=_add)
    common(add)
    add.add_argument("item", help="评查项目编号，如 JA-02")
    add.add_argument("text", help="理由")
    add.add_argument("--basis", action="append", default=[], help="法律依据（可重复）")
    add.add_argument("--by", default=default_reviewer(), help="添加人")
    export = actions.add_parser("export", help="导出为 reasons.yaml（可随评查标准分发）")
    export.set_defaults(handler=_export)
    common(export)
    export.add_argument("--out", type=Path, help="输出文件（默认：标准目录下的 reasons.yaml）")
    imp = actions.add_parser("import", help="导入理由库文件；不给文件则从标准自带的 reasons.yaml 导入")
    imp.set_defaults(handler=_import)
    common(imp, standard=False)
    imp.add_argument("file", nargs="?", type=Path, help="理由库文件（YAML）")
    imp.add_argument("--standard", default=DEFAULT_STANDARD, help="不给文件时：导入该标准自带的理由")
    imp.add_argument("--by", default=default_reviewer(), help="导入人")


def _items(standard_id: str) -> dict[str, Collection[str]]:
    standards = installed_standards()
    if standard_id not in standards:
        raise InputError("unknown_standard", standard=standard_id)
    return {sid: {item.id for item in s.items} for sid, s in standards.items()}


def _list(args: argparse.Namespace) -> None:
    with open_database(args.db) as database, database.session_scope(readonly=True) as session:
        reasons = store.list_reasons(session, args.standard, args.item)
    for r in reasons:
        basis = f"（依据：{'；'.join(r.basis)}）" if r.basis else ""
        print(f"[{r.id}] {r.item_id}  {r.text}{basis}  使用 {r.use_count} 次  {r.added_by}")
    print(f"共 {len(reasons)} 条")


def _add(args: argparse.Namespace) -> None:
    known = _items(args.standard)
    entry = ReasonEntry(args.item, args.text, tuple(args.basis), args.by)
    with open_database(args.db) as database, database.session_scope() as session:
        reason = store.add_reason(session, args.standard, entry, args.by, known_items=known[args.standard])
    print(f"已添加理由 #{reason.id}：{reason.item_id} {reason.text}")


def _export(args: argparse.Namespace) -> None:
    out = args.out or seed_file(args.standard)
    with open_database(args.db) as database, database.session_scope(readonly=True) as session:
        entries = store.export_entries(session, args.standard)
    print(f"已导出 {len(entries)} 条理由：{write_reasons_file(out, args.standard, entries)}")


def _import(args: argparse.Namespace) -> None:
    path = args.file or seed_file(args.standard)
    known = _items(args.standard)
    source = ReasonSource.IMPORT if args.file else ReasonSource.STANDARD
    with open_database(args.db) as database, database.session_scope() as session:
        standard_id, result = store.import_file(session, path, args.by, known_items=known, source=source)
    print(f"已导入评查标准 {standard_id} 的理由 {result.added} 条（已有 {result.skipped} 条未重复导入）")


def run(args: argparse.Namespace) -> int:
    try:
        args.handler(args)
        return 0
    except CaseReviewError as exc:
        return report_error(exc)
