"""Date roles: an unsure decision date is confirmed only by a clearly printed, equal decision date."""

from __future__ import annotations

import datetime as dt

from casereview.domain.model import DateMention, Evidence
from casereview.extract.dateroles import UNSURE, confirm_unsure_decision_dates


def _mention(day: str, role: str | None, document: str, label: str, confidence: float) -> DateMention:
    evidence = Evidence(3, (10.0, 10.0, 80.0, 20.0), day, confidence)
    return DateMention(dt.date.fromisoformat(day), role, document, evidence, None, label)


def test_unsure_decision_date_confirmed_by_the_publication_record() -> None:
    unsure = _mention("2025-08-04", "决定", "行政处罚决定书", "", UNSURE)
    witness = _mention("2025-08-04", None, "公示记录", "处罚决定日期", 0.99)
    (confirmed, _) = confirm_unsure_decision_dates([unsure, witness])
    assert confirmed.evidence.confidence == 0.99
    assert "公示记录" in confirmed.label


def test_unsure_decision_date_stays_unsure_without_an_equal_witness() -> None:
    unsure = _mention("2025-08-04", "决定", "行政处罚决定书", "", UNSURE)
    other_day = _mention("2025-08-05", None, "公示记录", "处罚决定日期", 0.99)
    unlabelled = _mention("2025-08-04", None, "卷内目录", "01375号", 1.0)
    (kept, _, _) = confirm_unsure_decision_dates([unsure, other_day, unlabelled])
    assert kept.evidence.confidence == UNSURE
