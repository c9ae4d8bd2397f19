"""Problems found in a standard file, in Chinese, each naming the file, line and field.

pydantic and PyYAML report in English; standard authors are legal-affairs staff, so every error is
translated here. Unknown error kinds keep the original text after a Chinese lead-in rather than
being dropped.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from casereview.standards.checks import Loc


@dataclass(frozen=True)
class Problem:
    path: str  # as shown to the user: relative to the standards root when inside it
    line: int | None  # 1-based; None when the file could not be read at all
    field: str  # e.g. "items[7].rules[0]"; "" for the whole file
    message: str  # Chinese

    def __str__(self) -> str:
        """The lint line: ``file:line: field：message``."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        what = f"{self.field}：{self.message}" if self.field else self.message
        return f"{where}: {what}"

    def describe(self) -> str:
        """``transport_penalty/standard.yaml 第42行 items[7].rules[0]：未知的规则编号 T-99``."""
        return f"{self.path} {problem_text(self.to_dict())}"

    def to_dict(self) -> dict[str, object]:
        return {"path": self.path, "line": self.line, "field": self.field, "message": self.message}


def problem_text(problem: Mapping[str, object]) -> str:
    """``第42行 items[7].rules[0]：未知的规则编号 T-99`` from a problem dict (used by messages.py)."""
    line = f"第{problem['line']}行 " if problem.get("line") else ""
    field = f"{problem['field']}：" if problem.get("field") else ""
    return f"{line}{field}{problem.get('message', '')}"


def format_loc(loc: Loc) -> str:
    """("items", 7, "rules", 0) → "items[7].rules[0]"; pydantic's "[key]" marker is dropped."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part != "[key]":
            out += f".{part}" if out else part
    return out


def _unwrap(annotation: Any) -> Any:
    while get_origin(annotation) in (list, dict):
        annotation = get_args(annotation)[-1]
    return annotation


def _model_at(root: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    current: Any = root
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(part)
        if field is None:
            return None
        current = _unwrap(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


_TYPE_MESSAGES: dict[str, str] = {
    "missing": "缺少必填字段",
    "string_type": '应为文本（数字样式的值请加引号，如 "2025.1"）',
    "string_too_short": "不能为空",
    "string_pattern_mismatch": "格式不符合要求，只能使用字母、数字、下划线、点和连字符",
    "string_too_long": "过长",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "list_type": "应为列表（以 - 开头的若干行，或 [a, b]）",
    "dict_type": "应为映射（若干“字段: 值”）",
    "model_type": "应为映射（若干“字段: 值”）",
    "model_attributes_type": "应为映射（若干“字段: 值”）",
    "date_type": "应为日期（YYYY-MM-DD）",
    "date_parsing": "应为日期（YYYY-MM-DD）",
    "date_from_datetime_parsing": "应为日期（YYYY-MM-DD）",
    "date_from_datetime_inexact": "应为日期（YYYY-MM-DD），不能带时间",
    "too_short": "至少需要 {min_length} 项",
    "greater_than": "应大于 {gt}",
    "greater_than_equal": "应不小于 {ge}",
    "literal_error": "取值 {input} 无效，应为 {expected}",
}


def translate(error: ErrorDetails, root: type[BaseModel]) -> list[tuple[Loc, str]]:
    """One pydantic error → (location, Chinese message) pairs (a consistency error holds several)."""
    kind = error["type"]
    loc: Loc = tuple(error["loc"])
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    if kind == "standard_inconsistent":
        return [(tuple(issue_loc), message) for issue_loc, message in ctx["issues"]]
    if kind == "extra_forbidden":
        name = str(loc[-1])
        model = _model_at(root, loc[:-1])
        allowed = sorted(model.model_fields) if model else []
        guess = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
        hint = (
            f"，是否应为 {guess[0]}？"
            if guess
            else (f"（可用字段：{'、'.join(allowed)}）" if allowed else "")
        )
        return [(loc, f"未知字段 {name}{hint}")]
    if kind == "missing":
        return [(loc, f"缺少必填字段 {loc[-1]}")]
    template = _TYPE_MESSAGES.get(kind)
    if template is None:
        # Our own validators (unknown_rule, unknown_param) already speak Chinese.
        message = error["msg"]
        return [(loc, message if re.search(r"[\u4e00-\u9fff]", message) else f"格式错误（{message}）")]
    ctx.setdefault("input", error.get("input"))
    expected = str(ctx.get("expected", "")).replace(" or ", " 或 ")
    return [(loc, template.format(**{**ctx, "expected": expected}))]


_YAML_MESSAGES: tuple[tuple[str, str], ...] = (
    ("mapping values are not allowed", "此处不能出现“字段: 值”：可能是缩进不对，或值中有未加引号的冒号"),
    ("could not find expected ':'", "缺少冒号：每一行应为“字段: 值”"),
    ("cannot start any token", "不能使用制表符（Tab）缩进，请改用空格"),
    ("expected <block end>", "缩进不一致：同一层的字段应对齐"),
    ("did not find expected key", "缩进不一致或列表项格式有误"),
    ("did not find expected '-' indicator", "列表项缩进不一致：同一列表的各项应以对齐的 - 开头"),
    ("found unexpected end of stream", "文件意外结束：引号或括号没有闭合"),
    ("found undefined alias", "引用了未定义的锚点（*别名）"),
    ("found unhashable key", "字段名不能是列表或映射"),
    ("while scanning a quoted scalar", "引号没有闭合"),
    ("expected ',' or ']'", "方括号列表没有正确闭合"),
    ("expected ',' or '}'", "花括号映射没有正确闭合"),
)


def yaml_message(problem: str | None, context: str | None) -> str:
    text = f"{context or ''} {problem or ''}"
    for needle, chinese in _YAML_MESSAGES:
        if needle in text:
            return f"YAML 语法错误：{chinese}"
    return f"YAML 语法错误（{(problem or context or '').strip()}）"
