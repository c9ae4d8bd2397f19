"""Plausibility checks on extracted values: a rule may fail only on a value that passes them.

Each check returns ``None`` for a plausible value, else the reason in Chinese (it becomes part of a
``needs_review`` message: 未能识别… / 识别结果不像…).
"""

from __future__ import annotations

import re

# Words a table form prints as labels: read as a value they mean the layout was misread.
LABEL_WORDS = frozenset(
    {
        "姓名", "名称", "单位", "个人", "单位名称", "姓名或名称", "名称或姓名", "当事人", "被处罚人", "性别",
        "年龄", "住址", "地址", "电话", "联系电话", "法定代表人", "负责人", "统一社会信用代码", "身份证",
        "身份证号", "身份证件号码", "证件号码", "职务", "工作单位", "车牌号", "车牌号码", "营业执照",
        "送达文书", "受送达人", "签名", "盖章", "日期", "无", "同上", "自然人", "法人", "其他组织", "公民",
        "法人或者其他组织", "单位或个人", "违法当事人", "当事人姓名", "当事人名称", "基本情况",
        "信息", "基本信息", "情况", "概况", "资料", "当事人信息", "当事人情况",
    }
)  # fmt: skip
_ORG_END = re.compile(
    r"(公司|有限公司|集团|合作社|中心|站|厂|店|部|队|所|院|协会|车行|商行|经营部|车队|处|场|行|社|馆|局)$"
)
# Parts of label words (身份证件号, 执法证号, 统一社会信用代码 …) never found in a name.
_LABELISH = re.compile(
    r"证号|证件|号码|代码|电话|地址|住址|住所|性别|年龄|职务|签名|日期|时间|人员|身份证|编号|文号"
)
_SENTENCE = re.compile(r"[。；;！？]|驾驶|经营|未取得|违反|依据|根据|规定|处罚|决定|告知|送达|于\d")
_PERSON = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,8}")


# The kind printed in or under the 当事人 label cell: 被处罚人 / （个人）.
_PARTY_KIND = re.compile(r"[(（]?(?:个人|单位|自然人|法人|其他组织|法人或其他组织|个体工商户|公民)[)）]?")


def party_name_problem(name: str) -> str | None:
    """Why ``name`` is not a party's name or an organisation's name, or None when it may be one."""
    flat = re.sub(r"\s+", "", name)
    if not flat:
        return "为空"
    if flat in LABEL_WORDS or any(flat.startswith(w) and len(flat) - len(w) <= 1 for w in LABEL_WORDS):
        return f"“{flat}”是栏目名称而非当事人"
    if _PARTY_KIND.fullmatch(flat):
        return f"“{flat}”是当事人类别而非当事人"
    if _LABELISH.search(flat):
        return f"“{flat}”含栏目用语而非当事人"
    cjk = sum("\u4e00" <= ch <= "\u9fff" for ch in flat)
    if cjk < 2 or cjk < len(flat) / 2:
        return f"“{flat}”像编号而非姓名或名称"
    if len(flat) > 40 or _SENTENCE.search(flat):
        return f"“{flat[:20]}”像一句话而非姓名或名称"
    if _ORG_END.search(flat) or _PERSON.fullmatch(flat):
        return None
    if len(flat) <= 6:
        return None  # short names without a company suffix: 个体 trade names, people
    return f"“{flat}”不像姓名或单位名称"
