"""法制审核 mode: edit the drafted 法制审核意见书 and save it as DOCX.

The dialog edits a copy of the draft from :func:`casereview.legal.draft_opinion`. The 审核意见 and
处理建议 follow the conclusion and the checked problems for as long as the reviewer has not typed in
them; once edited they are left alone ("恢复默认文本" brings the defaults back).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QSettings
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from casereview.errors import CaseReviewError
from casereview.legal.model import Conclusion, LegalOpinion
from casereview.legal.opinion import (
    default_opinion_text,
    default_suggestions,
    validate_opinion,
    write_opinion_docx,
)
from casereview.messages import describe
from casereview_ui.dialogs.opinion_problems import ProblemsEditor

ChoosePath = Callable[[QWidget, str], str | None]

_LAST_DIR = "legal/lastDir"
_DATE_FORMAT = "yyyy年M月d日"
_ERROR_STYLE = "color: #b00020;"
_OK_STYLE = "color: #1b5e20;"


def default_file_name(case_number: str) -> str:
    """``法制审核意见书_<案号>.docx`` with characters no file system accepts replaced."""
    safe = re.sub(r'[\\/:*?"<>|\s]+', "_", case_number.strip()).strip("_.")
    return f"法制审核意见书_{safe}.docx" if safe else "法制审核意见书.docx"


def ask_save_path(parent: QWidget, name: str) -> str | None:
    """The save dialog, starting in the folder used last time."""
    folder = str(QSettings().value(_LAST_DIR, str(Path.home())))
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("legal_opinion", "保存法制审核意见书"),
        str(Path(folder) / name),
        QCoreApplication.translate("legal_opinion", "Word 文档 (*.docx)"),
    )
    if not path:
        return None
    QSettings().setValue(_LAST_DIR, str(Path(path).parent))
    return path


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class LegalOpinionDialog(QDialog):
    def __init__(
        self,
        opinion: LegalOpinion,
        parent: QWidget | None = None,
        choose_path: ChoosePath | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("法制审核意见书"))
        self.saved_path: Path | None = None
        self._draft = opinion
        self._choose_path = choose_path or ask_save_path

        self.case_title_edit = QLineEdit(opinion.case_title, self)
        self.party_edit = QLineEdit(opinion.party, self)
        self.case_number_edit = QLineEdit(opinion.case_number, self)
        self.unit_edit = QLineEdit(opinion.unit, self)
        self.unit_edit.setPlaceholderText(self.tr("如：某某县交通运输综合行政执法大队"))
        self.reviewer_edit = QLineEdit(opinion.reviewer, self)
        self.submitted_edit = self._date_edit(opinion.submitted or opinion.reviewed)
        self.submitted_unknown = QCheckBox(self.tr("未填写"), self)
        self.submitted_unknown.toggled.connect(lambda unknown: self.submitted_edit.setEnabled(not unknown))
        self.submitted_unknown.setChecked(opinion.submitted is None)
        self.submitted_edit.setEnabled(opinion.submitted is not None)
        self.reviewed_edit = self._date_edit(opinion.reviewed)

        self.agree_radio = QRadioButton(self.tr("同意"), self)
        self.problems_radio = QRadioButton(self.tr("存在问题"), self)
        self._conclusions = QButtonGroup(self)
        self._conclusions.addButton(self.agree_radio)
        self._conclusions.addButton(self.problems_radio)
        (self.agree_radio if opinion.conclusion is Conclusion.AGREE else self.problems_radio).setChecked(True)

        self.problems_editor = ProblemsEditor(self)
        self.problems_editor.set_problems(opinion.problems)

        self.opinion_edit = QPlainTextEdit(opinion.opinion, self)
        self.suggestions_edit = QPlainTextEdit(opinion.suggestions, self)
        self.reset_button = QPushButton(self.tr("恢复默认文本"), self)
        self.reset_button.setToolTip(self.tr("按当前结论和勾选的问题重新生成审核意见和处理建议"))
        self.reset_button.clicked.connect(self.reset_texts)
        self.text_hint = QLabel(self)
        self.text_hint.setWordWrap(True)

        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.hide()
        self.save_button = QPushButton(self.tr("保存为 DOCX…"), self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._save_clicked)
        self.close_button = QPushButton(self.tr("关闭"), self)
        self.close_button.clicked.connect(self._close_clicked)

        # The texts a conclusion would start with: what "not edited by the reviewer" compares to.
        self._default_opinion, self._default_suggestions = self._defaults()
        self._lay_out()
        self._conclusions.buttonToggled.connect(self._inputs_changed)
        self.problems_editor.changed.connect(self._inputs_changed)
        self.opinion_edit.textChanged.connect(self._update_hint)
        self.suggestions_edit.textChanged.connect(self._update_hint)
        self._update_hint()
        self.resize(1040, 720)

    # ------------------------------------------------------------------ layout

    def _date_edit(self, day: date) -> QDateEdit:
        edit = QDateEdit(_qdate(day), self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(_DATE_FORMAT)
        return edit

    def _lay_out(self) -> None:
        case_box = QGroupBox(self.tr("案件信息"), self)
        form = QFormLayout(case_box)
        form.addRow(self.tr("案件名称"), self.case_title_edit)
        form.addRow(self.tr("当事人"), self.party_edit)
        form.addRow(self.tr("案号"), self.case_number_edit)
        form.addRow(self.tr("承办机构"), self.unit_edit)
        submitted = QHBoxLayout()
        submitted.addWidget(self.submitted_edit, 1)
        submitted.addWidget(self.submitted_unknown)
        form.addRow(self.tr("送审日期"), submitted)
        form.addRow(self.tr("审核人"), self.reviewer_edit)
        form.addRow(self.tr("审核日期"), self.reviewed_edit)

        conclusion_box = QGroupBox(self.tr("审核结论"), self)
        radios = QHBoxLayout(conclusion_box)
        radios.addWidget(self.agree_radio)
        radios.addWidget(self.problems_radio)
        radios.addStretch(1)

        problems_box = QGroupBox(self.tr("存在的问题"), self)
        QVBoxLayout(problems_box).addWidget(self.problems_editor)

        texts_box = QGroupBox(self.tr("审核意见与处理建议"), self)
        texts = QFormLayout(texts_box)
        texts.addRow(self.tr("审核意见"), self.opinion_edit)
        texts.addRow(self.tr("处理建议"), self.suggestions_edit)
        hint_row = QHBoxLayout()
        hint_row.addWidget(self.text_hint, 1)
        hint_row.addWidget(self.reset_button)
        texts.addRow(hint_row)

        left = QVBoxLayout()
        left.addWidget(case_box)
        left.addWidget(conclusion_box)
        left.addWidget(texts_box, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 5)
        columns.addWidget(problems_box, 6)

        buttons = QDialogButtonBox(self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    # ------------------------------------------------------------------ state

    def conclusion(self) -> Conclusion:
        return Conclusion.AGREE if self.agree_radio.isChecked() else Conclusion.PROBLEMS

    def opinion(self) -> LegalOpinion:
        """The opinion as currently edited (unchecked problems left out)."""
        return dataclasses.replace(
            self._draft,
            case_title=self.case_title_edit.text().strip(),
            party=self.party_edit.text().strip(),
            case_number=self.case_number_edit.text().strip(),
            unit=self.unit_edit.text().strip(),
            submitted=None if self.submitted_unknown.isChecked() else _pydate(self.submitted_edit.date()),
            reviewer=self.reviewer_edit.text().strip(),
            reviewed=_pydate(self.reviewed_edit.date()),
            conclusion=self.conclusion(),
            problems=self.problems_editor.problems(),
            opinion=self.opinion_edit.toPlainText().strip(),
            suggestions=self.suggestions_edit.toPlainText().strip(),
        )

    def _defaults(self) -> tuple[str, str]:
        conclusion, problems = self.conclusion(), self.problems_editor.problems()
        return default_opinion_text(conclusion, problems), default_suggestions(conclusion, problems)

    def _inputs_changed(self) -> None:
        """Follow the conclusion and the problems in the texts the reviewer has not edited."""
        if not self._conclusions.checkedButton():
            return  # between the two toggles of a switch
        opinion, suggestions = self._defaults()
        if self.opinion_edit.toPlainText() == self._default_opinion:
            self.opinion_edit.setPlainText(opinion)
        if self.suggestions_edit.toPlainText() == self._default_suggestions:
            self.suggestions_edit.setPlainText(suggestions)
        self._default_opinion, self._default_suggestions = opinion, suggestions
        self._update_hint()

    def texts_edited(self) -> bool:
        return (
            self.opinion_edit.toPlainText() != self._default_opinion
            or self.suggestions_edit.toPlainText() != self._default_suggestions
        )

    def reset_texts(self) -> None:
        self.opinion_edit.setPlainText(self._default_opinion)
        self.suggestions_edit.setPlainText(self._default_suggestions)

    def _update_hint(self) -> None:
        edited = self.texts_edited()
        self.reset_button.setEnabled(edited)
        self.text_hint.setText(
            self.tr("已手动修改：更改结论或问题时不会自动更新。")
            if edited
            else self.tr("随审核结论和勾选的问题自动生成。")
        )

    # ------------------------------------------------------------------ saving

    def _show(self, text: str, style: str) -> None:
        self.message.setStyleSheet(style)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def save_to(self, path: Path) -> bool:
        """Validate and write to ``path``; problems are shown in the dialog. True when written."""
        opinion = self.opinion()
        errors = validate_opinion(opinion)
        if errors:
            self._show("\n".join(errors), _ERROR_STYLE)
            return False
        try:
            write_opinion_docx(opinion, path)
        except CaseReviewError as exc:
            self._show(describe(exc), _ERROR_STYLE)
            return False
        self.saved_path = path
        self._show(self.tr("已保存：{0}").format(path), _OK_STYLE)
        return True

    def _save_clicked(self) -> None:
        errors = validate_opinion(self.opinion())
        if errors:  # say what is missing before asking where to save
            self._show("\n".join(errors), _ERROR_STYLE)
            return
        chosen = self._choose_path(self, default_file_name(self.case_number_edit.text()))
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".docx":
            path = path.with_name(path.name + ".docx")
        self.save_to(path)

    def _close_clicked(self) -> None:
        if self.saved_path is not None:
            self.accept()
        else:
            self.reject()
