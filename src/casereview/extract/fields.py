"""Extracting the case's fields from its documents, each value with its evidence."""

from __future__ import annotations

import re

from casereview.domain import doctypes as dt_
from casereview.domain.model import (
    CaseFile,
    Document,
    Extraction,
    FieldValue,
    Officer,
    Party,
    PenaltyAmount,
    TextSource,
)
from casereview.extract.dateroles import date_mentions
from casereview.extract.decision_dates import confirm_unsure_decision_dates
from casereview.extract.labelled import labelled_cells
from casereview.extract.pagetext import PageText
from casereview.extract.parsers import (
    AmountMatch,
    find_amounts,
    find_articles,
    find_case_numbers,
    find_credit_codes,
    find_officers,
    is_valid_credit_code,
    tidy_case_number,
)
from casereview.extract.plausible import party_name_problem

_OFFICER_DOCUMENTS = frozenset(
    {dt_.XUNWEN, dt_.XIANCHANG, dt_.KANYAN, dt_.JIANCHA_JILU, dt_.TINGZHENG_BILU, dt_.DANGCHANG_JUEDING}
)
# Where the party is named, most authoritative first.
_PARTY_DOCUMENTS = (dt_.JUEDING, dt_.DANGCHANG_JUEDING, dt_.TONGZHI, dt_.LIAN, dt_.DIAOCHA_BAOGAO, dt_.JIEAN)
# Label then value; in table layouts the value is the next cell on the row (joined with a space).
_PARTY = re.compile(
    r"(?:当事人|被处罚人|被处罚单位|违法单位|违法当事人|违法行为人|受处罚人|受处罚单位)"
    # the kind of party in brackets, alone or with the field: (个人), (单位名称), (个人姓名), (姓名或名称)
    r"(?:\((?:个人|单位|自然人|法人或者其他组织|公民)?(?:姓名|名称)?(?:或(?:姓名|名称))?\))?"
    r"(?:名称|姓名)?(?:\s*:\s*|\s+)(?P<name>[^\s,，;；:()]{2,40})"
)
_NAME_LABEL = re.compile(r"^(?:名称|姓名|单位名称)\s*:\s*(?P<name>[^\s,，;；:()]{2,40})", re.M)
# A form cell read as one run with its label: "当事人王勇志" alone on its row.
# "当事人王勇志 性别男": a row opening with the label glued to a person's name (or an organisation's).
_PARTY_GLUED = re.compile(
    r"^(?:当事人|被处罚人|违法行为人|受处罚人)(?:\((?:单位名称|单位|名称|姓名|个人|个人姓名|姓名或名称)\))?"
    r"(?!陈述|申辩|签|认为|提出|放弃|要求|确认|拒绝|[对已未于在称系为有的将应])"
    r"(?P<name>[\u4e00-\u9fff·]{2,4}|[^\s:：,，;；()]{2,30}?(?:公司|合作社|中心|厂|店|经营部|车队))(?=\s|$)",
    re.M,
)
# Cells of a table form whose neighbour (right or below) holds the party's name.
_PARTY_CELL_LABEL = re.compile(
    r"(?:当事人|被处罚人|违法行为人|受处罚人|被处罚单位|受处罚单位|违法单位|行政相对人)?"
    r"(?:\((?:个人|单位)\))?(?:姓名|名称|单位名称|姓名或名称|名称或姓名|企业名称|姓名\(名称\))"
    r"|当事人|被处罚人|违法行为人|受处罚人|行政相对人(?:名称)?"
)
_ORG_END = re.compile(r"(公司|有限公司|集团|合作社|中心|站|厂|店|部|队|所|院|协会|车行|商行|经营部)$")
_TRAILING_LABEL = re.compile(r"(性别|身份证.*|统一社会信用代码.*|法定代表人.*|住址.*|地址.*|联系电话.*)$")
_DECIDED_CUE = re.compile(r"(决定给予|处以|处罚如下|如下(?:行政)?处罚|罚款)")
_PROPOSED_CUE = re.compile(r"拟")
_SURCHARGE_CUE = re.compile(r"加处|百分之|每日")
CONTEXT = 40  # characters before an amount read to decide what it is
PARTY_DETAILS = 160  # characters after the party's name that hold its identifiers


