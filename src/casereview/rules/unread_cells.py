"""A finding resting on a table whose cells could not be rebuilt says so (issue 12, bad input).

Where OCR or a text layer runs a line across a cell border, the reader cannot tell which cell the
line belongs to and reads that table by rows. A value read there may carry its neighbour's words,
so the reviewer is told which pages were read that way; the finding's status is not changed.
"""

from __future__ import annotations

import dataclasses

from casereview.domain.findings import Finding, Status
from casereview.domain.model import CaseFile


def note_unread_cells(case: CaseFile, findings: list[Finding]) -> list[Finding]:
    unread = {page.number for page in case.pages if page.cells_unread > 0}
    if not unread:
        return findings
    return [_noted(f, unread) for f in findings]


def _noted(finding: Finding, unread: set[int]) -> Finding:
    if finding.status in (Status.PASS, Status.NOT_APPLICABLE):
        return finding
    pages = sorted({e.page for e in finding.evidence} & unread)
    if not pages:
        return finding
    where = "、".join(f"第{n}页" for n in pages)
    note = f"（注：{where}的表格有文字行跨越单元格边框，未能按单元格还原，已按行读取，请对照原件核对。）"
    facts = {**finding.facts, "cells_unread_pages": pages}
    return dataclasses.replace(finding, message=finding.message + note, facts=facts)
