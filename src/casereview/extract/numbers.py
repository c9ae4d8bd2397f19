"""Identifiers: 案号/文号, 统一社会信用代码, 居民身份证号, phone numbers and vehicle plates."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True)
class CaseNumberMatch:
    start: int
    end: int
    text: str
    prefix: str
    year: int
    serial: str
    suffix: str | None


# ---------------------------------------------------------------- 案号 (legal-reference §3.4)

# Anchor on "〔年〕serial号" and walk back for the prefix: cheaper than a lazy prefix regex tried at every
# CJK character, and it lets the prefix stop at labels (案号:) and sentence words (作出的, 决定书).
# OCR turns 〔〕 into [], (), {} or 【】, in any combination.
_CASE_CORE_RE: Final = re.compile(
    r"[〔\[【({]\s*(?P<year>(?:19|20)[0-9]{2})\s*[〕\]】)}]\s*第?\s*(?P<serial>[0-9]{1,6})(?![0-9])"
    r"\s*(?P<suffix>\(\s*[\u4e00-\u9fff]{1,4}\s*\))?\s*号"
)
_PREFIX_MAX: Final = 20
PROVINCE_ABBR: Final = frozenset("京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼港澳台")
# Characters that end a prefix when walking back: function words and label tails (案号, 决定书, 作出的…)
# that never occur in an agency's 文号 prefix.
_PREFIX_STOP: Final = frozenset("的为是于在对将即见按经向由与和及或号书日月年第条款项等自从据照以其该人表称")


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _walk_prefix(text: str, end: int) -> int:
    """Start of the prefix ending at ``end``; ASCII letters/digits only inside parentheses (赣(3601))."""
    k = end
    open_parens: list[int] = []  # positions of ")" not yet matched by "("
    while k > 0 and end - k < _PREFIX_MAX:
        ch = text[k - 1]
        if ch == ")":
            open_parens.append(k - 1)
        elif ch == "(":
            if not open_parens:
                break  # the opening of a wrapping parenthetical: (粤东交罚〔2025〕1号)
            open_parens.pop()
        elif _is_cjk(ch):
            if not open_parens and ch in _PREFIX_STOP:
                break
        elif not (ch.isascii() and ch.isalnum() and open_parens):
            break
        k -= 1
    if open_parens:
        k = open_parens[0] + 1  # unbalanced ")": keep only what follows it
    return k


def _skip_space_back(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos


def find_case_numbers(text: str) -> list[CaseNumberMatch]:
    """案号/文号 such as 粤东交罚〔2025〕00977号, 京(XX)路政赔〔2020〕第00008号, 湘攸交处罚〔2025〕092(非)号.

    The match starts at the prefix (a leading 案号:/文号: label is not part of it); the prefix may be empty
    when OCR lost it. ``serial`` is as printed (leading zeros kept); compare with ``case_number_key``.
    """
    out: list[CaseNumberMatch] = []
    for m in _CASE_CORE_RE.finditer(text):
        pend = _skip_space_back(text, m.start())
        start = _walk_prefix(text, pend)
        if start < pend and text[start] not in PROVINCE_ABBR and text[start] != "(":
            # OCR may split a prefix ("粤东 交罚"): rejoin the word before the gap if it looks like a prefix.
            gap = _skip_space_back(text, start)
            if gap < start:
                wstart = _walk_prefix(text, gap)
                if wstart < gap and text[wstart] in PROVINCE_ABBR and pend - wstart <= _PREFIX_MAX:
                    start = wstart
        if start == pend:
            start = m.start()
        prefix = "".join(text[start:pend].split())
        suffix = "".join(m["suffix"].split()) if m["suffix"] else None
        out.append(
            CaseNumberMatch(
                start, m.end(), text[start : m.end()], prefix, int(m["year"]), m["serial"], suffix
            )
        )
    return out


_KEY_BRACKETS: Final = str.maketrans({"[": "〔", "【": "〔", "{": "〔", "]": "〕", "】": "〕", "}": "〕"})


def case_number_key(text: str) -> str:
    """Canonical form for comparing 案号: 〔〕 brackets, no spaces, no 第, serial without leading zeros.

    粤东交罚[2025]977号 and 粤东交罚〔2025〕00977号 share a key. Text without a recognisable 案号 is
    normalised the same way as far as possible.
    """
    found = find_case_numbers(text)
    if found:
        c = found[0]
        return f"{c.prefix}〔{c.year}〕{int(c.serial)}{c.suffix or ''}号"
    s = "".join(text.split()).translate(_KEY_BRACKETS).replace("第", "")
    return re.sub(r"(?<=〕)0+(?=[0-9])", "", s)


_YEAR_BRACKETS_RE: Final = re.compile(r"([〔\[【(])((?:19|20)[0-9]{2})([〕\]】)])")
# GB/T 9704 writes the year of a 文号 in 六角括号 〔〕, which OCR and keyboards turn into [] or a
# mismatched pair; 【】 and () are other printed styles and are kept.
_YEAR_PAIR: Final = {"〔": ("〔", "〕"), "[": ("〔", "〕"), "【": ("【", "】"), "(": ("(", ")")}


def tidy_case_number(text: str, ocr: bool = False) -> str:
    """案号 without the spaces OCR or layout put inside it, its year in a matching bracket pair,
    〔〕 where ASCII [] or a mismatched pair stands for them (OCR reads 〔2025〕 as [2025] or 〔2025]).
    Read by OCR (``ocr``), round brackets too: the engine reads the 六角括号 as (), so the glyph it
    gives says nothing of the print, and 〔〕 is the standard's form."""
    compacted = "".join(text.split())

    def mend(match: re.Match[str]) -> str:
        if ocr and match.group(1) == "(":
            return f"〔{match.group(2)}〕"
        opener, closer = _YEAR_PAIR[match.group(1)]
        return f"{opener}{match.group(2)}{closer}"

    return _YEAR_BRACKETS_RE.sub(mend, compacted)


