"""Tests for the pure string parsers in casereview.extract.parsers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casereview.extract.parsers import (
    case_number_key,
    chinese_numeral_to_int,
    compact,
    find_amounts,
    find_articles,
    find_case_numbers,
    find_credit_codes,
    find_dates,
    find_id_numbers,
    find_officers,
    find_partial_dates,
    find_phone_numbers,
    find_plate_numbers,
    format_chinese_amount,
    is_valid_credit_code,
    is_valid_id_number,
    map_span,
    parse_chinese_amount,
    tidy_case_number,
)

CN_DIGITS = "〇一二三四五六七八九"


def cn_small(n: int) -> str:
    """1..31 in lower-case Chinese numerals as printed in dates (十一, 二十, 三十一)."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return CN_DIGITS[ones]
    head = "十" if tens == 1 else CN_DIGITS[tens] + "十"
    return head + (CN_DIGITS[ones] if ones else "")


def cn_year(y: int) -> str:
    return "".join(CN_DIGITS[int(c)] for c in str(y))


# -------------------------------------------------------------------------------- dates

DATE_CASES: list[tuple[str, str, dt.date, dt.time | None]] = [
    ("2024年3月5日", "2024年3月5日", dt.date(2024, 3, 5), None),
    ("2024年03月05日", "2024年03月05日", dt.date(2024, 3, 5), None),
    ("二〇二四年三月五日", "二〇二四年三月五日", dt.date(2024, 3, 5), None),
    ("二零二四年十二月三十一日", "二零二四年十二月三十一日", dt.date(2024, 12, 31), None),
    ("二○二四年十一月二十日", "二○二四年十一月二十日", dt.date(2024, 11, 20), None),
    ("二O二四年十月十日", "二O二四年十月十日", dt.date(2024, 10, 10), None),
    ("2024.3.5", "2024.3.5", dt.date(2024, 3, 5), None),
    ("2024-03-05", "2024-03-05", dt.date(2024, 3, 5), None),
    ("2024/3/5", "2024/3/5", dt.date(2024, 3, 5), None),
    ("时间:2024年3月5日14时30分", "2024年3月5日14时30分", dt.date(2024, 3, 5), dt.time(14, 30)),
    ("2024年3月5日14时", "2024年3月5日14时", dt.date(2024, 3, 5), dt.time(14, 0)),
    ("2024-03-05 14:30", "2024-03-05 14:30", dt.date(2024, 3, 5), dt.time(14, 30)),
    ("2024年3月5日上午9时", "2024年3月5日上午9时", dt.date(2024, 3, 5), dt.time(9, 0)),
    ("2024年3月5日下午3时20分", "2024年3月5日下午3时20分", dt.date(2024, 3, 5), dt.time(15, 20)),
    ("2024年3月5日14时30分至15时10分", "2024年3月5日14时30分", dt.date(2024, 3, 5), dt.time(14, 30)),
    (
        "二〇二四年三月五日十四时三十分",
        "二〇二四年三月五日十四时三十分",
        dt.date(2024, 3, 5),
        dt.time(14, 30),
    ),
    ("2024年3月5日14点半", "2024年3月5日14点半", dt.date(2024, 3, 5), dt.time(14, 30)),
    ("于 2025 年 4 月 10 日 作出", "2025 年 4 月 10 日", dt.date(2025, 4, 10), None),
    ("2024年3月5日 14 : 30", "2024年3月5日 14 : 30", dt.date(2024, 3, 5), dt.time(14, 30)),
    ("2024年3月5日25时", "2024年3月5日", dt.date(2024, 3, 5), None),  # impossible hour: date only
    ("2024年2月29日", "2024年2月29日", dt.date(2024, 2, 29), None),
]