def extract(case: CaseFile, documents: list[Document], texts: list[PageText] | None = None) -> Extraction:
    texts = texts or [PageText.of(p) for p in case.pages]
    out = Extraction()
    for document in documents:
        out.dates.extend(date_mentions(document, texts))
        for number in document.pages():
            text = texts[number - 1]
            scanned = case.pages[number - 1].source == TextSource.OCR
            for cn in find_case_numbers(text.text):
                value = tidy_case_number(cn.text, ocr=scanned)
                out.case_numbers.append(FieldValue(value, text.evidence(cn.start, cn.end), document.type))
            for art in find_articles(text.text):
                out.articles.append(FieldValue(art.text, text.evidence(art.start, art.end), document.type))
            if document.type in _OFFICER_DOCUMENTS:
                for off in find_officers(text.text):
                    out.officers.append(
                        Officer(off.name, off.certificate, document.type, text.evidence(off.start, off.end))
                    )
            out.amounts.extend(_amounts(document, text))
    decision = next((d.type for d in documents if d.type in (dt_.JUEDING, dt_.DANGCHANG_JUEDING)), None)
    out.dates = confirm_unsure_decision_dates(out.dates, decision)
    out.parties.extend(_parties(documents, texts))
    out.seals.extend(seal for page in case.pages for seal in page.seals)
    return out


def _amounts(document: Document, text: PageText) -> list[PenaltyAmount]:
    matches = find_amounts(text.text)
    words = [m for m in matches if m.in_words]
    result: list[PenaltyAmount] = []
    for match in matches:
        if match.in_words and _has_figure_near(match, matches):
            continue  # reported as the 大写 of its figure
        # Cue words broken by a line end (罚 / 款人民币…) are cues all the same.
        before = re.sub(r"\s+", "", text.text[max(0, match.start - CONTEXT) : match.start])
        kind = _amount_kind(document.type, before)
        bound = _in_range(before, text.text[match.end : match.end + 6])
        if kind in ("decided", "proposed") and bound:
            kind = "other"  # a bound of the discretion range the decision or notice quotes (说理)
        if kind is None:
            continue
        if not match.in_words and match.amount < 1:
            continue  # "0.00元": the tail of a figure whose head the layout put elsewhere, never a fine
        # A range's bound has no 大写 of its own: the words after it belong to the fine proposed next.
        in_words = None if bound else _words_near(match, words, text.text)
        result.append(
            PenaltyAmount(
                match.amount,
                kind,
                document.type,
                text.evidence(match.start, match.end),
                in_words.amount if in_words and not match.in_words else None,
            )
        )
    return result


_RANGE_AFTER = re.compile(r"\s*(?:以上|以下|至|到|[-—～~])")
_RANGE_BEFORE = re.compile(r"(?:幅度|范围|以上|至|到)[为是:：]?\s*$|幅度[^。；;，,]*$")


def _in_range(before: str, after: str) -> bool:
    clause = re.split(r"[。；;]", before)[-1]
    return bool(_RANGE_AFTER.match(after) or _RANGE_BEFORE.search(clause))


def _amount_kind(doc_type: str, before: str) -> str | None:
    if _SURCHARGE_CUE.search(before[-12:]):
        return None
    if doc_type == dt_.TONGZHI:
        return "proposed" if _PROPOSED_CUE.search(before) or "罚款" in before else None
    if doc_type in (dt_.JUEDING, dt_.DANGCHANG_JUEDING):
        if _PROPOSED_CUE.search(re.split(r"[。；;]", before)[-1]):
            return "other"  # the decision restating the notice's proposal (拟作出罚款…), not its own
        return "decided" if _DECIDED_CUE.search(before) else None
    if doc_type == dt_.PIAOJU:
        return "paid"
    return "other"


