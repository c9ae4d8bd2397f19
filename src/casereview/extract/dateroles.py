"""Giving each date found in a document its role in the procedure (立案, 告知送达, 决定 …).

The role comes from the document type and the words printed just before the date; where a form has
one date that matters (the signature date of a decision), it is the last date of the document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from casereview.domain import doctypes as dt_
from casereview.domain import roles as r
from casereview.domain.model import DateMention, Document, Evidence
from casereview.extract.dates import find_damaged_dates
from casereview.extract.pagetext import PageText
from casereview.extract.parsers import find_dates

LABEL_CHARS = 14  # how far back on the row the label of a date is read
_VIOLATION_CUE = re.compile(r"(于|违法时间|发生时间|检查时发现|在)$")
# A fact sentence opens with the date and time: "经查，2025年2月3日10时许，张三驾驶…", or the value
# of a form's facts cell does ("违法 / 事实 | 2025-02-03 10时…").
_SENTENCE_OPENING = re.compile(r"(^|[:：,，。;；]|经查|查明|认为|事实|案情|违法行为)$")
# "本机关于2025年2月10日立案" / "你于…书面声明放弃" are procedural steps, not the violation.
_PROCEDURAL_AFTER = re.compile(
    r"^[,，]?(立案|受理|本机关|本局|我局|向|依法|对你|提出|书面|送达|收到|签收|作出|举行)"
)
_INSPECTION_AFTER = re.compile(r"^[,，]?(执法人员)?(检查|检测)时")
_RECORD_TIME = re.compile(r"(询问|执法|勘验|检查|勘查)(时间|日期)[:：]?$")
_QA = re.compile(r"(问|答)[:：]")

Assign = Callable[[list[DateMention]], list[DateMention]]


def _is_violation(label: str, after: str, has_time: bool) -> bool:
    """Whether a date in a fact document (立案登记表, 通知书, 决定书 …) is when the violation happened."""
    if _PROCEDURAL_AFTER.search(after):
        return False
    if _INSPECTION_AFTER.search(after) or _VIOLATION_CUE.search(label):
        return True
    return has_time and _SENTENCE_OPENING.search(label) is not None


def _set(mention: DateMention, role: str | None) -> DateMention:
    return DateMention(mention.date, role, mention.document, mention.evidence, mention.time, mention.label)


def _last(role: str) -> Assign:
    def assign(mentions: list[DateMention]) -> list[DateMention]:
        return [_set(m, role if i == len(mentions) - 1 else m.role) for i, m in enumerate(mentions)]

    return assign


def _first(role: str) -> Assign:
    def assign(mentions: list[DateMention]) -> list[DateMention]:
        return [_set(m, role if i == 0 else m.role) for i, m in enumerate(mentions)]

    return assign


def _labelled(role: str, pattern: str, fallback: str = "last") -> Assign:
    """The date whose label matches ``pattern``; else the first or last date of the document."""
    regex = re.compile(pattern)

    def assign(mentions: list[DateMention]) -> list[DateMention]:
        hits = [i for i, m in enumerate(mentions) if regex.search(m.label)]
        if hits:
            chosen = hits[0]
        elif mentions and fallback != "none":
            chosen = 0 if fallback == "first" else len(mentions) - 1
        else:
            return mentions
        return [_set(m, role if i == chosen else m.role) for i, m in enumerate(mentions)]

    return assign


def _record(mentions: list[DateMention]) -> list[DateMention]:
    """A 笔录's date: the one labelled 询问/执法/勘验时间, else the first date outside the questions
    and answers (a date quoted in "问：2023年2月12日该车…" is the violation, not the record)."""
    chosen = next((i for i, m in enumerate(mentions) if _RECORD_TIME.search(m.label)), None)
    if chosen is None:
        chosen = next((i for i, m in enumerate(mentions) if not _QA.search(m.label)), None)
    if chosen is None:
        return mentions
    return [_set(m, r.INQUIRY if i == chosen else m.role) for i, m in enumerate(mentions)]


def _receipt(served: str | None) -> Assign:
    role = {
        dt_.TONGZHI: r.NOTICE_SERVICE,
        dt_.JUEDING: r.DECISION_SERVICE,
        dt_.DANGCHANG_JUEDING: r.DECISION_SERVICE,
        dt_.TINGZHENG_TONGZHI: r.HEARING_NOTICE_SERVICE,
    }.get(served or "")
    if role is None:
        return lambda mentions: mentions
    return _labelled(role, r"送达(日期|时间)|收件(日期|时间)|签收", fallback="first")


def _hearing_notice(mentions: list[DateMention]) -> list[DateMention]:
    scheduled = _labelled(r.HEARING, r"定于", fallback="none")(mentions)
    others = [i for i, m in enumerate(scheduled) if m.role is None]
    if not others:
        return scheduled
    last = others[-1]
    return [_set(m, r.HEARING_NOTICE if i == last else m.role) for i, m in enumerate(scheduled)]


_ASSIGNERS: dict[str, Assign] = {
    dt_.LIAN: _labelled(r.FILING, r"审批|负责人|立案(日期|时间)|批准"),
    dt_.XUNWEN: _record,
    dt_.XIANCHANG: _record,
    dt_.KANYAN: _record,
    dt_.TINGZHENG_BILU: _first(r.HEARING),
    dt_.FAZHI_SHENHE: _last(r.LEGAL_REVIEW),
    dt_.JITI_TAOLUN: _first(r.DISCUSSION),
    dt_.PIAOJU: _labelled(r.PAYMENT, r"缴款|收款|开票|缴费|填制|日期", fallback="first"),
    dt_.GONGSHI: _labelled(r.PUBLICATION, r"公示(日期|时间)|发布(日期|时间)|公开(日期|时间)|上网"),
    dt_.JIEAN: _last(r.CLOSING),
    dt_.ZHENGJU_BAOCUN: _first(r.PRESERVATION),
    dt_.QIANGZHI: _last(r.COMPULSION),
    dt_.YANCHANG_QIANGZHI: _last(r.COMPULSION_EXTENSION),
    dt_.JIANCHA_SHENPI: _labelled(r.INSPECTION_PLAN, r"审批|负责人|批准"),
    dt_.JIANCHA_FANGAN: _labelled(r.INSPECTION_PLAN, r"审批|负责人|批准"),
    dt_.JIANCHA_JILU: _record,
    dt_.JIANCHA_GAOZHI: _last(r.INSPECTION_RESULT),
    dt_.ZELING_GAIZHENG: _last(r.INSPECTION_RESULT),
    dt_.YANQI_SHENPI: _last(r.EXTENSION),
    dt_.FANGQI: _last(r.WAIVER),
    dt_.TINGZHENG_TONGZHI: _hearing_notice,
}

# Documents whose narrative states when the violation happened ("于2025年2月3日…").
_FACT_DOCUMENTS = frozenset({dt_.LIAN, dt_.DIAOCHA_BAOGAO, dt_.JUEDING, dt_.DANGCHANG_JUEDING, dt_.TONGZHI})


# Documents dated by the agency under its seal: the date stands alone on its row (or beside the
# agency's name). The last date of the text is NOT used blindly: when the signature date is
# unreadable (a seal over it), a date from the body would be taken for it and time-limit rules
# would fail a correct file.
# A 解除 decision quotes the measure's own date in its body (本机关于…予以先行登记保存).
_SIGNATURE_ROLES = {
    dt_.JUEDING: r.DECISION,
    dt_.DANGCHANG_JUEDING: r.DECISION,
    dt_.TONGZHI: r.NOTICE,
    dt_.JIECHU_BAOCUN: r.PRESERVATION_RELEASE,
    dt_.JIECHU_QIANGZHI: r.COMPULSION_RELEASE,
}
_SIGNATURE_ROW = re.compile(
    r"^[(（]?(印章|盖章)?[)）]?$|(局|厅|委员会|支队|大队|中队|总队|中心|办公室|政府)[(（]?(印章)?[)）]?$"
)
UNSURE = 0.5  # evidence confidence given to a date the machine had to guess or mend
OCR_DOUBT = 0.80  # the default of the rules' min_ocr_confidence: below it no rule fails on a token


def _row_rest(text: PageText, start: int, end: int) -> str:
    """What the date's row prints besides the date."""
    row_start, row_end = text.line_of(start)
    return re.sub(r"[\s,，。:：]", "", text.text[row_start:start] + text.text[end:row_end])


