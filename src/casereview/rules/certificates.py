"""P-21: every officer named on a 笔录 (or on-the-spot decision) holds a certificate valid on that
document's date, per the imported officer roster (执法人员名单). No roster → not applicable."""

from __future__ import annotations

import datetime as dt

from casereview.domain import doctypes as d
from casereview.domain import roles
from casereview.domain.findings import Finding, Status
from casereview.domain.model import Document, Evidence, Officer
from casereview.rules.base import RuleContext, rule
from casereview.rules.common import cn_date, needs_review, not_applicable, result
from casereview.rules.documents import DECISIONS

P21_BASIS = (
    "《行政处罚法》第四十二条；《交通运输行政执法证件管理规定》第三十条（执法证件未经年审的不得继续使用）"
)


def _document_of(ctx: RuleContext, officer: Officer) -> Document | None:
    page = officer.evidence.page
    return next(
        (
            doc
            for doc in ctx.documents
            if doc.type == officer.document and doc.first_page <= page <= doc.last_page
        ),
        None,
    )


def _date_of(ctx: RuleContext, doc: Document) -> tuple[dt.date, Evidence] | None:
    """The date the document was made: a 笔录's 时间 (role 询问), a 听证笔录's (听证), a decision's (决定) —
    never another date printed in it (a birth date, the violation's day). A role date read unsure
    (the decision date under a seal) stands when a cleanly read date in the same document agrees."""
    role = (
        roles.DECISION
        if doc.type in DECISIONS
        else roles.HEARING
        if doc.type == d.TINGZHENG_BILU
        else roles.INQUIRY
    )
    inside = [
        m
        for m in ctx.extraction.dates
        if m.document == doc.type and doc.first_page <= m.evidence.page <= doc.last_page
    ]
    found = [m for m in inside if m.role == role]
    if not found:
        return None
    first = min(found, key=lambda m: (m.evidence.page, m.evidence.bbox[1], m.evidence.bbox[0]))
    if ctx.uncertain(first.evidence):
        same = next((m for m in inside if m.date == first.date and not ctx.uncertain(m.evidence)), None)
        if same is not None:
            return same.date, same.evidence
    return first.date, first.evidence


@rule("P-21", "执法人员执法证件在有效期内", P21_BASIS)
def check_certificates(ctx: RuleContext) -> Finding:
    roster = ctx.roster
    if roster is None or not roster.entries:
        return not_applicable(
            "P-21", "未导入执法人员名单（casereview roster import），无法核对执法证件有效期。"
        )
    named = [o for o in ctx.extraction.officers if o.certificate]
    if not named:
        return needs_review("P-21", "未能识别笔录中的执法人员及执法证号，请人工核对执法证件。")
    lapsed: list[tuple[str, Evidence]] = []
    doubts: list[tuple[str, Evidence]] = []
    checked: list[Evidence] = []
    seen: set[tuple[str, int]] = set()
    for officer in named:
        assert officer.certificate is not None
        doc = _document_of(ctx, officer)
        key = (officer.certificate, doc.first_page if doc else officer.evidence.page)
        if key in seen:
            continue
        seen.add(key)
        label = f"{officer.name}（执法证号{officer.certificate}）"
        entry = roster.find(officer.certificate)
        dated = _date_of(ctx, doc) if doc else None
        where = f"第{officer.evidence.page}页{officer.document}"
        if entry is None:
            doubts.append((f"{where}的{label}不在执法人员名单中", officer.evidence))
            continue
        if entry.name != officer.name:
            doubts.append(
                (f"{where}的执法证号{officer.certificate}在名单中属于{entry.name}", officer.evidence)
            )
            continue
        if dated is None:
            doubts.append((f"未能识别{where}的日期", officer.evidence))
            continue
        if ctx.uncertain(officer.evidence) or ctx.uncertain(dated[1]):
            doubts.append((f"{where}的{label}或其日期识别不可靠", officer.evidence))
            continue
        checked.append(officer.evidence)
        if dated[0] > entry.valid_until:
            lapsed.append(
                (
                    f"{where}（{cn_date(dated[0])}）的{label}，名单第{entry.row}行记载有效期至"
                    f"{cn_date(entry.valid_until)}，已过期",
                    officer.evidence,
                )
            )
    if lapsed:
        return result(
            "P-21",
            Status.FAIL,
            f"{'；'.join(m for m, _ in lapsed)}（{roster.source}）。依据{P21_BASIS}，执法人员应持有效执法证件。",
            [e for _, e in lapsed],
            violations=len(lapsed),
        )
    if doubts:
        return needs_review(
            "P-21",
            f"{'；'.join(m for m, _ in doubts)}，请人工核对执法证件（{roster.source}）。",
            [e for _, e in doubts],
        )
    return result(
        "P-21",
        Status.PASS,
        f"笔录所列{len(checked)}人次执法人员的执法证件在文书日期均在有效期内（{roster.source}）。",
        checked,
    )
