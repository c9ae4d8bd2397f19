"""Building :class:`ReviewedCase` objects for the exports: from stored case ids (their newest
review, decisions applied) or from case-file paths (read, stored when a database is given, and
checked — the stored review is used when the file was reviewed before)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from casereview.checking import Checker
from casereview.db import Database, load_case
from casereview.db.cases import case_record
from casereview.errors import CaseReviewError, ErrorCode
from casereview.export.collect_sheets import collect_sheets
from casereview.export.model import ReviewedCase
from casereview.extract.agency import enforcement_unit
from casereview.ingest.scan import PageScanner
from casereview.library import open_case
from casereview.pipeline import Analysis, read_case
from casereview.review.service import score_review
from casereview.review.store import load_review, reviews_of_case
from casereview.training.tags import list_tags

MACHINE = "机器初评"

OnError = Callable[[str, CaseReviewError], None]


def _stored(
    database: Database, case_id: int, checker: Checker, review_id: int | None = None, unit: str = ""
) -> ReviewedCase:
    with database.session_scope(readonly=True) as session:
        case, documents, extraction = load_case(session, case_id)
        analysis = Analysis(case, documents, extraction, case_id)
        # The unit a session was told (its folder) comes first, then the one stored at import;
        # reading it off the pages again is the last resort (cases stored before units were).
        row = case_record(session, case_id)
        unit = unit or (row.unit if row is not None else None) or enforcement_unit(case, documents) or ""
        checker = checker.resolved(analysis, row.case_type if row is not None else None)
        tags = tuple(list_tags(session, case_id))
        if review_id is not None:
            reviews = [review_id]  # the review a session settled on (a lead's arbitration …)
        else:
            reviews = [
                r.id for r in reviews_of_case(session, case_id) if r.standard.id == checker.standard.id
            ]
        if not reviews:
            sheet = checker.check(analysis)
            return ReviewedCase(analysis, sheet, unit, MACHINE, None, case_id, None, tags)
        review = load_review(session, reviews[0])  # newest first
    sheet = score_review(checker.standard, review)
    deciders = sorted({d.reviewer for d in review.decisions})
    reviewer = "、".join(deciders) if deciders else review.summary.reviewer
    return ReviewedCase(analysis, sheet, unit, reviewer, review.summary.updated_at, case_id, review.id, tags)


def collect(
    specs: Iterable[str],
    checker: Checker,
    database: Database | None = None,
    on_error: OnError | None = None,
    scanner: PageScanner | None = None,
    final_reviews: Mapping[int, int] | None = None,
    units: Mapping[int, str] | None = None,
    *,
    sheets_only: bool = False,
) -> list[ReviewedCase]:
    """One ReviewedCase per spec (a stored case id like ``12`` or a case-file path), in order.

    A spec that cannot be used is reported to ``on_error`` (file/spec, error) and skipped, so a
    batch goes on; without ``on_error`` the error is raised. ``scanner`` reads scanned pages;
    ``final_reviews`` (case id → review id) names the review that counts for a stored case;
    ``units`` (case id → 执法单位) the unit a review session assigned it to. ``sheets_only``: stored
    cases with a review, a unit and no training tag come without their pages, documents and
    extraction (:mod:`casereview.export.collect_sheets`; the 通报 reads only their sheets and units).
    """
    specs = list(specs)
    ready: dict[int, ReviewedCase] = {}
    if sheets_only and database is not None:
        stored = [int(s) for s in specs if s.isdigit() and not Path(s).exists()]
        ready = collect_sheets(database, stored, checker, final_reviews or {}, units or {})
    cases: list[ReviewedCase] = []
    for spec in specs:
        if spec.isdigit() and int(spec) in ready:
            cases.append(ready[int(spec)])
            continue
        try:
            cases.append(_one(spec, checker, database, scanner, final_reviews or {}, units or {}))
        except CaseReviewError as error:
            if on_error is None:
                raise
            on_error(spec, error)
    return cases


def _one(
    spec: str,
    checker: Checker,
    database: Database | None,
    scanner: PageScanner | None,
    final_reviews: Mapping[int, int],
    units: Mapping[int, str],
) -> ReviewedCase:
    if spec.isdigit() and not Path(spec).exists():
        if database is None:
            raise CaseReviewError(ErrorCode.FILE_NOT_FOUND, spec)
        case_id = int(spec)
        return _stored(database, case_id, checker, final_reviews.get(case_id), units.get(case_id, ""))
    path = Path(spec)
    if database is None:
        analysis = read_case(path, scanner=scanner)
        unit = enforcement_unit(analysis.case, analysis.documents) or ""
        return ReviewedCase(analysis, checker.resolved(analysis).check(analysis), unit, MACHINE, None)
    analysis = open_case(path, database, scanner=scanner)
    assert analysis.case_id is not None
    return _stored(database, analysis.case_id, checker)
