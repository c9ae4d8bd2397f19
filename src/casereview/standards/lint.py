"""``standards lint``: check standard files and the data files they name, as ``file:line: 问题``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import yaml

from casereview.errors import InputError
from casereview.standards.loader import STANDARD_FILE, check_file, default_root, display_path
from casereview.standards.policy_files import POLICY_KINDS, load_policy
from casereview.standards.problems import Problem
from casereview.standards.reason_files import REASONS_FILE, read_reasons_file


def _files(paths: Sequence[Path], root: Path) -> tuple[list[Path], list[Problem]]:
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths or [root]:
        if path.is_dir():
            found = sorted(path.rglob(STANDARD_FILE)) + sorted((path / DATA_DIR).rglob("*.yaml"))
            if not found:
                problems.append(Problem(display_path(path, root), None, "", f"文件夹中没有 {STANDARD_FILE}"))
            files += found
        else:
            files.append(path)
    return files, problems


DATA_DIR = "data"  # policy files (discretion tables, exemption lists) under the standards root


def _policy_kind(path: Path) -> bool:
    """True for a policy data file (its top-level ``kind`` names one), checked on its own."""
    if path.name == STANDARD_FILE or path.suffix != ".yaml":
        return False
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return path.parent.name != "cases"  # broken: let the policy loader say where
    return isinstance(data, dict) and data.get("kind") in POLICY_KINDS


def _lint_policy(path: Path, root: Path) -> list[Problem]:
    """A data file alone, with the statutory tables beside it (a discretion table leans on them)."""
    statutory = [
        p for p in sorted((root / DATA_DIR / "statutory").glob("*.yaml")) if p.resolve() != path.resolve()
    ]
    _data, problems = load_policy([*statutory, path], root)
    return problems


def _lint_reasons(path: Path, standard_id: str, items: set[str], root: Path) -> list[Problem]:
    """The reason library shipped beside a standard (optional): readable, of this standard, and
    naming only its items."""
    if not path.is_file():
        return []
    shown = display_path(path, root)
    try:
        owner, entries = read_reasons_file(path)
    except InputError as exc:
        line = exc.detail.get("line")
        return [
            Problem(shown, line if isinstance(line, int) else None, "", str(exc.detail.get("reason", "")))
        ]
    if owner != standard_id:
        return [
            Problem(shown, 1, "standard", f"理由库属于评查标准 {owner}，而所在目录的标准是 {standard_id}")
        ]
    return [
        Problem(shown, None, f"reasons[{n}].item", f"评查标准 {standard_id} 中没有评查项目 {e.item_id}")
        for n, e in enumerate(entries)
        if e.item_id not in items
    ]


def lint(paths: Sequence[Path] = (), root: Path | None = None) -> list[Problem]:
    """Every problem in the given standard files or folders (default: all of ``scoring_standards/``)."""
    root = root or default_root()
    files, problems = _files(paths, root)
    owners: dict[str, str] = {}
    for path in files:
        if _policy_kind(path):
            problems += _lint_policy(path, root)
            continue
        standard, found = check_file(path, root)
        problems += found
        if standard is None:
            continue
        shown = display_path(path, root)
        if standard.id in owners:
            problems.append(
                Problem(shown, None, "id", f"标准编号 {standard.id} 与 {owners[standard.id]} 重复")
            )
        owners.setdefault(standard.id, shown)
        problems += _lint_reasons(
            path.parent / REASONS_FILE, standard.id, {i.id for i in standard.items}, root
        )
    return list(dict.fromkeys(problems))  # a data file named by two standards is reported once
