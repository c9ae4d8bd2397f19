"""Settings: the QSettings round trip, the core helpers, and the 设置 dialog's fields and checks."""

from __future__ import annotations

import datetime as dt
import getpass
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog

from casereview.paths import default_database_url
from casereview.standards.loader import find_standards
from casereview.standards.schema import Standard
from casereview_ui import dbguard
from casereview_ui.dialogs.settings import SettingsDialog
from casereview_ui.settings import (
    AppSettings,
    calendar_for,
    check_database,
    effective_database_url,
    load_settings,
    normalise_url,
    ocr_workers,
    save_settings,
)
from casereview_ui.workers import runner

GOOD_OVERRIDE = "covered_years: [2027]\nholidays:\n  2027-01-01: 元旦\nworkdays:\n"
BAD_OVERRIDE = "covered_years: [2027]\nholidays:\n  2027-01-01: 元旦\n  2027-13-01: 春节\n"  # line 4
UNREACHABLE = "postgresql+psycopg://x@127.0.0.1:1/none"


@pytest.fixture(scope="module")
def standards() -> dict[str, Standard]:
    return find_standards()


@pytest.fixture
def store(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def override_files(tmp_path: Path) -> tuple[Path, Path]:
    good, bad = tmp_path / "good.yaml", tmp_path / "bad.yaml"
    good.write_text(GOOD_OVERRIDE, encoding="utf-8")
    bad.write_text(BAD_OVERRIDE, encoding="utf-8")
    return good, bad


class Picker:
    """Stands in for the file dialog: answers with the next prepared path."""

    def __init__(self) -> None:
        self.answers: list[str] = []
        self.asked: list[str] = []

    def __call__(self, _parent: Any, start: str) -> str:
        self.asked.append(start)
        return self.answers.pop(0) if self.answers else ""


@pytest.fixture
def picker() -> Picker:
    return Picker()


@pytest.fixture
def dialog(qtbot: Any, standards: dict[str, Standard], picker: Picker) -> Iterator[SettingsDialog]:
    dialog = SettingsDialog(AppSettings(reviewer="王评查"), standards, pick_file=picker)
    qtbot.addWidget(dialog)
    yield dialog


def combo_texts(dialog: SettingsDialog, which: str) -> list[str]:
    combo = getattr(dialog, which)
    return [combo.itemText(i) for i in range(combo.count())]


def test_defaults_and_round_trip(store: QSettings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(getpass, "getuser", lambda: "zhangsan")
    assert load_settings(store) == AppSettings(reviewer="zhangsan")
    edited = AppSettings(
        "李评查", "legal_review_precheck", "default", "/tmp/h.yaml", 4, "sqlite:////tmp/x.db"
    )
    save_settings(edited, store)
    assert store.allKeys() and all(key.startswith("settings/") for key in store.allKeys())
    again = QSettings(store.fileName(), QSettings.Format.IniFormat)
    assert load_settings(again) == edited


def test_reviewer_fallback_and_bad_values(store: QSettings, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_login() -> str:
        raise OSError("no login name")

    monkeypatch.setattr(getpass, "getuser", no_login)
    store.setValue("settings/ocr_workers", "many")
    assert load_settings(store) == AppSettings(reviewer="评查人员", ocr_workers=0)
    store.setValue("settings/ocr_workers", "99")
    assert load_settings(store).ocr_workers == 16


def test_core_helpers(override_files: tuple[Path, Path]) -> None:
    plain = AppSettings("王评查")
    assert effective_database_url(plain) == default_database_url()
    assert effective_database_url(AppSettings("王评查", database_url="sqlite:///a.db")) == "sqlite:///a.db"
    assert ocr_workers(plain) is None and ocr_workers(AppSettings("王评查", ocr_workers=3)) == 3
    calendar = calendar_for(AppSettings("王评查", holiday_override=str(override_files[0])))
    assert calendar.covers(2027) and calendar.holiday_name(dt.date(2027, 1, 1)) == "元旦"
    assert calendar_for(plain).files == calendar.files[:-1]  # the default files stay underneath


def test_dialog_shows_the_settings(dialog: SettingsDialog, standards: dict[str, Standard]) -> None:
    installed = standards["transport_penalty"]
    assert dialog.windowTitle() == "设置"
    assert dialog.reviewer.text() == "王评查"
    assert dialog.standard.currentText() == f"{installed.name}（{installed.version}）"
    assert len(combo_texts(dialog, "standard")) == len(standards)
    profiles = combo_texts(dialog, "profile")
    assert profiles[0].startswith(installed.profile().title + "（默认）")  # the default comes first
    assert profiles[0].endswith("公示期限 20 个工作日")
    assert len(profiles) == len(installed.profiles)
    gb118 = dialog.profile.findData("gb118")
    assert profiles[gb118] == f"{installed.profile('gb118').title} · 公示期限 7 个工作日"
    assert dialog.profile.currentData() == "" and not dialog.profile_hint.isHidden()
    assert dialog.profile_hint.text() == "公示期限 20 个工作日。" + installed.profile().description
    assert dialog.ocr_workers.text() == "自动"
    assert dialog.use_sqlite.isChecked() and not dialog.postgres_url.isEnabled()
    assert dialog.sqlite_path.placeholderText().endswith("casereview.db")
    assert dialog.settings() == AppSettings(reviewer="王评查")


def test_edit_every_field_and_round_trip(
    dialog: SettingsDialog,
    picker: Picker,
    store: QSettings,
    override_files: tuple[Path, Path],
    tmp_path: Path,
    standards: dict[str, Standard],
) -> None:
    dialog.reviewer.setText(" 李评查 ")
    dialog.standard.setCurrentIndex(dialog.standard.findData("legal_review_precheck"))
    other = standards["legal_review_precheck"]
    assert len(combo_texts(dialog, "profile")) == len(other.profiles)  # repopulated
    assert dialog.profile.itemText(0).startswith(other.profile().title)
    dialog.standard.setCurrentIndex(dialog.standard.findData("transport_penalty"))
    dialog.profile.setCurrentIndex(dialog.profile.findData("gb118"))
    assert "118" in dialog.profile_hint.text()  # the profile's description follows the choice
    picker.answers.append(str(override_files[0]))
    dialog.choose_holiday.click()
    assert dialog.holiday.text() == str(override_files[0]) and dialog.holiday_error.isHidden()
    dialog.ocr_workers.setValue(4)
    dialog.sqlite_path.setText(str(tmp_path / "db" / "mine.db"))
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    edited = dialog.settings()
    assert edited == AppSettings(
        "李评查",
        "transport_penalty",
        "gb118",
        str(override_files[0]),
        4,
        f"sqlite:///{tmp_path / 'db' / 'mine.db'}",
    )
    save_settings(edited, store)
    assert load_settings(QSettings(store.fileName(), QSettings.Format.IniFormat)) == edited
    reopened = SettingsDialog(edited, standards)
    assert reopened.settings() == edited  # every field shows what was saved
    reopened.deleteLater()


def test_bad_override_file_is_refused_with_its_line(
    dialog: SettingsDialog, picker: Picker, override_files: tuple[Path, Path]
) -> None:
    picker.answers.append(str(override_files[1]))
    dialog.choose_holiday.click()
    assert not dialog.holiday_error.isHidden()
    assert dialog.holiday_error.text() == "文件有误，第4行：“2027-13-01”不是有效日期（格式 YYYY-MM-DD）"
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "节假日调整文件有误" in dialog.error.text() and not dialog.error.isHidden()
    dialog.clear_holiday.click()
    assert dialog.holiday.text() == "" and dialog.holiday_error.isHidden()
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_reviewer_required(dialog: SettingsDialog) -> None:
    dialog.reviewer.setText("  ")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.text() == "请填写评查人员"


def test_postgres_url_is_checked(dialog: SettingsDialog) -> None:
    dialog.use_postgres.setChecked(True)
    assert dialog.postgres_url.isEnabled() and not dialog.sqlite_path.isEnabled()
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and "PostgreSQL" in dialog.error.text()
    dialog.postgres_url.setText("mysql://x@host/db")
    dialog.accept()
    assert "postgresql+psycopg://" in dialog.error.text()
    dialog.postgres_url.setText("postgresql://reviewer@db.example/cases")
    assert dialog.settings().database_url == "postgresql+psycopg://reviewer@db.example/cases"
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_connection_success_on_sqlite(dialog: SettingsDialog, tmp_path: Path) -> None:
    target = tmp_path / "new" / "cases.db"
    dialog.sqlite_path.setText(str(target))
    dialog.test_connection()  # on the task runner: the button waits, the window does not
    assert not dialog.test_button.isEnabled()
    assert runner().wait_for_idle(10.0)
    assert dialog.connection_ok and dialog.test_button.isEnabled()
    assert dialog.connection_result.text() == "连接成功" and target.is_file()


def test_connection_failure_is_fast_and_chinese(dialog: SettingsDialog) -> None:
    dialog.use_postgres.setChecked(True)
    dialog.postgres_url.setText(UNREACHABLE)
    started = time.monotonic()
    dialog.test_connection()
    assert runner().wait_for_idle(10.0)
    assert dialog.connection_ok is False
    assert time.monotonic() - started < 5
    assert dialog.connection_result.text().startswith("连接失败：无法连接数据库服务器")


@dbguard.paused()  # the job function itself, called here on the test's (GUI) thread
def test_check_database_reasons(tmp_path: Path) -> None:
    assert check_database(f"sqlite:///{tmp_path / 'ok.db'}") is None
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_bytes(b"this is not a database" * 100)
    assert check_database(f"sqlite:///{not_a_db}") == "文件不是 CaseReview 数据库或已损坏"
    assert check_database("nonsense://") == "数据库地址格式不正确"
    assert normalise_url(" postgres://u@h/d ") == "postgresql+psycopg://u@h/d"


def test_postgres_settings_reopen_as_postgres(qtbot: Any, standards: dict[str, Standard]) -> None:
    dialog = SettingsDialog(
        AppSettings("王评查", profile="default", database_url=UNREACHABLE, ocr_workers=2), standards
    )
    qtbot.addWidget(dialog)
    assert dialog.settings().profile == ""  # the default profile by name means: follow the standard
    assert dialog.use_postgres.isChecked() and dialog.postgres_url.text() == UNREACHABLE
    assert dialog.ocr_workers.text() == "2"
    assert dialog.settings().database_url == UNREACHABLE
