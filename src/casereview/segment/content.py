"""Classifying a page whose title cannot be read: by what the page says.

Real files carry pages whose title is missing (a published decision copied from a website), printed
in a letterhead image, stamped over, or garbled by OCR. Each cue below names words that only that
document prints, several of which must appear together; a page that matches none stays unknown
(never a guess that could drive a fail).
"""

from __future__ import annotations

import re

from casereview.domain import doctypes

_HEAD = 260  # characters at the top of the page where a document opens


def _all(text: str, *patterns: str) -> bool:
    return all(re.search(p, text) for p in patterns)


def content_type(text: str, previous: str | None) -> str | None:
    """The document type ``text`` (a page's compacted text) opens, or None."""
    head = text[:_HEAD]
    # An archive's cover (卷宗封面) whose title sits under its boxes: the archive's own fields.
    if len(re.findall(r"全宗号|目录号|案卷号|保管期限|立卷人|卷内件数|卷内页数|归档日期", head)) >= 3:
        return doctypes.FENGMIAN
    # 公告送达: a public notice that the decision is served by publication; it quotes the decision,
    # so it is tested first.
    announced = re.search(r"公告送达|送达公告", head) or _all(head, r"公告", r"视为送达")
    if announced and re.search(r"视为送达|公告期|自公告之日起|公告送达", text):
        return doctypes.GONGGAO_SONGDA
    # A publication record printed from a web platform: its fields, not a title line.
    # (a field table, or the decision's text as published under the site's 发布日期).
    if _all(
        text,
        r"(公示|公开|发布|上网)(日期|时间)",
        r"(处罚决定|决定书)(文号|日期)|处罚(结果|内容|事由)|行政处罚",
    ):
        return doctypes.GONGSHI
    slip = _all(text, r"缴款(人|单位)|交款人|付款人", r"(执收|收款)(单位|银行|人)|收费项目|项目名称|票据")
    if slip and re.search(r"罚没|罚款", text):
        return doctypes.PIAOJU
    # A decision without its title: the party, the decision itself and the remedy routes.
    decides = re.search(
        r"(决定|现)(对你|对当事人|对其)?[(（]?(单位)?[)）]?(给予|作出|处以|罚款)|作出如下(行政)?处罚|处罚决定如下|决定如下",
        text,
    )
    # The remedy routes, or how the fine is paid (a decision may lack the former: that is P-07's finding).
    remedy = re.search(r"行政复议|行政诉讼|缴纳罚款|履行方式", text)
    opens = re.search(r"当事人|被处罚人|违法行为人|行政相对人", head)
    if decides and remedy and opens and previous != doctypes.JUEDING:
        return doctypes.JUEDING
    return None
