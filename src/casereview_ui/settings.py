"""The workstation's settings (评查人员, standard, profile, holiday file, OCR, database) in QSettings.

Kept under ``settings/…`` so they never collide with window geometry and last-directory keys.
The helpers at the end turn settings into what the core takes (a database URL, a calendar) and
check a database or holiday file before it is saved, with Chinese messages.
"""

from __future__ import annotations

import getpass
import socket
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from casereview.calendar import WorkCalendar
from casereview.calendar.overrides import load_overrides
from casereview.calendar.workdays import BUILTIN_YEARS
from casereview.checking import DEFAULT_STANDARD
from casereview.db import failures as reasons
from casereview.db import open_database
from casereview.errors import CalendarFileError, CaseReviewError, StorageError
from casereview.messages import STORAGE_REASONS, calendar_reason, describe
from casereview.paths import default_database_url

DEFAULT_REVIEWER = "评查人员"  # when the OS gives no login name
MAX_OCR_WORKERS = 16
_PREFIX = "settings/"
PROBE_TIMEOUT_S = 3.0
PG_PREFIX = "postgresql+psycopg://"  # psycopg 3 is the project's PostgreSQL driver


@dataclass
class AppSettings:
    reviewer: str
    standard_id: str = DEFAULT_STANDARD
    profile: str = ""  # "": the standard's default profile
    holiday_override: str = ""  # a YAML override file; "": none
    ocr_workers: int = 0  # 0: automatic (one per core)
    database_url: str = ""  # "": the default SQLite file in the data directory
    session: str = ""  # the review session worked on ("": every stored case, no session)


def default_reviewer() -> str:
    try:
        name = getpass.getuser().strip()
    except (OSError, KeyError, ImportError):  # no login name (e.g. a service account without one)
        name = ""
    return name or DEFAULT_REVIEWER


def _text(store: QSettings, key: str, default: str) -> str:
    value = store.value(_PREFIX + key, default)
    return value.strip() if isinstance(value, str) else default


def _int(store: QSettings, key: str, default: int, high: int) -> int:
    value = store.value(_PREFIX + key, default)
    try:
        number = int(str(value))  # IniFormat stores every value as text
    except ValueError:
        return default
    return min(max(number, 0), high)


def load_settings(store: QSettings | None = None) -> AppSettings:
    """The saved settings; missing or unreadable values fall back to the defaults."""
    store = store if store is not None else QSettings()
    return AppSettings(
        reviewer=_text(store, "reviewer", "") or default_reviewer(),
        standard_id=_text(store, "standard_id", "") or DEFAULT_STANDARD,
        profile=_text(store, "profile", ""),
        holiday_override=_text(store, "holiday_override", ""),
        ocr_workers=_int(store, "ocr_workers", 0, MAX_OCR_WORKERS),
        database_url=_text(store, "database_url", ""),
        session=_text(store, "session", ""),
    )


def save_settings(settings: AppSettings, store: QSettings | None = None) -> None:
    store = store if store is not None else QSettings()
    values: dict[str, str | int] = {
        "reviewer": settings.reviewer,
        "standard_id": settings.standard_id,
        "profile": settings.profile,
        "holiday_override": settings.holiday_override,
        "ocr_workers": settings.ocr_workers,
        "database_url": settings.database_url,
        "session": settings.session,
    }
    for key, value in values.items():
        store.setValue(_PREFIX + key, value)
    store.sync()


def effective_database_url(settings: AppSettings) -> str:
    """The URL to open: the configured one, else the default SQLite file in the data directory."""
    return settings.database_url.strip() or default_database_url()


def calendar_for(settings: AppSettings) -> WorkCalendar:
    """The default calendar plus the configured override file on top (its entries win).

    Raises CalendarFileError (Chinese message with the line) when that file is malformed.
    """
    default = WorkCalendar.default()
    if not settings.holiday_override:
        return default
    files = default.files
    extra = [*files[1:], Path(settings.holiday_override)]
    return WorkCalendar(files[0] if files else None, extra=extra)


def ocr_workers(settings: AppSettings) -> int | None:
    """What OcrScanner(workers=...) takes: None lets it choose from the number of cores."""
    return settings.ocr_workers or None


def _tr(text: str) -> str:
    return QCoreApplication.translate("settings", text)


def error_text(error: CaseReviewError) -> str:
    """The Chinese sentence for a failed connection (the storage reason alone, without the URL)."""
    reason = error.detail.get("reason")
    if isinstance(error, StorageError) and isinstance(reason, str) and reason in STORAGE_REASONS:
        return STORAGE_REASONS[reason]
    return describe(error)


def normalise_url(url: str) -> str:
    """A typed PostgreSQL URL with the project's driver (plain ``postgresql://`` means psycopg2)."""
    url = url.strip()
    for plain in ("postgresql://", "postgres://"):
        if url.startswith(plain):
            return PG_PREFIX + url[len(plain) :]
    return url


def check_database(url: str, timeout: float = PROBE_TIMEOUT_S) -> str | None:
    """Open (and migrate) the database at ``url``; None when it works, else the Chinese reason."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return STORAGE_REASONS[reasons.BAD_URL]
    host = parsed.host or ""
    if parsed.get_backend_name() == "postgresql" and host and not host.startswith("/"):
        try:  # fail in seconds, not after the driver's 10 s connect timeout
            socket.create_connection((host, parsed.port or 5432), timeout=timeout).close()
        except OSError:
            return STORAGE_REASONS[reasons.UNREACHABLE]
    try:
        open_database(url, busy_timeout=timeout).close()
    except CaseReviewError as error:
        return error_text(error)
    return None


def override_problem(path: str) -> str | None:
    """The Chinese message (with the line) of a malformed holiday override file, else None."""
    try:
        load_overrides(Path(path), BUILTIN_YEARS)
    except CalendarFileError as error:
        # "第4行：…" only: the path is in the field above
        return _tr("文件有误，{0}").format(calendar_reason(error))
    return None
