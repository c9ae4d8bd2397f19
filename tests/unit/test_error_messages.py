"""The core's errors are typed and their Chinese text lives in casereview.messages only (issue 13).

Three guards walk the source with ``ast``: no ``raise ValueError/RuntimeError`` carries Chinese
text, every ErrorCode has its sentence, and every ``problem`` a typed error is raised with has a
sentence whose placeholders the raise site fills.
"""

from __future__ import annotations

import ast
import pickle
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

from casereview import messages
from casereview.errors import (
    CalendarFileError,
    CaseReviewError,
    ErrorCode,
    InputError,
    ReviewConflict,
    SigningKeyError,
    StandardUnavailable,
)
from casereview.messages import (
    ATTACHMENT_REASONS,
    CALENDAR_REASONS,
    PACKAGE_REASONS,
    PROBLEM_TABLES,
    REASONS,
    describe,
)
from casereview.sessions.package_zip import refused

CORE = Path(__file__).resolve().parents[2] / "src" / "casereview"
BARE = ("ValueError", "RuntimeError")
# The typed errors whose first argument is a ``problem`` key, and the table it must be in.
PROBLEM_CLASSES = {
    "InputError": ErrorCode.INVALID_INPUT,
    "StandardUnavailable": ErrorCode.STANDARD_UNAVAILABLE,
    "SigningKeyError": ErrorCode.SIGNING_KEY,
}
# The calls that name a sentence by key: (function, module or "" for any) → (argument, table).
KEYED: dict[tuple[str, str], tuple[int, dict[str, str]]] = {
    **{(name, ""): (0, PROBLEM_TABLES[code]) for name, code in PROBLEM_CLASSES.items()},
    ("refused", "sessions/package_zip.py"): (1, PACKAGE_REASONS),  # and its importers
    ("_refuse", "rectify/attachments.py"): (1, ATTACHMENT_REASONS),
    ("_refuse", "ingest/docx_sanitise.py"): (1, REASONS),
    ("_fail", "export/anonymity_check.py"): (2, REASONS),
    ("CalendarFileError", "calendar/overrides.py"): (2, CALENDAR_REASONS),
}


def _keyed(module: str, name: str) -> tuple[int, dict[str, str]] | None:
    if name == "refused" and not module.startswith("sessions/"):
        return None  # rectify.ledger.refused(why) selects from RECTIFY_REASONS
    return KEYED.get((name, module)) or KEYED.get((name, "")) or KEYED.get((name, "sessions/package_zip.py"))


