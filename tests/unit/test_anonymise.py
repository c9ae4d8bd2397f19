"""Finding and replacing personal data in case-file text (pure text, hand-written examples)."""

from __future__ import annotations

import pytest

from casereview.export.anonymise import (
    ADDRESS,
    BANK_ACCOUNT,
    CREDIT_CODE,
    ID_NUMBER,
    NAME,
    PHONE,
    PLATE,
    Identifier,
    anonymise_text,
    find_identifiers,
    fold,
    mask,
    pseudonym,
)


def _found(text: str, known: tuple[str, ...] = ()) -> dict[str, str]:
    """text → kind of every identifier found."""
    return {i.text: i.kind for i in find_identifiers(text, known)}


def _clean(text: str, known: tuple[str, ...] = ()) -> str:
    return anonymise_text(text, find_identifiers(text, known))


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("身份证件号：430225198403246318", "430225198403246318", ID_NUMBER),
        ("公民身份号码 11010519491231002X 已核对", "11010519491231002X", ID_NUMBER),
        ("身份证号：110105491231002", "110105491231002", ID_NUMBER),  # 15-digit, first generation
        ("联系电话：17268465632", "17268465632", PHONE),
        ("手机 138-1234-5678，请保持畅通", "138-1234-5678", PHONE),
        ("联系电话：0731-26220000", "0731-26220000", PHONE),
        ("电话（020）83331234", "（020）83331234", PHONE),
        ("驾驶粤B·12345小型轿车", "粤B·12345", PLATE),
        ("车号粤B12345，车型轿车", "粤B12345", PLATE),
        ("湘A·D12345新能源车", "湘A·D12345", PLATE),
        ("号牌号码 京·D6191", "京·D6191", PLATE),
        ("统一社会信用代码：91430223FH3DPP6A3Y，", "91430223FH3DPP6A3Y", CREDIT_CODE),
        ("缴至中国农业银行（账号：224509491255160421）", "224509491255160421", BANK_ACCOUNT),
        ("开户行：工商银行江门分行 账号 6222 0212 3456 7890", "6222 0212 3456 7890", BANK_ACCOUNT),
        ("住址：湖南省炎陵县建设路230号", "湖南省炎陵县建设路230号", ADDRESS),
        ("联系地址:长沙市芙蓉区五一大道", "长沙市芙蓉区五一大道", ADDRESS),
        ("住址\n广东省江门市环城路64号26栋1202房\n联系电话", "广东省江门市环城路64号26栋1202房", ADDRESS),
        ("答：我叫卢宇，现住湖南省炎陵县建设路230号。", "湖南省炎陵县建设路230号", ADDRESS),
        ("当事人：卢宇，性别：男", "卢宇", NAME),
        ("被询问人:欧阳明华 性别:男", "欧阳明华", NAME),
        ("当事人\n戴嘉祥\n性别", "戴嘉祥", NAME),
        ("收件人签名（盖章）卢宇 2024年12月27日", "卢宇", NAME),
        ("执法人员签名：段杰卫 邱艳 2024年12月20日", "邱艳", NAME),
        ("调查人员 段杰卫(43022508301)、邱艳(43022560913)", "邱艳", NAME),
        ("听证主持人:严建 听证员:薛勇 记录员:苏佳玉", "薛勇", NAME),
        ("执法人员签名:林伟(执法证号:44070097550)秦然琪(执法证号:44070013984)", "秦然琪", NAME),
        ("审核人员：武远（法律职业资格证书编号：A19093786579754）", "武远", NAME),
        ("法定代表人 赵龙", "赵龙", NAME),
        ("当事人签名:龙玉德2025年3月6日", "龙玉德", NAME),
    ],
)
def test_true_positives(text: str, value: str, kind: str) -> None:
    assert _found(text).get(value) == kind, _found(text)
    assert fold(value) not in fold(_clean(text))


