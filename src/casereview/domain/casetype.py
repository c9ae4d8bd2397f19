"""The kind of case file (案卷类型): 行政处罚, 行政强制 (查封/扣押) or 行政检查, told from its documents.

Each kind is scored by its own standard. The documents decide, in this order: a penalty decision or a
违法行为通知书 makes a penalty file (a 扣押 inside a penalty procedure belongs to the penalty file); a
行政强制措施 document without them a compulsion file; an inspection document (检查审批表/方案,
检查记录, 检查结果告知书) without either an inspection file. Anything else stays a penalty file, the
default, so a file read poorly is never moved to a lighter standard. The reviewer can set the kind.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from casereview.domain import doctypes as d

PENALTY: Final = "penalty"
COMPULSION: Final = "compulsion"
INSPECTION: Final = "inspection"
CASE_TYPES: Final[tuple[str, ...]] = (PENALTY, COMPULSION, INSPECTION)
LABELS: Final[dict[str, str]] = {
    PENALTY: "行政处罚案卷",
    COMPULSION: "行政强制（查封、扣押）案卷",
    INSPECTION: "行政检查案卷",
}
# The standard each kind is scored by unless the user names another.
STANDARDS: Final[dict[str, str]] = {
    PENALTY: "transport_penalty",
    COMPULSION: "transport_compulsion",
    INSPECTION: "transport_inspection",
}

PENALTY_DOCUMENTS: Final = frozenset({d.JUEDING, d.DANGCHANG_JUEDING, d.TONGZHI})
COMPULSION_DOCUMENTS: Final = frozenset({d.QIANGZHI, d.QINGDAN, d.YANCHANG_QIANGZHI, d.JIECHU_QIANGZHI})
INSPECTION_DOCUMENTS: Final = frozenset(
    {d.JIANCHA_SHENPI, d.JIANCHA_FANGAN, d.JIANCHA_JILU, d.JIANCHA_GAOZHI}
)


def detect_case_type(types: Iterable[str]) -> str:
    """The case kind of a file whose documents have ``types``."""
    present = set(types)
    if present & PENALTY_DOCUMENTS:
        return PENALTY
    if present & COMPULSION_DOCUMENTS:
        return COMPULSION
    if present & INSPECTION_DOCUMENTS:
        return INSPECTION
    return PENALTY