def _row_kind(text: PageText, start: int, end: int) -> tuple[bool, bool]:
    """(the date stands alone on its row or beside the signature's words, only a few characters of
    a seal's text are glued to it)."""
    rest = _row_rest(text, start, end)
    return _SIGNATURE_ROW.search(rest) is not None, len(rest) <= _GLUED_CHARS


# A signature date's row may keep a few characters of the seal's text glued to it (行政热法2026-04-17);
# more than this and the row is a sentence, so the date was only guessed from its position.
_GLUED_CHARS = 6


def unsure_mention(mention: DateMention) -> DateMention:
    ev = mention.evidence
    evidence = Evidence(ev.page, ev.bbox, ev.text, min(ev.confidence, UNSURE))
    return DateMention(mention.date, mention.role, mention.document, evidence, mention.time, mention.label)


def _signature(
    role: str, mentions: list[DateMention], standalone: list[bool], glued: list[bool]
) -> tuple[list[DateMention], set[int]]:
    """The last free date standing alone; failing that the last free date, marked unsure. Also the
    index of a date guessed from its position alone (its row a sentence, not a seal's fragment),
    which nothing may make sure: the body repeating a body date says nothing of the signature."""
    free = [i for i, m in enumerate(mentions) if m.role is None]
    if not free:
        return mentions, set()
    alone = [i for i in free if standalone[i]]
    chosen = alone[-1] if alone else free[-1]
    out = list(mentions)
    out[chosen] = _set(mentions[chosen], role)
    if alone:
        return out, set()
    out[chosen] = unsure_mention(out[chosen])
    return out, set() if glued[chosen] else {chosen}


