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
# Where the key sits: ``InputError("problem", …)``, ``refused(path, "why", …)``.
KEY_ARGUMENT = dict.fromkeys(PROBLEM_CLASSES, 0) | {"refused": 1, "_refuse": 1, "CalendarFileError": 2}
TABLES = {name: PROBLEM_TABLES[code] for name, code in PROBLEM_CLASSES.items()}
TABLES |= {"refused": PACKAGE_REASONS, "_refuse": ATTACHMENT_REASONS, "CalendarFileError": CALENDAR_REASONS}
ONLY_IN = {
    "_refuse": "rectify/attachments.py",
    "CalendarFileError": "calendar/overrides.py",
}  # ingest's _refuse still takes a sentence (not done)


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


def _problem_sites() -> Iterator[tuple[str, str, str, set[str]]]:
    """(where, error, key, keyword fields) of every typed error made with a literal key."""
    for path, tree in _sources():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or _name(node) not in KEY_ARGUMENT:
                continue
            if (
                ONLY_IN.get(_name(node), path.relative_to(CORE).as_posix())
                != path.relative_to(CORE).as_posix()
            ):
                continue
            if len(node.args) <= KEY_ARGUMENT[_name(node)]:  # rectify.ledger.refused(why): RECTIFY_REASONS
                continue
            first = node.args[KEY_ARGUMENT[_name(node)]]
            options = [first.body, first.orelse] if isinstance(first, ast.IfExp) else [first]
            if isinstance(first, ast.Subscript):  # REASON_REQUIRED[kind]: every value of the table
                continue
            fields = {k.arg for k in node.keywords if k.arg is not None} | {"path"}
            for option in options:
                assert isinstance(option, ast.Constant) and isinstance(option.value, str), (
                    f"{path.relative_to(CORE)}:{node.lineno}: the problem should be a literal key"
                )
                where = f"{path.relative_to(CORE)}:{node.lineno}"
                yield where, _name(node), option.value, fields


def _placeholders(template: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}


def test_every_raised_problem_has_a_sentence_its_fields_fill() -> None:
    sites = list(_problem_sites())
    assert len(sites) > 140  # the walk found the raise sites
    missing = [f"{where}: {key}" for where, error, key, _f in sites if key not in TABLES[error]]
    assert missing == []
    unfilled = [
        f"{where}: {key} needs {sorted(_placeholders(TABLES[error][key]) - fields)}"
        for where, error, key, fields in sites
        if _placeholders(TABLES[error][key]) - fields
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
