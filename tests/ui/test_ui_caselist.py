"""The case-list filter: proxy matching (text and combos) and the filter bar's choices and signal."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QStandardItem, QStandardItemModel

from casereview_ui.caselist import CaseFilter, CaseFilterBar, CaseFilterProxy, fold
from casereview_ui.models import (
    CASE_NUMBER_ROLE,
    GRADE_ROLE,
    PARTY_ROLE,
    REVIEWER_ROLE,
    STATUS_ROLE,
    UNIT_ROLE,
)

# file name, 案号, 当事人, 执法单位, 状态, 等级, 评查人员
ROWS = [
    ("a.pdf", "粤交执罚〔2026〕12号", "张三", "广州市交通运输局", "评查中", "良好", "王评查"),
    ("b.pdf", "宁交执罚〔2025〕3号", "某某运输有限公司", "西宁市交通运输局", "已完成", "优秀", "李评查"),
    ("c.pdf", "", "", "", "待评查", "", ""),
    ("d.pdf", "粤交执罚〔2026〕7号", "李 四", "广州市交通运输局", "已完成", "不合格", "王评查"),
]
ROLES = (CASE_NUMBER_ROLE, PARTY_ROLE, UNIT_ROLE, STATUS_ROLE, GRADE_ROLE, REVIEWER_ROLE)


def make_item(row: tuple[str, ...]) -> QStandardItem:
    name, *values = row
    item = QStandardItem(f"{name}\n{values[0]}  {values[1]}")
    for role, value in zip(ROLES, values, strict=True):
        item.setData(value, role)
    return item


@pytest.fixture
def source() -> QStandardItemModel:
    model = QStandardItemModel()
    for row in ROWS:
        model.appendRow(make_item(row))
    return model


@pytest.fixture
def proxy(source: QStandardItemModel) -> CaseFilterProxy:
    proxy = CaseFilterProxy()
    proxy.setSourceModel(source)
    return proxy


def names(proxy: CaseFilterProxy) -> list[str]:
    return [str(proxy.index(row, 0).data()).split("\n")[0] for row in range(proxy.rowCount())]


@pytest.mark.parametrize(
    ("case_filter", "expected"),
    [
        (CaseFilter(), ["a.pdf", "b.pdf", "c.pdf", "d.pdf"]),
        (CaseFilter(text="粤交执罚"), ["a.pdf", "d.pdf"]),  # 案号
        (CaseFilter(text="张三"), ["a.pdf"]),  # 当事人
        (CaseFilter(text="李四"), ["d.pdf"]),  # spaces ignored
        (CaseFilter(text="２０２６"), ["a.pdf", "d.pdf"]),  # full-width digits
        (CaseFilter(text="[2025]3"), ["b.pdf"]),  # bracket style of 案号
        (CaseFilter(text="C.PDF"), ["c.pdf"]),  # display text, any case
        (CaseFilter(text="王五"), []),
        (CaseFilter(unit="广州市交通运输局"), ["a.pdf", "d.pdf"]),
        (CaseFilter(unit="广州市"), []),  # combos match exactly
        (CaseFilter(status="已完成"), ["b.pdf", "d.pdf"]),
        (CaseFilter(status="待评查"), ["c.pdf"]),
        (CaseFilter(grade="优秀"), ["b.pdf"]),
        (CaseFilter(reviewer="王评查"), ["a.pdf", "d.pdf"]),
        (CaseFilter(text="2026", status="已完成"), ["d.pdf"]),
        (CaseFilter(unit="西宁市交通运输局", reviewer="王评查"), []),
    ],
)
def test_proxy_filters(proxy: CaseFilterProxy, case_filter: CaseFilter, expected: list[str]) -> None:
    proxy.set_filter(case_filter)
    assert names(proxy) == expected
    assert proxy.filter() == case_filter


def test_proxy_follows_source_changes(proxy: CaseFilterProxy, source: QStandardItemModel) -> None:
    proxy.set_filter(CaseFilter(status="已完成"))
    assert proxy.rowCount() == 2
    source.item(0).setData("已完成", STATUS_ROLE)  # a review finished
    assert names(proxy) == ["a.pdf", "b.pdf", "d.pdf"]
    source.appendRow(make_item(("e.pdf", "", "", "", "已完成", "", "")))
    assert proxy.rowCount() == 4


def test_proxy_passes_the_model_tester(proxy: CaseFilterProxy, qtmodeltester: Any) -> None:
    proxy.set_filter(CaseFilter(text="粤交"))
    qtmodeltester.check(proxy)


def test_fold_normalises_width_case_and_spaces() -> None:
    assert (
        fold(" 粤交执罚〔２０２６〕 12 号 ABC ") == fold("粤交执罚[2026]12号abc") == "粤交执罚(2026)12号abc"
    )


@pytest.fixture
def bar(qtbot: Any, source: QStandardItemModel) -> CaseFilterBar:
    bar = CaseFilterBar()
    qtbot.addWidget(bar)
    bar.set_source(source)
    return bar


def test_combos_list_distinct_values(bar: CaseFilterBar) -> None:
    assert bar.unit.itemText(0) == "全部执法单位" and bar.unit.currentIndex() == 0
    assert sorted(bar.choices(bar.unit)) == ["广州市交通运输局", "西宁市交通运输局"]
    assert bar.choices(bar.status) == ["待评查", "评查中", "已完成"]  # workflow order, not alphabetical
    assert bar.choices(bar.grade) == ["优秀", "良好", "不合格"]
    assert sorted(bar.choices(bar.reviewer)) == ["李评查", "王评查"]
    assert [bar.status.itemText(0), bar.grade.itemText(0), bar.reviewer.itemText(0)] == [
        "全部状态",
        "全部等级",
        "全部评查人员",
    ]


def test_choice_emits_filter_and_survives_refresh(
    qtbot: Any, bar: CaseFilterBar, source: QStandardItemModel
) -> None:
    with qtbot.waitSignal(bar.filter_changed) as changed:
        bar.reviewer.setCurrentIndex(bar.reviewer.findData("李评查"))
    assert changed.args == [CaseFilter(reviewer="李评查")]
    source.item(2).setData("赵评查", REVIEWER_ROLE)  # dataChanged: a new value appears
    assert "赵评查" in bar.choices(bar.reviewer)
    assert bar.reviewer.currentData() == "李评查"
    source.removeRow(1)  # the only row of 李评查 goes: the choice stays rather than change silently
    assert bar.reviewer.currentData() == "李评查"
    source.clear()  # modelReset
    assert bar.choices(bar.unit) == [] and bar.choices(bar.reviewer) == ["李评查"]
    assert bar.filter() == CaseFilter(reviewer="李评查")


def test_text_and_clear(qtbot: Any, bar: CaseFilterBar) -> None:
    assert bar.search.placeholderText() == "搜索案号或当事人…"
    assert bar.search.isClearButtonEnabled()
    with qtbot.waitSignal(bar.filter_changed) as changed:
        qtbot.keyClicks(bar.search, "7")  # typing filters at once, no Enter needed
    assert changed.args == [CaseFilter(text="7")]
    bar.grade.setCurrentIndex(bar.grade.findData("优秀"))
    emitted: list[CaseFilter] = []
    bar.filter_changed.connect(emitted.append)
    bar.clear()
    assert emitted == [CaseFilter()]
    assert bar.search.text() == "" and bar.grade.currentIndex() == 0


def test_bar_drives_proxy_and_counts(qtbot: Any, bar: CaseFilterBar, proxy: CaseFilterProxy) -> None:
    def update(case_filter: CaseFilter) -> None:
        proxy.set_filter(case_filter)
        bar.set_counts(proxy.rowCount(), proxy.sourceModel().rowCount())

    bar.filter_changed.connect(update)
    bar.unit.setCurrentIndex(bar.unit.findData("广州市交通运输局"))
    assert names(proxy) == ["a.pdf", "d.pdf"]
    assert bar.count_label.text() == "显示 2 / 4 份"
    bar.set_source(None)  # detached: no choices, no crash when the old source changes
    assert bar.choices(bar.status) == []
    assert proxy.sourceModel() is not None
    proxy.sourceModel().removeRows(0, 1)
    assert bar.choices(bar.status) == []
