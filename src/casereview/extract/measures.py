"""What a compulsion or inspection file states beyond its dates: the measure's period and goods,
the signature (or refusal) of the inspected party, the audio-video record.

Plain functions over a document's text with whitespace removed (``numerals.compact``), so a line
break or OCR spacing inside a phrase never hides it. Each returns the match, so a rule can show
the spot; None when nothing is printed.
"""

from __future__ import annotations

import re

from casereview.extract.numerals import chinese_numeral_to_int

# "期限为三十日" / "扣押期限30日" / "期限：自…起三十日"
_PERIOD = re.compile(
    r"期限(?:为|是|:|：)?(?:自[^。；;]{0,24}?起)?(?P<n>[0-9]{1,3}|[一二三四五六七八九十百零〇两]{1,4})(?:日|天)"
)
# A reference to the audio-video record of the measure (程序规定 第54条; 国办发〔2018〕118号).
AV_RECORD = re.compile(
    r"执法记录仪|音像记录|录音录像|同步录像|全程录像|视听资料|视频资料|录像资料|音视频记录|执法记录设备"
)
# A goods list inside another document: its table head (物品名称 … 数量).
GOODS_HEAD = re.compile(r"(?:物品|财物|设施|场所)(?:名称)?(?:规格|型号|数量|[^。]{0,12}数量)")
# The party's signature or receipt on a record or a decision: a name after the label (not the next
# label: "被检查人签名：检查人员签名：…" is an empty signature box).
SIGNED = re.compile(
    r"(?:被检查人|被检查单位|当事人|现场负责人|现场人员|受送达人|收件人)(?:\(?(?:签名|签字|签章|签收|盖章)\)?){1,2}"
    r"(?:或盖章)?[:：]?(?!检查|执法|记录|见证|日期|年|\d)(?P<name>[\u4e00-\u9fff·]{2,4})"
)
# The 现场笔录 records that the decision was handed over on the spot.
HANDED_OVER = re.compile(
    r"当场(?:交付|送达|送交|交给)[^。；;]{0,24}决定书|决定书[^。；;]{0,12}当场(?:交付|送达|送交)"
)
REFUSED = re.compile(r"拒绝签(?:名|字|收|章)|拒签|拒不签(?:名|字)")
SIGNATURE_LABEL = re.compile(r"(?:被检查人|被检查单位|当事人|现场负责人)(?:签名|签字|签章|签收)")


def period_days(flat: str) -> int | None:
    """The period a 行政强制措施决定书 states (期限为三十日 → 30)."""
    match = _PERIOD.search(flat)
    if match is None:
        return None
    raw = match.group("n")
    return int(raw) if raw.isdigit() else chinese_numeral_to_int(raw)
