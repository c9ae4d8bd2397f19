"""Reading one case file (PDF, DOCX, image or folder) into a CaseFile of positioned text.

Pages needing OCR are handed to the scanner in batches of ``options.batch_pages``, or sooner when
their images hold half the read's memory budget, so that memory stays bounded on long scans and
huge pages; progress is reported per page.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path

from PIL import Image

from casereview.budget import Budget
from casereview.domain.model import CaseFile, Page, TextSource
from casereview.errors import ErrorCode, IngestError
from casereview.ingest.docx import cached_docx_pdf, soffice_binary, text_only_pages
from casereview.ingest.images import read_image
from casereview.ingest.options import IngestOptions
from casereview.ingest.pdf import mupdf_open, read_pdf
from casereview.ingest.raster import level, rotate_quadrant
from casereview.ingest.scan import PageImage, PageScanner
from casereview.ingest.seals import seals_on_rendering
from casereview.ingest.sources import Source, check_docx_archive, classify, file_sha256, folder_members
from casereview.progress import CancelToken, Progress, ProgressEvent, no_progress

PageSink = Callable[[Page], None]


def ingest_path(
    path: str | Path,
    options: IngestOptions | None = None,
    scanner: PageScanner | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    on_page: PageSink | None = None,
    sha256: str | None = None,
) -> CaseFile:
    """Read ``path`` into a CaseFile; raises IngestError (with a code) when it cannot be read.

    ``on_page`` is called with each page once its text is known, so a viewer can show the first
    pages while later ones are still being recognised.
    """
    options = options or IngestOptions()
    cancel = cancel or CancelToken()
    source = classify(Path(path))
    case = CaseFile(source=str(path), sha256="", kind=source.kind)
    if source.kind == "folder":
        members, skipped = folder_members(source.path)
        if not members:
            raise IngestError(ErrorCode.EMPTY_FOLDER, str(path))
        if skipped:
            case.notices.append("skipped_files")
        case.file_hashes = {m.name: file_sha256(m) for m in members}
        # A folder's identity is its members' names and contents, in reading order.
        case.sha256 = hashlib.sha256(
            "\n".join(f"{name}:{digest}" for name, digest in case.file_hashes.items()).encode()
        ).hexdigest()
        sources = [classify(m) for m in members]
    else:
        case.sha256 = sha256 or file_sha256(source.path)  # a caller that hashed it already says so
        sources = [source]
    total = sum(_count_pages(s, options) for s in sources)
    # One budget for the read: a folder's members share it, as their pages share the OCR batches.
    budget = Budget(source.path, options.memory_budget)
    runner = _Runner(case, options, scanner, progress, cancel, on_page, total, budget)
    for src in sources:
        budget.path = str(src.path)  # a refusal names the member file
        runner.consume(_pages_of(src, options, case, len(case.pages) + 1 + len(runner.pending), budget))
    runner.flush()
    if not case.pages:
        raise IngestError(ErrorCode.NO_PAGES, str(path))
    if any(p.source == TextSource.OCR and not p.spans for p in case.pages):
        case.notices.append("blank_pages")
    if budget.reduced:
        case.notices.append(reduced_notice(budget.reduced))
    return case


def reduced_notice(reduced: list[tuple[int, float]]) -> str:
    """The notice code of pages rendered below the usual resolution: ``reduced_dpi:3=120,7=100``
    (page number = dpi), spelt out by messages.describe_notice."""
    return "reduced_dpi:" + ",".join(f"{number}={dpi:.0f}" for number, dpi in reduced)


class _Runner:
    """Collects pages in order and runs the scanner over pending page images in batches."""

    def __init__(
        self,
        case: CaseFile,
        options: IngestOptions,
        scanner: PageScanner | None,
        progress: Progress,
        cancel: CancelToken,
        on_page: PageSink | None,
        total: int,
        budget: Budget,
    ) -> None:
        self.case, self.options, self.scanner = case, options, scanner
        self.progress, self.cancel, self.on_page, self.total = progress, cancel, on_page, total
        self.budget = budget
        budget.drain = self.flush  # called from inside a reader: flush never touches the reader
        self.pending: list[tuple[Page, PageImage | None]] = []

    def consume(self, pages: Iterator[tuple[Page, PageImage | None]]) -> None:
        for page, image in pages:
            self.cancel.check(self.case.source)
            if image is None and not self.pending:
                self._emit(page)
                continue
            # Text pages behind a pending scan wait with it, so pages stay in file order.
            self.pending.append((page, image))
            # Past half the budget the next page (at most the other half) might not fit beside them.
            full = sum(img is not None for _, img in self.pending) >= self.options.batch_pages
            if full or self.budget.held > self.budget.page_share():
                self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        batch, self.pending = self.pending, []
        scans = [(page, img) for page, img in batch if img is not None]
        if self.scanner is not None and scans:
            outcomes = self.scanner.scan([img for _, img in scans], self.progress, self.cancel)
            for (page, _), outcome in zip(scans, outcomes, strict=True):
                page.spans = outcome.spans
                page.cells_unread = outcome.cells_unread
                page.unread_ink = outcome.unread_ink
                page.rotation, page.skew, page.ocr_confidence = (
                    outcome.rotation,
                    outcome.skew,
                    outcome.confidence,
                )
                if outcome.rotation in (90, 270):  # spans are in the upright frame
                    page.width, page.height = page.height, page.width
                if not page.spans:
                    page.source = TextSource.NONE
        for page, image in batch:
            if image is not None and self.options.detect_seals:
                upright = rotate_quadrant(image.image, page.rotation)[0] if page.rotation else image.image
                page.seals = seals_on_rendering(level(upright, page.skew), image.dpi, page.number)
            self._emit(page)
        for _page, image in batch:
            if image is not None:
                self.budget.release(image.held)

    def _emit(self, page: Page) -> None:
        self.case.pages.append(page)
        self.progress(ProgressEvent("ingest", len(self.case.pages), self.total, self.case.source))
        if self.on_page is not None:
            self.on_page(page)


def _count_pages(source: Source, options: IngestOptions) -> int:
    try:
        if source.kind == "pdf":
            with mupdf_open(source.path) as doc:
                return int(doc.page_count) if not doc.needs_pass or options.password else 0
        if source.kind == "image":
            with Image.open(source.path) as img:
                return int(getattr(img, "n_frames", 1))
    except Exception:  # the reader itself reports the real problem with a proper message
        return 0
    return 0


def _pages_of(
    source: Source, options: IngestOptions, case: CaseFile, first: int, budget: Budget
) -> Iterator[tuple[Page, PageImage | None]]:
    if source.kind == "pdf":
        yield from read_pdf(source.path, options, first, budget)
    elif source.kind == "image":
        yield from read_image(source.path, options, first, budget)
    elif source.kind == "docx":
        check_docx_archive(source.path, budget)
        if options.use_libreoffice and soffice_binary():
            pdf = cached_docx_pdf(source.path)
            for page, image in read_pdf(pdf, options, first, budget):
                page.origin = str(source.path)
                yield page, image
        else:
            case.notices.append("docx_text_only")
            for page in text_only_pages(source.path, first):
                yield page, None
    else:  # pragma: no cover - classify() only returns the kinds above
        raise IngestError(ErrorCode.UNSUPPORTED_TYPE, str(source.path))