def _sources() -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted(CORE.rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"), str(path))


def _name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def _raised_calls(tree: ast.Module) -> Iterator[ast.Call]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            yield node.exc


def _literals(node: ast.AST) -> Iterator[str]:
    for inner in ast.walk(node):
        if isinstance(inner, ast.Constant) and isinstance(inner.value, str):
            yield inner.value


def test_no_bare_value_or_runtime_error_carries_user_text() -> None:
    """Chinese text in a ValueError/RuntimeError is a message the edges cannot tell from a bug:
    it belongs in casereview.messages behind a CaseReviewError."""
    found = [
        f"{path.relative_to(CORE)}:{call.lineno}"
        for path, tree in _sources()
        for call in _raised_calls(tree)
        if _name(call) in BARE and any(not text.isascii() for arg in call.args for text in _literals(arg))
    ]
    assert found == []


def test_the_guard_sees_chinese_in_an_f_string() -> None:
    tree = ast.parse('def f(x):\n    raise ValueError(f"没有编号为 {x} 的案卷")\n')
    (call,) = _raised_calls(tree)
    assert _name(call) == "ValueError" and not all(t.isascii() for t in _literals(call.args[0]))


def test_every_error_code_has_a_message() -> None:
    with_sentence = (
        set(messages._TEMPLATES)
        | set(messages._LEDGER_TEMPLATES)
        | set(PROBLEM_TABLES)
        | {ErrorCode.RECTIFY_REFUSED}  # its sentence is chosen by ``why`` from RECTIFY_REASONS
    )
    assert set(ErrorCode) - with_sentence == set()


def _problem_sites() -> Iterator[tuple[str, dict[str, str], str, set[str]]]:
    """(where, error, key, keyword fields) of every typed error made with a literal key."""
    for path, tree in _sources():
        module = path.relative_to(CORE).as_posix()
        for node in ast.walk(tree):
            keyed = _keyed(module, _name(node)) if isinstance(node, ast.Call) else None
            if keyed is None or not isinstance(node, ast.Call):
                continue
            index, table = keyed
            if len(node.args) <= index:  # a forwarding call inside the helper
                continue
            first = node.args[index]
            options = [first.body, first.orelse] if isinstance(first, ast.IfExp) else [first]
            if isinstance(first, ast.Subscript):  # REASON_REQUIRED[kind]: every value of the table
                continue
            fields = {k.arg for k in node.keywords if k.arg is not None} | {"path"}
            for option in options:
                assert isinstance(option, ast.Constant) and isinstance(option.value, str), (
                    f"{path.relative_to(CORE)}:{node.lineno}: the problem should be a literal key"
                )
                where = f"{path.relative_to(CORE)}:{node.lineno}"
                yield where, table, option.value, fields


def _placeholders(template: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}


def test_every_raised_problem_has_a_sentence_its_fields_fill() -> None:
    sites = list(_problem_sites())
    assert len(sites) > 140  # the walk found the raise sites
    missing = [f"{where}: {key}" for where, table, key, _f in sites if key not in table]
    assert missing == []
    unfilled = [
        f"{where}: {key} needs {sorted(_placeholders(table[key]) - fields)}"
        for where, table, key, fields in sites
        if _placeholders(table[key]) - fields
    ]
    assert unfilled == []


@pytest.mark.parametrize(
    ("error", "sentence"),
    [
        (InputError("unknown_session_case", session_case=7), "没有编号为 7 的会话案卷"),
        (
            InputError("reviewer_own_unit", reviewer="甲", unit="某某县交通运输局"),
            "来自被评查单位“某某县交通运输局”",
        ),
        (InputError("arbitration_deduction", item="FL-02", points="3"), "FL-02 的仲裁扣分应在 0 至 3 分之间"),
        (
            InputError("key_file_invalid", "/k/公钥.json", file="/k/公钥.json"),
            "/k/公钥.json：不是评查人员公钥文件",
        ),
        (StandardUnavailable("not_installed", standard="transport_x"), "评查标准 transport_x 未安装"),
        (SigningKeyError("too_open", "/home/a/signing_key.pem"), "/home/a/signing_key.pem 的权限过宽"),
        (ReviewConflict(3), "请重新载入后再操作"),
    ],
)
def test_typed_errors_read_as_their_sentence(error: CaseReviewError, sentence: str) -> None:
    assert sentence in describe(error)
    assert str(error) == describe(error)  # what a log or pytest.raises(match=…) sees
    assert not isinstance(error, ValueError | RuntimeError)  # the edges catch CaseReviewError only
    copied = pickle.loads(pickle.dumps(error))  # from a worker process, fields and all
    assert type(copied) is type(error) and describe(copied) == describe(error)


@pytest.mark.parametrize(
    ("error", "sentence"),
    [
        (
            refused("/u/包.zip", "entry_too_large", name="cases/a.pdf", size_bytes=3 << 20, limit_bytes=900),
            "已拒绝评查包：/u/包.zip（条目“cases/a.pdf”解压后过大：3.0 MB，上限 900 字节），未写入任何数据",
        ),
        (
            refused("p.zip", "key_not_registered", fingerprint="ab12", reviewer="李", registered=[]),
            "已登记：无",
        ),
        (refused("p.zip", "results_other_people", reviewer="李", others=["王", "张"]), "更正：王、张"),
        (refused("p.zip", "lead_key_differs", fingerprint="ab12", mine=None), "（指纹 无）不同"),
    ],
)
def test_package_refusals_read_as_their_sentence(error: CaseReviewError, sentence: str) -> None:
    assert error.code is ErrorCode.PACKAGE_REFUSED
    assert sentence in describe(error)


def test_holiday_file_errors_read_as_their_line_and_sentence() -> None:
    error = CalendarFileError("h.yaml", 4, "unknown_key", key="x", known=["a", "b"])
    assert describe(error) == "节假日覆盖文件有误：h.yaml（第4行：未知项“x”（可用：a、b））"
    copied = pickle.loads(pickle.dumps(error))
    assert type(copied) is CalendarFileError and describe(copied) == describe(error)


def test_every_reason_key_of_a_file_error_has_its_sentence() -> None:
    """``{"why": "…", …}`` details (CORRUPT_FILE, CONVERSION_FAILED, WRITE_FAILED …) name a
    sentence of messages.REASONS that the other keys of the dict fill."""
    sites = []
    for path, tree in _sources():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Dict):
                continue
            keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
            if "why" not in keys:
                continue
            value = node.values[keys.index("why")]
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                sites.append((f"{path.relative_to(CORE)}:{node.lineno}", value.value, set(map(str, keys))))
    assert len(sites) >= 16  # the walk found the file errors
    assert [f"{where}: {why}" for where, why, _k in sites if why not in REASONS] == []
    assert [w for w, why, keys in sites if _placeholders(REASONS[why]) - keys] == []
