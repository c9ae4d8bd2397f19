"""Consistency and drafting: C-01 (案号), C-02 (当事人), C-03 (罚款金额), W-01 (模板残留)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher

from casereview.domain import doctypes as d
from casereview.domain.findings import Finding, Status
from casereview.domain.model import Document, Evidence, Party, PenaltyAmount
from casereview.extract.parsers import find_case_numbers
from casereview.extract.plausible import party_name_problem
from casereview.rules.base import RuleContext, rule
from casereview.rules.common import needs_review, not_applicable, result
from casereview.rules.documents import DECISIONS, DocText, amounts, yuan
from casereview.segment.titles import SPECKS

DRAFTING_BASIS = "《交通运输行政执法程序规定》第一百三十一条（使用统一文书式样、规范制作）"
C03_BASIS = "《行政处罚法》第四十五条、第五十九条、第六十七条"


@dataclass(frozen=True)
class Mention:
    """One value printed in one document, with its spot."""

    value: str
    document: Document
    evidence: Evidence


def _document_at(ctx: RuleContext, doc_type: str, page: int) -> Document | None:
    return next((doc for doc in ctx.documents if doc.type == doc_type and page in doc.pages()), None)


def _reference(mentions: list[Mention]) -> str:
    """The value most documents carry; the decision's on a tie."""
    per_doc = {(m.document.type, m.document.first_page, m.value) for m in mentions}
    counts = Counter(value for _, _, value in per_doc).most_common()
    tied = {v for v, n in counts if n == counts[0][1]}
    decided = [m.value for m in mentions if m.document.type in DECISIONS and m.value in tied]
    return decided[0] if decided else counts[0][0]


def _mismatch_finding(
    ctx: RuleContext,
    rule_id: str,
    what: str,
    mentions: list[Mention],
    shown: dict[str, str],
    basis: str,
    agrees: Callable[[Mention, str], bool] = lambda m, ref: m.value == ref,
) -> Finding:
    if not mentions:
        return needs_review(rule_id, f"未识别出任何文书上的{what}，请人工核对。")
    ref = _reference(mentions)
    odd = [m for m in mentions if not agrees(m, ref)]
    ref_ev = next(m.evidence for m in mentions if m.value == ref)
    if not odd:
        docs = len({(m.document.type, m.document.first_page) for m in mentions})
        return result(
            rule_id, Status.PASS, f"{docs}份文书的{what}一致（{shown[ref]}），符合{basis}的要求。", [ref_ev]
        )
    listed = "；".join(
        dict.fromkeys(f"第{m.document.first_page}页{m.document.type}为“{shown[m.value]}”" for m in odd)
    )
    evidence = [ref_ev, *(m.evidence for m in odd)]
    if all(ctx.uncertain(m.evidence) for m in odd):
        return needs_review(
            rule_id, f"{what}似不一致（{listed}，其余为“{shown[ref]}”），但识别不可靠，请人工核对。", evidence
        )
    bad_docs = {(m.document.type, m.document.first_page) for m in odd}
    return result(
        rule_id,
        Status.FAIL,
        f"{what}前后不一致：{listed}，而其他文书为“{shown[ref]}”。依据{basis}，同一案件各文书的{what}应当一致。",
        evidence,
        violations=len(bad_docs),
    )


@rule("C-01", "案号前后一致", DRAFTING_BASIS)
def check_case_numbers(ctx: RuleContext) -> Finding:
    mentions: list[Mention] = []
    shown: dict[str, str] = {}
    for value in ctx.extraction.case_numbers:
        doc = _document_at(ctx, value.document, value.evidence.page)
        found = find_case_numbers(str(value.value))
        if doc is None or value.document not in d.NUMBERED_TYPES or not found:
            continue
        key = f"{found[0].year}-{int(found[0].serial)}"  # type abbreviations (交罚告/交处罚) differ legitimately
        shown.setdefault(key, str(value.value))
        mentions.append(Mention(key, doc, value.evidence))
    return _mismatch_finding(ctx, "C-01", "案号（年份和序号）", _own_numbers(mentions), shown, DRAFTING_BASIS)


def _own_numbers(mentions: list[Mention]) -> list[Mention]:
    """A document printing several case numbers lists other cases too (a website's 公开 list, a
    decision citing an earlier penalty): of those, only the file's own number counts — the one the
    documents printing a single number agree on. When none of the list is it, the list says nothing
    about this case's number."""
    keys: dict[int, set[str]] = {}
    for m in mentions:
        keys.setdefault(id(m.document), set()).add(m.value)
    single = Counter(m.value for m in mentions if len(keys[id(m.document)]) == 1)
    if not single:
        return mentions
    own = single.most_common(1)[0][0]
    return [m for m in mentions if len(keys[id(m.document)]) == 1 or m.value == own]


