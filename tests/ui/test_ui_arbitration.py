"""ArbitrationDialog: the two reviews side by side, the summary line, one choice per differing
item (a reviewer's side or the lead's own deduction with a reason) and the page marks."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from casereview.domain.model import Evidence
from casereview.scoring import ItemStatus
from casereview.sessions.arbitration import Custom
from casereview.sessions.double import Comparison, ItemDifference
from casereview_ui.dialogs.arbitration import ArbitrationDialog

FIRST_MARK = Evidence(3, (40.0, 50.0, 200.0, 90.0), "")
SECOND_MARK = Evidence(7, (60.0, 80.0, 300.0, 140.0), "")
ITEMS = (
    ItemDifference(
        "SS-02",
        "定性是否准确（违法事实清楚，违法行为认定准确）",
        6,
        6,
        0,
        ItemStatus.DEDUCTED,
        ItemStatus.PASS,
        "定性错误",
        "符合要求",
        FIRST_MARK,
        None,
    ),
    ItemDifference(
        "FL-02",
        "裁量是否适当",
        5,
        0,
        2,
        ItemStatus.PENDING,
        ItemStatus.DEDUCTED,
        "待评",
        "裁量偏重",
        None,
        SECOND_MARK,
    ),
)


def _comparison(items: tuple[ItemDifference, ...] = ITEMS, within: bool = False) -> Comparison:
    return Comparison(11, 5, "张三", "李四", 92, 85, 7, items, within, 3, 101, 102, "优秀", "良好")


def _dialog(qtbot: QtBot, comparison: Comparison | None = None) -> ArbitrationDialog:
    dialog = ArbitrationDialog(comparison or _comparison())
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_side_by_side_table_and_summary(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    assert dialog.summary_label.text() == "两人得分 92 / 85，相差 7 分，超过允许差值 3 分"
    heads = [dialog.table.horizontalHeaderItem(c).text() for c in range(dialog.table.columnCount())]
    assert heads == [
        "评查项目",
        "张三\n扣分",
        "张三\n理由",
        "张三\n页码",
        "李四\n扣分",
        "李四\n理由",
        "李四\n页码",
        "仲裁",
    ]
    row = [dialog.table.item(0, c).text() for c in range(7)]
    assert row == [
        "SS-02 定性是否准确（违法事实清楚，违法行为认定准确）（6分）",
        "6（扣分）",
        "定性错误",
        "第3页",
        "0（通过）",
        "符合要求",
        "—",
    ]
    assert [dialog.combos[0].itemText(i) for i in range(4)] == ["请选择…", "采纳张三", "采纳李四", "自定…"]
    assert "张三（92 分，优秀）" in dialog.people_label.text()
    within = _dialog(qtbot, _comparison(within=True))
    assert within.summary_label.text() == "两人得分 92 / 85，相差 7 分，在允许差值 3 分以内"


def test_every_item_needs_a_choice_and_custom_a_reason(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    assert not dialog.ok_button().isEnabled() and dialog.choices() == {}
    dialog.combos[0].setCurrentIndex(1)  # 采纳张三
    assert not dialog.ok_button().isEnabled()
    dialog.combos[1].setCurrentIndex(3)  # 自定…: the editors now belong to FL-02
    assert dialog.table.currentRow() == 1 and dialog.custom_box.isEnabled()
    assert dialog.deduction_spin.maximum() == 5
    assert not dialog.ok_button().isEnabled()  # no reason yet
    dialog.deduction_spin.setValue(1.5)
    dialog.reason_edit.setPlainText("   ")
    assert not dialog.ok_button().isEnabled()
    dialog.reason_edit.setPlainText(" 裁量基本适当，酌情扣分 ")
    assert dialog.ok_button().isEnabled()
    assert dialog.choices() == {"SS-02": "first", "FL-02": Custom(1.5, "裁量基本适当，酌情扣分")}

    # Each 自定 row keeps its own values; a row taking a side disables the editors.
    dialog.combos[0].setCurrentIndex(3)
    assert dialog.table.currentRow() == 0 and dialog.deduction_spin.maximum() == 6
    assert dialog.reason_edit.toPlainText() == "" and not dialog.ok_button().isEnabled()
    dialog.deduction_spin.setValue(4)
    dialog.reason_edit.setPlainText("部分事实认定有误")
    dialog.table.setCurrentCell(1, 0)
    assert (dialog.deduction_spin.value(), dialog.reason_edit.toPlainText()) == (
        1.5,
        "裁量基本适当，酌情扣分",
    )
    dialog.combos[1].setCurrentIndex(2)  # 采纳李四
    assert not dialog.custom_box.isEnabled()
    assert dialog.choices() == {"SS-02": Custom(4, "部分事实认定有误"), "FL-02": "second"}
    dialog.ok_button().click()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_selecting_a_cell_shows_that_reviewers_page_mark(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    with qtbot.waitSignal(dialog.evidence_requested) as shown:
        dialog.table.setCurrentCell(1, 5)  # 李四's reason on FL-02
    assert shown.args == [SECOND_MARK]
    with qtbot.waitSignal(dialog.evidence_requested) as shown:
        dialog.table.setCurrentCell(0, 3)  # 张三's page on SS-02
    assert shown.args == [FIRST_MARK]
    with qtbot.waitSignal(dialog.evidence_requested) as shown:
        dialog.table.setCurrentCell(1, 0)  # the item: whoever marked a page
    assert shown.args == [SECOND_MARK]
    with qtbot.assertNotEmitted(dialog.evidence_requested):
        dialog.table.setCurrentCell(0, 5)  # 李四 marked nothing on SS-02
    assert dialog.region_at(0, 5) is None


def test_nothing_to_arbitrate(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, _comparison(items=()))
    assert dialog.table.rowCount() == 0 and not dialog.ok_button().isEnabled()
