"""Issue 18 (2): one memory budget per file read. Every hostile input of hostile_inputs.py and
hypothesis-chosen adversarial sizes are read in a child process under a 256 MiB budget; the peak
resident set while reading (VmHWM, reset after the imports) stays within the budget, and each
input is read, read with pages at a reduced resolution (and says so), or refused with a Chinese
message that names the file and the limit. A refused file does not stop a batch or lose what was
stored before it.

Each child prints its row; ``python bench/bench_budget.py`` writes the whole table (also under the
machine's own budget) to bench/results_budget.md.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pymupdf
import pytest
from hostile_inputs import (
    HOSTILE,
    Hostile,
    billion_laughs,
    blank_pdf,
    deep_list,
    far_cell_xlsx,
    self_alias,
    small_bombs_docx,
    tiff_frames,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from robust_kit import complete_cases, integrity

from casegen import generate_case
from casereview.budget import ENV_VAR
from casereview.calendar.overrides import load_overrides
from casereview.cli import main
from casereview.db import open_database
from casereview.domain.model import CaseFile, Page, TextSource
from casereview.errors import CalendarFileError
from casereview.ingest import IngestOptions, ingest_path
from casereview.ingest.sources import file_sha256
from casereview.messages import describe
from casereview.render import render_page
from casereview.sessions.importing import import_cases
from casereview.sessions.store import create_session

CHILD = Path(__file__).resolve().parent / "budget_child.py"
TEST_BUDGET = 256 << 20
KIB = 1024
ROWS_KEY = "budget_row"  # collected by tests/robustness/conftest.py into the table after the run


def run_child(reader: str, path: Path, budget: int | None = TEST_BUDGET) -> dict[str, object]:
    """Read ``path`` in a fresh child under ``budget`` (None: the machine's own); its JSON report."""
    env = dict(os.environ)
    env.pop(ENV_VAR, None)
    if budget is not None:
        env[ENV_VAR] = str(budget)
    done = subprocess.run(
        [sys.executable, str(CHILD), reader, str(path)], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def grown_mib(report: dict[str, object]) -> float:
    """What reading added to the child's resident set at its peak."""
    return (int(report["peak_kib"]) - int(report["baseline_kib"])) / KIB  # type: ignore[call-overload]


def row(name: str, report: dict[str, object]) -> str:
    budget_mib = int(report["budget"]) / (1 << 20)  # type: ignore[call-overload]
    return (
        f"{name}: budget {budget_mib:.0f} MiB, peak RSS {int(report['peak_kib']) / KIB:.0f} MiB "  # type: ignore[call-overload]
        f"(+{grown_mib(report):.0f} MiB over the {int(report['baseline_kib']) / KIB:.0f} MiB after imports), "  # type: ignore[call-overload]
        f"{report['outcome']}"
    )


def table_row(name: str, report: dict[str, object]) -> tuple[str, str, str, str, str]:
    budget_mib = int(report["budget"]) / (1 << 20)  # type: ignore[call-overload]
    outcome = str(report["outcome"])
    if outcome == "refused":
        why = "over budget" if "内存超出预算" in str(report.get("message", "")) else "its own check"
        outcome += f", {why} ({report['code']})"
    return (
        name,
        f"{budget_mib:.0f} MiB",
        f"{int(report['peak_kib']) / KIB:.0f} MiB",  # type: ignore[call-overload]
        f"+{grown_mib(report):.0f} MiB",
        outcome,
    )


def assert_within_budget(report: dict[str, object]) -> None:
    assert report["budget"] == TEST_BUDGET
    assert grown_mib(report) * (1 << 20) <= TEST_BUDGET, report


def assert_outcome(report: dict[str, object], path: Path, expect: str) -> None:
    assert report["outcome"] == expect, report
    message = str(report.get("message", ""))
    if expect == "refused":
        assert path.name in message, message  # the file is named …
        if report["code"] == "E_OVER_BUDGET" or "内存" in message:
            assert "内存超出预算" in message and "上限" in message and "256 MB" in message, message
        else:  # … and a bomb refused by its own check says why
            assert any(word in message for word in ("压缩炸弹", "嵌套", "循环引用")), message
    if expect == "reduced":
        notices = "".join(str(n) for n in report["notices"])  # type: ignore[attr-defined]
        assert "降低分辨率" in notices and "dpi" in notices, notices


@pytest.mark.parametrize("hostile", HOSTILE, ids=[h.file_name for h in HOSTILE])
def test_hostile_input_within_budget(
    hostile: Hostile, tmp_path: Path, record_property: Callable[[str, object], None]
) -> None:
    path = hostile.build(tmp_path / hostile.file_name)
    report = run_child(hostile.reader, path)
    print(f"\n{row(hostile.name, report)}")
    record_property(ROWS_KEY, table_row(hostile.name, report))
    assert_within_budget(report)
    assert_outcome(report, path, hostile.expect)


# Property tests: adversarial sizes chosen by hypothesis, each read in its own child. Few examples
# (a child costs ~2 s), derandomised so a failure reproduces.
CHILD_SETTINGS = settings(
    max_examples=5,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@CHILD_SETTINGS
@given(
    pages=st.integers(1, 6),
    width=st.floats(3, 14_400),
    height=st.floats(3, 14_400),
)
def test_pdf_pages_of_any_size(
    pages: int, width: float, height: float, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = blank_pdf(tmp_path_factory.mktemp("pdf") / "pages.pdf", pages, width, height)
    report = run_child("case", path)
    assert_within_budget(report)
    # 128 MiB per page at 8 bytes a pixel: 200 dpi fits up to ~16.7 MP, 100 dpi is the floor.
    pixels_at = lambda dpi: width * height * (dpi / 72.0) ** 2  # noqa: E731
    expect = "read" if pixels_at(200) * 8 <= TEST_BUDGET // 2 else "reduced"
    if pixels_at(100) * 8 > TEST_BUDGET // 2 * 0.98:
        expect = "refused"
    if abs(pixels_at(100) * 8 - TEST_BUDGET // 2) < TEST_BUDGET * 0.02:
        return  # on the edge, rounding of whole pixels decides
    assert_outcome(report, path, expect)


@CHILD_SETTINGS
@given(frames=st.integers(1, 6), side=st.integers(100, 16_000), dpi=st.sampled_from([72, 200, 300, 600]))
def test_tiff_frames_of_any_size(
    frames: int, side: int, dpi: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tiff_frames(tmp_path_factory.mktemp("tif") / "frames.tif", frames, side, dpi)
    report = run_child("case", path)
    assert_within_budget(report)
    assert report["outcome"] in ("read", "reduced", "refused")
    if report["outcome"] == "refused":
        assert_outcome(report, path, "refused")


@CHILD_SETTINGS
@given(rows=st.integers(0, 4000))
def test_xlsx_far_cells(rows: int, tmp_path_factory: pytest.TempPathFactory) -> None:
    path = far_cell_xlsx(tmp_path_factory.mktemp("xlsx") / "far.xlsx", rows)
    report = run_child("publication", path)
    assert_within_budget(report)
    # Rows reaching column XFD cost 16,384 cells each; 256 MiB holds 4 M cells of 64 bytes.
    fits = (rows + 3) * 16_385 * 64 <= TEST_BUDGET
    if rows:  # the last cell XFD1048576 has no number: listed as a bad row when the rest fits
        assert report["outcome"] == "refused", report
        if not fits:
            assert_outcome(report, path, "refused")
    else:
        assert report["outcome"] == "read", report


@CHILD_SETTINGS
@given(levels=st.integers(2, 12))
def test_yaml_aliases(levels: int, tmp_path_factory: pytest.TempPathFactory) -> None:
    path = billion_laughs(tmp_path_factory.mktemp("yaml") / "laughs.yaml", levels)
    report = run_child("standard", path)
    assert_within_budget(report)
    # Nodes once aliases are expanded: the mapping, and per level its key and a list of nine.
    size, expanded = 10, 1 + 1 + 10
    for _level in range(1, levels):
        size = 1 + 9 * size
        expanded += 1 + size
    if expanded * 2048 > TEST_BUDGET:
        assert_outcome(report, path, "refused")
    else:  # small enough to load: refused for what it lacks, never for memory
        assert "内存" not in str(report.get("message", ""))


def with_huge_page(case: Path, out: Path, side: float) -> Path:
    """``case`` with a blank ``side``-pt page (a site drawing, say) appended."""
    with pymupdf.open(case) as doc:
        doc.new_page(width=side, height=side)
        doc.save(out)
    return out


def test_batch_goes_on_and_keeps_what_was_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A stored case, then two files over budget and one read reduced in one ``ingest`` run, then
    another case, then the files imported into a review session: the refused files are named with
    the reason, the reduced one says so, and nothing stored before or after is lost."""
    monkeypatch.setenv(ENV_VAR, str(TEST_BUDGET))
    first, _ = generate_case(tmp_path / "a", "first", kind="digital", seed=41)
    last, _ = generate_case(tmp_path / "b", "last", kind="digital", seed=42)
    huge = blank_pdf(tmp_path / "巨幅.pdf", 2, 6700)
    frames = tiff_frames(tmp_path / "bomb.tif", 4, 14_000, 200)
    url = f"sqlite:///{tmp_path / 'review.db'}"
    assert main(["ingest", str(first), "--db", url, "--no-ocr", "-q"]) == 0
    reduced = with_huge_page(first, tmp_path / "附大幅面图纸.pdf", 2000)
    assert main(["ingest", str(huge), str(frames), str(reduced), "--db", url, "--no-ocr", "-q"]) == 1
    err = capsys.readouterr().err
    for refused in (huge, frames):
        assert any(str(refused) in line and "内存超出预算" in line for line in err.splitlines()), err
    notice = next(line for line in err.splitlines() if str(reduced) in line and "分辨率" in line)
    assert notice.startswith("提示：") and "降低分辨率渲染后识别：第20页（147 dpi）" in notice, err
    assert main(["ingest", str(last), "--db", url, "--no-ocr", "-q"]) == 0
    database = open_database(url)
    try:
        integrity(database)
        stored = complete_cases(database)
        assert {file_sha256(first), file_sha256(last)} <= set(stored.values())
        assert file_sha256(huge) not in stored.values() and file_sha256(frames) not in stored.values()
        with database.session_scope() as session:
            sid = create_session(session, "预算", 2026, "transport_penalty", "组长")
        entries = [("甲", first), ("甲", huge), ("乙", frames), ("乙", last)]
        result = import_cases(database, sid, entries)
        assert [unit for unit, _ in result.added] == ["甲", "乙"]
        assert [Path(path) for path, _ in result.failed] == [huge, frames]
        assert all("内存超出预算" in message and "上限" in message for _, message in result.failed)
    finally:
        database.close()


def test_viewer_renders_a_huge_page_at_a_fitted_scale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Showing a 6700-pt page at 100 dpi would take 350 MB of pixels; under a 256 MiB budget it
    comes at the resolution that fits half of it, its scale saying so (boxes stay aligned)."""
    monkeypatch.setenv(ENV_VAR, str(TEST_BUDGET))
    pdf = blank_pdf(tmp_path / "巨幅.pdf", 1, 6700)
    case = CaseFile(str(pdf), "", "pdf", [Page(1, 6700.0, 6700.0, TextSource.OCR, origin=str(pdf))])
    rendered = render_page(case, 1, dpi=100.0)
    assert rendered.scale < 100.0 / 72.0
    assert rendered.width * rendered.height * 8 <= TEST_BUDGET // 2
    assert rendered.width == pytest.approx(6700 * rendered.scale, abs=2)


@CHILD_SETTINGS
@given(parts=st.integers(1, 600), kib=st.integers(1, 1024))
def test_docx_parts_of_any_size(parts: int, kib: int, tmp_path_factory: pytest.TempPathFactory) -> None:
    path = small_bombs_docx(tmp_path_factory.mktemp("docx") / "parts.docx", parts, kib << 10)
    report = run_child("case", path)
    assert_within_budget(report)
    unpacked = parts * (kib << 10)  # plus two tiny parts
    if unpacked * 6 > TEST_BUDGET:
        assert_outcome(report, path, "refused")
    elif unpacked * 6 < TEST_BUDGET * 0.99:
        assert "内存" not in str(report.get("message", "")), report


@pytest.mark.parametrize("build", [billion_laughs, deep_list, self_alias], ids=["laughs", "deep", "cycle"])
def test_holiday_file_is_held_to_the_budget(
    build: Callable[[Path], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The holiday override file is YAML too: the same checks, its own Chinese error."""
    monkeypatch.setenv(ENV_VAR, str(TEST_BUDGET))
    path = build(tmp_path / "holidays.yaml")
    with pytest.raises(CalendarFileError) as caught:
        load_overrides(path, range(2004, 2027))
    message = describe(caught.value)
    assert caught.value.path == str(path)
    assert any(word in message for word in ("内存超出预算", "嵌套超过", "循环引用")), message


@CHILD_SETTINGS
@given(
    mode=st.sampled_from(["RGB", "L", "P", "1", "RGBA"]),
    width=st.integers(100, 12_000),
    height=st.integers(100, 8_000),
    dpi=st.sampled_from([72, 150, 300, 600]),
)
def test_png_of_any_size_and_mode(
    mode: str, width: int, height: int, dpi: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Pillow keeps RGB in four bytes a pixel and shrinks in two passes: the frame's charge must
    cover what decoding and shrinking really take, whatever the mode."""
    path = tmp_path_factory.mktemp("png") / "scan.png"
    Image.new(mode, (width, height), "white" if mode != "1" else 1).save(path, dpi=(dpi, dpi))
    report = run_child("case", path)
    assert_within_budget(report)
    if report["outcome"] == "refused":
        assert_outcome(report, path, "refused")


def test_every_frame_gets_the_same_resolution(tmp_path: Path) -> None:
    """Pages waiting for OCR would leave the second frame less room: they are scanned first, so
    every frame of a uniform TIFF is read at the same (reduced) resolution."""
    path = tiff_frames(tmp_path / "frames.tif", 3, 6000, 300)
    case = ingest_path(path, IngestOptions(memory_budget=TEST_BUDGET))
    reduced = [n for n in case.notices if n.startswith("reduced_dpi:")]
    assert len(reduced) == 1, case.notices
    dpis = {item.split("=")[1] for item in reduced[0].split(":", 1)[1].split(",")}
    assert len(dpis) == 1 and 100 <= int(dpis.pop()) < 200, reduced