@pytest.mark.parametrize(
    "text",
    [
        "案号：粤交执罚〔2026〕12号",  # case numbers are public
        "湘炎交处罚〔2024〕12号",
        "吉吉海事罚字【2025】00550号",
        "2024年12月20日 17:35 至 2024-12-25",
        "决定给予罚款人民币贰万元整（¥20,000.00）的行政处罚，20000元",
        "违反了《中华人民共和国道路运输条例》第十条第一款、第六十三条的规定",
        "执法人员：段杰卫 执法证号：43022508301",  # certificate numbers stay (the name goes)
        "执法证号：13022508301",  # an 11-digit certificate starting with 1 is not a phone
        "执法证号分别为\n13022560913、13022508301",
        "No.17976748 票据号码 No.3164317015",
        "归档号 2025-3187 共21页",
        "炎陵县交通运输局 炎陵县交通运输综合行政执法大队",  # the enforcement body is public
        "执法地点:炎陵县霞阳镇神农大道与洣泉路交叉路口",  # a place without a door number
        "告知当事人权利义务。当事人是否申请回避?",
        "承办机构负责人意见\n同意。",
        "送达地址确认书",
        "湘2024年度第3季度",
    ],
)
def test_not_personal_data(text: str) -> None:
    found = _found(text)
    kept = {k: v for k, v in found.items() if v != NAME}
    assert not kept, kept
    if "段杰卫" in text:
        assert "43022508301" in _clean(text) and "段杰卫" not in _clean(text)
    else:
        assert not found, found
        assert _clean(text) == text


def test_names_replaced_everywhere_with_role_pseudonyms() -> None:
    text = (
        "被询问人：卢宇 性别：男\n问：请介绍你的基本情况。\n答：我叫卢宇，经查卢宇未取得许可。\n"
        "执法人员签名：段杰卫 邱艳\n执法人员段杰卫、邱艳依法进行了调查。"
    )
    cleaned = _clean(text)
    assert "卢宇" not in cleaned and "段杰卫" not in cleaned and "邱艳" not in cleaned
    assert cleaned.count("卢某某") == 3
    assert "被询问人：卢某某" in cleaned and "执法人员签名：段某某 邱某某" in cleaned
    assert pseudonym("欧阳明华") == "欧阳某某" and pseudonym("张三") == "张某某"


def test_known_names_without_labels() -> None:
    text = "2024年12月20日，卢宇驾驶湘B·V6507小型轿车搭载乘客。"
    assert "卢宇" in _clean(text)  # no label, no known name: an unknown word
    cleaned = _clean(text, ("卢宇",))
    assert cleaned == "2024年12月20日，卢某某驾驶湘B·*****小型轿车搭载乘客。"


def test_plate_keeps_province_and_letter() -> None:
    assert _clean("粤B·12345") == "粤B·*****"
    assert _clean("车号粤B12345，") == "车号粤B·*****，"
    assert _clean("湘A·D12345") == "湘A·******"


def test_values_wrapped_over_lines() -> None:
    text = "当事人:卢宇,身份证件号:4302251984\n03246318,住址:湖南省炎\n陵县建设路230号,联系电话:17268465632。"
    found = _found(text)
    assert found.get("430225198403246318") == ID_NUMBER
    assert found.get("湖南省炎陵县建设路230号") == ADDRESS
    assert "湖南省炎" not in found, "the cut-off head of a wrapped address is not an address of its own"
    cleaned = _clean(text)
    for value in ("430225198403246318", "湖南省炎陵县建设路230号", "17268465632", "卢宇"):
        assert fold(value) not in fold(cleaned)
    assert "身份证件号:******************" in cleaned.replace("\n", "")


def test_wrapped_id_number_needs_its_check_digit() -> None:
    # Joined across a line break, 18 digits are an ID only with a valid check digit.
    assert ID_NUMBER not in _found("编号4302251984\n03246319").values()
    assert _found("编号4302251984\n03246318").get("430225198403246318") == ID_NUMBER


def test_full_width_text_keeps_its_punctuation() -> None:
    text = "联系电话：１７２６８４６５６３２，住址：湖南省炎陵县建设路２３０号。"
    cleaned = anonymise_text(text, find_identifiers("联系电话:17268465632", ()))
    assert cleaned.startswith("联系电话：***********，住址：")  # full-width digits matched, ，kept


def test_longest_first_and_no_identifiers() -> None:
    ids = [Identifier(NAME, "王强", "王某某"), Identifier(ADDRESS, "王强路1号", "****")]
    assert anonymise_text("住在王强路1号的王强", ids) == "住在****的王某某"
    assert anonymise_text("无个人信息", []) == "无个人信息"


def test_mask_hides_most_of_the_text() -> None:
    assert mask("卢宇") == "卢*"
    assert mask("戴嘉祥") == "戴*祥"
    assert mask("430225198403246318") == "43**************18"
    assert mask("粤B·12345") == "粤B***45"
