"""Chinese labels of the case's headline fields (the keys of ``summary_fields``), shared by CLI and UI."""

from __future__ import annotations

from typing import Final

FIELD_LABELS: Final[dict[str, str]] = {
    "case_number": "案号",
    "party_name": "当事人",
    "party_kind": "当事人类型",
    "credit_code": "统一社会信用代码",
    "fine_amount": "罚款金额",
    "proposed_fine": "拟罚款金额",
    "violation_date": "违法日期",
    "filing_date": "立案日期",
    "inquiry_date": "调查询问日期",
    "notice_date": "告知日期",
    "notice_service_date": "告知送达日期",
    "hearing_date": "听证日期",
    "legal_review_date": "法制审核日期",
    "discussion_date": "集体讨论日期",
    "decision_date": "决定日期",
    "decision_service_date": "决定送达日期",
    "payment_date": "缴款日期",
    "publication_date": "公示日期",
    "closing_date": "结案日期",
    "compulsion_date": "强制措施日期",
    "compulsion_extension_date": "延长强制日期",
    "compulsion_release_date": "解除强制日期",
    "inspection_plan_date": "检查审批日期",
    "inspection_result_date": "结果告知日期",
    "officers": "执法人员",
    "sealed_pages": "有印章的页",
}


def field_label(name: str) -> str:
    """The Chinese label of field ``name`` (the name itself when unknown)."""
    return FIELD_LABELS.get(name, name)
