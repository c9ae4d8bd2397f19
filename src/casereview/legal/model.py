"""The 法制审核意见书 as data: what the reviewer concludes and the problems the opinion lists."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Conclusion(StrEnum):
    """程序规定第七十二条: the written opinion either agrees or states the problems."""

    AGREE = "同意"
    PROBLEMS = "存在问题"


@dataclass
class OpinionProblem:
    """One problem of the opinion: a checklist item (``item_id``) or the reviewer's own (``item_id`` "")."""

    item_id: str
    title: str
    text: str
    pages: tuple[int, ...] = ()
    rectification: str = ""  # the standard's 整改要求, for the default 处理建议
    unsure: bool = False  # the machine could not decide (待人工确认): the reviewer must confirm it


@dataclass
class LegalOpinion:
    case_number: str
    party: str
    case_title: str  # 案件名称, e.g. "某某公司未按规定…案"
    unit: str  # 承办机构
    submitted: date | None  # 送审日期
    reviewer: str  # 审核人
    reviewed: date  # 审核日期
    conclusion: Conclusion
    problems: list[OpinionProblem] = field(default_factory=list)
    opinion: str = ""  # 审核意见正文
    suggestions: str = ""  # 处理建议


def pages_text(pages: tuple[int, ...]) -> str:
    """``（第3、5页）``; runs of three or more pages read ``第3至6页``; "" without pages."""
    ordered = sorted(set(pages))
    if not ordered:
        return ""
    parts: list[str] = []
    start = prev = ordered[0]
    for page in [*ordered[1:], None]:
        if page is not None and page == prev + 1:
            prev = page
            continue
        if prev - start >= 2:
            parts.append(f"{start}至{prev}")
        else:
            parts.extend(str(p) for p in range(start, prev + 1))
        if page is not None:
            start = prev = page
    return f"（第{'、'.join(parts)}页）"


def problem_line(problem: OpinionProblem) -> str:
    """One problem as the opinion prints it (without its number), ending in 。"""
    text = problem.text.strip().rstrip("。；;.")
    if problem.item_id:
        head = f"评查项目{problem.item_id}"
        head += f"（{problem.title}）" if problem.title else ""
        text = f"{head}：{text}"
    elif problem.title:
        text = f"{problem.title}：{text}"
    return f"{text}{pages_text(problem.pages)}。"
