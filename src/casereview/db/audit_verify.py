"""``casereview audit verify``: walk the SQLite audit hash chain and name the first broken row."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from casereview.db.audit_chain import GENESIS, row_digest
from casereview.db.review_models import AuditLogRow


@dataclass(frozen=True)
class ChainReport:
    rows: int  # rows checked
    head: str  # the last row's hash: write it down to detect a later cut of the tail
    broken_id: int | None = None  # the first row where the chain breaks (0: the anchor is gone)
    reason: str = ""  # Chinese

    @property
    def ok(self) -> bool:
        return self.broken_id is None


def verify_chain(session: Session, *, anchor: str | None = None) -> ChainReport:
    """Recompute every row's hash in id order. A changed row breaks at that row (its content no
    longer gives its hash); a deleted row breaks at the next one (its ``prev_hash`` names a row
    that is gone). Whoever holds the file can recompute every hash after an edit, and cut the
    newest rows: ``anchor``, a head printed by an earlier verify and kept elsewhere, must still be
    a link of the chain, which shows both."""
    report = _walk(session)
    if report.ok and anchor is not None and not _has_link(session, anchor.strip().lower()):
        reason = f"此前记下的哈希链末端 {anchor.strip()} 已不在哈希链中：其之前的审计记录被改写、删除，或哈希链被重新计算"
        return ChainReport(report.rows, report.head, 0, reason)
    return report


def _has_link(session: Session, digest: str) -> bool:
    if digest == GENESIS:
        return True
    return session.scalar(select(AuditLogRow.id).where(AuditLogRow.row_hash == digest).limit(1)) is not None


def _walk(session: Session) -> ChainReport:
    prev, count, last_id = GENESIS, 0, 0
    for row in session.scalars(select(AuditLogRow).order_by(AuditLogRow.id)):
        count += 1
        where = f"第 {count} 条审计记录（编号 {row.id}，{row.actor}，{row.action}）"
        if row.row_hash is None or row.prev_hash is None:
            return ChainReport(count, prev, row.id, f"{where}没有哈希值，不在哈希链中（被插入或改写）")
        if row.prev_hash != prev:
            gap = f"编号 {last_id} 与 {row.id} 之间" if row.id != last_id + 1 else "其前"
            return ChainReport(
                count, prev, row.id, f"{where}的前一条哈希不符：{gap}的审计记录被删除、插入或修改"
            )
        digest = row_digest(
            prev,
            id=row.id,
            review_id=row.review_id,
            case_id=row.case_id,
            at=row.at,
            actor=row.actor,
            machine=row.machine,
            action=row.action,
            item_id=row.item_id,
            before=row.before,
            after=row.after,
        )
        if digest != row.row_hash:
            return ChainReport(count, prev, row.id, f"{where}的内容与其哈希不符：该记录被修改")
        prev, last_id = digest, row.id
    return ChainReport(count, prev)