@pytest.mark.parametrize(("text", "matched", "date", "time_"), DATE_CASES)
def test_find_dates(text: str, matched: str, date: dt.date, time_: dt.time | None) -> None:
    (m,) = find_dates(text)
    assert (m.text, m.date, m.time) == (matched, date, time_)
    assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    "text",
    [
        "2024年2月30日",  # invalid day
        "2023年2月29日",  # not a leap year
        "2024年13月1日",
        "1985年3月5日",  # before 1990
        "2100年1月1日",
        "2024年",
        "3月5日",
        "身份证号:440101199003051234",
        "110105194912310021",
        "12024年3月5日",  # inside a longer digit run
        "v1.2024.3.5.6",
        "2024-03-05-01",
        "192.2024.3.5",
    ],
)
def test_find_dates_negatives(text: str) -> None:
    assert find_dates(text) == []


def test_find_dates_several_in_order() -> None:
    text = "立案日期2024年3月5日，决定日期二〇二四年四月十日，送达2024-04-12。"
    assert [m.date for m in find_dates(text)] == [
        dt.date(2024, 3, 5),
        dt.date(2024, 4, 10),
        dt.date(2024, 4, 12),
    ]


def test_find_partial_dates() -> None:
    text = "2024年3月5日至3月10日，同年四月一日复查；1985年3月5日不算"
    found = find_partial_dates(text, 2024)
    assert [(m.text, m.date) for m in found] == [
        ("3月10日", dt.date(2024, 3, 10)),
        ("四月一日", dt.date(2024, 4, 1)),
    ]
    assert find_partial_dates("2月30日", 2024) == []


def _render(date: dt.date, style: int) -> str:
    y, m, d = date.year, date.month, date.day
    return [
        f"{y}年{m}月{d}日",
        f"{y}年{m:02d}月{d:02d}日",
        f"{cn_year(y)}年{cn_small(m)}月{cn_small(d)}日",
        f"{y}.{m}.{d}",
        f"{y}-{m:02d}-{d:02d}",
        f"{y}/{m}/{d}",
        f"{y} 年 {m} 月 {d} 日",
    ][style]


@given(
    date=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)),
    style=st.integers(0, 6),
    before=st.sampled_from(["", "日期:", "于", "本机关于 ", "(", "签名 "]),
    after=st.sampled_from(["", "作出", "。", ")", " 送达", ",地点"]),
)
def test_find_dates_round_trip(date: dt.date, style: int, before: str, after: str) -> None:
    rendered = _render(date, style)
    text = before + rendered + after
    (m,) = find_dates(text)
    assert m.date == date
    assert m.text == rendered
    assert text[m.start : m.end] == rendered


@given(
    date=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)),
    hour=st.integers(0, 23),
    minute=st.integers(0, 59),
)
def test_find_dates_time_round_trip(date: dt.date, hour: int, minute: int) -> None:
    text = f"{_render(date, 0)}{hour}时{minute}分至{(hour + 1) % 24}时"
    (m,) = find_dates(text)
    assert (m.date, m.time) == (date, dt.time(hour, minute))
    assert m.text == text[: text.index("至")]


# -------------------------------------------------------------------------------- amounts

AMOUNT_CASES: list[tuple[str, str, float, bool]] = [
    ("1000元", "1000元", 1000.0, False),
    ("1,000.00元", "1,000.00元", 1000.0, False),
    ("¥1000", "¥1000", 1000.0, False),
    ("￥1,000.00", "￥1,000.00", 1000.0, False),
    ("人民币1000元", "人民币1000元", 1000.0, False),
    ("罚款1000元", "1000元", 1000.0, False),
    ("罚款1.5万元", "1.5万元", 15000.0, False),
    ("1 ,000. 00 元", "1 ,000. 00 元", 1000.0, False),
    ("壹万伍仟元整", "壹万伍仟元整", 15000.0, True),
    ("人民币贰佰元", "人民币贰佰元", 200.0, True),
    ("叁仟伍佰元伍角", "叁仟伍佰元伍角", 3500.5, True),
    ("壹拾万元整", "壹拾万元整", 100000.0, True),
    ("罚款一万五千元", "一万五千元", 15000.0, True),
    ("大写:壹 万 元整", "壹 万 元整", 10000.0, True),
    ("壹万元零伍分", "壹万元零伍分", 10000.05, True),
    ("贰仟圆整", "贰仟圆整", 2000.0, True),
]


