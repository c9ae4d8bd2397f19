"""Per-page OCR cache: (image sha256, engine version) → lines, in one SQLite file.

SQLite in WAL mode with a busy timeout is safe for several processes (GUI and CLI) at once.
The cache is an optimisation only: unreadable entries count as misses and failed writes are
dropped; a file that is not a database is moved aside and started afresh.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path

from casereview import paths
from casereview.ocr.engine import OcrLine

log = logging.getLogger(__name__)

_SCHEMA = """CREATE TABLE IF NOT EXISTS ocr_page (
    sha256 TEXT NOT NULL, engine TEXT NOT NULL, lines TEXT NOT NULL, created REAL NOT NULL,
    PRIMARY KEY (sha256, engine))"""


def default_cache_path() -> Path:
    folder = paths.cache_dir() / "ocr"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "ocr-cache.sqlite3"


class OcrCache:
    """Open per job and close after: a connection belongs to the thread that opened it."""

    def __init__(self, path: Path | None = None, enabled: bool = True) -> None:
        self.path = path or (default_cache_path() if enabled else Path())
        self._db: sqlite3.Connection | None = None
        if not enabled:
            return
        try:
            self._db = self._connect()
        except sqlite3.DatabaseError as exc:
            log.warning("OCR cache %s unusable (%s); starting a new one", self.path, exc)
            self._move_aside()
            try:
                self._db = self._connect()
            except sqlite3.DatabaseError:
                self._db = None  # run without a cache rather than fail the OCR

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=10.0, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(_SCHEMA)
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _move_aside(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            part = self.path.with_name(self.path.name + suffix)
            if part.exists():
                part.replace(part.with_name(f"{part.name}.corrupt-{int(time.time())}"))

    def get(self, sha256: str, engine: str) -> list[OcrLine] | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute(
                "SELECT lines FROM ocr_page WHERE sha256 = ? AND engine = ?", (sha256, engine)
            ).fetchone()
            return None if row is None else [OcrLine.from_json(item) for item in json.loads(row[0])]
        except (sqlite3.DatabaseError, ValueError, KeyError, TypeError, IndexError) as exc:
            log.warning("OCR cache entry %s unreadable (%s); recomputing", sha256[:12], exc)
            return None

    def put(self, sha256: str, engine: str, lines: Sequence[OcrLine]) -> None:
        if self._db is None:
            return
        payload = json.dumps([line.to_json() for line in lines], ensure_ascii=False)
        try:
            self._db.execute(
                "INSERT OR REPLACE INTO ocr_page (sha256, engine, lines, created) VALUES (?, ?, ?, ?)",
                (sha256, engine, payload, time.time()),
            )
        except sqlite3.DatabaseError as exc:
            log.warning("OCR cache write failed (%s)", exc)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> OcrCache:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
