"""What a decision says about its reasons (说理): the circumstance level (从轻/减轻/一般/从重), the
discretion benchmark it applied, the article that sets the penalty and the sentence answering the
party's 陈述申辩 (采纳 / 不予采纳 and why).

The functions read a document's text with whitespace removed (``DocText.flat``) and return offsets
into it. Precision first: two different levels, or a level only mentioned as a possibility
(可以从轻或者减轻), is no level at all — the rule then asks a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from casereview.extract.articles import ArticleMatch, find_articles


@dataclass(frozen=True)
class Found:
    value: str
    start: int
    end: int


_ALIASES: Final = {"较轻": "从轻", "较重": "从重", "严重": "从重", "轻微": "从轻"}
_LEVEL_WORD = r"(?P<l>减轻|从轻|一般|从重|较轻|较重|严重)"
LEVEL_RE: Final = re.compile(
    r"(?:裁量(?:阶次|档次|等级|情形)|情节(?:等级)?|违法情形)(?:认定)?(?:为|属于|属|系|是)?[:：]?"
    + _LEVEL_WORD
    + r"|(?:属于|属|系|认定为|予以|决定|依法|给予)"
    + _LEVEL_WORD.replace("?P<l>", "?P<m>")
    + r"(?:处罚|情形|情节|档次|阶次|违法|的)"
)
# A level only named as an option, a negation or a quotation of the law is not the decision's level.
_NOT_STATED = re.compile(r"(?:不予|不属于|不得|不能|不宜|可以|应当|或者|并)$")
_OPTION_AFTER = re.compile(r"^(?:或者|或|、)")
BENCHMARK_RE: Final = re.compile(
    r"裁量(?:权)?(?:基准|标准)(?:》?[^。;；《》,，]{0,12}?(?:第[^。;；《》,，]{1,10}?(?:档|阶次|项|级)|编号[A-Za-z0-9-]{1,12}))?"
)
# The clause that names the penalty provision: 依据《…》第N条…的规定，(本机关)决定给予 / 处以.
_BASIS_CLAUSE = re.compile(
    r"(?:依据|依照|根据|按照)(?P<c>《[^。]{2,240}?)(?:的规定|之规定|规定)?[,，]?"
    r"(?:本机关|本局|本单位|我局|我单位)?(?:现)?(?:决定|给予|处以|对其|对你|对当事人)"
)
_PARENS = str.maketrans("（）", "()")  # length-preserving: offsets stay valid
_ADOPT_RE = re.compile(r"[^。；;]*(?:不予采纳|未予采纳|不采纳|部分采纳|予以采纳|采纳)[^。；;]*")
_REASON_RE = re.compile(r"理由|因为|因其|鉴于|由于|考虑|成立|证据|符合|属实|依据|经复核|事实")


def circumstance_level(flat: str) -> tuple[Found | None, list[Found]]:
    """(the single level the text states, or None; every stated mention found)."""
    mentions: list[Found] = []
    for m in LEVEL_RE.finditer(flat):
        group = "l" if m["l"] else "m"
        start, end = m.span(group)
        if _NOT_STATED.search(flat[max(0, m.start() - 3) : m.start()] if group == "m" else ""):
            continue
        if _NOT_STATED.search(flat[max(0, start - 3) : start]) or _OPTION_AFTER.match(flat[end : end + 2]):
            continue
        word = m[group]
        mentions.append(Found(_ALIASES.get(word, word), m.start(), m.end()))
    levels = {f.value for f in mentions}
    return (mentions[0] if len(levels) == 1 else None), mentions


def benchmark(flat: str) -> Found | None:
    m = BENCHMARK_RE.search(flat)
    return Found(m.group(0), m.start(), m.end()) if m else None


def penalty_articles(flat: str) -> list[ArticleMatch]:
    """The articles of the clause that imposes the penalty (the last 依据… clause before 决定/处以);
    offsets are into ``flat``."""
    clauses = list(_BASIS_CLAUSE.finditer(flat))
    for clause in reversed(clauses):
        found = find_articles(clause["c"].translate(_PARENS))
        if found:
            base = clause.start("c")
            return [
                ArticleMatch(a.start + base, a.end + base, a.text, a.law, a.article, a.paragraph, a.item)
                for a in found
            ]
    return []


def adoption(flat: str) -> tuple[Found | None, bool]:
    """(the sentence saying whether the arguments were adopted, whether it gives a reason)."""
    m = _ADOPT_RE.search(flat)
    if m is None:
        return None, False
    sentence = m.group(0)
    return Found(sentence, m.start(), m.end()), bool(_REASON_RE.search(sentence))