@pytest.mark.parametrize(("text", "matched", "amount", "in_words"), AMOUNT_CASES)
def test_find_amounts(text: str, matched: str, amount: float, in_words: bool) -> None:
    (m,) = find_amounts(text)
    assert (m.text, m.amount, m.in_words) == (matched, amount, in_words)
    assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    "text",
    [
        "每日按罚款数额的百分之三加处罚款",
        "即3%",
        "2024年3月5日",
        "粤东交罚〔2025〕00977号",
        "《行政处罚法》第六十四条",
        "14时30分",
        "十四时三十分",
        "每吨200元/吨",  # a rate
        "车重49000千克",
        "第一元素",
        "万元",
        "13800138000",
    ],
)
def test_find_amounts_negatives(text: str) -> None:
    assert find_amounts(text) == []


def test_find_amounts_figures_and_words_together() -> None:
    text = "决定给予罚款人民币壹万元整(¥10,000.00)的行政处罚，壹仟元整伍佰元整"
    found = find_amounts(text)
    assert [(m.text, m.amount, m.in_words) for m in found] == [
        ("人民币壹万元整", 10000.0, True),
        ("¥10,000.00", 10000.0, False),
        ("壹仟元整", 1000.0, True),
        ("伍佰元整", 500.0, True),
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("壹万伍仟元整", 15000.0),
        ("人民币贰佰元", 200.0),
        ("叁仟伍佰元伍角", 3500.5),
        ("壹拾万元整", 100000.0),
        ("一万五千元", 15000.0),
        ("人民币(大写):壹仟元整", 1000.0),
        ("伍角", 0.5),
        ("壹元零伍分", 1.05),
        ("壹亿零壹万元整", 100010000.0),
        ("拾元", 10.0),
        ("壹贰元", None),
        ("元", None),
        ("", None),
        ("abc", None),
        ("壹仟元整伍佰元整", None),
    ],
)
def test_parse_chinese_amount(text: str, value: float | None) -> None:
    assert parse_chinese_amount(text) == value


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (15000, "壹万伍仟元整"),
        (1000.5, "壹仟元伍角"),
        (100000, "壹拾万元整"),
        (10050, "壹万零伍拾元整"),
        (10, "壹拾元整"),
        (1005, "壹仟零伍元整"),
        (1050, "壹仟零伍拾元整"),
        (100500, "壹拾万零伍佰元整"),
        (10500100, "壹仟零伍拾万零壹佰元整"),
        (110000000, "壹亿壹仟万元整"),
        (100010000, "壹亿零壹万元整"),
        (100000001, "壹亿零壹元整"),
        (0, "零元整"),
        (0.5, "伍角"),
        (1.05, "壹元零伍分"),
        (3.45, "叁元肆角伍分"),
    ],
)
def test_format_chinese_amount(amount: float, words: str) -> None:
    assert format_chinese_amount(amount) == words


def test_format_chinese_amount_rejects_negative() -> None:
    with pytest.raises(ValueError, match="negative"):
        format_chinese_amount(-1)


@given(st.integers(0, 10**9), st.booleans())
def test_amount_words_round_trip(yuan: int, half: bool) -> None:
    amount = yuan + (0.5 if half else 0.0)
    words = format_chinese_amount(amount)
    assert parse_chinese_amount(words) == amount
    if amount:  # 零元整 has no value digit and is not reported as an amount
        (m,) = find_amounts(f"罚款{words}。")
        assert m.amount == amount


# -------------------------------------------------------------------------------- case numbers

