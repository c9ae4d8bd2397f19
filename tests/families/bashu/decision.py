"""行政处罚决定书 as filed (pre-printed form) or as published (no title line, masked details),
the 当场行政处罚决定书, and the 公告 posted after service."""

from __future__ import annotations

import datetime as dt
import io

import pymupdf
from PIL import Image, ImageDraw

from families.bashu.draw import LEFT, RIGHT, Book, Sheet, W
from families.bashu.investigation import head
from families.bashu.seals import font
from families.bashu.words import COPIES, Words, cn, hm

KEY = "行政处罚决定书"
GUIDANCE = "（分以下情况写明：1.罚款的缴纳方式和期限；2.其他处罚的执行方式）"
REVIEW_LAW_2023 = dt.date(2024, 1, 1)


def _rights(w: Words, notice_title: str) -> str:
    d, p, you = w.d, w.plan, w.you()
    assert d.notice_service
    rights = "陈述、申辩和要求听证" if p.triggered and not w.mut.get("notice_no_hearing") else "陈述、申辩"
    out = f"本机关于{cn(d.notice_service)}向{you}送达《{notice_title}》，告知了拟处罚的事实、理由、依据及{you}依法享有的{rights}权利。"
    if d.hearing:
        out += f"应{you}申请，本机关于{cn(d.hearing)}举行听证，{you}提出的从轻请求经复核，" + (
            "予以部分采纳。" if p.fine < p.proposed_fine else "因无法定从轻情节，不予采纳。"
        )
    elif d.statement:
        out += f"{you}于{cn(d.statement)}进行了陈述申辩，" + (
            "所提理由部分成立，本机关予以采纳。"
            if p.fine < p.proposed_fine
            else "所提理由不能成立，本机关不予采纳。"
        )
    elif d.waiver:
        out += f"{you}于{cn(d.waiver)}书面放弃上述权利。"
    else:
        out += f"{you}在规定期限内未提出陈述、申辩。"
    return out


def _letterhead(agency: str) -> bytes:
    """A red letterhead printed as an image: the title exists only as pixels."""
    img = Image.new("RGB", (1800, 300), "white")
    d = ImageDraw.Draw(img)
    for text, size, y in ((agency, 110, 10), ("行 政 处 罚 决 定 书", 84, 150)):
        f = font(size)
        d.text(((1800 - d.textlength(text, font=f)) / 2, y), text, font=f, fill=(200, 30, 35))
    d.rectangle((40, 286, 1760, 294), fill=(200, 30, 35))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def decision(b: Book, w: Words, notice_title: str, published: bool) -> None:
    d, m, p = w.d, w.mut, w.plan
    you = "你（单位）" if m.get("w01") == "ni_danwei" else w.you()
    if published:
        letterhead = w.rng.random() < 0.5
        s = Sheet(b, KEY, "", key=KEY)
        if letterhead:
            s.page.insert_image(
                pymupdf.Rect(LEFT, s.y - 10, W - RIGHT, s.y + 65), stream=_letterhead(w.a.name)
            )
            s.y += 70
        else:
            s.line(w.a.name, 15, align="center", gap=6)
        s.line(w.number(KEY), 11.5, align="center", fill=True, gap=12)
        s.line(w.party_sentence(KEY, masked=True), 11.5, fill=True, gap=9)
    else:
        s = head(b, w, KEY, KEY)
        for row in w.party_blanks(KEY):
            s.blanks(row)
    heads = w.pick("基本案情", "查处行为")
    s.line(f"一、{heads}", 12, bold=True)
    ev = "、".join(dict.fromkeys([q.type for q in p.inquiries] + p.evidence))
    s.para(f"经查，{w.facts(KEY)}。上述事实有{ev}等证据证实。")
    s.para(_rights(w, notice_title))
    s.line("二、处罚内容", 12, bold=True)
    steps = "经法制审核、集体讨论，" if d.discussion else ("经法制审核，" if d.legal_review else "")
    level = "从轻" if p.fine < p.proposed_fine else "一般"
    s.para(
        f"{you}的行为违反了{w.v.breach}的规定。依据{w.v.basis}的规定，参照《{w.a.province}交通运输行政处罚裁量基准》，"
        f"本案属{level}情节，{steps}本机关决定对{you}{w.fine(p.fine, m.get('c03'))}。"
    )
    if m.get("w01") == "guidance":
        s.para(GUIDANCE)
    if m.get("p07") != "nocomply":
        acct = (
            "________"
            if m.get("w01") == "underscore"
            else "".join(w.rng.choice("0123456789") for _ in range(19))
        )
        s.line("三、履行方式和期限", 12, bold=True)
        s.para(
            f"请于收到本决定书之日起十五日内到{w.a.bank}缴纳罚款（账号：{acct}）。逾期不缴纳的，每日按罚款数额的"
            "百分之三加处罚款，加处罚款数额不超出罚款数额。"
        )
    if m.get("p07") != "noremedy":
        s.line("四、救济途径和期限" if m.get("p07") != "nocomply" else "三、救济途径和期限", 12, bold=True)
        s.para(
            f"对本决定不服的，可以自收到本决定书之日起六十日内向{w.a.review_body}申请行政复议，或者在六个月内向"
            f"{w.a.court}提起行政诉讼。复议、诉讼期间本决定不停止执行。逾期不申请复议、不起诉又不履行的，本机关将依法"
            "申请人民法院强制执行。"
        )
    s.signoff(w.a.name, cn(d.decision), seal=m.get("s01") != "decision")
    if not published:
        s.line(COPIES, 9)
    s.finish()


