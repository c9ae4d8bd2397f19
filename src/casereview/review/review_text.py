"""Chinese text for reviews on a terminal: a review's items with decisions, and the audit trail."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from typing import Final

from casereview.review.decisions import KIND_LABELS
from casereview.review.records import AuditAction, AuditEntry, StoredDecision, StoredReview
from casereview.scoring import ScoreSheet
from casereview.scoring.model import DecisionKind, ItemStatus

ACTION_LABELS: Final[dict[str, str]] = {
    AuditAction.CREATE_REVIEW: "创建评查",
    AuditAction.DECISION: "评查决定",
    AuditAction.SCORE: "更新得分",
    AuditAction.STATUS: "评查状态",
    AuditAction.RESCORE: "按新版标准重新评分",
    AuditAction.PUBLICATION_DATE: "录入公示日期",
    AuditAction.CASE_TYPE: "设定案卷类型",
}


def _pts(value: float) -> str:
    return f"{value:g}"


def local_time(moment: dt.datetime | None) -> str:
    if moment is None:
        return "—"
    aware = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return aware.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _pad(text: str, width: int) -> str:
    shown = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(width - shown, 0)


def describe_decision(decision: StoredDecision) -> str:
    """``改判，扣 1 分，理由：…，第 3 页（张三，2025-06-01 10:03:00）``."""
    parts = [KIND_LABELS[DecisionKind(decision.kind)]]
    if decision.kind is not DecisionKind.ACCEPT and decision.deduction is not None:
        parts.append(f"扣 {_pts(decision.deduction)} 分")
    if decision.reason:
        parts.append(f"理由：{decision.reason}")
    if decision.page is not None:
        box = "" if decision.bbox is None else f" 区域 {','.join(_pts(v) for v in decision.bbox)}"
        parts.append(f"第 {decision.page} 页{box}")
    return f"{'，'.join(parts)}（{decision.reviewer}，{local_time(decision.decided_at)}）"


def format_review(case_label: str, review: StoredReview, sheet: ScoreSheet | None, problem: str = "") -> str:
    """The review's header, then every item: status, deduction/points, reason and decision."""
    summary = review.summary
    meta = summary.standard
    lines = [
        f"案卷 #{summary.case_id}：{case_label}",
        f"评查 #{summary.id}：评查标准 {meta.id} 版本 {meta.version}（{meta.hash[:12]}），"
        f"参数方案 {summary.profile}，评查人 {summary.reviewer}，{local_time(summary.created_at)}",
        f"机器评分 {_pts(summary.machine_score)} 分（{summary.machine_grade}）；"
        f"当前 {_pts(summary.score)} 分（{summary.grade}）",
    ]
    decided = {d.item_id: d for d in review.decisions}
    if sheet is None:
        lines.append(f"无法逐项显示：{problem}")
        lines += [f"  {d.item_id}  {describe_decision(d)}" for d in review.decisions]
        return "\n".join(lines)
    if sheet.provisional:
        lines.append("（暂定：有项目待人工评查或确认，等次可能变化）")
    for trigger in (*sheet.vetoes, *sheet.caps):
        if trigger.triggered:
            kind = "一票否决" if trigger.kind == "veto" else "等次封顶"
            lines.append(f"{kind} {trigger.id} {trigger.title}（{'、'.join(trigger.sources)}）")
    lines.append(f"{_pad('项目', 8)}{_pad('状态', 12)}{_pad('扣分/分值', 10)}说明")
    for item in sheet.items:
        score = f"{_pts(item.deduction)}/{_pts(item.points)}"
        lines.append(f"{_pad(item.item_id, 8)}{_pad(item.status.value, 12)}{_pad(score, 10)}{item.title}")
        indent = " " * 30
        if item.item_id in decided:
            machine = f"{item.proposed_status.value}，扣 {_pts(item.proposed_deduction)} 分"
            lines.append(f"{indent}机器评查：{machine}")
            lines.append(f"{indent}决定：{describe_decision(decided[item.item_id])}")
        elif item.reason and item.status is not ItemStatus.PASS:
            lines.append(f"{indent}{item.reason}")
    return "\n".join(lines)


def _json(value: object) -> str:
    return "无" if value is None else json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def format_audit(entries: list[AuditEntry]) -> str:
    """The audit trail, oldest first: when, who on which machine, what, before → after."""
    if not entries:
        return "审计记录：无"
    lines = ["审计记录："]
    for entry in entries:
        action = ACTION_LABELS.get(str(entry.action), str(entry.action))
        where = f"评查 #{entry.review_id}" if entry.review_id is not None else "案卷"
        item = f" {entry.item_id}" if entry.item_id else ""
        lines.append(f"  {local_time(entry.at)}  {entry.actor}@{entry.machine}  {action}  {where}{item}")
        lines.append(f"      之前：{_json(entry.before)}")
        lines.append(f"      之后：{_json(entry.after)}")
    return "\n".join(lines)