CASE_CASES: list[tuple[str, str, str, int, str, str | None]] = [
    ("案号:粤东交罚〔2025〕00977号", "粤东交罚〔2025〕00977号", "粤东交罚", 2025, "00977", None),
    ("湘炎交处罚〔2023〕8号", "湘炎交处罚〔2023〕8号", "湘炎交处罚", 2023, "8", None),
    ("湘攸交处罚〔2025〕092(非)号", "湘攸交处罚〔2025〕092(非)号", "湘攸交处罚", 2025, "092", "(非)"),
    ("赣(3601)交立案〔2024〕00012号", "赣(3601)交立案〔2024〕00012号", "赣(3601)交立案", 2024, "00012", None),
    ("京(XX)路政赔〔2020〕第00008号", "京(XX)路政赔〔2020〕第00008号", "京(XX)路政赔", 2020, "00008", None),
    ("吉吉海事罚字【2015】02010号", "吉吉海事罚字【2015】02010号", "吉吉海事罚字", 2015, "02010", None),
    ("(邯)药当行罚[2006]25号", "(邯)药当行罚[2006]25号", "(邯)药当行罚", 2006, "25", None),
    ("粤东交罚 〔2025〕 00977 号", "粤东交罚 〔2025〕 00977 号", "粤东交罚", 2025, "00977", None),
    ("案号: 粤东 交罚〔2025〕977号", "粤东 交罚〔2025〕977号", "粤东交罚", 2025, "977", None),
    ("文号:湘炎交罚告〔2023〕8号", "湘炎交罚告〔2023〕8号", "湘炎交罚告", 2023, "8", None),
    ("编号 粤东交罚(2025)5号", "粤东交罚(2025)5号", "粤东交罚", 2025, "5", None),
    (
        "本机关于2025年4月10日作出的粤东交罚〔2025〕00977号行政处罚决定书",
        "粤东交罚〔2025〕00977号",
        "粤东交罚",
        2025,
        "00977",
        None,
    ),
    (
        "《行政处罚决定书》(粤东交罚〔2025〕00977号)",
        "粤东交罚〔2025〕00977号",
        "粤东交罚",
        2025,
        "00977",
        None,
    ),
    ("决定书文号为湘炎交处罚〔2023〕8号", "湘炎交处罚〔2023〕8号", "湘炎交处罚", 2023, "8", None),
    ("案号:〔2025〕00977号", "〔2025〕00977号", "", 2025, "00977", None),
]


@pytest.mark.parametrize(("text", "matched", "prefix", "year", "serial", "suffix"), CASE_CASES)
def test_find_case_numbers(
    text: str, matched: str, prefix: str, year: int, serial: str, suffix: str | None
) -> None:
    (m,) = find_case_numbers(text)
    assert (m.text, m.prefix, m.year, m.serial, m.suffix) == (matched, prefix, year, serial, suffix)
    assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    "text", ["2024年3月5日", "〔2025〕", "粤东交罚〔2025〕号", "第〔1899〕5号", "罚款1000元"]
)
def test_find_case_numbers_negatives(text: str) -> None:
    assert find_case_numbers(text) == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("粤东交罚[2025]977号", "粤东交罚〔2025〕00977号"),
        ("京(XX)路政赔〔2020〕第00008号", "京(XX)路政赔【2020】8号"),
        ("案号:粤东交罚 〔2025〕 00977 号", "粤东交罚〔2025〕977号"),
        ("湘攸交处罚〔2025〕092(非)号", "湘攸交处罚[2025]92(非)号"),
    ],
)
def test_case_number_key_equal(a: str, b: str) -> None:
    assert case_number_key(a) == case_number_key(b)


def test_case_number_key_form_and_differences() -> None:
    assert case_number_key("粤东交罚[2025]00977号") == "粤东交罚〔2025〕977号"
    assert case_number_key("粤东交罚〔2025〕977号") != case_number_key("粤东交罚〔2024〕977号")
    assert case_number_key("粤东交罚〔2025〕977号") != case_number_key("粤东交罚〔2025〕978号")
    assert case_number_key("粤东交罚〔2025〕977号") != case_number_key("湘炎交罚〔2025〕977号")
    assert case_number_key("  粤东交罚 第 X 号 ") == "粤东交罚X号"  # unparsable: normalised only


# -------------------------------------------------------------------------------- identifiers

CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_check(first17: str) -> str:
    total = sum(CREDIT_CHARSET.index(c) * w for c, w in zip(first17, CREDIT_WEIGHTS, strict=True))
    return CREDIT_CHARSET[(31 - total % 31) % 31]


ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_check(first17: str) -> str:
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS, strict=True)) % 11]


credit_codes = st.builds(
    lambda head, region, tail: head + region + tail,
    st.text(CREDIT_CHARSET, min_size=2, max_size=2),
    st.text("0123456789", min_size=6, max_size=6),
    st.text(CREDIT_CHARSET, min_size=9, max_size=9),
).map(lambda first17: first17 + credit_check(first17))

id_numbers = st.builds(
    lambda region, birth, seq: f"{region}{birth:%Y%m%d}{seq:03d}",
    st.integers(110000, 659999).map(str),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)),
    st.integers(0, 999),
).map(lambda first17: first17 + id_check(first17))


@pytest.mark.parametrize(
    ("code", "valid"),
    [
        ("91350100M000100Y43", True),
        ("91350100M000100Y44", False),
        ("91350100M000100Y4", False),  # 17 characters
        ("91350100M000100I43", False),  # I is not in the charset
        ("9135010OM000100Y43", False),  # letter in the region code
        ("91350100m000100y43", False),
    ],
)
def test_is_valid_credit_code(code: str, valid: bool) -> None:
    assert is_valid_credit_code(code) is valid


@given(credit_codes, st.data())
def test_credit_code_check_digit(code: str, data: st.DataObject) -> None:
    assert is_valid_credit_code(code)
    other = data.draw(st.sampled_from([c for c in CREDIT_CHARSET if c != code[-1]]))
    assert not is_valid_credit_code(code[:-1] + other)
    text = f"统一社会信用代码:{code},地址"
    assert (9, 27, code) in find_credit_codes(text) or code.isdigit()


def test_find_credit_codes() -> None:
    text = "统一社会信用代码:91350100M000100Y43 假代码91350100M000100Y44 X91350100M000100Y43"
    assert find_credit_codes(text) == [(9, 27, "91350100M000100Y43")]


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        ("11010519491231002X", True),
        ("11010519491231002x", True),
        ("110105194912310021", False),  # wrong check digit
        ("110105194913310028", False),  # month 13
        ("01010519491231002X", False),  # region cannot start with 0
        ("11010519491231002", False),
    ],
)
def test_is_valid_id_number(number: str, valid: bool) -> None:
    assert is_valid_id_number(number) is valid


@given(id_numbers, st.data())
def test_id_number_check_digit(number: str, data: st.DataObject) -> None:
    assert is_valid_id_number(number)
    other = data.draw(st.sampled_from([c for c in "0123456789X" if c != number[-1]]))
    assert not is_valid_id_number(number[:-1] + other)
    assert find_id_numbers(f"身份证号:{number}。") == [(5, 23, number)]
    assert find_dates(number) == []
    assert find_phone_numbers(number) == []
    assert find_credit_codes(number) == []  # an ID number is never also reported as a credit code


def test_find_id_numbers_not_inside_longer_runs() -> None:
    assert find_id_numbers("911010519491231002X") == []
    assert find_id_numbers("11010519491231002X1") == []


def test_find_phone_numbers() -> None:
    text = "电话:13800138000 座机0755-12345678、(020)87654321 手机 138 0013 8000 +86 13912345678"
    assert [p[2] for p in find_phone_numbers(text)] == [
        "13800138000",
        "0755-12345678",
        "(020)87654321",
        "138 0013 8000",
        "+86 13912345678",
    ]
    for start, end, s in find_phone_numbers(text):
        assert text[start:end] == s


@pytest.mark.parametrize("text", ["12800138000", "1380013800012", "11010519491231002X", "金额2024-12345"])
def test_find_phone_numbers_negatives(text: str) -> None:
    assert find_phone_numbers(text) == []


