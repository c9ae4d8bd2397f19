"""Opening a case file for review: the stored analysis when the same file was read before,
else a fresh read that is stored (one transaction). Used by the workstation."""

from __future__ import annotations

from pathlib import Path

from casereview.db import Database, find_case_by_sha256, load_case, save_case
from casereview.extract.agency import enforcement_unit
from casereview.ingest import IngestOptions
from casereview.ingest.reader import PageSink
from casereview.ingest.scan import PageScanner
from casereview.ingest.sources import file_sha256
from casereview.pipeline import Analysis, read_case
from casereview.progress import CancelToken, Progress, no_progress


def open_case(
    path: str | Path,
    database: Database | None,
    options: IngestOptions | None = None,
    scanner: PageScanner | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    on_page: PageSink | None = None,
) -> Analysis:
    """The analysis of ``path``, from ``database`` when stored (same SHA-256), else read and stored."""
    path = Path(path)
    digest: str | None = None
    if database is not None and path.is_file():
        digest = file_sha256(path)
        with database.session_scope(readonly=True) as session:
            case_id = find_case_by_sha256(session, digest)
            if case_id is not None:
                case, documents, extraction = load_case(session, case_id)
                for page in case.pages:  # the same file opened from elsewhere renders from here
                    if page.origin in ("", case.source):
                        page.origin = str(path)
                case.source = str(path)
                return Analysis(case, documents, extraction, case_id)
    analysis = read_case(path, options, scanner, progress, cancel, sha256=digest, on_page=on_page)
    if database is not None:
        with database.session_scope() as session:
            unit = enforcement_unit(analysis.case, analysis.documents)
            analysis.case_id = save_case(
                session, analysis.case, analysis.documents, analysis.extraction, unit=unit
            )
    return analysis