def summary(b: Book, w: Words) -> None:
    d, p = w.d, w.plan
    s = head(b, w, "当场行政处罚决定书", "当场行政处罚决定书")
    s.text(
        W - RIGHT - 110,
        58,
        "No " + "".join(w.rng.choice("0123456789") for _ in range(9)),
        10,
        color=(0.7, 0.1, 0.1),
    )
    for row in w.party_blanks(KEY):
        s.blanks(row)
    s.blanks([("车（船）号", w.p.plate, 100), ("违法时间", f"{cn(d.violation)}{hm(d.violation_time)}", 160)])
    s.line("违法事实：", 11.5, bold=True)
    s.para(w.facts(KEY) + "。")
    s.para(
        f"{w.you()}的行为违反了{w.v.breach}的规定，依据{w.v.basis}，当场决定给予{w.fine(p.fine)}的行政处罚。"
    )
    paid = ("☑", "□") if p.on_the_spot_payment else ("□", "☑")
    s.para(
        f"履行方式：{paid[0]}当场缴纳  {paid[1]}收到本决定书之日起十五日内到{w.a.bank}缴纳。逾期每日按罚款数额的百分之三加处罚款。"
    )
    s.para("作出本决定前，执法人员已口头告知当事人拟处罚的事实、理由、依据及依法享有的陈述、申辩权利。")
    if d.decision >= REVIEW_LAW_2023:
        s.para(
            f"不服本决定的，应当自收到之日起六十日内先向{w.a.review_body}申请行政复议；对复议决定不服的，可依法提起行政诉讼。"
        )
    else:
        s.para(
            f"不服本决定的，可于六十日内向{w.a.review_body}申请行政复议，或于六个月内向{w.a.court}提起行政诉讼。"
        )
    who = w.p.contact.name if w.p.contact else w.p.name
    t = (d.violation_time[0], min(59, d.violation_time[1] + 12))
    s.blanks([("当事人签收", who, 80), ("时间", f"{cn(d.decision)}{hm(t)}", 150)])
    s.blanks([("执法人员及证号", w.officers_line(), 320)])
    s.signoff(w.a.name, cn(d.decision))
    s.line(COPIES, 9)
    s.finish()


def posted_notice(b: Book, w: Words) -> None:
    """公告: the decision's number and gist posted at the agency's notice board (an attachment)."""
    d = w.d
    assert d.decision_service
    s = Sheet(b, "公告送达", "公告", key="公告送达")
    s.line(w.a.name, 14, align="center", gap=6)
    s.title("公告", 22)
    s.line(f"{w.name(KEY)}：", 12, fill=True)
    s.para(
        f"本机关对{w.name(KEY)}涉嫌{w.v.cause}一案已调查终结，并作出《行政处罚决定书》（{w.plan.number.format()}），"
        f"决定给予{w.fine(w.plan.fine)}的行政处罚。决定书全文可至{w.a.address}领取。"
    )
    s.para("特此公告。")
    s.signoff(w.a.name, cn(d.decision_service))
    s.line(
        f"张贴地点：{w.a.name}政务公开栏    张贴人：{w.plan.officers[0].name}  {w.plan.officers[1].name}", 10
    )
    s.finish()