def test_find_plate_numbers() -> None:
    text = "车辆粤B12345、粤B·12345、粤B·D12345、粤BD12345号车，挂车粤B1234挂；湘ABCDEF不是"
    assert [p[2] for p in find_plate_numbers(text)] == [
        "粤B12345",
        "粤B·12345",
        "粤B·D12345",
        "粤BD12345",
        "粤B1234挂",
    ]


# -------------------------------------------------------------------------------- officers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "执法人员:张三 执法证号:44010012345 李四 执法证号:44010012346",
            [("张三", "44010012345"), ("李四", "44010012346")],
        ),
        (
            "询问人:王五(执法证号:19001234) 记录人:赵六(执法证号:19001235) "
            "被询问人:孙七 身份证号:11010519491231002X",
            [("王五", "19001234"), ("赵六", "19001235")],
        ),
        ("执法人员:张三、李四 执法证号:4401001、4401002", [("张三", "4401001"), ("李四", "4401002")]),
        (
            "勘验人:赵六 单位及职务:东莞市交通运输局 执法员 执法证号:440100123\n"
            "勘验人:钱七 单位及职务:同上 执法证号:440100124",
            [("赵六", "440100123"), ("钱七", "440100124")],
        ),
        ("执法人员 张三(证号 44010012345)", [("张三", "44010012345")]),
        ("执法人员:张三(44010012345)、李四(44010012346)", [("张三", "44010012345"), ("李四", "44010012346")]),
        ("执法人员:欧阳明华执法证号:ABC123456 记录人:欧阳明华", [("欧阳明华", "ABC123456")]),
        ("执法人员:张三 李四\n时间:2024年3月5日", [("张三", None), ("李四", None)]),
        ("执法人员:张三、李四 执法证号:4401002", [("张三", None), ("李四", "4401002")]),
        ("询问人:王五 记录人:赵六 执法证号:19001235", [("王五", None), ("赵六", "19001235")]),
        (
            "执法人员:张三 执法证号:44010012345 当事人:王五 驾驶证号:440101199003051234",
            [("张三", "44010012345")],
        ),
        ("执法人员(签名):张三 李四", [("张三", None), ("李四", None)]),
    ],
)
def test_find_officers(text: str, expected: list[tuple[str, str | None]]) -> None:
    found = find_officers(text)
    assert [(o.name, o.certificate) for o in found] == expected
    for o in found:
        assert text[o.start : o.end] == o.text
        assert o.name in o.text


def test_find_officers_ocr_split_name_and_placeholders() -> None:
    text = "执法人员 : 张 三 执法证号:44010012345 记录人:同上"
    (o,) = find_officers(text)
    assert (o.name, o.certificate, o.text) == ("张三", "44010012345", "张 三 执法证号:44010012345")
    assert text[o.start : o.end] == o.text


@pytest.mark.parametrize(
    "text",
    [
        "执法人员向当事人出示了执法证件",
        "被询问人:孙七 身份证号:11010519491231002X",
        "执法人员签名: 2024年3月5日",
    ],
)
def test_find_officers_negatives(text: str) -> None:
    assert find_officers(text) == []


# -------------------------------------------------------------------------------- articles


