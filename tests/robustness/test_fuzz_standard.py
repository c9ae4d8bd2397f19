"""The shipped standard, mutated line by line: loading it either succeeds or raises the typed
STANDARD_INVALID error whose Chinese message names the file and a line — never a raw PyYAML or
pydantic exception."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casereview.errors import CaseReviewError, ErrorCode
from casereview.messages import describe
from casereview.standards.loader import default_root, load_standard
from casereview.standards.schema import Standard

ORIGINAL = (default_root() / "transport_penalty" / "standard.yaml").read_text(encoding="utf-8")
LINES = ORIGINAL.splitlines()

awkward = st.sampled_from(
    [
        "",
        "~",
        "null",
        "[",
        "{",
        "]",
        "'unterminated",
        '"bad \\q escape"',
        "*nowhere",
        "&anchor",
        "!!python/object:os.system",
        "!!binary xyz",
        "2025-13-45",
        "2025-02-30",
        "9999-12-31",
        "0x",
        ".nan",
        "-.inf",
        "1e999",
        "99999999999999999999999999999",
        "- a\n- b",
        "{a: 1, a: 2}",
        "? [a, b]\n: c",
        "\t",
        "%YAML 1.1",
        "---",
        "...",
        "评查项",
    ]
)
scalars = st.one_of(
    awkward,
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.booleans().map(str),
    st.text(max_size=20).map(json.dumps),  # a quoted string of anything
    st.text(alphabet="abc:-[]{}#&*!|>'\"%@` \t评查", max_size=12),  # YAML punctuation
)
keys = st.one_of(
    st.sampled_from(["id", "points", "rules", "category", "items", "vetoes", "caps", "title", "extra_key"]),
    st.text(alphabet="abcdefghij_评查", min_size=1, max_size=10),
)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    lines = list(LINES)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        op = draw(st.sampled_from(["delete", "duplicate", "value", "key", "truncate"]))
        index = draw(st.integers(min_value=0, max_value=len(lines) - 1)) if lines else 0
        if op == "delete" and lines:
            del lines[index]
        elif op == "duplicate" and lines:
            lines.insert(index, lines[index])
        elif op == "value" and lines:
            line = lines[index]
            head, sep, _value = line.partition(": ")
            if not sep:  # a list entry or a key with a block value: replace what follows "- "
                head, sep, _value = line.partition("- ")
            lines[index] = f"{head}{sep or ': '}{draw(scalars)}"
        elif op == "key":
            indent = " " * draw(st.sampled_from([0, 2, 4, 6, 8, 3]))
            lines.insert(index, f"{indent}{draw(keys)}: {draw(scalars)}")
        elif op == "truncate":
            text = "\n".join(lines)
            cut = draw(st.integers(min_value=0, max_value=len(text)))
            lines = text[:cut].splitlines()
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def standard_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # The folder name must equal the standard's id, as under scoring_standards/.
    folder = tmp_path_factory.mktemp("standards") / "transport_penalty"
    folder.mkdir()
    return folder / "standard.yaml"


def test_the_original_loads(standard_path: Path) -> None:
    standard_path.write_text(ORIGINAL, encoding="utf-8")
    assert load_standard(standard_path).id == "transport_penalty"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=mutated())
def test_mutated_standard_loads_or_names_file_and_line(standard_path: Path, text: str) -> None:
    standard_path.write_text(text, encoding="utf-8")
    try:
        standard = load_standard(standard_path)
    except CaseReviewError as exc:
        assert exc.code == ErrorCode.STANDARD_INVALID
        problems = exc.detail["problems"]
        assert isinstance(problems, list) and problems
        assert all(p["path"] == str(standard_path) for p in problems)
        assert any(isinstance(p["line"], int) and p["line"] >= 1 for p in problems), problems
        message = describe(exc)
        assert str(standard_path) in message and "第" in message and "行" in message
        return
    except Exception as exc:
        raise AssertionError(f"raw {type(exc).__name__}: {exc}\n--- input ---\n{text}") from exc
    assert isinstance(standard, Standard)
