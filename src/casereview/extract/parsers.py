"""Pure string parsers for case-file text (no I/O): dates, amounts, 案号, identifiers, officers, articles.

Input is NFKC-normalised text, possibly from OCR; parsers tolerate stray spaces between tokens. Every
``find_*`` returns matches with ``start``/``end`` offsets into the string it was given and the matched text
``text[start:end]``, so callers can map a match back to a bounding box. The implementations live in small
modules; this module is the public entry point.
"""

from casereview.extract.amounts import AmountMatch, find_amounts, format_chinese_amount, parse_chinese_amount
from casereview.extract.articles import ArticleMatch, find_articles
from casereview.extract.dates import DateMatch, find_dates, find_partial_dates
from casereview.extract.numbers import (
    CaseNumberMatch,
    case_number_key,
    find_case_numbers,
    find_credit_codes,
    find_id_numbers,
    find_phone_numbers,
    find_plate_numbers,
    is_valid_credit_code,
    is_valid_id_number,
    tidy_case_number,
)
from casereview.extract.numerals import chinese_numeral_to_int, compact, map_span
from casereview.extract.officers import OfficerMatch, find_officers

__all__ = [
    "AmountMatch",
    "ArticleMatch",
    "CaseNumberMatch",
    "DateMatch",
    "OfficerMatch",
    "case_number_key",
    "chinese_numeral_to_int",
    "compact",
    "find_amounts",
    "find_articles",
    "find_case_numbers",
    "find_credit_codes",
    "find_dates",
    "find_id_numbers",
    "find_officers",
    "find_partial_dates",
    "find_phone_numbers",
    "find_plate_numbers",
    "format_chinese_amount",
    "is_valid_credit_code",
    "is_valid_id_number",
    "map_span",
    "parse_chinese_amount",
    "tidy_case_number",
]