_SALUTATION = re.compile(r"^(?P<name>[^\s:：,，。][^:：,，。\n]{1,40}?)\s*[:：]\s*$", re.M)
_NOT_NAME = re.compile(r"事实|证据|依据|内容|意见|记录|如下|情况|理由|案号|时间|地点|签名")
_RECIPIENT = re.compile(
    r"受送达人\s*[:：]?\s*(?P<name>[^\s:：,，()][^\n:：,，()]{1,40}?)\s*(?=$|送达|代收|地址|联系)", re.M
)


def _party_mentions(ctx: RuleContext) -> list[Mention]:
    """The party as named on each document: labelled 当事人 (extraction), the salutation of notices,
    and the recipient of service receipts."""
    out: list[Mention] = []
    for value in ctx.extraction.parties:
        doc = _document_at(ctx, value.document, value.evidence.page)
        if doc is not None and isinstance(value.value, Party):
            out.append(Mention(value.value.name, doc, value.evidence))
    for doc in ctx.documents_of(d.TONGZHI, d.TINGZHENG_TONGZHI, d.SONGDA):
        text = DocText(ctx, doc)
        pattern = _RECIPIENT if doc.type == d.SONGDA else _SALUTATION
        match = next((m for m in pattern.finditer(text.text) if not _NOT_NAME.search(m["name"])), None)
        if match is not None:
            out.append(Mention(match["name"], doc, text.evidence(*match.span("name"))))
    # Precision first: a label word, a code or a sentence read where the name should be is the
    # layout misread, not a second name of the party.
    # OCR specks around a name (".钟龙") are not part of it.
    named = [Mention("".join(m.value.split()).strip(SPECKS), m.document, m.evidence) for m in out]
    return [m for m in named if party_name_problem(m.value) is None]


def near_variant(a: str, b: str) -> bool:
    """Whether two names differ as a miswritten name does (one or two characters changed, dropped or
    added: 张晓明/张小明, 某市某公司/某某公司), rather than as two unrelated strings do."""
    if abs(len(a) - len(b)) > 4:
        return False
    if len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1:
        return True  # one character of a short name miswritten (王五/王六, 张三/章三)
    return SequenceMatcher(None, a, b).ratio() >= 0.6


@rule("C-02", "当事人名称前后一致", DRAFTING_BASIS)
def check_party_names(ctx: RuleContext) -> Finding:
    mentions = _party_mentions(ctx)

    def agrees(mention: Mention, ref: str) -> bool:
        # OCR may split a name (张 三) where the label regex stops at the gap: the document still
        # spells the whole name.
        if mention.value == ref:
            return True
        return ref.startswith(mention.value) and ref in DocText(ctx, mention.document).flat

    shown = {m.value: m.value for m in mentions}
    finding = _mismatch_finding(ctx, "C-02", "当事人姓名或名称", mentions, shown, DRAFTING_BASIS, agrees)
    if finding.status != Status.FAIL or not mentions:
        return finding
    # Precision first: a name unrelated to the others is more often a cell of a misread table (the
    # unit's name, a label) than a second party; only a near variant is positive evidence.
    ref = _reference(mentions)
    odd = {m.value for m in mentions if not agrees(m, ref)}
    if all(near_variant(value, ref) for value in odd):
        return finding
    listed = "、".join(f"“{v}”" for v in sorted(odd))
    return needs_review(
        "C-02",
        f"识别出的当事人名称{listed}与“{ref}”差异过大，可能是版式误读而非名称不一致，请人工核对。",
        finding.evidence,
    )


def _where(a: PenaltyAmount) -> str:
    return f"第{a.evidence.page}页{a.document}"