def test_find_articles_inherit_law() -> None:
    text = "依据《中华人民共和国道路运输条例》第六十三条第一款第(一)项、第七十条的规定"
    found = find_articles(text)
    assert [(a.text, a.law, a.article, a.paragraph, a.item) for a in found] == [
        ("《中华人民共和国道路运输条例》第六十三条第一款第(一)项", "中华人民共和国道路运输条例", 63, 1, 1),
        ("第七十条", "中华人民共和国道路运输条例", 70, None, None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("《行政处罚法》第64条", [("行政处罚法", 64, None, None)]),
        ("《行政处罚法》 第 六十四 条", [("行政处罚法", 64, None, None)]),
        (
            "《行政处罚法》第三十二条、第四十二条",
            [("行政处罚法", 32, None, None), ("行政处罚法", 42, None, None)],
        ),
        (
            "违反了《道路运输条例》第十条的规定，依据第七十条第二款、第三款的规定。第八条",
            [("道路运输条例", 10, None, None), ("道路运输条例", 70, 2, None), ("道路运输条例", 70, 3, None)],
        ),
        ("《条例》第六十三条第一款(一)、(二)项", [("条例", 63, 1, 1), ("条例", 63, 1, 2)]),
        ("《道路运输条例》第一百零五条第2款第3项", [("道路运输条例", 105, 2, 3)]),
        (
            "《中华人民共和国行政处罚法(2021年修订)》第五十一条",
            [("中华人民共和国行政处罚法(2021年修订)", 51, None, None)],
        ),
        ("《A法》第一条；第二条", [("A法", 1, None, None)]),  # a new sentence does not inherit
        ("送达《行政处罚决定书》第一条", []),  # a document title is not a law
        ("根据本法第十条", []),
    ],
)
def test_find_articles(text: str, expected: list[tuple[str, int, int | None, int | None]]) -> None:
    found = find_articles(text)
    assert [(a.law, a.article, a.paragraph, a.item) for a in found] == expected
    for a in found:
        assert text[a.start : a.end] == a.text


# -------------------------------------------------------------------------------- numerals, compact


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("六十三", 63),
        ("一百零五", 105),
        ("二〇二四", 2024),
        ("二零二四", 2024),
        ("十一", 11),
        ("十", 10),
        ("二十", 20),
        ("三十一", 31),
        ("一千零五十", 1050),
        ("两千", 2000),
        ("壹拾万", 100000),
        ("壹亿零壹万", 100010000),
        ("一万五", 15000),
        ("一百五", 150),
        ("64", 64),
        ("零", 0),
        ("五五十", None),
        ("十十", None),
        ("百", None),
        ("万", None),
        ("", None),
        ("abc", None),
        ("六十三条", None),
    ],
)
def test_chinese_numeral_to_int(text: str, value: int | None) -> None:
    assert chinese_numeral_to_int(text) == value


def test_compact_and_map_span() -> None:
    text = "粤东交罚 〔2025〕\n00977 号"
    packed, index = compact(text)
    assert packed == "粤东交罚〔2025〕00977号"
    assert len(index) == len(packed)
    assert all(text[i] == c for i, c in zip(index, packed, strict=True))
    a = packed.index("00977")
    start, end = map_span(index, a, a + 5)
    assert text[start:end] == "00977"
    assert map_span(index, 0, len(packed)) == (0, len(text))


# -------------------------------------------------------------------------------- offsets and speed

FINDERS: Sequence[Callable[[str], Sequence[object]]] = (
    find_dates,
    find_amounts,
    find_case_numbers,
    find_officers,
    find_articles,
)
TUPLE_FINDERS: Sequence[Callable[[str], list[tuple[int, int, str]]]] = (
    find_credit_codes,
    find_id_numbers,
    find_phone_numbers,
    find_plate_numbers,
)
ALPHABET = "0123456789 年月日时分至〇一二三十壹贰万仟元整角¥,.-/:()〔〕【】[]第条款项号《》法粤东交罚"
ALPHABET += "执法人员证号张三、XBD·"


@given(st.text(ALPHABET, max_size=60))
def test_offsets_point_at_the_match(text: str) -> None:
    for finder in FINDERS:
        for m in finder(text):
            start, end, matched = m.start, m.end, m.text  # type: ignore[attr-defined]
            assert text[start:end] == matched
            assert matched and not matched[0].isspace() and not matched[-1].isspace()
    for tfinder in TUPLE_FINDERS:
        for start, end, matched in tfinder(text):
            assert text[start:end] == matched


PAGE = (
    "案号:粤东交罚〔2025〕00977号 询问笔录 时间:2025年3月5日14时30分至15时10分 地点:东莞市南城区 "
    "询问人:王五(执法证号:19001234) 记录人:赵六(执法证号:19001235) 被询问人:孙七 身份证号:11010519491231002X "
    "电话:13800138000 问:你驾驶的粤B·D12345号车辆是否取得道路运输证? 答:没有。"
    "依据《中华人民共和国道路运输条例》第六十三条第一款第(一)项、第七十条的规定，决定给予罚款人民币壹万元整(¥10,000.00)的行政处罚。"
    "统一社会信用代码91350100M000100Y43。本机关于二〇二五年四月十日作出决定，逾期每日按罚款数额的百分之三加处罚款。"
)


