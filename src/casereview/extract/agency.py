"""The enforcement unit (执法单位) of a case file: the agency that signs its decision.

The case list filters by unit; a decision ends with the agency's name on a line of its own
(above the date and the seal), the same line rule P-07 looks for.
"""

from __future__ import annotations

import re

from casereview.domain import doctypes as d
from casereview.domain.model import CaseFile, Document

AGENCY_LINE = re.compile(
    r"^[\u4e00-\u9fff()（）]{2,30}(?:局|总队|支队|大队|委员会|管理处|管理站|管理所|中心|政府)$"
)
_SIGNED_BY_AGENCY = (d.JUEDING, d.DANGCHANG_JUEDING, d.TONGZHI)


def enforcement_unit(case: CaseFile, documents: list[Document]) -> str | None:
    """The last agency line of the decision (else of the notice, else of any page); None if none."""
    ordered = [doc for kind in _SIGNED_BY_AGENCY for doc in documents if doc.type == kind]
    for document in ordered:
        found = _last_agency(case, document.pages())
        if found:
            return found
    return _last_agency(case, range(1, min(case.page_count, 3) + 1))


def _last_agency(case: CaseFile, pages: range) -> str | None:
    found: str | None = None
    for number in pages:
        if not 1 <= number <= case.page_count:
            continue
        for span in case.pages[number - 1].spans:
            text = "".join(span.text.split())
            if AGENCY_LINE.match(text):
                found = text
    return found
