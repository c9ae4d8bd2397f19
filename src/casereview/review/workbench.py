"""One reviewer working through one stored case file: what the workstation's review panel calls.

Every action is written at once, in its own transaction (so a crash loses at most the action in
flight), with the review's version checked so two writers never silently overwrite each other.
Undo and redo are new audited writes too: undoing a decision restores the one before it (or
withdraws it), undoing a field correction restores the previous value and re-runs the rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from sqlalchemy.orm import Session

from casereview.checking import Checker
from casereview.db.engine import Database
from casereview.db.failures import CONFLICT
from casereview.domain.findings import Status
from casereview.domain.model import BBox, Evidence
from casereview.errors import ReviewConflict, StorageError
from casereview.fieldnames import field_label
from casereview.lists.publications import publication_for_extraction
from casereview.pipeline import Analysis
from casereview.reasons.store import record_use
from casereview.review.casetypes import stored_case_type
from casereview.review.corrections import (
    FieldCorrection,
    active_corrections,
    apply_corrections,
    record_correction,
)
from casereview.review.decisions import KIND_LABELS, check_fits, to_stored_decision
from casereview.review.records import ReviewStatus, StoredDecision, StoredReview
from casereview.review.service import score_review, standard_meta
from casereview.review.store import (
    create_review,
    load_review,
    record_decision,
    replace_findings,
    reviews_of_case,
    set_review_status,
    update_review_score,
    withdraw_decision,
)
from casereview.rules.base import PublicationDate
from casereview.scoring import DecisionKind, ReviewerDecision, ScoreSheet
from casereview.scoring.model import ItemStatus


@dataclass(frozen=True)
class DecisionChange:
    item_id: str
    before: StoredDecision | None
    after: StoredDecision | None

    def describe(self) -> str:
        decision = self.after or self.before
        kind = KIND_LABELS[decision.kind] if decision is not None else ""
        return f"{kind} {self.item_id}" if self.after is not None else f"撤回对 {self.item_id} 的决定"


@dataclass(frozen=True)
class CorrectionChange:
    field: str
    before: FieldCorrection | None
    after: FieldCorrection | None

    def describe(self) -> str:
        return f"更正{field_label(self.field)}"


Change = DecisionChange | CorrectionChange


@dataclass(frozen=True)
class RuleChange:
    """A rule whose result changed when the rules re-ran after a correction."""

    rule: str
    before: Status | None
    after: Status | None


@dataclass
class Workbench:
    """The review of one case file by one reviewer, with undo/redo of every reviewer action."""

    database: Database
    checker: Checker
    reviewer: str
    original: Analysis  # as the machine read it
    analysis: Analysis  # with the reviewer's corrections applied
    review_id: int
    version: int
    sheet: ScoreSheet
    status: ReviewStatus
    corrections: dict[str, FieldCorrection]
    decisions: dict[str, StoredDecision]  # item id → active decision
    undo_stack: list[Change] = field(default_factory=list)
    redo_stack: list[Change] = field(default_factory=list)

    # -- opening ---------------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        database: Database,
        analysis: Analysis,
        checker: Checker,
        reviewer: str,
    ) -> Workbench:
        """This reviewer's review of the stored case under the checker's standard (created if none)."""
        case_id = analysis.case_id
        if case_id is None:
            raise ValueError("the case file must be stored before it is reviewed")
        if checker.kinds is not None:  # scored by its case type's standard (the reviewer's type first)
            with database.session_scope(readonly=True) as session:
                checker = checker.resolved(analysis, stored_case_type(session, case_id))
        meta = standard_meta(checker.standard)
        profile = checker.standard.profile(checker.profile).name
        with database.session_scope() as session:
            corrections = active_corrections(session, case_id)
            corrected = _corrected(analysis, corrections)
            review_id = next(
                (
                    r.id
                    for r in reviews_of_case(session, case_id)
                    if r.reviewer == reviewer and r.standard == meta and r.profile == profile
                ),
                None,
            )
            if review_id is None:
                sheet = checker.check(corrected, _publication(session, corrected))
                review_id = create_review(
                    session, case_id, meta, profile, reviewer, sheet.findings, sheet.score, sheet.grade
                )
            review = load_review(session, review_id)
        bench = cls(
            database,
            checker,
            reviewer,
            analysis,
            corrected,
            review_id,
            review.summary.version,
            score_review(checker.standard, review),
            review.summary.status,
            corrections,
            {},
        )
        bench._absorb(review)
        return bench

    def reload(self) -> None:
        """Read the review again (after a conflict); the undo history no longer applies."""
        with self.database.session_scope(readonly=True) as session:
            self.corrections = active_corrections(session, self.case_id)
            review = load_review(session, self.review_id)
        self.analysis = _corrected(self.original, self.corrections)
        self._absorb(review)
        self.undo_stack.clear()
        self.redo_stack.clear()

    def _absorb(self, review: StoredReview) -> None:
        self.version = review.summary.version
        self.status = review.summary.status
        self.decisions = {d.item_id: d for d in review.decisions}
        self.sheet = score_review(self.checker.standard, review)

    @property
    def case_id(self) -> int:
        assert self.original.case_id is not None
        return self.original.case_id

    # -- decisions -------------------------------------------------------------------------------
    def accept(self, item_id: str) -> ScoreSheet:
        return self.decide(item_id, ReviewerDecision(DecisionKind.ACCEPT, self.reviewer, _now()))

    def override(
        self, item_id: str, deduction: float, reason: str, reason_id: int | None = None
    ) -> ScoreSheet:
        decision = ReviewerDecision(DecisionKind.OVERRIDE, self.reviewer, _now(), deduction, reason)
        return self.decide(item_id, decision, reason_id)

    def manual(
        self,
        item_id: str,
        deduction: float,
        reason: str,
        page: int,
        bbox: BBox,
        reason_id: int | None = None,
    ) -> ScoreSheet:
        region = Evidence(page, bbox, "")
        decision = ReviewerDecision(DecisionKind.MANUAL, self.reviewer, _now(), deduction, reason, region)
        return self.decide(item_id, decision, reason_id)

    def decide(self, item_id: str, decision: ReviewerDecision, reason_id: int | None = None) -> ScoreSheet:
        """Record a decision (InputError when it does not fit the item); ``reason_id``:
        the library reason it was written from, counted in the same transaction (not on redo)."""
        check_fits(self.checker.standard, item_id, decision)
        change = DecisionChange(item_id, self.decisions.get(item_id), to_stored_decision(item_id, decision))
        self._apply(change, reason_id)
        self.undo_stack.append(change)
        self.redo_stack.clear()
        return self.sheet

    def withdraw(self, item_id: str) -> ScoreSheet:
        """Take back the decision on an item: the machine's proposal stands again."""
        before = self.decisions.get(item_id)
        if before is None:
            return self.sheet
        change = DecisionChange(item_id, before, None)
        self._apply(change)
        self.undo_stack.append(change)
        self.redo_stack.clear()
        return self.sheet

    # -- field corrections -----------------------------------------------------------------------
    def correct(
        self, name: str, value: str | None, page: int | None = None, reason: str = ""
    ) -> list[RuleChange]:
        """Correct a field (None withdraws the correction), re-run the rules; the rules that changed."""
        before = self.corrections.get(name)
        after = None
        if value is not None:
            after = FieldCorrection(name, value, self.reviewer, _now(), page, reason)
        change = CorrectionChange(name, before, after)
        changes = self._apply(change)
        self.undo_stack.append(change)
        self.redo_stack.clear()
        return changes

    # -- undo / redo -----------------------------------------------------------------------------
    @property
    def can_undo(self) -> bool:
        return bool(self.undo_stack)

    @property
    def can_redo(self) -> bool:
        return bool(self.redo_stack)

    def undo_text(self) -> str:
        return self.undo_stack[-1].describe() if self.undo_stack else ""

    def redo_text(self) -> str:
        return self.redo_stack[-1].describe() if self.redo_stack else ""

    def undo(self) -> Change | None:
        if not self.undo_stack:
            return None
        change = self.undo_stack[-1]
        self._apply(_inverse(change))
        self.redo_stack.append(self.undo_stack.pop())
        return change

    def redo(self) -> Change | None:
        if not self.redo_stack:
            return None
        change = self.redo_stack[-1]
        self._apply(change)
        self.undo_stack.append(self.redo_stack.pop())
        return change

    # -- status ----------------------------------------------------------------------------------
    def set_done(self, done: bool) -> None:
        status = ReviewStatus.DONE if done else ReviewStatus.IN_PROGRESS
        with self._writing() as session:
            set_review_status(session, self.review_id, status, self.reviewer)

    def waiting_items(self) -> list[str]:
        """Items that still wait for the reviewer (待评 / 待人工确认)."""
        waiting = (ItemStatus.PENDING, ItemStatus.NEEDS_REVIEW)
        return [i.item_id for i in self.sheet.items if i.status in waiting]

    # -- writing ---------------------------------------------------------------------------------
    def _apply(self, change: Change, reason_id: int | None = None) -> list[RuleChange]:
        rule_changes: list[RuleChange] = []
        with self._writing() as session:
            if isinstance(change, DecisionChange):
                self._write_decision(session, change)
                if reason_id is not None and change.after is not None:
                    record_use(
                        session,
                        reason_id,
                        self.reviewer,
                        item_id=change.item_id,
                        review_id=self.review_id,
                        case_id=self.case_id,
                    )
            else:
                rule_changes = self._write_correction(session, change)
        return rule_changes

    def _write_decision(self, session: Session, change: DecisionChange) -> None:
        if change.after is None:
            withdraw_decision(
                session, self.review_id, change.item_id, self.reviewer, expected_version=self.version
            )
        else:
            decision = replace(change.after, decided_at=None)  # a restored decision is made again now
            record_decision(session, self.review_id, decision, self.reviewer, expected_version=self.version)
        sheet = score_review(self.checker.standard, load_review(session, self.review_id))
        update_review_score(session, self.review_id, sheet.score, sheet.grade, self.reviewer)

    def _write_correction(self, session: Session, change: CorrectionChange) -> list[RuleChange]:
        after = change.after
        record_correction(
            session,
            self.case_id,
            change.field,
            None if after is None else after.value,
            self.reviewer,
            page=None if after is None else after.page,
            reason="" if after is None else after.reason,
        )
        corrections = active_corrections(session, self.case_id)
        corrected = _corrected(self.original, corrections)
        fresh = self.checker.check(corrected, _publication(session, corrected))
        replace_findings(
            session,
            self.review_id,
            fresh.findings,
            fresh.score,
            fresh.grade,
            self.reviewer,
            expected_version=self.version,
        )
        sheet = score_review(self.checker.standard, load_review(session, self.review_id))
        update_review_score(session, self.review_id, sheet.score, sheet.grade, self.reviewer)
        old = {f.rule: f.status for f in self.sheet.findings}
        new = {f.rule: f.status for f in fresh.findings}
        self.corrections, self.analysis = corrections, corrected
        return [
            RuleChange(r, old.get(r), new.get(r))
            for r in sorted(old.keys() | new.keys())
            if old.get(r) != new.get(r)
        ]

    @contextmanager
    def _writing(self) -> Iterator[Session]:
        """One write transaction: a version conflict becomes ReviewConflict; success reloads."""
        try:
            with self.database.session_scope() as session:
                yield session
        except StorageError as exc:
            if exc.detail.get("reason") == CONFLICT:
                raise ReviewConflict(self.review_id) from exc
            raise
        with self.database.session_scope(readonly=True) as session:
            self._absorb(load_review(session, self.review_id))


def machine_sheet_in(session: Session, analysis: Analysis, checker: Checker) -> ScoreSheet:
    """The machine's check of a stored case as a review records it: the reviewer's field
    corrections and the publication date from outside the file applied."""
    assert analysis.case_id is not None
    corrected = _corrected(analysis, active_corrections(session, analysis.case_id))
    return checker.check(corrected, _publication(session, corrected))


def _inverse(change: Change) -> Change:
    if isinstance(change, DecisionChange):
        return DecisionChange(change.item_id, change.after, change.before)
    return CorrectionChange(change.field, change.after, change.before)


def _corrected(analysis: Analysis, corrections: dict[str, FieldCorrection]) -> Analysis:
    if not corrections:
        return analysis
    extraction = apply_corrections(analysis.extraction, corrections, analysis.documents)
    return Analysis(analysis.case, analysis.documents, extraction, analysis.case_id)


def _publication(session: Session, analysis: Analysis) -> PublicationDate | None:
    assert analysis.case_id is not None
    return publication_for_extraction(session, analysis.case_id, analysis.extraction)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