def test_every_finder_reads_a_long_page() -> None:
    # Speed is bench's business; here each finder must get through a 2,000-character page.
    page = (PAGE * 10)[:2000]
    for finder in (*FINDERS, *TUPLE_FINDERS):
        assert finder(page) is not None, finder.__name__


def test_ocr_glued_date_and_time() -> None:
    """OCR drops the space between an ISO date and its time: "2023-08-1810:10"."""
    (match,) = find_dates("违法事实:2023-08-1810:10,郭梅")
    assert match.date == dt.date(2023, 8, 18)
    assert match.time == dt.time(10, 10)
    assert find_dates("20230818101") == []


def test_tidy_case_number_mends_ocr_brackets_and_spaces() -> None:
    assert tidy_case_number("湘攸交处罚〔2025]712(非) 号") == "湘攸交处罚〔2025〕712(非)号"
    assert tidy_case_number("吉吉海事罚字【2025】00428 号") == "吉吉海事罚字【2025】00428号"
    assert tidy_case_number("粤东交罚[2024]01483号") == "粤东交罚〔2024〕01483号"
    # Printed (2023) stays as printed; OCR's () around the year says nothing of the print.
    assert tidy_case_number("京(朝)交罚(2026)第01616号") == "京(朝)交罚(2026)第01616号"
    assert tidy_case_number("京(朝)交罚(2026)第01616号", ocr=True) == "京(朝)交罚〔2026〕第01616号"


def test_chinese_year_missing_its_zero_is_read_but_flagged() -> None:
    """OCR loses the small 〇: 二〇二四 → 二二四. The date is found, marked as repaired."""
    (match,) = find_dates("江门市交通运输局 二二四年四月二十五日")
    assert match.date == dt.date(2024, 4, 25)
    assert match.repaired
    assert not find_dates("2024年3月5日")[0].repaired


@pytest.mark.parametrize(
    ("text", "date", "time", "repaired"),
    [
        ("2024.10.289时00分", dt.date(2024, 10, 28), dt.time(9, 0), False),  # only 28 + 9 makes sense
        ("询问时间:2025.4.209时20分", dt.date(2025, 4, 20), dt.time(9, 20), True),  # 20+9 or 2+09
    ],
)
def test_dotted_date_glued_to_its_hour(text: str, date: dt.date, time: dt.time, repaired: bool) -> None:
    (match,) = find_dates(text)
    assert (match.date, match.time, match.repaired) == (date, time, repaired)


def test_credit_code_wrapped_in_its_cell() -> None:
    from casereview.extract.fields import wrapped_credit_code

    window = (
        "当事人(单位) 攸县腾飞货运有限公司\n统一社会信用代码 914302230A1FW 法定代表人 董博海\nMGB9K\n地址"
    )
    assert wrapped_credit_code(window) == "914302230A1FWMGB9K"
    assert wrapped_credit_code(window.replace("MGB9K", "MGB9X")) is None  # check digit fails
    # the label wraps in its narrow cell too
    label_wrapped = "被处罚人\n某某货运有限公司\n统一社会信用\n代码\n91430223DKK\n4G7KJ7W\n法定代表人"
    assert wrapped_credit_code(label_wrapped) == "91430223DKK4G7KJ7W"


def test_officer_after_a_doubled_ocr_colon() -> None:
    (officer,) = find_officers("询问人::赵峰 执法证号::44070076624 单位:江门市交通运输局执法支队")
    assert (officer.name, officer.certificate) == ("赵峰", "44070076624")


def test_glued_colon_time_that_could_split_two_ways_is_flagged() -> None:
    (match,) = find_dates("执法时间:2026.2.216:20至17:48")  # 2月21日 6:20 or 2月2日 16:20
    assert match.repaired
