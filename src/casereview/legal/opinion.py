"""法制审核 of a draft case file: draft the written opinion from the precheck, check it, save it as DOCX.

The opinion follows 《交通运输行政执法程序规定》第七十二条: the reviewer either agrees (同意) or lists
the problems (存在问题). The draft takes every item the ``legal_review_precheck`` standard deducted or
left to a person; the reviewer edits it in the UI before it is written.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from casereview.domain.findings import Status
from casereview.extract.summary import case_number, party
from casereview.legal.layout import build_document
from casereview.legal.model import Conclusion, LegalOpinion, OpinionProblem, pages_text, problem_line
from casereview.office.atomic import save_atomically
from casereview.pipeline import Analysis
from casereview.scoring.model import ItemResult, ItemStatus, ScoreSheet
from casereview.standards.schema import Standard

__all__ = [
    "Conclusion",
    "LegalOpinion",
    "OpinionProblem",
    "default_opinion_text",
    "default_suggestions",
    "draft_opinion",
    "pages_text",
    "problem_line",
    "validate_opinion",
    "write_opinion_docx",
]

AGREE_TEXT = "经审核，该案事实清楚、证据确凿、适用依据正确、程序合法，同意作出处罚决定。"
PROBLEMS_LEAD = "经审核，该案存在以下问题，建议承办机构补正后重新送审："
AGREE_SUGGESTION = "建议承办机构按程序报请本机关负责人审批后作出行政处罚决定，并依法送达当事人。"
PROBLEMS_SUGGESTION_LEAD = "请承办机构对照上述问题逐项补正："
PROBLEMS_SUGGESTION_END = "补正完毕后，连同补正情况说明重新提交法制审核。"

_LISTED = (ItemStatus.DEDUCTED, ItemStatus.NEEDS_REVIEW)


def _numbered(lines: list[str]) -> list[str]:
    """``1．…；`` … ``n．…。`` — the numbering and punctuation of a list inside one opinion text."""
    out = []
    for n, line in enumerate(lines, 1):
        end = "。" if n == len(lines) else "；"
        out.append(f"{n}．{line.rstrip('。；;.')}{end}")
    return out


def _headline(problem: OpinionProblem) -> str:
    if not problem.item_id:
        return problem.text.strip() or problem.title
    verb = "需核实是否符合" if problem.unsure else "不符合"
    return f"{verb}“{problem.title}”的要求（{problem.item_id}）"


def default_opinion_text(conclusion: Conclusion, problems: list[OpinionProblem]) -> str:
    """The 审核意见 a conclusion starts with; the problems are named, their details are in 存在的问题."""
    if conclusion is Conclusion.AGREE:
        return AGREE_TEXT
    return "\n".join([PROBLEMS_LEAD, *_numbered([_headline(p) for p in problems])])


def default_suggestions(conclusion: Conclusion, problems: list[OpinionProblem]) -> str:
    """The 处理建议: for problems, the standard's 整改要求 of each listed item, once each."""
    if conclusion is Conclusion.AGREE:
        return AGREE_SUGGESTION
    steps = list(dict.fromkeys(p.rectification.strip() for p in problems if p.rectification.strip()))
    if not steps:
        return PROBLEMS_SUGGESTION_LEAD.rstrip("：") + "，" + PROBLEMS_SUGGESTION_END
    return "\n".join([PROBLEMS_SUGGESTION_LEAD, *_numbered(steps), PROBLEMS_SUGGESTION_END])


def _problem_pages(item: ItemResult) -> tuple[int, ...]:
    """Pages of the findings that failed or wait for a person; the reviewer's marked page for manual ones."""
    pages = {
        e.page for f in item.findings if f.status in (Status.FAIL, Status.NEEDS_REVIEW) for e in f.evidence
    }
    if item.decision is not None and item.decision.region is not None:
        pages.add(item.decision.region.page)
    if not pages:  # a deduction without failing findings (an override): show where the item was read
        pages = {e.page for f in item.findings for e in f.evidence}
    return tuple(sorted(pages))


def draft_opinion(
    analysis: Analysis,
    sheet: ScoreSheet,
    reviewer: str,
    today: date,
    *,
    standard: Standard | None = None,
) -> LegalOpinion:
    """The opinion as the precheck sees it: PROBLEMS when any item lost points, else AGREE.

    Every deducted item and every item a rule could not decide (待人工确认) is listed with its reason
    and evidence pages; ``standard`` (the one ``sheet`` was scored with) supplies the 整改要求 for the
    default 处理建议.
    """
    rectifications = {i.id: i.rectification for i in standard.items} if standard else {}
    problems = [
        OpinionProblem(
            item_id=item.item_id,
            title=item.title,
            text=item.reason,
            pages=_problem_pages(item),
            rectification=rectifications.get(item.item_id, ""),
            unsure=item.status is ItemStatus.NEEDS_REVIEW,
        )
        for item in sheet.items
        if item.status in _LISTED
    ]
    deducted = any(item.status is ItemStatus.DEDUCTED for item in sheet.items)
    conclusion = Conclusion.PROBLEMS if deducted else Conclusion.AGREE
    number = case_number(analysis.extraction)
    who = party(analysis.extraction)
    return LegalOpinion(
        case_number=str(number.value) if number else "",
        party=who.name if who else "",
        case_title=f"{who.name}案" if who else "",
        unit="",
        submitted=None,
        reviewer=reviewer,
        reviewed=today,
        conclusion=conclusion,
        problems=problems,
        opinion=default_opinion_text(conclusion, problems),
        suggestions=default_suggestions(conclusion, problems),
    )


def validate_opinion(op: LegalOpinion) -> list[str]:
    """What keeps the opinion from being issued, in Chinese; empty when it can be saved."""
    errors: list[str] = []
    required = (
        (op.case_title, "请填写案件名称。"),
        (op.party, "请填写当事人。"),
        (op.case_number, "请填写案号。"),
        (op.reviewer, "请填写审核人。"),
        (op.opinion, "请填写审核意见。"),
    )
    errors.extend(message for value, message in required if not value.strip())
    if op.submitted is not None and op.submitted > op.reviewed:
        errors.append("送审日期晚于审核日期。")
    if op.conclusion is Conclusion.PROBLEMS and not op.problems:
        errors.append("审核结论为“存在问题”，但没有列出任何问题。")
    if op.conclusion is Conclusion.AGREE and op.problems:
        errors.append("审核结论为“同意”，但仍列有问题：请核实后取消勾选，或将结论改为“存在问题”。")
    errors.extend(f"第{n}个问题没有内容。" for n, p in enumerate(op.problems, 1) if not p.text.strip())
    return errors


def write_opinion_docx(opinion: LegalOpinion, path: Path) -> None:
    """Write the opinion as a 公文-style DOCX; the file appears whole or not at all.

    Raises CaseReviewError(WRITE_FAILED) naming ``path`` when it cannot be written.
    """
    save_atomically(build_document(opinion), path)
