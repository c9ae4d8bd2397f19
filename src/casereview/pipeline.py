"""The pipeline as plain functions: read → segment → extract (→ check → score, in later stages).

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
from casereview.scoring.model import ScoreSheet
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


def contract_object(
    analysis: Analysis, sheet: ScoreSheet | None = None, case_type: str | None = None
) -> dict[str, object]:
    """The per-file object of ``casereview check --format json`` (rules.md output contract); with
    ``case_type`` (penalty | compulsion | inspection) also the case kind it was scored as."""
    case = analysis.case
    extra: dict[str, object] = {"case_type": case_type} if case_type else {}
    return {
        **extra,
        "source": case.source,
        "sha256": case.sha256,
        "page_count": case.page_count,
        "documents": [d.to_json() for d in analysis.documents],
        "fields": analysis.fields,
        "standard": {"id": sheet.standard_id, "version": sheet.standard_version} if sheet else None,
        "findings": [f.to_json() for f in sheet.findings] if sheet else [],
        "score": sheet.score if sheet else None,
        "grade": sheet.grade if sheet else None,
    }