# ---------------------------------------------------------------- 统一社会信用代码 (GB 32100-2015)

_CREDIT_CHARSET: Final = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_VALUE: Final = {ch: i for i, ch in enumerate(_CREDIT_CHARSET)}
_CREDIT_WEIGHTS: Final = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_CREDIT_C: Final = "0-9A-HJ-NPQRTUWXY"
# Positions 3–8 are the administrative-division code, always digits.
_CREDIT_SHAPE_RE: Final = re.compile(rf"[{_CREDIT_C}]{{2}}[0-9]{{6}}[{_CREDIT_C}]{{10}}")
_CREDIT_FIND_RE: Final = re.compile(
    rf"(?<![0-9A-Za-z])[{_CREDIT_C}]{{2}}[0-9]{{6}}[{_CREDIT_C}]{{10}}(?![0-9A-Za-z])"
)


def credit_code_check_char(first17: str) -> str:
    """The 18th character of a 统一社会信用代码 for its first 17 (GB 32100-2015, MOD 31)."""
    total = sum(_CREDIT_VALUE[ch] * w for ch, w in zip(first17, _CREDIT_WEIGHTS, strict=True))
    return _CREDIT_CHARSET[(31 - total % 31) % 31]


def is_valid_credit_code(code: str) -> bool:
    """18 characters of the GB 32100 charset (no I, O, S, V, Z), digits at 3–8, and a matching check char."""
    if _CREDIT_SHAPE_RE.fullmatch(code) is None:
        return False
    return credit_code_check_char(code[:17]) == code[17]


def find_credit_codes(text: str) -> list[tuple[int, int, str]]:
    """Valid 统一社会信用代码 in ``text``; an all-digit valid ID number is left to find_id_numbers."""
    out: list[tuple[int, int, str]] = []
    for m in _CREDIT_FIND_RE.finditer(text):
        code = m[0]
        if is_valid_credit_code(code) and not (code[:17].isdigit() and is_valid_id_number(code)):
            out.append((m.start(), m.end(), code))
    return out


# ---------------------------------------------------------------- 居民身份证号 (GB 11643, ISO 7064 MOD 11-2)

_ID_WEIGHTS: Final = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK: Final = "10X98765432"
_ID_SHAPE_RE: Final = re.compile(r"[1-9][0-9]{16}[0-9Xx]")
_ID_FIND_RE: Final = re.compile(r"(?<![0-9A-Za-z])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])")


def id_check_char(first17: str) -> str:
    """The 18th character of a 居民身份证号 for its first 17 digits."""
    return _ID_CHECK[sum(int(ch) * w for ch, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def is_valid_id_number(number: str) -> bool:
    """18-character 居民身份证号: a real birth date (1900–2099) at 7–14 and the MOD 11-2 check character."""
    if _ID_SHAPE_RE.fullmatch(number) is None:
        return False
    try:
        birth = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    if not 1900 <= birth.year <= 2099:
        return False
    return id_check_char(number[:17]) == number[17].upper()


def find_id_numbers(text: str) -> list[tuple[int, int, str]]:
    """Valid 18-character 居民身份证号 in ``text`` (lower-case x accepted as printed)."""
    return [(m.start(), m.end(), m[0]) for m in _ID_FIND_RE.finditer(text) if is_valid_id_number(m[0])]


# ---------------------------------------------------------------- phones and plates

_PHONE_RE: Final = re.compile(
    r"(?<![0-9A-Za-z\-])(?:"
    # mobile, optionally +86 and grouped 3-4-4 by a space or hyphen
    r"(?:\+?86[ \-]?)?1[3-9][0-9](?P<g>[ \-]?)[0-9]{4}(?P=g)[0-9]{4}"
    # landline: 0755-12345678, (0755)12345678, 0755 12345678
    r"|0[0-9]{2,3}(?:\s*-\s*|\s)[0-9]{7,8}"
    r"|\(0[0-9]{2,3}\)\s*[0-9]{7,8}"
    r")(?![0-9A-Za-z])"
)


def find_phone_numbers(text: str) -> list[tuple[int, int, str]]:
    """Mobile (1[3-9] + 9 digits) and landline (0 + 2–3 digit area code + 7–8 digits) numbers."""
    return [(m.start(), m.end(), m[0]) for m in _PHONE_RE.finditer(text)]


_PLATE_PROVINCES: Final = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_PLATE_RE: Final = re.compile(
    rf"[{_PLATE_PROVINCES}][A-HJ-NP-Z]\s?[·•・.\-]?\s?"
    r"(?:[A-HJ-NP-Z0-9]{5,6}(?![A-Za-z0-9])|[A-HJ-NP-Z0-9]{4}[挂学警领试超]|[A-HJ-NP-Z0-9]{5}[挂])"
)


def find_plate_numbers(text: str) -> list[tuple[int, int, str]]:
    """Vehicle plates: 粤B12345, 粤B·12345, 粤B·D12345 (new energy), 粤B1234挂 (trailer).

    At least two digits are required so that words in Latin capitals are not taken for plates.
    """
    out: list[tuple[int, int, str]] = []
    for m in _PLATE_RE.finditer(text):
        if sum(ch.isdigit() for ch in m[0]) >= 2:
            out.append((m.start(), m.end(), m[0]))
    return out