def _near(a: AmountMatch, b: AmountMatch) -> bool:
    return abs(a.start - b.end) <= 12 or abs(b.start - a.end) <= 12


def _has_figure_near(word: AmountMatch, matches: list[AmountMatch]) -> bool:
    return any(not m.in_words and _near(word, m) for m in matches)


def _words_near(figure: AmountMatch, words: list[AmountMatch], text: str) -> AmountMatch | None:
    """The 大写 printed with ``figure``: near it and in the same sentence."""
    for w in words:
        if w is figure or not _near(figure, w):
            continue
        between = text[min(figure.end, w.end) : max(figure.start, w.start)]
        if not re.search(r"[。；;]", between):
            return w
    return None


def _parties(documents: list[Document], texts: list[PageText]) -> list[FieldValue]:
    by_type: dict[str, list[Document]] = {}
    for document in documents:
        by_type.setdefault(document.type, []).append(document)
    found: list[FieldValue] = []
    for doc_type in _PARTY_DOCUMENTS:
        for document in by_type.get(doc_type, []):
            party = _party_in(document, texts)
            if party is not None:
                found.append(FieldValue(party, party.evidence, doc_type))
    return found


def _party_in(document: Document, texts: list[PageText]) -> Party | None:
    """The first plausible party name on the document's pages: after a 当事人-style label on the same
    row, or in the cell right of / under a 姓名/名称 label of a table form; a label word, a code or a
    sentence read where the name should be is skipped (precision first)."""
    for number in document.pages():
        text = texts[number - 1]
        for start, name in _party_candidates(text):
            if party_name_problem(name) is not None:
                continue
            # Only a code printed with the party's details: a bank account further down the page can
            # pass the credit-code check by chance and would make an individual an organisation.
            window = text.text[max(0, start - 40) : start + len(name) + PARTY_DETAILS]
            codes = [code for _, _, code in find_credit_codes(window)]
            code = codes[0] if codes else wrapped_credit_code(window)
            kind = "organisation" if code or _ORG_END.search(name) else "individual"
            return Party(name, kind, code, text.evidence(start, start + len(name)))
    return None


def _party_candidates(text: PageText) -> list[tuple[int, str]]:
    """(offset, name) candidates in reading order: labelled on the row, then table cells."""
    out: list[tuple[int, str]] = []
    found = [*_PARTY.finditer(text.text), *_NAME_LABEL.finditer(text.text), *_PARTY_GLUED.finditer(text.text)]
    for match in found:
        # OCR glues stray punctuation to the end of a cell ("邵瑞一."): not part of the name.
        name = _TRAILING_LABEL.sub("", match.group("name")).rstrip(".。,，、·'\"")
        if len(name) >= 2:
            out.append((match.start("name"), name))
    for start, value in labelled_cells(text, _PARTY_CELL_LABEL):
        out.append((start, value))
    return sorted(out, key=lambda c: c[0])


# The label itself may wrap in its narrow cell (统一社会信用 / 代码) or be spaced to the column.
_CODE_LABEL = re.compile(r"统一社会信用\s*代\s*码\s*[:：]?\s*(?P<head>[0-9A-Z]{4,17})(?![0-9A-Z])")
_CODE_TAIL = re.compile(r"(?<![0-9A-Za-z])[0-9A-Z]{1,14}(?![0-9A-Za-z])")


def wrapped_credit_code(window: str) -> str | None:
    """A credit code broken across two lines of its table cell (914302230A1FW / MGB9K): the head
    after the label joined with a short run on the next line, accepted only if the check digit holds."""
    label = _CODE_LABEL.search(window)
    if label is None:
        return None
    head = str(label.group("head"))
    next_line = window.find("\n", label.end())
    if next_line < 0:
        return None
    line_end = window.find("\n", next_line + 1)
    for tail in _CODE_TAIL.findall(window[next_line + 1 : line_end if line_end > 0 else None]):
        code = head + str(tail)
        if len(code) == 18 and is_valid_credit_code(code):
            return code
    return None
