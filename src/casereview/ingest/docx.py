"""DOCX case files: real pages through LibreOffice when installed, else estimated text-only pages."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from casereview.domain.model import Page, Span, TextSource
from casereview.errors import ErrorCode, IngestError
from casereview.ingest.docx_sanitise import sanitised_copy
from casereview.ingest.sources import check_docx_archive, file_sha256
from casereview.ingest.textlayer import normalise

CONVERT_TIMEOUT_S = 180
CONVERSION_VERSION = "s1"  # part of the cache key: PDFs converted before sanitisation are not reused
# Text-only layout: A4 with GB/T 9704-like margins and 三号-sized lines (an estimate, flagged as such).
A4_WIDTH, A4_HEIGHT = 595.0, 842.0
MARGIN_X, MARGIN_TOP = 79.0, 100.0
LINE_HEIGHT = 28.0
CHARS_PER_LINE = 28
LINES_PER_PAGE = 22


def soffice_binary() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


# The private profile: macros never run, no update check, no remote content (belt and braces: the
# document itself was sanitised, and the process runs without a network where the system allows).
_PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel"
 oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution"
 oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks"
 oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="UseLocking" oor:op="fuse">
<value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Jobs/Jobs/org.openoffice.Office.Jobs:Job['UpdateCheck']/Arguments">
<prop oor:name="AutoCheckEnabled" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
"""


@lru_cache(maxsize=1)
def _offline_prefix() -> tuple[str, ...]:
    """``unshare -rn`` (a private network namespace with only a dead loopback) where it works;
    probed once per process, not once per conversion."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return ()
    try:
        probe = subprocess.run([unshare, "-rn", "true"], capture_output=True, timeout=10)
    except (subprocess.SubprocessError, OSError):
        return ()
    return (unshare, "-rn") if probe.returncode == 0 else ()


def convert_to_pdf(path: Path, out_dir: Path) -> Path:
    """DOCX → PDF with LibreOffice headless, from a sanitised copy, in a private locked-down profile
    (also so that parallel runs don't collide), offline where the system allows."""
    binary = soffice_binary()
    if binary is None:
        raise IngestError(ErrorCode.CONVERSION_FAILED, str(path), {"why": "no_libreoffice"})
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-", dir=out_dir))
    (profile / "user").mkdir()
    (profile / "user" / "registrymodifications.xcu").write_text(_PROFILE_SETTINGS, "utf-8")
    safe = out_dir / "document.docx"  # a fixed name: no user-chosen name reaches the command line
    sanitised_copy(path, safe)
    cmd = [
        *_offline_prefix(),
        binary,
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out_dir.resolve()),
        str(safe.resolve()),  # absolute: never taken for an option
    ]
    try:
        subprocess.run(cmd, check=True, capture_output=True, timeout=CONVERT_TIMEOUT_S)
    except (subprocess.SubprocessError, OSError) as exc:
        raise IngestError(ErrorCode.CONVERSION_FAILED, str(path), {"why": "libreoffice_failed"}) from exc
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    pdf = out_dir / "document.pdf"
    if not pdf.exists():
        raise IngestError(ErrorCode.CONVERSION_FAILED, str(path), {"why": "libreoffice_no_pdf"})
    return pdf


def cached_docx_pdf(path: Path) -> Path:
    """The PDF LibreOffice makes of ``path``, converted once and kept in the cache by content hash."""
    from casereview.paths import cache_dir

    digest = file_sha256(path)
    target = cache_dir() / "docx" / f"{digest}.{CONVERSION_VERSION}.pdf"
    if target.exists():
        return target
    check_docx_archive(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
        pdf = convert_to_pdf(path, Path(tmp))
        pdf.replace(target)
    return target


def docx_paragraphs(path: Path) -> list[str | None]:
    """Paragraph and table-cell texts in body order; ``None`` marks an explicit page break."""
    import docx  # python-docx: imported here because only this path needs it
    from docx.oxml.ns import qn

    check_docx_archive(path)
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises many types for malformed parts
        raise IngestError(ErrorCode.CORRUPT_FILE, str(path), {"why": "docx_unparsable"}) from exc
    out: list[str | None] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            if any(br.get(qn("w:type")) == "page" for br in child.iter(qn("w:br"))):
                out.append(None)
            text = "".join(t.text or "" for t in child.iter(qn("w:t")))
            out.append(text)
        elif child.tag == qn("w:tbl"):
            for row in child.iter(qn("w:tr")):
                cells = ["".join(t.text or "" for t in cell.iter(qn("w:t"))) for cell in row.iter(qn("w:tc"))]
                out.append("  ".join(c for c in cells if c))
    return out


def text_only_pages(path: Path, first_number: int) -> Iterator[Page]:
    """Lay paragraphs on estimated A4 pages so evidence still has a page and a plausible box."""
    lines: list[str] = []
    pages: list[list[str]] = []
    for para in docx_paragraphs(path):
        if para is None:
            if lines:
                pages.append(lines)
            lines = []
            continue
        text = normalise(para)
        chunks = [text[i : i + CHARS_PER_LINE] for i in range(0, len(text), CHARS_PER_LINE)] or [""]
        for chunk in chunks:
            if len(lines) >= LINES_PER_PAGE:
                pages.append(lines)
                lines = []
            lines.append(chunk)
    if lines:
        pages.append(lines)
    for index, page_lines in enumerate(pages):
        spans = [
            Span(
                text,
                (
                    MARGIN_X,
                    MARGIN_TOP + i * LINE_HEIGHT,
                    MARGIN_X + 16.0 * len(text),
                    MARGIN_TOP + (i + 0.8) * LINE_HEIGHT,
                ),
            )
            for i, text in enumerate(page_lines)
            if text
        ]
        yield Page(
            number=first_number + index,
            width=A4_WIDTH,
            height=A4_HEIGHT,
            source=TextSource.DOCX_TEXT,
            spans=spans,
            origin=str(path),
            origin_page=index,
            text_layer_usable=True,
        )
