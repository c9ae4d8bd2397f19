"""LegalOpinionDialog: every control edits the opinion; texts follow the conclusion until edited; saving."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from casereview.legal import Conclusion, LegalOpinion, OpinionProblem
from casereview.legal.opinion import (
    AGREE_SUGGESTION,
    AGREE_TEXT,
    PROBLEMS_LEAD,
    default_opinion_text,
    default_suggestions,
)
from casereview_ui.dialogs.legal_opinion import LegalOpinionDialog, default_file_name

DEDUCTED = OpinionProblem(
    "PZ-02",
    "调查取证执法人员不少于两人并持有执法证件",
    "第4页现场笔录仅载明1名执法人员。",
    (4, 5),
    rectification="由两名以上持证执法人员重新调查取证。",
)
UNSURE = OpinionProblem("PC-01", "在追责时效内立案", "需人工确认：立案日期不清。", (3,), unsure=True)


def _draft() -> LegalOpinion:
    problems = [DEDUCTED, UNSURE]
    return LegalOpinion(
        case_number="湘攸交处罚〔2024〕1385(非)号",
        party="苏春远",
        case_title="苏春远案",
        unit="",
        submitted=None,
        reviewer="张法审",
        reviewed=dt.date(2026, 11, 21),
        conclusion=Conclusion.PROBLEMS,
        problems=problems,
        opinion=default_opinion_text(Conclusion.PROBLEMS, problems),
        suggestions=default_suggestions(Conclusion.PROBLEMS, problems),
    )


class PathChooser:
    """Stands in for the save dialog: records what it was asked and answers from a list."""

    def __init__(self, *answers: str | None) -> None:
        self.asked: list[str] = []
        self._answers = list(answers)

    def __call__(self, parent: QWidget, name: str) -> str | None:
        self.asked.append(name)
        return self._answers.pop(0) if self._answers else None


@pytest.fixture
def chooser() -> PathChooser:
    return PathChooser()


@pytest.fixture
def dialog(qtbot: QtBot, chooser: PathChooser) -> LegalOpinionDialog:
    widget = LegalOpinionDialog(_draft(), choose_path=chooser)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_opens_with_the_draft(dialog: LegalOpinionDialog) -> None:
    assert dialog.case_number_edit.text() == "湘攸交处罚〔2024〕1385(非)号"
    assert dialog.problems_radio.isChecked() and not dialog.agree_radio.isChecked()
    assert dialog.submitted_unknown.isChecked() and not dialog.submitted_edit.isEnabled()
    assert dialog.problems_editor.list.count() == 2
    assert dialog.problems_editor.list.item(1).text().startswith("【待人工确认】")
    assert dialog.opinion() == _draft()
    assert dialog.saved_path is None
    assert not dialog.reset_button.isEnabled()  # nothing edited yet


def test_every_field_is_edited(dialog: LegalOpinionDialog, qtbot: QtBot) -> None:
    dialog.case_title_edit.setText("苏春远未按规定携带道路运输证案")
    dialog.party_edit.setText("苏春远（个体）")
    dialog.case_number_edit.setText("湘攸交处罚〔2024〕1386号")
    dialog.unit_edit.setText("攸县交通运输综合行政执法大队")
    dialog.submitted_unknown.setChecked(False)
    assert dialog.submitted_edit.isEnabled()
    dialog.submitted_edit.setDate(QDate(2026, 11, 18))
    dialog.reviewer_edit.setText(" 李审核 ")
    dialog.reviewed_edit.setDate(QDate(2026, 11, 23))
    dialog.suggestions_edit.setPlainText("退回补正。")

    op = dialog.opinion()
    assert op.case_title == "苏春远未按规定携带道路运输证案"
    assert op.party == "苏春远（个体）"
    assert op.case_number == "湘攸交处罚〔2024〕1386号"
    assert op.unit == "攸县交通运输综合行政执法大队"
    assert op.submitted == dt.date(2026, 11, 18)
    assert op.reviewer == "李审核"
    assert op.reviewed == dt.date(2026, 11, 23)
    assert op.suggestions == "退回补正。"
    dialog.submitted_unknown.setChecked(True)
    assert dialog.opinion().submitted is None


def test_conclusion_switch_replaces_unedited_texts(dialog: LegalOpinionDialog, qtbot: QtBot) -> None:
    qtbot.mouseClick(dialog.agree_radio, Qt.MouseButton.LeftButton)
    assert dialog.opinion().conclusion is Conclusion.AGREE
    assert dialog.opinion_edit.toPlainText() == AGREE_TEXT
    assert dialog.suggestions_edit.toPlainText() == AGREE_SUGGESTION
    qtbot.mouseClick(dialog.problems_radio, Qt.MouseButton.LeftButton)
    assert dialog.opinion().conclusion is Conclusion.PROBLEMS
    assert dialog.opinion_edit.toPlainText().startswith(PROBLEMS_LEAD)
    assert "（PZ-02）" in dialog.opinion_edit.toPlainText()
    assert "由两名以上持证执法人员重新调查取证" in dialog.suggestions_edit.toPlainText()


def test_texts_edited_before_opening_are_kept(qtbot: QtBot) -> None:
    dialog = LegalOpinionDialog(dataclasses.replace(_draft(), suggestions="请承办机构补正。"))
    qtbot.addWidget(dialog)
    assert dialog.reset_button.isEnabled()
    dialog.agree_radio.setChecked(True)
    assert dialog.opinion_edit.toPlainText() == AGREE_TEXT  # not edited: follows
    assert dialog.suggestions_edit.toPlainText() == "请承办机构补正。"  # edited: stays


def test_edited_opinion_is_kept_and_can_be_reset(dialog: LegalOpinionDialog, qtbot: QtBot) -> None:
    dialog.opinion_edit.setPlainText("经审核，该案证据不足。")
    dialog.suggestions_edit.setPlainText("退回。")
    assert dialog.reset_button.isEnabled()
    assert "不会自动更新" in dialog.text_hint.text()
    dialog.agree_radio.setChecked(True)
    assert dialog.opinion_edit.toPlainText() == "经审核，该案证据不足。"
    qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    assert dialog.opinion_edit.toPlainText() == AGREE_TEXT
    assert dialog.suggestions_edit.toPlainText() == AGREE_SUGGESTION
    assert not dialog.reset_button.isEnabled()


def test_unchecking_drops_a_problem_and_follows_in_the_text(dialog: LegalOpinionDialog) -> None:
    editor = dialog.problems_editor
    editor.list.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert [p.item_id for p in dialog.opinion().problems] == ["PZ-02"]
    assert "PC-01" not in dialog.opinion_edit.toPlainText()
    editor.list.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.opinion().problems == []
    editor.list.item(1).setCheckState(Qt.CheckState.Checked)
    assert [p.item_id for p in dialog.opinion().problems] == ["PC-01"]


def test_add_and_edit_problems(dialog: LegalOpinionDialog, qtbot: QtBot) -> None:
    editor = dialog.problems_editor
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert editor.list.count() == 3 and editor.list.currentRow() == 2
    assert "新问题" in editor.list.item(2).text()
    editor.text_edit.setPlainText("询问笔录未由当事人逐页签名")
    qtbot.keyClicks(editor.pages_edit, "9, 7 7")  # typed: textEdited fires
    added = dialog.opinion().problems[-1]
    assert added == OpinionProblem("", "", "询问笔录未由当事人逐页签名", (7, 9))
    assert editor.list.item(2).text() == "询问笔录未由当事人逐页签名（第7、9页）。"
    assert "询问笔录未由当事人逐页签名" in dialog.opinion_edit.toPlainText()

    first = editor.list.item(0)
    rect = editor.list.visualItemRect(first)
    # Qt 6 item views take a double click only after the press that selected the item.
    qtbot.mouseClick(editor.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(editor.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.list.currentRow() == 0
    assert editor.text_edit.textCursor().selectedText() == DEDUCTED.text  # ready to be typed over
    editor.text_edit.setPlainText("现场笔录仅有1名执法人员签名。")
    assert dialog.opinion().problems[0].text == "现场笔录仅有1名执法人员签名。"
    assert dialog.opinion().problems[0].pages == (4, 5)
    assert _draft().problems[0].text == DEDUCTED.text  # the draft handed in is never changed


def test_save_to_writes_the_edited_opinion(dialog: LegalOpinionDialog, tmp_path: Path) -> None:
    dialog.unit_edit.setText("攸县交通运输综合行政执法大队")
    dialog.problems_editor.list.item(1).setCheckState(Qt.CheckState.Unchecked)
    target = tmp_path / "意见书.docx"
    assert dialog.save_to(target)
    assert dialog.saved_path == target
    assert "已保存" in dialog.message.text() and dialog.message.isVisible()

    document = docx.Document(str(target))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "法制审核意见书"
    cells = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert cells["承办机构"] == "攸县交通运输综合行政执法大队"
    assert cells["送审日期"] == ""
    problems = [t for t in texts if t[:2] in ("1．", "2．")]
    assert problems[0].startswith("1．评查项目PZ-02") and problems[0].endswith("（第4、5页）。")
    assert not any("PC-01" in t for t in texts)  # unchecked: not in the document
    assert texts[-1] == "二〇二六年十一月二十一日"


def test_invalid_opinion_shows_errors_and_writes_nothing(dialog: LegalOpinionDialog, tmp_path: Path) -> None:
    dialog.reviewer_edit.setText("")
    dialog.agree_radio.setChecked(True)
    assert not dialog.save_to(tmp_path / "x.docx")
    assert dialog.message.isVisible()
    assert "请填写审核人。" in dialog.message.text()
    assert "取消勾选" in dialog.message.text()  # agreeing while problems are still listed
    assert list(tmp_path.iterdir()) == []
    assert dialog.saved_path is None


def test_a_write_failure_is_shown_in_chinese(dialog: LegalOpinionDialog, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "x.docx"
    assert not dialog.save_to(target)
    assert dialog.message.text() == f"无法保存文件：{target}（文件夹不存在）"


def test_save_button_asks_for_a_path_and_adds_the_suffix(qtbot: QtBot, tmp_path: Path) -> None:
    chooser = PathChooser(None, str(tmp_path / "审核意见"))
    dialog = LegalOpinionDialog(_draft(), choose_path=chooser)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # cancelled
    assert chooser.asked == ["法制审核意见书_湘攸交处罚〔2024〕1385(非)号.docx"]
    assert dialog.saved_path is None and list(tmp_path.iterdir()) == []
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved_path == tmp_path / "审核意见.docx"
    assert dialog.saved_path.is_file()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_save_button_does_not_ask_for_a_path_while_invalid(
    dialog: LegalOpinionDialog, chooser: PathChooser, qtbot: QtBot
) -> None:
    dialog.case_number_edit.setText("")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert chooser.asked == []
    assert "请填写案号。" in dialog.message.text()


def test_close_without_saving_rejects(dialog: LegalOpinionDialog, qtbot: QtBot) -> None:
    with qtbot.waitSignal(dialog.rejected):
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Rejected


@pytest.mark.parametrize(
    ("number", "name"),
    [
        ("湘攸交处罚〔2024〕1385号", "法制审核意见书_湘攸交处罚〔2024〕1385号.docx"),
        ("湘交/罚:1 号", "法制审核意见书_湘交_罚_1_号.docx"),
        ("  ", "法制审核意见书.docx"),
    ],
)
def test_default_file_name(number: str, name: str) -> None:
    assert default_file_name(number) == name


def test_an_agreed_draft_opens_with_agree_checked(qtbot: QtBot) -> None:
    draft = dataclasses.replace(_draft(), conclusion=Conclusion.AGREE, problems=[], opinion=AGREE_TEXT)
    dialog = LegalOpinionDialog(draft)
    qtbot.addWidget(dialog)
    assert dialog.agree_radio.isChecked()
    assert dialog.problems_editor.list.count() == 0
    assert not dialog.problems_editor.text_edit.isEnabled()  # nothing selected to edit
