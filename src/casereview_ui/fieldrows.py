"""The rows of the 要素 panel: each headline field's label, shown value and evidence (no Qt here).

The values are those of ``summary_fields`` (the JSON contract); the evidence is looked up with the
same core helpers that chose the value, so a click lands on the spot the value was read from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from casereview.domain.model import Evidence, Extraction
from casereview.extract.summary import DATE_FIELDS, case_number, fine, party, summary_fields
from casereview.fieldnames import field_label
from casereview.review.corrections import CORRECTABLE

_PARTY_KINDS = {"individual": "个人", "organisation": "单位"}


@dataclass(frozen=True)
class FieldRow:
    name: str  # JSON field name, e.g. "case_number"
    label: str  # Chinese label, e.g. "案号"
    text: str  # the value as shown ("" when not found)
    evidence: Evidence | None = None
    corrected: bool = False  # the reviewer's value, not the machine's reading

    @property
    def found(self) -> bool:
        return bool(self.text)

    @property
    def correctable(self) -> bool:
        return self.name in CORRECTABLE


def field_rows(
    extraction: Extraction, corrected: Collection[str] = (), blind: bool = False
) -> list[FieldRow]:
    """One row per summary field; one row per officer; seals as one row pointing at the first.

    ``corrected`` names the fields whose value the reviewer corrected; ``blind`` (blind review)
    leaves the officers out."""
    values = summary_fields(extraction)
    evidence = _evidence(extraction)
    rows: list[FieldRow] = []
    for name, value in values.items():
        label = field_label(name)
        if name == "officers" and blind:
            rows.append(FieldRow(name, label, "（盲评：不显示执法人员）"))
            continue
        if name == "officers":
            officers = {(o.name, o.certificate): o.evidence for o in extraction.officers}
            for (officer, certificate), where in sorted(officers.items(), key=lambda kv: kv[0][0]):
                text = f"{officer}（{certificate}）" if certificate else f"{officer}（无证号）"
                rows.append(FieldRow(name, label, text, where))
            if not officers:
                rows.append(FieldRow(name, label, ""))
            continue
        text = format_value(name, value)
        rows.append(FieldRow(name, label, text, evidence.get(name), name in corrected))
    return rows


def _evidence(extraction: Extraction) -> dict[str, Evidence]:
    found: dict[str, Evidence] = {}
    number = case_number(extraction)
    if number is not None:
        found["case_number"] = number.evidence
    who = party(extraction)
    if who is not None:
        found["party_name"] = found["party_kind"] = who.evidence
        if who.credit_code:
            found["credit_code"] = who.evidence
    for name, kind in (("fine_amount", "decided"), ("proposed_fine", "proposed")):
        amount = fine(extraction, kind)
        if amount is not None:
            found[name] = amount[1]
    for name, role in DATE_FIELDS.items():
        mention = extraction.first_date(role)
        if mention is not None:
            found[name] = mention.evidence
    if extraction.seals:
        seal = min(extraction.seals, key=lambda s: s.page)
        found["sealed_pages"] = Evidence(seal.page, seal.bbox, "印章", seal.red_ratio)
    return found


def format_value(name: str, value: object) -> str:
    """The value as a reviewer reads it: 2026年3月5日, 2,000.00 元, 个人, 3、5、7."""
    if value is None or value == [] or value == "":
        return ""
    if name == "party_kind":
        return _PARTY_KINDS.get(str(value), str(value))
    if name in DATE_FIELDS and isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            return value
        return f"{day.year}年{day.month}月{day.day}日"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"{value:,.2f} 元"
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return str(value)