# Page furniture of systems and browsers: dates of printing, not of the case.
_FURNITURE = re.compile(r"(打印|生成|导出|制表|下载|访问|输出)(时间|日期)[:：]?$")


_WRAPPED_TAIL = re.compile(r"[\u4e00-\u9fff]{1,2}")  # the last characters of a label its cell wrapped


def _column_label(text: PageText, row_start: int, row: str, start: int, end: int) -> str | None:
    """In a row of several label cells (受案时间 | 违法行为发生时间), the one standing over the date;
    None when the row is one label or the columns do not say."""
    parts = [(m.start() + row_start, m.end() + row_start) for m in re.finditer(r"\S+", row)]
    if len(parts) < 2 or any(b - a < 2 for a, b in parts):
        return None  # one label, or one spaced to its column (姓  名)
    x0, _, x1, _ = text.evidence(start, end).bbox
    boxes = [(a, b, text.evidence(a, b).bbox) for a, b in parts]
    over = [(a, b) for a, b, box in boxes if box[0] < x1 and box[2] > x0]
    return text.text[over[0][0] : over[0][1]] if len(over) == 1 else None


def _label_before(text: PageText, start: int, end: int | None = None) -> str:
    """The words printed before a date on its row; when the date opens its row (a table cell of its
    own, as forms and OCR lines give it), the end of the row above, where its label cell is — in a
    row of several label cells, the one over the date."""
    row_start, _ = text.line_of(start)
    label = re.sub(r"\s+", "", text.text[max(row_start, start - LABEL_CHARS) : start])
    if row_start == 0:
        return label
    above_start, _ = text.line_of(row_start - 1)
    if not re.search(r"[\u4e00-\u9fff]", label):
        # The date opens its row, or follows only the value of the cell before (2025-10-12 │ 2025-09-07):
        # in a row of label cells above, the one over this date is its label.
        above_row = text.text[above_start : row_start - 1]
        column = _column_label(text, above_start, above_row, start, end or start + 1)
        if column is not None:
            return column[-LABEL_CHARS:]
    if label.strip(":："):
        return label
    above = re.sub(r"\s+", "", text.text[above_start : row_start - 1])
    if _WRAPPED_TAIL.fullmatch(above) and above_start > 0:
        # A label wrapped in its narrow cell (违法时 / 间): its head is the row above that.
        head_start, _ = text.line_of(above_start - 1)
        head = re.sub(r"\s+", "", text.text[head_start : above_start - 1])
        if len(head) + len(above) <= LABEL_CHARS and re.fullmatch(r"[\u4e00-\u9fff]{2,}", head):
            above = head + above
    return above[-LABEL_CHARS:] if len(above) <= LABEL_CHARS else ""


