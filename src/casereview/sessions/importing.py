"""Putting case files into a session: a folder tree (one folder per enforcement unit holding its
case files) or a list of (unit, path). Each file is read and stored once (same SHA-256 → the
stored analysis); a file that cannot be read is reported in Chinese and the import goes on."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from casereview.budget import Budget
from casereview.db import Database
from casereview.domain.casetype import detect_case_type
from casereview.errors import CaseReviewError, ErrorCode
from casereview.ingest.scan import PageScanner
from casereview.ingest.sources import DOCX_SUFFIXES, IMAGE_SUFFIXES, PDF_SUFFIXES
from casereview.library import open_case
from casereview.messages import describe
from casereview.review.casetypes import stored_case_type
from casereview.sessions.store import add_case

CASE_SUFFIXES = PDF_SUFFIXES | DOCX_SUFFIXES | IMAGE_SUFFIXES


@dataclass
class ImportResult:
    added: list[tuple[str, int]] = field(default_factory=list)  # (unit, case id)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, Chinese message)
    case_types: dict[int, str] = field(default_factory=dict)  # case id → case type (detected or set)


def tree_entries(root: Path) -> list[tuple[str, Path]]:
    """(unit, case path) from ``root/<unit>/<case file or page-image folder>``, in name order."""
    if not root.is_dir():
        raise CaseReviewError(ErrorCode.FILE_NOT_FOUND, str(root))
    entries: list[tuple[str, Path]] = []
    for unit_dir in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        for item in sorted(unit_dir.iterdir()):
            if item.name.startswith("."):
                continue
            if item.is_dir() or item.suffix.lower() in CASE_SUFFIXES:
                entries.append((unit_dir.name, item))
    return entries


def list_entries(listing: Path) -> list[tuple[str, Path]]:
    """(unit, path) rows of a CSV list ``执法单位,案卷文件`` (a header row is skipped); relative
    paths are relative to the list's folder."""
    rows: list[tuple[str, Path]] = []
    budget = Budget(listing)
    try:
        budget.charge("bytes", listing.stat().st_size * 4)  # the bytes, then up to 3× as text
        for row in csv.reader(io.StringIO(_decoded(listing), newline="")):
            budget.hold("cells", len(row) + 1)  # a row of a million commas is not kept, yet built
            if len(row) < 2 or not row[1].strip() or row[1].strip() in ("案卷文件", "path", "文件"):
                continue
            path = Path(row[1].strip())
            rows.append((row[0].strip(), path if path.is_absolute() else listing.parent / path))
    except FileNotFoundError as exc:
        raise CaseReviewError(ErrorCode.FILE_NOT_FOUND, str(listing)) from exc
    return rows  # a list over budget raises OverBudget, a CaseReviewError naming it


def _decoded(listing: Path) -> str:
    """The list's text: UTF-8 (with or without BOM), else GB18030 (which covers GBK and GB2312),
    as Excel on a Chinese Windows saves CSV."""
    try:
        data = listing.read_bytes()
    except FileNotFoundError as exc:
        raise CaseReviewError(ErrorCode.FILE_NOT_FOUND, str(listing)) from exc
    except OSError as exc:
        raise CaseReviewError(ErrorCode.CORRUPT_FILE, str(listing), {"reason": str(exc.strerror)}) from exc
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CaseReviewError(ErrorCode.CORRUPT_FILE, str(listing), {"why": "listing_encoding"})


def import_cases(
    database: Database,
    session_id: int,
    entries: Iterable[tuple[str, Path]],
    scanner: PageScanner | None = None,
    on_file: Callable[[Path], None] | None = None,
) -> ImportResult:
    result = ImportResult()
    for unit, path in entries:
        if on_file is not None:
            on_file(path)
        try:
            analysis = open_case(path, database, scanner=scanner)
        except CaseReviewError as error:
            result.failed.append((str(path), describe(error)))
            continue
        assert analysis.case_id is not None
        with database.session_scope() as session:
            add_case(session, session_id, analysis.case_id, unit)
            stored = stored_case_type(session, analysis.case_id)
        result.added.append((unit, analysis.case_id))
        result.case_types[analysis.case_id] = stored or detect_case_type(d.type for d in analysis.documents)
    return result
