"""The 设置 dialog: reviewer, standard and profile, holiday override file, OCR processes, database.

Everything is validated before OK is accepted: a malformed holiday file shows its line, a
PostgreSQL URL must parse. "测试连接" opens the database on the task runner (see check_database):
the button waits for the answer, the window does not.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from typing_extensions import override

from casereview.paths import default_database_url
from casereview.standards.schema import Profile, Standard
from casereview_ui.settings import (
    MAX_OCR_WORKERS,
    PG_PREFIX,
    AppSettings,
    check_database,
    normalise_url,
    override_problem,
)
from casereview_ui.workers import TaskRunner, runner

_ERROR_STYLE = "color: #b3261e;"
_OK_STYLE = "color: #1b6e20;"

FilePicker = Callable[[QWidget, str], str]  # (parent, start directory) → chosen path or ""


def _tr(text: str) -> str:
    return QCoreApplication.translate("SettingsDialog", text)


def profile_text(profile: Profile, default: bool = False) -> str:
    """The title, marked when it is the standard's default, with its publication limit if it has one."""
    text = profile.title + (_tr("（默认）") if default else "")
    limit = profile.params.get("publication_wd")
    if limit is not None:
        text += _tr(" · 公示期限 {0} 个工作日").format(limit)
    return text


def profile_hint(profile: Profile) -> str:
    """The line under the profile field: its limit (elided in the field) and what it is for."""
    limit = profile.params.get("publication_wd")
    parts = [_tr("公示期限 {0} 个工作日。").format(limit) if limit is not None else "", profile.description]
    return "".join(parts).strip()


def _pick_yaml(parent: QWidget, start: str) -> str:
    path, _ = QFileDialog.getOpenFileName(
        parent, _tr("选择节假日调整文件"), start, _tr("YAML 文件 (*.yaml *.yml);;所有文件 (*)")
    )
    return path


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setStyleSheet(_ERROR_STYLE)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def _show(label: QLabel, text: str | None) -> None:
    label.setText(text or "")
    label.setVisible(bool(text))


