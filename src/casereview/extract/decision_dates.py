"""The decision date checked against the date other documents state for it (the 公示 record's
处罚决定日期, the 结案报告's 决定日期, the decision's own 决定日期 field): confirmed, borrowed or doubted."""

from __future__ import annotations

import datetime as dt
import re

from casereview.domain import roles as r
from casereview.domain.model import DateMention, Evidence
from casereview.extract.dateroles import OCR_DOUBT, UNSURE, unsure_mention

# Where another document states the decision date in so many words (the 公示记录's 处罚决定日期,
# a 结案报告's 决定日期), an unsure reading of the decision's own date can be confirmed by it.
_DECISION_DATE_LABEL = re.compile(r"(处罚)?决定(日期|时间)|作出(处罚)?决定")


def confirm_unsure_decision_dates(
    mentions: list[DateMention], decision_type: str | None = None
) -> list[DateMention]:
    """The decision date checked against the decision date printed clearly elsewhere (公示记录's
    处罚决定日期, 结案报告's 决定日期):
    - an unsure reading equal to it becomes sure;
    - an unsure reading (the signature date under a seal was not read and a body date was taken)
      or an implausible one (after today: 二〇三六 for 二〇二六) that differs from it is replaced by
      it, the evidence pointing at the witness and the label saying so, still unsure (rules ask a
      person rather than fail on a borrowed date);
    - a sure reading that contradicts it is marked unsure: conflicting values are for a person;
    - no reading at all (a seal over the whole date) of the decision document ``decision_type``:
      the witnessed date is borrowed, unsure.
    The witnesses must agree with each other; the label always says what was done, so a reviewer
    sees why."""
    stated = [
        m
        for m in mentions
        if m.role is None and _DECISION_DATE_LABEL.search(m.label) and m.evidence.confidence > UNSURE
    ]
    witnessed = {w.date for w in stated}
    today = dt.date.today()
    out: list[DateMention] = []
    for mention in mentions:
        if mention.role == r.DECISION and stated:
            mention = _reconciled(mention, stated, witnessed, today)
        out.append(mention)
    if decision_type is not None and len(witnessed) == 1 and not any(m.role == r.DECISION for m in out):
        out.append(_borrowed(stated[0], decision_type, "决定书落款日期未能识别"))
    return out


def _borrowed(witness: DateMention, decision_type: str, why: str) -> DateMention:
    """The witnessed date as the decision's, pointing at the witness and unsure: the field shows it,
    no rule fails on it."""
    wev = witness.evidence
    label = f"{why}，取第{wev.page}页{witness.document}所载决定日期"
    evidence = Evidence(wev.page, wev.bbox, wev.text, min(wev.confidence, UNSURE))
    return DateMention(witness.date, r.DECISION, decision_type, evidence, None, label)


def _reconciled(
    mention: DateMention, stated: list[DateMention], witnessed: set[dt.date], today: dt.date
) -> DateMention:
    ev = mention.evidence
    unsure = ev.confidence <= UNSURE
    if mention.date in witnessed:
        if not unsure:
            return mention
        witness = next(w for w in stated if w.date == mention.date)
        sure = Evidence(ev.page, ev.bbox, ev.text, witness.evidence.confidence)
        label = f"{mention.label}（与第{witness.evidence.page}页{witness.document}所载决定日期一致）"
        return DateMention(mention.date, mention.role, mention.document, sure, mention.time, label)
    if len(witnessed) != 1:
        return mention if unsure else unsure_mention(mention)
    witness = stated[0]
    # A reading the OCR engine itself doubted that contradicts the witness is as good as unread; so
    # is a signature in Chinese numerals against a witness in figures: the engine loses a 十 or a 〇
    # (二〇二三年一月二十日 for 十一月) far more often than a digit.
    numerals = not re.search(r"[0-9]", ev.text) and bool(re.search(r"[0-9]", witness.evidence.text))
    if unsure or ev.confidence < OCR_DOUBT or mention.date > today or numerals:
        return _borrowed(witness, mention.document, f"决定书落款日期未能可靠识别（读作“{ev.text}”）")
    return unsure_mention(mention)  # the decision and another document disagree: a person decides
