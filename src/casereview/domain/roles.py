"""Roles a date can play in a case (the ``role`` of a DateMention)."""

from __future__ import annotations

from typing import Final

VIOLATION = "违法"  # when the violation happened (T-16)
FILING = "立案"
INQUIRY = "询问"  # any 笔录 (询问/现场/勘验)
NOTICE = "告知"  # date printed on the 违法行为通知书
NOTICE_SERVICE = "告知送达"
HEARING_NOTICE = "听证通知"
HEARING_NOTICE_SERVICE = "听证通知送达"
HEARING = "听证"
LEGAL_REVIEW = "审核"
DISCUSSION = "讨论"
DECISION = "决定"
DECISION_SERVICE = "送达"
PAYMENT = "缴款"
PUBLICATION = "公示"
CLOSING = "结案"
PRESERVATION = "证据保存"
PRESERVATION_RELEASE = "解除保存"
COMPULSION = "强制措施"
COMPULSION_RELEASE = "解除强制"
COMPULSION_EXTENSION = "延长强制"  # 延长行政强制措施期限通知书
INSPECTION_PLAN = "检查审批"  # the approval of a 行政检查 (审批表 or 方案)
INSPECTION_RESULT = "检查结果告知"  # 检查结果告知书 / 责令改正通知书
EXTENSION = "延期审批"
WAIVER = "放弃"

ALL_ROLES: Final[tuple[str, ...]] = (
    VIOLATION,
    FILING,
    INQUIRY,
    NOTICE,
    NOTICE_SERVICE,
    HEARING_NOTICE,
    HEARING_NOTICE_SERVICE,
    HEARING,
    LEGAL_REVIEW,
    DISCUSSION,
    DECISION,
    DECISION_SERVICE,
    PAYMENT,
    PUBLICATION,
    CLOSING,
    PRESERVATION,
    PRESERVATION_RELEASE,
    COMPULSION,
    COMPULSION_RELEASE,
    COMPULSION_EXTENSION,
    INSPECTION_PLAN,
    INSPECTION_RESULT,
    EXTENSION,
    WAIVER,
)
