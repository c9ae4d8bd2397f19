"""Legal citations: 《中华人民共和国道路运输条例》第六十三条第一款第(一)项, 《行政处罚法》第64条."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from casereview.extract.numerals import chinese_numeral_to_int


@dataclass(frozen=True)
class ArticleMatch:
    start: int
    end: int
    text: str
    law: str
    article: int
    paragraph: int | None
    item: int | None


_NUM: Final = r"[0-9]{1,4}|[零〇一二两三四五六七八九十百千]{1,8}"
_TOKEN_RE: Final = re.compile(
    r"《(?P<law>[^《》]{1,60})》"
    r"|(?P<stop>[。;；!！?？])"
    # One reference: 第N条 [第N款] [第(N)项 | 第N项 | (N)], any part optional; the lookahead keeps the
    # all-optional pattern from being tried at every character.
    rf"|(?=[第(])(?:第\s*(?P<a>{_NUM})\s*条)?(?:\s*第\s*(?P<p>{_NUM})\s*款)?"
    rf"(?:\s*(?:第\s*)?\(\s*(?P<i>{_NUM})\s*\)\s*项?|\s*第\s*(?P<i2>{_NUM})\s*项)?"
)
# Titles that name a law or rule, as opposed to document titles such as 《行政处罚决定书》.
_LAW_TITLE_RE: Final = re.compile(
    r"(?:法|条例|规定|办法|细则|规则|决定|解释|标准|基准|意见|通知|规范|目录|令|章程|准则)(?:\([^()]*\))*$"
)
# Only these may stand between a reference and a bare 款/项 that continues it (第一款、第二款).
_CHAIN_GAP_RE: Final = re.compile(r"[\s、,，和及与或以至]*")


def _num(value: str | None) -> int | None:
    if value is None:
        return None
    n = chinese_numeral_to_int(value)
    return n if n is not None and n > 0 else None


def find_articles(text: str) -> list[ArticleMatch]:
    """Article references with the law they belong to.

    A reference directly after 《law》 includes the title in its span. A later bare 第N条 in the same
    sentence inherits the most recent law (依据《…》第六十三条、第七十条); a bare 第N款 or (N)项 chained to
    the previous reference inherits its article (第一款、第二款). References with no law are skipped.
    """
    out: list[ArticleMatch] = []
    law: str | None = None
    law_start = law_end = -1
    prev: ArticleMatch | None = None
    for m in _TOKEN_RE.finditer(text):
        if m["stop"] is not None:
            law, prev = None, None
            continue
        if m["law"] is not None:
            name = "".join(m["law"].split())
            if _LAW_TITLE_RE.search(name):
                law, law_start, law_end, prev = name, m.start(), m.end(), None
            continue
        if m.start() == m.end():
            continue
        article, paragraph = _num(m["a"]), _num(m["p"])
        item = _num(m["i"] or m["i2"])
        if (
            (m["a"] and article is None)
            or (m["p"] and paragraph is None)
            or ((m["i"] or m["i2"]) and item is None)
        ):
            continue  # a malformed numeral
        if article is None:
            chained = prev is not None and _CHAIN_GAP_RE.fullmatch(text, prev.end, m.start()) is not None
            if prev is None or not chained:
                continue
            cur_law, article = prev.law, prev.article
            if paragraph is None:
                paragraph = prev.paragraph
        elif law is not None:
            cur_law = law
        else:
            continue
        start = m.start()
        if law_end >= 0 and m["a"] and not text[law_end : m.start()].strip():
            start = law_start  # 《law》第N条: evidence shows the law too
        match = ArticleMatch(start, m.end(), text[start : m.end()], cur_law, article, paragraph, item)
        out.append(match)
        prev = match
    return out
