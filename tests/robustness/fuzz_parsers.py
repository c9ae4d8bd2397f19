"""Coverage-guided fuzzing of the text parsers with atheris (not collected by pytest).

    .venv/bin/python tests/robustness/fuzz_parsers.py -atheris_runs=100000

Any exception is a crash; atheris writes the input to ``crash-<hash>`` for reproduction.
"""

from __future__ import annotations

import math
import sys

import atheris

with atheris.instrument_imports():
    from casereview.extract.parsers import (
        case_number_key,
        chinese_numeral_to_int,
        find_amounts,
        find_case_numbers,
        find_dates,
        find_partial_dates,
        parse_chinese_amount,
        tidy_case_number,
    )


def test_one_input(data: bytes) -> None:
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(256)
    for date in find_dates(text) + find_partial_dates(text, 2025):
        assert 1990 <= date.date.year <= 2099
    for amount in find_amounts(text):
        assert math.isfinite(amount.amount) and amount.amount >= 0
    value = parse_chinese_amount(text)
    assert value is None or (math.isfinite(value) and value >= 0)
    chinese_numeral_to_int(text[:20])
    find_case_numbers(text)
    case_number_key(text)
    tidy_case_number(text)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