@rule("C-03", "罚款金额前后一致", C03_BASIS)
def check_amounts(ctx: RuleContext) -> Finding:
    problems: list[tuple[str, list[PenaltyAmount]]] = []
    for a in ctx.extraction.amounts:
        if a.written_in_words is not None and abs(a.amount - a.written_in_words) > 0.005:
            problems.append((f"{_where(a)}小写{yuan(a.amount)}与大写{yuan(a.written_in_words)}不符", [a]))
    decided = amounts(ctx, "decided", DECISIONS)
    proposed = amounts(ctx, "proposed", (d.TONGZHI,))
    paid = amounts(ctx, "paid")
    if not decided and not proposed and not paid:
        return not_applicable("C-03", "案卷未见罚款金额，本项不适用。")
    dec = decided[0] if decided else None
    if dec is not None and proposed and proposed[0].amount != dec.amount:
        pro = proposed[0]
        lowered = dec.amount < pro.amount and ctx.documents_of(d.CHENSHU, d.TINGZHENG_BILU)
        if not lowered:
            how = "高于" if dec.amount > pro.amount else "低于（未见陈述申辩或听证记录）"
            problems.append(
                (f"决定罚款{yuan(dec.amount)}{how}违法行为通知书拟罚款{yuan(pro.amount)}", [pro, dec])
            )
    for receipt in paid if dec is not None else []:
        assert dec is not None
        surcharge = receipt.amount > dec.amount and any(
            DocText(ctx, doc).search("加处") for doc in ctx.documents_of(d.PIAOJU, d.JIEAN)
        )
        if receipt.amount != dec.amount and not surcharge:
            problems.append(
                (
                    f"{_where(receipt)}缴款{yuan(receipt.amount)}与决定罚款{yuan(dec.amount)}不符",
                    [dec, receipt],
                )
            )
    shown = [a.evidence for a in (dec, *(proposed[:1]), *(paid[:1])) if a is not None]
    if not problems:
        basis_note = (
            "（决定罚款低于拟罚款系陈述申辩后从轻）"
            if dec and proposed and dec.amount < proposed[0].amount
            else ""
        )
        return result(
            "C-03", Status.PASS, f"罚款金额大小写及各文书之间一致{basis_note}，符合{C03_BASIS}的要求。", shown
        )
    evidence = list(dict.fromkeys(a.evidence for _, group in problems for a in group))
    listed = "；".join(text for text, _ in problems)
    if all(any(ctx.uncertain(a.evidence) for a in group) for _, group in problems):
        return needs_review("C-03", f"罚款金额似不一致：{listed}，但金额识别不可靠，请人工核对。", evidence)
    return result(
        "C-03",
        Status.FAIL,
        f"罚款金额不一致：{listed}。依据{C03_BASIS}，大写与小写、告知与决定（陈述申辩后从轻的除外）、决定与缴款金额应当一致。",
        evidence,
        violations=len(problems),
    )


# Leftovers of the blank form: the unresolved 你(单位), blank lines, XX placeholders, guidance notes.
_LEFTOVERS: tuple[tuple[str, str], ...] = (
    (r"你[(（]单位[)）]", "未选择的“你(单位)”"),
    (r"_{3,}", "未填写的下划线空格"),
    # On a scan the underscores themselves are not read: what shows is a label with nothing
    # before the bracket or comma that closes it, as in "(账号: )".
    (r"(?:账号|户名|开户行|文号|金额|地点)\s*[:：]\s*(?=[)）,，。;；])", "未填写的空白栏目"),
    (r"(?<![A-Za-z0-9])(?:X{2,}|x{2,}|×{2,})(?![A-Za-z0-9])", "“XX”占位符"),
    (
        r"[(（](?:分以下情况说明|此处填写|请填写|填写说明|根据实际情况填写|选择填写)[^)）]{0,60}[)）]?",
        "模板填写说明",
    ),
)
_SKIP = frozenset({d.FUJIAN, d.FENGMIAN, d.MULU, d.BEIKAO, d.UNKNOWN})


@rule("W-01", "文书无模板残留", DRAFTING_BASIS)
def check_template_leftovers(ctx: RuleContext) -> Finding:
    spots: list[tuple[str, Evidence]] = []
    for doc in ctx.documents:
        if doc.type in _SKIP:
            continue
        text = DocText(ctx, doc)
        for pattern, what in _LEFTOVERS:
            for hit in text.find_all(pattern):
                ev = text.hit_evidence(hit)
                spots.append((f"第{ev.page}页{doc.type}{what}“{hit.text}”", ev))
    if not spots:
        decision = next((doc for doc in ctx.documents if doc.type in DECISIONS), None)
        shown = [DocText(ctx, decision).title()] if decision else []
        return result(
            "W-01",
            Status.PASS,
            f"各文书未见“你(单位)”、下划线空格、XX占位符或模板说明文字（{DRAFTING_BASIS}）。",
            shown,
        )
    certain = [(t, ev) for t, ev in spots if not ctx.uncertain(ev)]
    if not certain:
        return needs_review(
            "W-01", "疑似模板残留，但识别不可靠：" + "；".join(t for t, _ in spots), [ev for _, ev in spots]
        )
    return result(
        "W-01",
        Status.FAIL,
        f"文书有{len(certain)}处模板残留或未填写内容：{'；'.join(t for t, _ in certain)}。依据{DRAFTING_BASIS}，"
        "文书应按式样规范填写，不得保留未选择的选项、空白占位或填写说明。",
        [ev for _, ev in certain],
        violations=len(certain),
    )