class SettingsDialog(QDialog):
    """Edits an :class:`AppSettings`; :meth:`settings` gives the result once OK was accepted.

    ``pick_file`` replaces the file dialog of "选择…" (tests answer without a native dialog).
    """

    def __init__(
        self,
        settings: AppSettings,
        standards: Mapping[str, Standard],
        parent: QWidget | None = None,
        *,
        pick_file: FilePicker = _pick_yaml,
        task_runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = task_runner or runner()
        self.connection_ok: bool | None = None  # the answer of the last 测试连接 (None: none yet)
        self.setWindowTitle(self.tr("设置"))
        self._settings = settings
        self._standards = dict(standards)
        self._pick_file = pick_file
        self.reviewer = QLineEdit(settings.reviewer, self)
        self.reviewer.setPlaceholderText(self.tr("必填：评查记录上署名的评查人员"))
        self.session = QLineEdit(settings.session, self)
        self.session.setObjectName("sessionEdit")
        self.session.setPlaceholderText(self.tr("留空：不限会话，显示全部已导入案卷"))
        self.standard = QComboBox(self)
        self.profile = QComboBox(self)
        # Profile titles are long: elide in the field, show in full in the open list.
        self.profile.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.profile.setMinimumContentsLength(20)
        self.profile_hint = QLabel(self)
        self.profile_hint.setWordWrap(True)
        self.profile_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.holiday = QLineEdit(settings.holiday_override, self)
        self.holiday.setPlaceholderText(self.tr("不使用（仅用内置节假日数据）"))
        self.holiday_error = _error_label(self)
        self.ocr_workers = QSpinBox(self)
        self.ocr_workers.setRange(0, MAX_OCR_WORKERS)
        self.ocr_workers.setSpecialValueText(self.tr("自动"))
        self.ocr_workers.setValue(settings.ocr_workers)
        self.error = _error_label(self)
        self._fill_standards()
        self.standard.currentIndexChanged.connect(self._fill_profiles)
        self.profile.currentIndexChanged.connect(self._describe_profile)
        self._fill_profiles()
        self.holiday.editingFinished.connect(self._check_holiday)
        self._build(self._database_box(settings.database_url))

    def _build(self, database: QGroupBox) -> None:
        self.choose_holiday = QPushButton(self.tr("选择…"), self)
        self.clear_holiday = QPushButton(self.tr("清除"), self)
        self.choose_holiday.clicked.connect(self.choose_holiday_file)
        self.clear_holiday.clicked.connect(lambda: self.set_holiday_file(""))
        holiday = QHBoxLayout()
        holiday.addWidget(self.holiday, 1)
        holiday.addWidget(self.choose_holiday)
        holiday.addWidget(self.clear_holiday)
        workers = QHBoxLayout()
        workers.addWidget(self.ocr_workers)
        workers.addStretch(1)
        # A grid, not a QFormLayout: the form sizes wrapped labels by sizeHint, leaving tall gaps.
        form = QGridLayout()
        form.setColumnStretch(1, 1)
        rows: list[tuple[str, QWidget | QHBoxLayout]] = [
            (self.tr("评查人员："), self.reviewer),
            (self.tr("评查会话："), self.session),
            (self.tr("评查标准："), self.standard),
            (self.tr("适用方案："), self.profile),
            ("", self.profile_hint),
            (self.tr("节假日调整文件："), holiday),
            ("", self.holiday_error),
            (self.tr("OCR 进程数："), workers),
        ]
        for row, (label, field) in enumerate(rows):
            if label:
                form.addWidget(QLabel(label, self), row, 0)
            if isinstance(field, QHBoxLayout):
                form.addLayout(field, row, 1)
            else:
                form.addWidget(field, row, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(database)
        layout.addWidget(self.error)
        layout.addStretch(1)  # spare height goes here, not into the rows of wrapped labels
        layout.addWidget(buttons)
        self.setMinimumWidth(600)

    def _database_box(self, url: str) -> QGroupBox:
        box = QGroupBox(self.tr("数据库"), self)
        self.use_sqlite = QRadioButton(self.tr("本机 SQLite 文件"), box)
        self.use_postgres = QRadioButton(self.tr("PostgreSQL 服务器"), box)
        group = QButtonGroup(box)
        group.addButton(self.use_sqlite)
        group.addButton(self.use_postgres)
        self.sqlite_path = QLineEdit(box)
        default = make_url(default_database_url())
        self.sqlite_path.setPlaceholderText(
            self.tr("默认：{0}").format(default.database if default.get_backend_name() == "sqlite" else "")
        )
        self.postgres_url = QLineEdit(box)
        self.postgres_url.setPlaceholderText(PG_PREFIX + "user@host/db")
        self.test_button = QPushButton(self.tr("测试连接"), box)
        self.test_button.clicked.connect(self.test_connection)
        self.connection_result = QLabel(box)
        self.connection_result.setWordWrap(True)
        grid = QGridLayout(box)
        grid.addWidget(self.use_sqlite, 0, 0)
        grid.addWidget(self.sqlite_path, 0, 1)
        grid.addWidget(self.use_postgres, 1, 0)
        grid.addWidget(self.postgres_url, 1, 1)
        grid.addWidget(self.test_button, 2, 0, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.connection_result, 2, 1)
        grid.setColumnStretch(1, 1)
        if url and not url.startswith("sqlite"):
            self.use_postgres.setChecked(True)
            self.postgres_url.setText(url)
        else:
            self.use_sqlite.setChecked(True)
            self.sqlite_path.setText(make_url(url).database or "" if url else "")
        self.use_sqlite.toggled.connect(self._enable_database_fields)
        self._enable_database_fields()
        return box

    def _enable_database_fields(self) -> None:
        self.sqlite_path.setEnabled(self.use_sqlite.isChecked())
        self.postgres_url.setEnabled(self.use_postgres.isChecked())
        self._show(self.connection_result, None)

    def _fill_standards(self) -> None:
        for standard_id, standard in sorted(self._standards.items()):
            self.standard.addItem(self.tr("{0}（{1}）").format(standard.name, standard.version), standard_id)
            self.standard.setItemData(self.standard.count() - 1, standard_id, Qt.ItemDataRole.ToolTipRole)
        wanted = self._settings.standard_id
        if self.standard.findData(wanted) < 0:
            self.standard.addItem(self.tr("{0}（未安装）").format(wanted), wanted)
        self.standard.setCurrentIndex(self.standard.findData(wanted))

    def _fill_profiles(self) -> None:
        """The chosen standard's profiles; its default one stands for "" (follow the standard)."""
        current = self.profile.currentData() if self.profile.count() else self._settings.profile
        standard = self._standards.get(str(self.standard.currentData()))
        self.profile.blockSignals(True)
        self.profile.clear()
        if standard is None:
            self.profile.addItem(self.tr("标准默认方案"), "")
        else:
            if current == standard.default_profile:
                current = ""
            for profile in sorted(standard.profiles, key=lambda p: p.name != standard.default_profile):
                default = profile.name == standard.default_profile
                self.profile.addItem(profile_text(profile, default), "" if default else profile.name)
                tip = f"{profile.title}（{profile.name}）\n{profile.description}".strip()
                self.profile.setItemData(self.profile.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.profile.setCurrentIndex(max(self.profile.findData(current), 0))
        self.profile.blockSignals(False)
        view = self.profile.view()  # the open list shows the titles in full, wider than the field
        view.setMinimumWidth(view.sizeHintForColumn(0) + 2 * view.frameWidth() + 8)
        self._describe_profile()

    def _describe_profile(self) -> None:
        standard = self._standards.get(str(self.standard.currentData()))
        name = str(self.profile.currentData() or "")
        profile = standard.profile(name or None) if standard is not None else None
        self._show(self.profile_hint, profile_hint(profile) if profile is not None else None)

    def _show(self, label: QLabel, text: str | None) -> None:
        _show(label, text)
        # Top-level windows ignore height-for-width: grow by hand so wrapped messages are not clipped.
        layout = self.layout()
        if layout is not None and self.isVisible():
            layout.activate()
            needed = layout.totalHeightForWidth(self.width())
            if needed > self.height():
                self.resize(self.width(), needed)

    def choose_holiday_file(self) -> None:
        start = str(Path(self.holiday.text()).parent) if self.holiday.text() else str(Path.home())
        path = self._pick_file(self, start)
        if path:
            self.set_holiday_file(path)

    def set_holiday_file(self, path: str) -> bool:
        """Show ``path`` ("" for none) and check it now; False with the message shown when bad."""
        self.holiday.setText(path)
        return self._check_holiday()

    def _check_holiday(self) -> bool:
        path = self.holiday.text().strip()
        problem = override_problem(path) if path else None
        self._show(self.holiday_error, problem)
        return problem is None

    def database_url(self) -> str:
        """The URL as configured: "" for the default SQLite file."""
        if self.use_postgres.isChecked():
            return normalise_url(self.postgres_url.text())
        path = self.sqlite_path.text().strip()
        return f"sqlite:///{Path(path).expanduser().absolute()}" if path else ""

    def _database_problem(self) -> str | None:
        url = self.database_url()
        if not self.use_postgres.isChecked():
            return None
        if not url:
            return self.tr("请填写 PostgreSQL 服务器地址，例如 {0}").format(PG_PREFIX + "user@host/db")
        try:
            backend = make_url(url).get_backend_name()
        except ArgumentError:
            backend = ""
        if backend != "postgresql":
            return self.tr("PostgreSQL 地址应以 {0} 开头").format(PG_PREFIX)
        return None

    def test_connection(self) -> None:
        """Open the configured database on the task runner, then show 成功 or 失败 with the reason
        (:attr:`connection_ok`); the button is disabled meanwhile."""
        problem = self._database_problem()
        if problem is not None:
            self._connection_tested(problem)
            return
        url = self.database_url() or default_database_url()
        self.connection_ok = None
        self.test_button.setEnabled(False)
        self.connection_result.setStyleSheet("")
        self._show(self.connection_result, self.tr("正在连接…"))
        self._runner.run_task(
            lambda _p, _c: check_database(url),
            on_done=self._connection_tested,
            on_error=lambda exc: self._connection_tested(f"{type(exc).__name__}: {exc}"),
            kind="settings-connection",
        )

    def _connection_tested(self, problem: object) -> None:
        self.test_button.setEnabled(True)
        self.connection_ok = problem is None
        if problem is None:
            text, style = self.tr("连接成功"), _OK_STYLE
        else:
            text, style = self.tr("连接失败：{0}").format(problem), _ERROR_STYLE
        self.connection_result.setStyleSheet(style)
        self._show(self.connection_result, text)

    def settings(self) -> AppSettings:
        """The values as edited (validated by OK)."""
        return AppSettings(
            reviewer=self.reviewer.text().strip(),
            standard_id=str(self.standard.currentData() or self._settings.standard_id),
            profile=str(self.profile.currentData() or ""),
            holiday_override=self.holiday.text().strip(),
            ocr_workers=self.ocr_workers.value(),
            database_url=self.database_url(),
            session=self.session.text().strip(),
        )

    def problem(self) -> str | None:
        """Why OK is refused now, or None."""
        if not self.reviewer.text().strip():
            return self.tr("请填写评查人员")
        standard_id = str(self.standard.currentData() or "")
        if self._standards and standard_id not in self._standards:
            return self.tr("评查标准 {0} 未安装，请选择其他标准").format(standard_id)
        if not self._check_holiday():
            return self.tr("节假日调整文件有误，请修改或清除")
        return self._database_problem()

    @override
    def accept(self) -> None:
        problem = self.problem()
        self._show(self.error, problem)
        if problem is None:
            super().accept()
        elif not self.reviewer.text().strip():
            self.reviewer.setFocus()
