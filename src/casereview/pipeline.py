"""The pipeline as plain functions: read → segment → extract (check → score, and the JSON object of
``casereview check``: ``checking.py``).

The GUI, the CLI and the tests all go through here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from casereview.domain import doctypes
from casereview.domain.model import CaseFile, Document, Extraction
from casereview.errors import ErrorCode, IngestError
from casereview.extract.fields import extract
from casereview.extract.pagetext import PageText
from casereview.extract.summary import summary_fields
from casereview.ingest import IngestOptions, ingest_path
from casereview.ingest.reader import PageSink
from casereview.ingest.scan import PageScanner
from casereview.progress import CancelToken, Progress, ProgressEvent, no_progress
from casereview.segment import segment


@dataclass
class Analysis:
    case: CaseFile
    documents: list[Document]
    extraction: Extraction
    case_id: int | None = None  # database id once stored

    @property
    def fields(self) -> dict[str, object]:
        return summary_fields(self.extraction)


def analyse_case(case: CaseFile, progress: Progress = no_progress) -> Analysis:
    """Segment and extract an already-read case file."""
    texts = [PageText.of(page) for page in case.pages]
    documents = segment(case, texts)
    progress(ProgressEvent("segment", 1, 1, case.source))
    extraction = extract(case, documents, texts)
    progress(ProgressEvent("extract", 1, 1, case.source))
    return Analysis(case, documents, extraction)


def read_case(
    path: str | Path,
    options: IngestOptions | None = None,
    scanner: PageScanner | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    require_documents: bool = True,
    sha256: str | None = None,
    on_page: PageSink | None = None,
) -> Analysis:
    """Read and analyse one case file; a file with no recognisable document is refused.

    ``sha256`` of the file, when the caller has it, saves reading a large scan twice; ``on_page``
    receives each page as soon as its text is known (a viewer shows them while OCR goes on)."""
    case = ingest_path(path, options, scanner, progress, cancel, on_page=on_page, sha256=sha256)
    analysis = analyse_case(case, progress)
    if require_documents and all(d.type in (doctypes.UNKNOWN, doctypes.FUJIAN) for d in analysis.documents):
        raise IngestError(ErrorCode.NOT_A_CASE_FILE, str(path))
    return analysis
