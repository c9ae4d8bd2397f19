"""Date roles: an unsure decision date is confirmed only by a clearly printed, equal decision date."""

from __future__ import annotations

import datetime as dt

from casereview.domain.model import DateMention, Evidence
from casereview.extract.dateroles import UNSURE
from casereview.extract.decision_dates import confirm_unsure_decision_dates


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


def test_unreadable_or_future_decision_date_takes_the_witness_and_stays_unsure() -> None:
    body_date = _mention("2023-11-08", "决定", "行政处罚决定书", "", UNSURE)
    witness = _mention("2023-11-20", None, "公示记录", "处罚决定日期", 0.99)
    (taken, _) = confirm_unsure_decision_dates([body_date, witness])
    assert taken.date.isoformat() == "2023-11-20" and taken.evidence.confidence <= UNSURE
    assert "公示记录" in taken.label and "读作" in taken.label
    future = _mention("2036-05-11", "决定", "行政处罚决定书", "", 0.88)  # 二〇三六 read for 二〇二六
    (fixed, _) = confirm_unsure_decision_dates(
        [future, _mention("2026-05-11", None, "公示记录", "处罚决定日期", 0.99)]
    )
    assert fixed.date.isoformat() == "2026-05-11" and fixed.evidence.confidence <= UNSURE


def test_a_sure_decision_date_contradicted_elsewhere_is_for_a_person() -> None:
    sure = _mention("2025-04-10", "决定", "行政处罚决定书", "", 0.99)
    witness = _mention("2025-04-12", None, "结案报告", "决定日期", 0.99)
    (kept, _) = confirm_unsure_decision_dates([sure, witness])
    assert kept.date.isoformat() == "2025-04-10" and kept.evidence.confidence <= UNSURE


def test_a_doubtful_ocr_reading_contradicted_by_the_witness_takes_the_witness_unsure() -> None:
    doubtful = _mention("2026-03-24", "决定", "行政处罚决定书", "", 0.62)  # OCR's own doubt, not ours
    witness = _mention("2026-02-24", None, "公示记录", "处罚决定日期", 0.99)
    (taken, _) = confirm_unsure_decision_dates([doubtful, witness])
    assert taken.date.isoformat() == "2026-02-24" and taken.evidence.confidence <= UNSURE
