"""The memory budget itself (casereview.budget): how it is set, what fits, how a refusal reads."""

from __future__ import annotations

import pytest

from casereview import budget as budget_module
from casereview.budget import ENV_VAR, MIN_OCR_DPI, Budget, OverBudget, default_limit
from casereview.errors import ErrorCode
from casereview.ingest.reader import reduced_notice
from casereview.messages import describe, describe_notice

GIB, MIB = 1 << 30, 1 << 20


@pytest.mark.parametrize(
    ("total", "expected"),
    [(24 * GIB, 3 * GIB), (8 * GIB, 1 * GIB), (2 * GIB, 512 * MIB), (64 * GIB, 4 * GIB), (None, 512 * MIB)],
)
def test_default_is_an_eighth_of_memory_within_floor_and_ceiling(
    total: int | None, expected: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setattr(budget_module, "total_memory", lambda: total)
    assert default_limit() == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("268435456", 256 * MIB),
        ("256M", 256 * MIB),
        ("1.5G", 3 * GIB // 2),
        ("512MiB", 512 * MIB),
        ("64k", 64 << 10),
    ],
)
def test_environment_overrides(value: str, expected: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, value)
    assert default_limit() == expected


@pytest.mark.parametrize("value", ["", "lots", "-5M", "0", "nan", "inf"])
def test_a_meaningless_override_is_ignored(value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, value)
    monkeypatch.setattr(budget_module, "total_memory", lambda: 24 * GIB)
    assert default_limit() == 3 * GIB


def test_real_machine_memory_is_read() -> None:
    total = budget_module.total_memory()
    assert total is not None and total > 256 * MIB


def test_pages_fit_at_full_reduced_or_not_at_all() -> None:
    small = Budget("x.pdf", 256 * MIB)  # a page may take 128 MiB: 16.7 MP at 8 bytes a pixel
    assert small.fit_dpi(595, 842, 200) == 200  # A4
    reduced = small.fit_dpi(2000, 2000, 200)
    assert reduced is not None and MIN_OCR_DPI <= reduced < 200
    assert small.pixels_at(2000, 2000, reduced) * 8 <= small.page_share()
    assert small.pixels_at(2000, 2000, reduced + 1) * 8 > small.page_share()
    assert small.fit_dpi(5000, 5000, 200) is None  # 100 dpi would need 48 MP
    assert small.fit_dpi(5000, 5000, 36, min_dpi=12) == 36  # seal search: small dpi fits


def test_held_bytes_leave_less_room_until_released() -> None:
    budget = Budget("scan.tif", 100 * MIB)
    held = budget.hold("pixels", 5_000_000)  # 40 MB
    assert budget.held == held == 40_000_000
    with pytest.raises(OverBudget):
        budget.charge("pixels", 9_000_000)  # 72 MB beside the 40 held
    budget.release(held)
    assert budget.charge("pixels", 8_000_000) == 64_000_000 and budget.held == 0


def test_refusal_names_the_file_the_amount_and_the_limit() -> None:
    budget = Budget("/案卷/甲.xlsx", 256 * MIB)
    with pytest.raises(OverBudget) as caught:
        budget.charge("cells", 17_179_869_184)
    error = caught.value
    assert error.code == ErrorCode.OVER_BUDGET and error.path == "/案卷/甲.xlsx"
    message = describe(error)
    assert message.startswith("文件所需内存超出预算，已拒绝读取：/案卷/甲.xlsx")
    assert "表格单元格达 17,179,869,184 个" in message and "上限 4,194,304 个" in message
    assert "256 MB" in message and ENV_VAR in message


def test_reduced_pages_notice() -> None:
    code = reduced_notice([(3, 147.0), (4, 120.0)])
    assert code == "reduced_dpi:3=147,4=120"
    text = describe_notice(code)
    assert "第3页（147 dpi）、第4页（120 dpi）" in text and "降低分辨率" in text


def test_refusal_counts_what_is_held() -> None:
    budget = Budget("list.xlsx", 64 * 1000)  # 1,000 cells
    for _row in range(9):
        budget.hold("cells", 100)
    with pytest.raises(OverBudget) as caught:
        budget.charge("cells", 200)
    assert caught.value.detail["amount"] == 1100  # the sheet so far, not the one row
