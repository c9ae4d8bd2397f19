"""The reason library's exchange file: ``reasons.yaml`` beside a standard (the seed shipped with
it) or written by ``casereview reasons export``.

A file of its own rather than a ``reasons:`` list in ``standard.yaml``: the standard's content
hash is recorded with every review, and a library reviewers add to every week must not make a new
standard version each time it is exported. The file names the standard it belongs to::

    standard: transport_penalty
    reasons:
      - item: JA-02
        text: 行政处罚决定作出后未在规定期限内公示
        basis: [《中华人民共和国行政处罚法》第四十八条]
        added_by: 王五          # optional

Reading refuses anything else with the file and the line (:class:`InputError` ``reasons_file``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from casereview.errors import InputError
from casereview.standards.checks import Loc
from casereview.standards.loader import default_root, line_of, read_yaml

REASONS_FILE = "reasons.yaml"
_ENTRY_KEYS = {"item", "text", "basis", "added_by"}
MAX_TEXT = 500  # a reason is a sentence or two; a longer one is a pasted document


@dataclass(frozen=True)
class ReasonEntry:
    """One reason as a library file holds it (no counts: those belong to a database)."""

    item_id: str
    text: str
    basis: tuple[str, ...] = ()
    added_by: str = ""


def seed_file(standard_id: str, root: Path | None = None) -> Path:
    """The library shipped with a standard: ``<root>/<standard id>/reasons.yaml``."""
    return (root or default_root()) / standard_id / REASONS_FILE


def _bad(shown: str, line: int | None, reason: str) -> InputError:
    if line is None:
        return InputError("reasons_file_noline", shown, file=shown, reason=reason)
    return InputError("reasons_file", shown, file=shown, line=line, reason=reason)


def _text(value: object) -> str | None:
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value).strip()
    return None


def _entry(raw: object, loc: Loc, lines: dict[Loc, int], shown: str) -> ReasonEntry:
    def bad(field: Loc, reason: str) -> InputError:
        return _bad(shown, line_of(lines, (*loc, *field)), reason)

    if not isinstance(raw, dict):
        raise bad((), "每条理由应为包含 item、text 的映射")
    unknown = sorted(set(map(str, raw)) - _ENTRY_KEYS)
    if unknown:
        raise bad((unknown[0],), f"未知的字段 {unknown[0]}（可用：item、text、basis、added_by）")
    item = _text(raw.get("item"))
    if not item:
        raise bad(("item",), "缺少评查项目编号 item")
    text = _text(raw.get("text"))
    if not text:
        raise bad(("text",), "缺少理由 text")
    if len(text) > MAX_TEXT:
        raise bad(("text",), f"理由超过 {MAX_TEXT} 字")
    basis_raw: Any = raw.get("basis", [])
    if isinstance(basis_raw, str):
        basis_raw = [basis_raw]
    if not isinstance(basis_raw, list) or any(_text(b) is None for b in basis_raw):
        raise bad(("basis",), "法律依据 basis 应为文字或文字列表")
    basis = tuple(t for t in (_text(b) for b in basis_raw) if t)
    return ReasonEntry(item, text, basis, _text(raw.get("added_by")) or "")


def read_reasons_file(path: Path) -> tuple[str, list[ReasonEntry]]:
    """(standard id, entries) of a library file; InputError naming the file and line otherwise."""
    shown = str(path)
    data, lines, problems = read_yaml(path, shown)
    if problems:
        first = problems[0]
        raise _bad(shown, first.line, first.message)
    if not isinstance(data, dict):
        raise _bad(shown, 1, "文件应为包含 standard 与 reasons 的映射")
    standard = _text(data.get("standard"))
    if not standard:
        raise _bad(shown, line_of(lines, ("standard",)) or 1, "缺少评查标准编号 standard")
    unknown = sorted(set(map(str, data)) - {"standard", "reasons"})
    if unknown:
        raise _bad(shown, line_of(lines, (unknown[0],)), f"未知的字段 {unknown[0]}")
    raw_list = data.get("reasons") or []
    if not isinstance(raw_list, list):
        raise _bad(shown, line_of(lines, ("reasons",)), "reasons 应为列表")
    entries = [_entry(raw, ("reasons", i), lines, shown) for i, raw in enumerate(raw_list)]
    return standard, entries


def write_reasons_file(path: Path, standard_id: str, entries: Sequence[ReasonEntry]) -> Path:
    """Write a library file that :func:`read_reasons_file` reads back (UTF-8, block style)."""
    reasons: list[dict[str, object]] = []
    for entry in entries:
        row: dict[str, object] = {"item": entry.item_id, "text": entry.text}
        if entry.basis:
            row["basis"] = list(entry.basis)
        if entry.added_by:
            row["added_by"] = entry.added_by
        reasons.append(row)
    text = yaml.safe_dump(
        {"standard": standard_id, "reasons": reasons}, allow_unicode=True, sort_keys=False, width=100
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    tmp.write_text("# 常用理由库（casereview reasons export）\n" + text, encoding="utf-8")
    tmp.replace(path)
    return path
