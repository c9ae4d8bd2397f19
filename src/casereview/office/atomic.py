"""Writing an export whole or not at all, with the reason in Chinese when it cannot be written.

A temp file in the target's own folder (so the final replace is a rename on one file system),
created by the writer itself rather than mkstemp so it gets the usual permissions, not 0600.
"""

from __future__ import annotations

import contextlib
import errno
import re
import traceback
import uuid
import zipfile
from pathlib import Path
from typing import Any

from casereview.errors import CaseReviewError, ErrorCode

OS_REASONS = {
    errno.ENOENT: "文件夹不存在",
    errno.EACCES: "没有写入权限，或文件正被其他程序（如 Word、Excel、WPS）打开",
    errno.EPERM: "没有写入权限",
    errno.EROFS: "磁盘为只读",
    errno.ENOSPC: "磁盘空间不足",
    errno.EISDIR: "该路径是一个文件夹",
}


def failure_reason(exc: Exception) -> str:
    """The Chinese reason of a failed write, for CaseReviewError(WRITE_FAILED)."""
    if isinstance(exc, OSError) and exc.errno in OS_REASONS:
        return OS_REASONS[exc.errno]
    # Libraries that wrap the OS error in their own (PyMuPDF's save) keep "[Errno 30]" in the text.
    wrapped = re.search(r"\[Errno (\d+)\]", str(exc))
    if wrapped and int(wrapped.group(1)) in OS_REASONS:
        return OS_REASONS[int(wrapped.group(1))]
    return str(exc) or type(exc).__name__


def save_atomically(document: Any, path: Path) -> None:
    """``document.save(filename)`` (python-docx, openpyxl …) so ``path`` appears whole or not at all;
    an existing file stays untouched on failure. Raises CaseReviewError(WRITE_FAILED) naming ``path``."""
    if path.is_dir():
        raise CaseReviewError(ErrorCode.WRITE_FAILED, str(path), {"reason": OS_REASONS[errno.EISDIR]})
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        document.save(str(tmp))
        tmp.replace(path)
    except Exception as exc:
        _close_abandoned_archives(exc, tmp)
        with contextlib.suppress(OSError):  # on a read-only disk even removing nothing fails
            tmp.unlink(missing_ok=True)
        raise CaseReviewError(ErrorCode.WRITE_FAILED, str(path), {"reason": failure_reason(exc)}) from exc


def _close_abandoned_archives(exc: BaseException, tmp: Path) -> None:
    """Close the ZipFile a writer (openpyxl, python-docx) left open on ``tmp`` when it failed
    half-way: else the archive closes itself at garbage collection and, the disk being full,
    fails again there as an unraisable error long after the refusal."""
    for frame, _line in traceback.walk_tb(exc.__traceback__):
        for value in list(frame.f_locals.values()):
            if isinstance(value, zipfile.ZipFile) and value.filename == str(tmp):
                with contextlib.suppress(Exception):
                    value.close()  # fails on the full disk, but leaves the archive closed
