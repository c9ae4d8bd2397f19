"""``casereview check --format json`` on generated cases of every kind: the rules.md contract,
with the right documents and fields (real OCR on the scanned kinds)."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from casegen import generate_case
from casereview.cli import main
from casereview.domain.doctypes import ALL_TYPES
from casereview.extract.parsers import tidy_case_number

KEY_FIELDS = ("case_number", "party_name", "decision_date", "fine_amount", "filing_date")


def _check_contract(obj: dict[str, Any]) -> None:
    """The per-file object of rules.md: keys, types and value formats."""
    assert set(obj) >= {"source", "sha256", "page_count", "documents", "fields", "standard", "findings"}
    assert len(obj["sha256"]) == 64 and int(obj["sha256"], 16) >= 0
    assert isinstance(obj["page_count"], int) and obj["page_count"] > 0
    covered: list[int] = []
    for doc in obj["documents"]:
        assert doc["type"] in ALL_TYPES
        assert 1 <= doc["first_page"] <= doc["last_page"] <= obj["page_count"]
        covered.extend(range(doc["first_page"], doc["last_page"] + 1))
    assert covered == list(range(1, obj["page_count"] + 1)), "documents cover every page once, in order"
    for name, value in obj["fields"].items():
        if name.endswith("_date") and value is not None:
            assert dt.date.fromisoformat(value).isoformat() == value
        if name in ("fine_amount", "proposed_fine") and value is not None:
            assert isinstance(value, float | int)
    assert isinstance(obj["findings"], list)
    assert "score" in obj and "grade" in obj


def _run(path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict[str, Any]:
    code = main(["check", str(path), "--format", "json", "-q", "--workers", "2", *extra])
    out = capsys.readouterr().out
    assert code == 0, out
    results = json.loads(out)
    assert len(results) == 1
    return dict(results[0])


def _compare(obj: dict[str, Any], truth: dict[str, Any], min_doc_share: float) -> None:
    _check_contract(obj)
    assert obj["page_count"] == truth["page_count"]
    want = {(d["type"], d["first_page"], d["last_page"]) for d in truth["documents"]}
    got = {(d["type"], d["first_page"], d["last_page"]) for d in obj["documents"]}
    assert len(want & got) / len(want) >= min_doc_share, sorted(want - got)
    for field in KEY_FIELDS:
        got, want = obj["fields"][field], truth["fields"][field]
        if field == "case_number":  # text is NFKC-normalised: （朝） reads (朝)
            want = tidy_case_number(unicodedata.normalize("NFKC", want))
        assert got == want, field


@pytest.mark.parametrize("kind", ["digital", "docx"])
def test_digital_kinds(kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, truth = generate_case(tmp_path, f"e2e-{kind}", kind=kind, seed=11)
    obj = _run(path, capsys, "--no-ocr")
    _compare(obj, truth, 1.0)
    served = {d["serves"] for d in obj["documents"] if d["type"] == "送达回证"}
    assert "行政处罚决定书" in served


@pytest.mark.ocr
@pytest.mark.parametrize(("kind", "seed"), [("scanned", 12), ("mixed", 13), ("images", 14), ("tiff", 15)])
def test_scanned_kinds(kind: str, seed: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, truth = generate_case(tmp_path, f"e2e-{kind}", kind=kind, seed=seed, procedure="summary")
    obj = _run(path, capsys)
    _compare(obj, truth, 1.0)


@pytest.mark.ocr
def test_scanned_ordinary_case(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, truth = generate_case(tmp_path, "e2e-scan-full", kind="scanned", seed=21)
    obj = _run(path, capsys)
    _compare(obj, truth, 0.9)
    assert obj["fields"]["sealed_pages"], "red seals are found on scanned pages"
