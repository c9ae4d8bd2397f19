"""Loading ``scoring_standards/<id>/standard.yaml`` with errors that name file, line and field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from casereview.budget import OverBudget
from casereview.errors import CaseReviewError, ErrorCode
from casereview.paths import project_root
from casereview.standards.checks import Loc
from casereview.standards.problems import Problem, format_loc, translate, yaml_message
from casereview.standards.schema import Standard
from casereview.yaml_budget import BudgetedLoader, YamlTooComplex

STANDARD_FILE = "standard.yaml"


class MarkingLoader(BudgetedLoader):
    """A SafeLoader that records the line of every mapping key and sequence entry by location.

    Locations use pydantic's shape (``("items", 7, "rules", 0)``) so a validation error's ``loc``
    finds its line directly. Duplicate keys are recorded too: PyYAML would silently keep the last.
    Depth, cycles and the expanded size are checked first (BudgetedLoader): recording walks
    every alias expanded.
    """

    def __init__(self, stream: str, path: str = "") -> None:
        super().__init__(stream, path)
        self.lines: dict[Loc, int] = {}
        self.duplicate_keys: list[tuple[Loc, int]] = []

    def load_marked(self) -> Any:
        node = self.get_single_node()
        if node is None:
            return None
        self._record(node, ())
        return self.construct_document(node)

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # PyYAML's own constructors raise plain ValueError/OverflowError on scalars such as the
        # date 2025-13-45: report them as YAML errors marked with the value's line.
        try:
            return super().construct_object(node, deep)
        except (ValueError, OverflowError) as exc:
            raise yaml.constructor.ConstructorError(
                None, None, f"无法识别的值：{exc}", node.start_mark
            ) from exc

    def _record(self, node: yaml.Node, loc: Loc) -> None:
        self.lines.setdefault(loc, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key_node, value_node in node.value:
                key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
                child = (*loc, key)
                if key in seen:
                    self.duplicate_keys.append((child, key_node.start_mark.line + 1))
                seen.add(key)
                self.lines[child] = key_node.start_mark.line + 1  # the key's line, not its value's
                self._record(value_node, child)
        elif isinstance(node, yaml.SequenceNode):
            for index, entry in enumerate(node.value):
                self._record(entry, (*loc, index))


def line_of(lines: dict[Loc, int], loc: Loc) -> int | None:
    """The line of ``loc`` or of its nearest recorded parent (a missing field → its mapping)."""
    loc = tuple(part for part in loc if part != "[key]")
    for size in range(len(loc), -1, -1):
        if loc[:size] in lines:
            return lines[loc[:size]]
    return None


def default_root() -> Path:
    return project_root() / "scoring_standards"


def display_path(path: Path, root: Path | None = None) -> str:
    """The path as shown in messages: relative to the standards root when inside it."""
    try:
        return path.resolve().relative_to((root or default_root()).resolve()).as_posix()
    except ValueError:
        return str(path)


def read_yaml(path: Path, shown: str) -> tuple[Any, dict[Loc, int], list[Problem]]:
    """Parse ``path``; returns (data, lines by location, problems). ``data`` is None on failure."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, {}, [Problem(shown, None, "", "找不到文件")]
    except UnicodeDecodeError:
        return None, {}, [Problem(shown, None, "", "文件不是 UTF-8 编码，请另存为 UTF-8")]
    except OSError as exc:
        return None, {}, [Problem(shown, None, "", f"无法读取文件（{exc.strerror}）")]
    loader = MarkingLoader(text, str(path))
    try:
        data = loader.load_marked()
    except OverBudget as exc:
        return None, {}, [Problem(shown, None, "", f"文件所需内存超出预算，已拒绝读取（{exc.reason}）")]
    except YamlTooComplex as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        return None, {}, [Problem(shown, line, "", str(exc.problem))]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        return None, {}, [Problem(shown, line, "", yaml_message(exc.problem, exc.context))]
    except yaml.YAMLError as exc:
        return None, {}, [Problem(shown, None, "", f"YAML 语法错误（{exc}）")]
    finally:
        loader.dispose()
    problems = [
        Problem(shown, line, format_loc(loc), "字段重复出现（后一个会覆盖前一个）")
        for loc, line in loader.duplicate_keys
    ]
    return data, loader.lines, problems


def _data_file(base: Path, ref: str) -> Path:
    """A policy file beside the standard's root, else the installed one: a standard copied alone
    (``rescore --standard-file new/…``) still finds the tables it names."""
    here = base / ref
    return here if here.is_file() or not (default_root() / ref).is_file() else default_root() / ref


def check_file(path: Path, root: Path | None = None) -> tuple[Standard | None, list[Problem]]:
    """Validate one standard file: the standard when valid, and every problem found."""
    shown = display_path(path, root)
    data, lines, problems = read_yaml(path, shown)
    if data is None:
        return None, problems or [Problem(shown, 1, "", "文件为空")]
    if not isinstance(data, dict):
        return None, [Problem(shown, 1, "", "文件内容应为一个映射（若干“字段: 值”），而不是列表或单个值")]
    standard: Standard | None = None
    try:
        standard = Standard.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            for loc, message in translate(error, Standard):
                problems.append(Problem(shown, line_of(lines, loc), format_loc(loc), message))
    if standard is None or problems:  # duplicate keys alone also make the file invalid
        return None, sorted(problems, key=lambda p: (p.line or 0, p.field))
    if path.name == STANDARD_FILE and standard.id != path.parent.name:
        message = f"标准编号 {standard.id} 应与所在文件夹名 {path.parent.name} 相同"
        return None, [Problem(shown, lines.get(("id",)), "id", message)]
    if standard.policy is not None:
        from casereview.standards.policy_files import load_policy  # imports this module

        base = path.resolve().parent.parent  # scoring_standards/<id>/standard.yaml → scoring_standards/
        data, problems = load_policy([_data_file(base, ref) for ref in standard.policy.files()], root or base)
        if data is None:
            return None, problems
        standard.with_policy(data)
    return standard, []


def invalid(path: str, problems: list[Problem]) -> CaseReviewError:
    return CaseReviewError(ErrorCode.STANDARD_INVALID, path, {"problems": [p.to_dict() for p in problems]})


def load_standard(path: Path, root: Path | None = None) -> Standard:
    """The validated standard in ``path``; raises CaseReviewError(STANDARD_INVALID) listing problems."""
    standard, problems = check_file(path, root)
    if standard is None:
        raise invalid(display_path(path, root), problems)
    return standard


def standard_files(root: Path) -> list[Path]:
    return sorted(root.glob(f"*/{STANDARD_FILE}"))


def find_standards(root: Path | None = None) -> dict[str, Standard]:
    """Every standard under ``root`` (default ``scoring_standards/``) by id; any broken file raises."""
    root = root or default_root()
    found: dict[str, Standard] = {}
    for path in standard_files(root):
        standard = load_standard(path, root)
        if standard.id in found:
            raise invalid(
                display_path(path, root),
                [Problem(display_path(path, root), None, "id", f"标准编号 {standard.id} 重复")],
            )
        found[standard.id] = standard
    return found


def content_hash(path: Path) -> str:
    """sha256 of the standard's canonical content (recorded with every stored review)."""
    return load_standard(path).content_hash()
