"""The decisions: 行政处罚决定书 (reasoned, five numbered sections) and 当场行政处罚决定书 (a
one-page grid with tick boxes)."""

from __future__ import annotations

from casegen.discretion import stated
from families.contract import RenderedDoc
from families.longjiang import fmt
from families.longjiang.case import Case
from families.longjiang.forms_invest import _head
from families.longjiang.page import LEFT, L, Sheet, V

GUIDANCE = "（分以下情况填写：当事人为个人的，写明姓名、身份证件号码；为单位的，写明名称、统一社会信用代码）"


def _section(s: Sheet, text: str) -> None:
    s.line(text, 11.5, bold=True, x=LEFT + 21)


def _reasons(c: Case) -> str:
    """Why this fine (discretion benchmark and level) and what became of the party's arguments."""
    p, d = c.plan, c.plan.dates
    out = ""
    row = stated(p.violation.key, p.fine, p.mut)
    if row and not p.mut.get("p19"):
        entry, band = row
        out += (
            f"本机关依照交通运输行政处罚裁量基准（条目{entry}）进行裁量，当事人的违法情节属于“{band.level}”情形"
            f"（{band.fact}），该情形对应罚款{band.low}元至{band.high}元。"
        )
    if d.statement or d.hearing:
        how = "陈述申辩" if d.statement else "听证"
        if p.fine < p.proposed_fine:
            out += f"当事人在{how}中提出系初次违法且已改正，经复核属实，本机关予以采纳，依法从轻处罚。"
        else:
            out += f"当事人在{how}中请求从轻处罚，但未提供相应证据，其理由不能成立，本机关不予采纳。"
    elif d.waiver:
        out += "当事人书面声明放弃陈述、申辩（听证）权利。"
    else:
        out += "当事人在法定期限内未提出陈述、申辩意见。"
    return out


def decision(c: Case) -> RenderedDoc:
    p, d, m = c.plan, c.plan.dates, c.plan.mut
    s = c.sheet("行政处罚决定书", d.decision)
    _head(c, s, "行政处罚决定书")
    label = c.voice.party_label if p.party.kind == "individual" else c.voice.org_label
    rows = c.party_rows(d.decision)
    if m.get("w01") == "underscore":
        rows.append([L("邮政编码", 1), V("________", 4.7)])
    s.group(label, rows)
    if m.get("w01") == "guidance":
        s.para(GUIDANCE, 9.5, indent=False)
    you = "你（单位）" if m.get("w01") == "ni_danwei" else c.you
    _section(s, f"一、{c.voice.facts}")
    s.para(f"经查，{c.act}。")
    s.para(f"上述事实有{'、'.join(p.evidence) or '现场照片'}、询问笔录等证据证实，证据确实充分。")
    _section(s, "二、处罚理由及裁量")
    s.para(_reasons(c))
    _section(s, "三、处罚依据及决定")
    amount = m.get("c03") or fmt.daxie(p.fine)
    s.para(
        f"{you}的上述行为违反了{p.violation.breach}的规定。依据{p.violation.basis}的规定，本机关决定对{you}"
        f"作出如下行政处罚：罚款人民币{amount}（¥{p.fine:,}.00）。"
    )
    if m.get("p07") != "nocomply":
        _section(s, "四、履行方式和期限")
        s.para(
            f"请{you}自收到本决定书之日起十五日内，持本决定书到{p.agency.bank}缴纳罚款，罚款缴入财政非税收入专户。"
            "到期不缴纳罚款的，本机关可以每日按罚款数额的百分之三加处罚款，加处罚款的数额不超过罚款本数，"
            "并依法申请人民法院强制执行。"
        )
    if m.get("p07") != "noremedy":
        _section(s, "五、救济途径" if m.get("p07") != "nocomply" else "四、救济途径")
        s.para(
            f"{you}如不服本处罚决定，可以在收到本决定书之日起六十日内依法向{p.agency.review_body}申请行政复议，"
            f"或者在六个月内依法向{p.agency.court}提起行政诉讼。行政复议和行政诉讼期间，本决定不停止执行。"
        )
    c.agency_sign(s, d.decision, seal=m.get("s01") != "decision")
    s.line("（本文书一式两份：一份存根，一份交当事人或其代理人。）", 9)
    return c.done(s, "行政处罚决定书", "行政处罚决定书")


def summary_decision(c: Case) -> RenderedDoc:
    p, d = c.plan, c.plan.dates
    s = c.sheet("当场行政处罚决定书", d.decision)
    _head(c, s, "当场行政处罚决定书")
    s.group("当事人", c.party_rows(d.decision))
    vt = d.violation_time
    spot = p.on_the_spot_payment
    s.grid(
        [
            [
                L("违法时间", 1),
                V(f"{fmt.iso(d.violation)} {fmt.hm(vt)}", 2),
                L("车（船）号", 1),
                V(p.party.plate, 2),
            ],
            [L("违法行为", 1), V(c.act, 5)],
            [L("违反规定", 1), V(p.violation.breach, 5)],
            [L(c.voice.basis, 1), V(p.violation.basis, 5)],
            [L("处罚决定", 1), V(f"罚款人民币{fmt.daxie(p.fine)}（¥{p.fine:,}.00）", 5)],
            [
                L("履行方式和期限", 1),
                V(
                    f"{'■' if spot else '□'}当场缴纳    {'□' if spot else '■'}自收到本决定书之日起十五日内缴至"
                    f"{p.agency.bank}；到期不缴纳的，每日按罚款数额的百分之三加处罚款。",
                    5,
                ),
            ],
        ]
    )
    s.para(
        "处罚前已口头告知当事人拟作出处罚的事实、理由和依据，并告知当事人依法享有的陈述权和申辩权。当事人如不服本决定，"
        f"可以在六十日内依法向{p.agency.review_body}申请行政复议，或者在六个月内依法向{p.agency.court}提起行政诉讼。",
        10,
    )
    o = p.officers[:2]
    s.grid(
        [
            [
                L("执法人员", 1),
                V(
                    f"{o[0].name}（执法证号：{o[0].certificate}）    {o[1].name}（执法证号：{o[1].certificate}）",
                    5,
                ),
            ],
            [
                L("当事人签名", 1),
                V(p.party.contact.name if p.party.contact else p.party.name, 2),
                L("执法地点", 1),
                V(p.facts.get("place", ""), 2),
            ],
        ]
    )
    c.agency_sign(s, d.decision, seal=True)
    return c.done(s, "当场行政处罚决定书", "当场行政处罚决定书")
