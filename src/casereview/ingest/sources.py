"""Deciding what a path is and refusing what must not be opened (before any parsing)."""

from __future__ import annotations

import hashlib
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from casereview.budget import Budget
from casereview.errors import ErrorCode, IngestError

PDF_SUFFIXES = frozenset({".pdf"})
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp"})
DOCX_SUFFIXES = frozenset({".docx"})

MAX_FILE_BYTES = 1 << 30  # 1 GiB: larger scans are refused with a clear message
MAX_DOCX_RATIO = 200  # per-entry compression ratio beyond which an entry is a bomb
MAX_DOCX_ENTRIES = 5000


@dataclass(frozen=True)
class Source:
    path: Path
    kind: str  # "pdf", "image", "docx", "folder"


def file_sha256(path: Path) -> str:
    """SHA-256 of a file, read in 1 MiB chunks (scans may be large)."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def classify(path: Path) -> Source:
    """What kind of case file ``path`` is; raises IngestError for missing or unsupported paths."""
    if not path.exists():
        raise IngestError(ErrorCode.FILE_NOT_FOUND, str(path))
    if path.is_dir():
        return Source(path, "folder")
    suffix = path.suffix.lower()
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise IngestError(ErrorCode.FILE_TOO_LARGE, str(path), {"size": size, "limit": MAX_FILE_BYTES})
    if size == 0:
        raise IngestError(ErrorCode.CORRUPT_FILE, str(path), {"why": "empty_file"})
    head = path.read_bytes()[:8] if size < 64 else _head(path)
    if suffix in PDF_SUFFIXES or head.startswith(b"%PDF"):
        return Source(path, "pdf")
    if suffix in DOCX_SUFFIXES:
        return Source(path, "docx")
    if suffix in IMAGE_SUFFIXES:
        return Source(path, "image")
    raise IngestError(ErrorCode.UNSUPPORTED_TYPE, str(path), {"suffix": suffix})


def _head(path: Path) -> bytes:
    with path.open("rb") as fh:
        return fh.read(8)


def folder_members(path: Path) -> tuple[list[Path], list[Path]]:
    """Readable files of a folder in natural file-name order, and the skipped ones."""
    files = [p for p in path.iterdir() if p.is_file() and not p.name.startswith(".")]
    files.sort(key=_natural_key)
    # A link that leads out of the case folder is never followed: it could pull any file of the
    # machine into the case (and so into its exports).
    inside = [p for p in files if not p.is_symlink() or _within(p, path)]
    readable = [p for p in inside if p.suffix.lower() in PDF_SUFFIXES | IMAGE_SUFFIXES]
    skipped = [p for p in files if p not in readable]
    return readable, skipped


def _within(link: Path, folder: Path) -> bool:
    try:
        return link.resolve().is_relative_to(folder.resolve())
    except OSError:
        return False


def _natural_key(path: Path) -> list[object]:
    # "page10" sorts after "page9", as a reviewer reading the folder expects.
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", path.name)]


def check_docx_archive(path: Path, budget: Budget | None = None) -> None:
    """Refuse a DOCX that is not a ZIP, lacks a document part, expands like a ZIP bomb, or whose
    parts, unpacked (python-docx parses them all at once), would not fit the read's memory budget.

    The declared sizes can be trusted for this: zipfile never inflates an entry past its size."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise IngestError(ErrorCode.CORRUPT_FILE, str(path), {"why": "not_docx_zip"}) from exc
    if len(infos) > MAX_DOCX_ENTRIES:
        raise IngestError(
            ErrorCode.ARCHIVE_TOO_LARGE, str(path), {"size": len(infos), "limit": MAX_DOCX_ENTRIES}
        )
    for info in infos:
        if info.file_size > (1 << 20) and info.file_size > MAX_DOCX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise IngestError(
                ErrorCode.ARCHIVE_TOO_LARGE,
                str(path),
                {"size": info.file_size, "limit": MAX_DOCX_RATIO * info.compress_size, "ratio": ratio},
            )
    (budget or Budget(path)).charge("docx_bytes", sum(info.file_size for info in infos))
    if "word/document.xml" not in {info.filename for info in infos}:
        raise IngestError(ErrorCode.CORRUPT_FILE, str(path), {"why": "no_document_xml"})