def _with_damaged_signature(
    document: Document,
    texts: list[PageText],
    mentions: list[DateMention],
    standalone: list[bool],
    glued: list[bool],
) -> tuple[list[DateMention], list[bool], list[bool]]:
    """The signature date whose year OCR damaged (二六年五月十五日), added unsure after the other
    dates of its page, dated in the year of the document's last complete date; the witness check
    (``confirm_unsure_decision_dates``) may make it sure."""
    if not mentions:
        return mentions, standalone, glued
    year = mentions[-1].date.year
    for number in document.pages():
        text = texts[number - 1]
        for match in find_damaged_dates(text.text, year):
            # Alone on its row, or with a few characters of the seal that damaged it (都 二〇二四年五月六).
            if not any(_row_kind(text, match.start, match.end)):
                continue
            after = [i for i, m in enumerate(mentions) if m.evidence.page > number]
            at = after[0] if after else len(mentions)
            evidence = text.evidence(match.start, match.end)
            mention = unsure_mention(
                DateMention(match.date, None, document.type, evidence, match.time, "落款")
            )
            mentions = [*mentions[:at], mention, *mentions[at:]]
            standalone = [*standalone[:at], True, *standalone[at:]]
            glued = [*glued[:at], True, *glued[at:]]
    return mentions, standalone, glued


def date_mentions(document: Document, texts: list[PageText]) -> list[DateMention]:
    """Every date in ``document`` with its label, and roles assigned."""
    mentions: list[DateMention] = []
    standalone: list[bool] = []
    glued: list[bool] = []
    for number in document.pages():
        text = texts[number - 1]
        for match in find_dates(text.text):
            label = _label_before(text, match.start, match.end)
            if _FURNITURE.search(label):
                continue  # a system's print time or a browser's header: when the page was printed
            after = re.sub(r"\s+", "", text.text[match.end : match.end + LABEL_CHARS])
            fact = document.type in _FACT_DOCUMENTS
            role = r.VIOLATION if fact and _is_violation(label, after, match.time is not None) else None
            mention = DateMention(
                match.date, role, document.type, text.evidence(match.start, match.end), match.time, label
            )
            mentions.append(unsure_mention(mention) if match.repaired else mention)
            alone, short = _row_kind(text, match.start, match.end)
            standalone.append(alone)
            glued.append(short)
    if document.type in _SIGNATURE_ROLES:
        mentions, standalone, glued = _with_damaged_signature(document, texts, mentions, standalone, glued)
        return _seconded(*_signature(_SIGNATURE_ROLES[document.type], mentions, standalone, glued))
    assign = _receipt(document.serves) if document.type == dt_.SONGDA else _ASSIGNERS.get(document.type)
    if assign is None:
        return mentions
    # Violation dates keep their role; the assigner chooses among the others.
    free = [m for m in mentions if m.role is None]
    assigned = iter(assign(free))
    return _seconded([m if m.role is not None else next(assigned) for m in mentions])


def _seconded(mentions: list[DateMention], guessed: Collection[int] = ()) -> list[DateMention]:
    """A role date the OCR engine doubted, or one taken as the signature date though its row holds
    more than the date (行政热法2026-04-17: the seal's text glued to it), is sure when the same
    document prints the same date clearly elsewhere (…现决定自2026-04-17起解除): two independent
    readings agree on the day the rules count from. A date in ``guessed`` stays as it is."""
    out: list[DateMention] = []
    for i, m in enumerate(mentions):
        ev = m.evidence
        if m.role is not None and ev.confidence < OCR_DOUBT and i not in guessed:
            witness = next(
                (
                    w
                    for w in mentions
                    if w is not m and w.date == m.date and w.evidence.confidence >= OCR_DOUBT
                ),
                None,
            )
            if witness is not None:
                sure = Evidence(ev.page, ev.bbox, ev.text, witness.evidence.confidence)
                label = f"{m.label}（与第{witness.evidence.page}页本文书正文所载日期一致）"
                m = DateMention(m.date, m.role, m.document, sure, m.time, label)
        out.append(m)
    return out
