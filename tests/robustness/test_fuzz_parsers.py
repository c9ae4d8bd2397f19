"""Property tests of the text parsers on arbitrary OCR-like text: they never raise, dates are real
calendar dates in the supported range, amounts are finite and non-negative, matches point into
the text they came from."""

from __future__ import annotations

import datetime as dt
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casereview.extract.dates import MAX_YEAR, MIN_YEAR
from casereview.extract.parsers import (
    case_number_key,
    chinese_numeral_to_int,
    find_amounts,
    find_case_numbers,
    find_dates,
    find_partial_dates,
    format_chinese_amount,
    parse_chinese_amount,
    tidy_case_number,
)

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TARGETED = "〇一二三四五六七八九十年月日时分号〔〕()元角分零壹贰叁肆伍陆柒捌玖拾佰仟万亿"
EXTRA = "0123456789 .-/:：,，¥￥人民币大写整正半下午上午第[]【】{}两百千OО○貳參陸萬億粤东交罚"
FULL_WIDTH = "０１２３４５６７８９（）［］．－／"

targeted = st.text(alphabet=TARGETED + EXTRA, max_size=80)
mixed = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),  # CJK
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),  # ASCII
        st.sampled_from(TARGETED + FULL_WIDTH),
        st.characters(),  # anything, including surrogates' neighbours and controls
    ),
    max_size=120,
)
texts = st.one_of(targeted, mixed)


def _check_date(date: dt.date) -> None:
    assert isinstance(date, dt.date)
    assert MIN_YEAR <= date.year <= MAX_YEAR
    dt.date(date.year, date.month, date.day)  # a real calendar date


@FUZZ
@given(texts)
def test_find_dates_never_raises_and_gives_real_dates(text: str) -> None:
    for match in find_dates(text):
        _check_date(match.date)
        assert 0 <= match.start < match.end <= len(text)
        assert match.text == text[match.start : match.end]
        if match.time is not None:
            assert isinstance(match.time, dt.time)


@FUZZ
@given(texts, st.integers(min_value=MIN_YEAR, max_value=MAX_YEAR))
def test_find_partial_dates_never_raises(text: str, year: int) -> None:
    for match in find_partial_dates(text, year):
        _check_date(match.date)
        assert match.date.year == year
        assert match.text == text[match.start : match.end]


@FUZZ
@given(texts)
def test_amounts_are_finite_and_not_negative(text: str) -> None:
    for match in find_amounts(text):
        assert isinstance(match.amount, float)
        assert math.isfinite(match.amount) and match.amount >= 0
        assert match.text == text[match.start : match.end]
    value = parse_chinese_amount(text)
    assert value is None or (math.isfinite(value) and value >= 0)


upper_amounts = st.text(
    alphabet="零壹贰叁肆伍陆柒捌玖拾佰仟万亿元圆角分整正人民币大写():", min_size=1, max_size=40
)


@FUZZ
@given(upper_amounts)
def test_parse_chinese_amount_on_capital_numerals(text: str) -> None:
    value = parse_chinese_amount(text)
    assert value is None or (isinstance(value, float) and math.isfinite(value) and value >= 0)


@FUZZ
@given(st.integers(min_value=0, max_value=10**12 - 1), st.integers(min_value=0, max_value=99))
def test_formatted_amounts_read_back(yuan: int, cents: int) -> None:
    amount = yuan + cents / 100
    words = format_chinese_amount(amount)
    value = parse_chinese_amount(words)
    assert value is not None and math.isclose(value, amount, abs_tol=0.005)


@FUZZ
@given(st.text(alphabet="零〇一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟", max_size=20))
def test_chinese_numerals_never_raise(text: str) -> None:
    value = chinese_numeral_to_int(text)
    assert value is None or (isinstance(value, int) and value >= 0)


@FUZZ
@given(texts)
def test_case_numbers_never_raise(text: str) -> None:
    for match in find_case_numbers(text):
        assert 0 <= match.start < match.end <= len(text)
        assert 1900 <= match.year <= 2099
        assert match.serial.isdigit()
    assert isinstance(case_number_key(text), str)
    assert isinstance(tidy_case_number(text), str)


case_like = st.builds(
    lambda prefix, open_, year, close, serial, tail: f"{prefix}{open_}{year}{close}{serial}{tail}",
    st.text(alphabet="粤东交罚京湘攸处 第案号:：的", max_size=8),
    st.sampled_from("〔[【({（"),
    st.integers(min_value=1850, max_value=2150).map(str),
    st.sampled_from("〕]】)}）"),
    st.text(alphabet="0123456789 第", max_size=8),
    st.text(alphabet="号(非)（ 简）", max_size=4),
)


@FUZZ
@given(case_like)
def test_case_number_shapes(text: str) -> None:
    for match in find_case_numbers(text):
        assert match.text == text[match.start : match.end]
        key = case_number_key(match.text)
        assert "〔" in key and key.endswith("号")
