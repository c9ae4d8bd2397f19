"""Issue 18 (7): a standard whose parameters are out of any sensible range is refused by lint, with
the file, line and a Chinese reason (before: publication_wd 1000000000, decision_limit_cd -5,
min_ocr_confidence .nan and payment_cd 1e20 linted clean and check then deducted nonsense)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from casereview.standards.lint import lint

ROOT = Path(__file__).resolve().parents[2] / "scoring_standards"


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("publication_wd: 1000000000", "1–60"),
        ("decision_limit_cd: -5", "1–365"),
        ("min_ocr_confidence: .nan", "不是有效数字"),
        ("payment_cd: 1e20", "应为整数"),
        ("min_ocr_confidence: 1.5", "0–1"),
        ("summary_fine_individual: 0", "金额"),
    ],
)
def test_out_of_range_parameters_are_refused(tmp_path: Path, line: str, words: str) -> None:
    folder = tmp_path / "transport_penalty"
    shutil.copytree(ROOT / "transport_penalty", folder)
    path = folder / "standard.yaml"
    text = path.read_text("utf-8")
    assert "      publication_wd: 20\n" in text
    path.write_text(text.replace("      publication_wd: 20\n", f"      {line}\n", 1), "utf-8")
    problems = [str(p) for p in lint([path], tmp_path)]
    assert any(words in p for p in problems), problems


def test_the_shipped_standards_stay_clean() -> None:
    assert lint() == []
