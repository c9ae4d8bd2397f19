"""Investigation forms: 立案登记表, the three 笔录, preservation and seizure papers, evidence sheets
and the 案件调查报告."""

from __future__ import annotations

import datetime as dt

from casegen.model import Inquiry
from families.contract import RenderedDoc
from families.longjiang import fmt
from families.longjiang.case import Case
from families.longjiang.page import LEFT, RIGHT, L, Sheet, V, put

_BOX = {True: "■", False: "□"}


def _head(c: Case, s: Sheet, title: str) -> None:
    s.line(c.plan.agency.name, 13, align="center", bold=True)
    s.title(title, 19, spaced=True)
    c.number_line(s)


def filing(c: Case) -> RenderedDoc:
    p, d = c.plan, c.plan.dates
    s = c.sheet("立案登记表", d.filing)
    _head(c, s, "立案登记表")
    src = "在行政检查中发现的" if p.inquiries and p.inquiries[0].type != "询问笔录" else "其他途径发现的"
    choices = ("在行政检查中发现的", "个人、法人及其他组织举报经核实的", "上级机关交办的", "其他途径发现的")
    s.grid(
        [
            [L("案件来源", 1), V("  ".join(f"{_BOX[x == src]}{x}" for x in choices), 5, size=9)],
            [L("案由", 1), V(f"涉嫌{p.violation.cause}案", 5)],
            [L("受案时间", 1), V(f"{fmt.iso(d.filing)}", 2), L("办案机构", 1), V(p.agency.unit, 2)],
        ]
    )
    s.group("当事人", c.party_rows(d.filing))
    s.box("案件基本情况", c.act + "。经初步核实，当事人涉嫌违法，符合立案条件。", min_h=80)
    s.grid([[L("立案依据", 1), V(f"《交通运输行政执法程序规定》第五十八条；{p.violation.breach}", 5)]])
    o1, o2 = p.officers[0].name, p.officers[1].name
    s.box(
        "承办人意见", f"建议立案调查，由{o1}、{o2}承办。", sign=f"承办人：{o1}  {o2}    {fmt.ymd(d.filing)}"
    )
    s.box("承办机构负责人意见", "同意立案。", sign=f"签名：{p.staff.unit_head}    {fmt.ymd(d.filing)}")
    s.box("行政机关负责人审批意见", "同意立案查处。", sign=f"签名：{p.staff.head}    {fmt.ymd(d.filing)}")
    s.grid([[L("备注", 1), V("", 5, min_h=30)]])
    return c.done(s, "立案登记表", "立案登记表")


def _when(q: Inquiry) -> str:
    d = q.date
    return f"{d.year}年{d.month:02d}月{d.day:02d}日{fmt.hm_cn(q.start)}至{fmt.hm_cn(q.end)}"


def _sign_each_page(s: Sheet, who: str, officers: str) -> None:
    """The interviewee and the officers sign at the foot of every page of a 笔录."""
    for page in s.each_page():
        put(page, LEFT, 788, s.fix(f"被询问（检查）人签名：{who}"), 8.5)
        put(page, RIGHT, 788, f"执法人员签名：{officers}", 8.5, align="right")


def record(c: Case, q: Inquiry, i: int) -> RenderedDoc:
    p = c.plan
    mut = p.mut.get("p01", "") if p.mut.get("p01_index") == str(i) else ""
    officers = q.officers[:1] if mut == "single" else q.officers
    names = "、".join(o.name for o in officers)
    s = c.sheet(q.type, q.date)
    _head(c, s, q.type)
    who = q.interviewee
    place = p.facts.get("place", p.agency.station) if q.type != "询问笔录" else p.agency.station
    if q.type == "询问笔录":
        s.grid([[L("询问时间", 1), V(_when(q), 4)], [L("询问地点", 1), V(place, 4)]])
        s.group("执法人员", c.officer_rows(q.officers, mut))
        s.grid([[L("记录人", 1), V(officers[-1].name, 1.5), L("被询问人", 1), V(who.name, 1.5)]])
    else:
        # 现场/勘验笔录 list both officers on one line, certificate in brackets
        line = "    ".join(
            f"{o.name}（执法证号：{'' if k == 1 and mut == 'nocert' else o.certificate}）"
            for k, o in enumerate(officers)
        )
        label = "勘验" if q.type == "勘验笔录" else "执法"
        s.grid(
            [
                [L(f"{label}时间", 1), V(_when(q), 4)],
                [L(f"{label}地点", 1), V(place, 2.2), L("天气", 0.8), V("晴", 1)],
                [L("执法人员", 1), V(line, 4)],
                [L("车（船）号", 1), V(p.party.plate, 1.5), L("车（船）型", 1), V(p.party.vehicle, 1.5)],
            ]
        )
    s.group(
        "被询问人" if q.type == "询问笔录" else "现场人员",
        [
            [
                L("姓名", 1),
                V(who.name, 1.4),
                L("性别", 0.7),
                V(who.sex, 0.6),
                L("年龄", 0.7),
                V(f"{who.age_on(q.date)}岁", 0.8),
            ],
            [L("身份证件号", 1), V(who.id_number, 2.2), L("电话", 0.7), V(who.phone, 1.3)],
            [
                L("单位及职务", 1),
                V(
                    f"{p.party.name if p.party.kind != 'individual' else who.job}"
                    f"{('（' + p.party.contact_role + '）') if p.party.contact_role else ''}",
                    4.2,
                ),
            ],
            [L("住址", 1), V(who.address, 4.2)],
        ],
    )
    s.space(6)
    if q.type == "询问笔录":
        certs = "、".join(o.name for o in officers)
        s.qa(
            f"我们是{p.agency.unit}的执法人员{certs}，现依法向你了解有关情况，这是我们的执法证件，请过目。"
            "你有如实回答询问的义务，也有申请执法人员回避的权利，是否申请回避？",
            "看清楚了，不申请回避。",
        )
        s.qa("请介绍一下你的基本情况。", f"我叫{who.name}，身份证号码{who.id_number}，住{who.address}。")
        for qq, aa in p.violation.qa:
            s.qa(qq.format(**p.facts), aa.format(**p.facts))
        s.qa("你还有什么需要补充的吗？", "没有了。")
        s.ensure(150)  # the last answer and the signatures stay together on one page
        s.qa("以上笔录请你核对，是否与你所说一致？", "以上笔录我已看过，与我所说一致。")
    else:
        s.grid([[L("勘验情况及结果" if q.type == "勘验笔录" else "主要内容", 1)]])
        s.para(p.violation.scene.format(**p.facts))
        s.para("上述笔录我已看过，情况属实无误。", indent=True)
    s.space(8)
    s.line(f"被询问（检查）人：{who.name}      {fmt.ymd(q.date)}", 10.5, align="right")
    s.line(f"执法人员：{names}      {fmt.ymd(q.date)}", 10.5, align="right")
    _sign_each_page(s, who.name, names)
    return c.done(s, q.type, q.type)


def preservation(c: Case) -> list[RenderedDoc]:
    p, d = c.plan, c.plan.dates
    assert d.preservation and d.preservation_release
    s = c.sheet("证据登记保存清单", d.preservation)
    _head(c, s, "证据登记保存清单")
    s.group("当事人", c.party_rows(d.preservation))
    end = d.preservation + dt.timedelta(days=6)
    s.para(
        f"因调查{p.violation.cause}一案，根据《中华人民共和国行政处罚法》第五十六条的规定，对下列物品予以先行登记保存"
        f"七日（自{fmt.ymd(d.preservation)}至{fmt.ymd(end)}）。保存期间，当事人或者有关人员不得销毁或者转移证据。"
    )
    rows = [[L("序号", 0.6), L("证据名称", 2), L("规格", 1), L("数量", 0.7), L("登记保存地点", 1.6)]]
    rows.append(
        [
            V("1", 0.6),
            V(f"{p.party.plate}{p.party.vehicle}", 2),
            V("—", 1),
            V("1辆", 0.7),
            V(p.agency.station, 1.6),
        ]
    )
    s.grid(rows)
    s.space(10)
    s.line(f"当事人签名：{p.party.contact.name if p.party.contact else p.party.name}", 10.5)
    s.line(f"执法人员签名：{p.officers[0].name}、{p.officers[1].name}", 10.5)
    c.agency_sign(s, d.preservation, seal=True, style="ymd")
    first = c.done(s, "证据登记保存清单", "证据登记保存清单")
    s = c.sheet("解除证据登记保存决定书", d.preservation_release)
    _head(c, s, "解除证据登记保存决定书")
    s.para(f"{p.party.name}：", indent=False)
    s.para(
        f"本机关于{fmt.ymd(d.preservation)}对{c.you}的{p.party.plate}{p.party.vehicle}采取了证据先行登记保存措施。"
        "经调查核实，现决定解除上述证据登记保存，请于收到本决定书后领回。"
    )
    c.agency_sign(s, d.preservation_release, seal=True)
    return [first, c.done(s, "解除证据登记保存决定书", "解除证据登记保存决定书")]


def compulsion(c: Case) -> list[RenderedDoc]:
    p, d = c.plan, c.plan.dates
    assert d.compulsion and d.compulsion_release
    s = c.sheet("行政强制措施决定书", d.compulsion)
    _head(c, s, "行政强制措施决定书")
    s.para(f"{p.party.name}：", indent=False)
    s.para(
        f"{c.act}。依据《中华人民共和国行政强制法》第九条、第二十四条的规定，本机关决定对{c.you}的"
        f"{p.party.plate}{p.party.vehicle}予以扣押，扣押期限为三十日。"
    )
    s.para(
        f"如不服本决定，可以在六十日内依法向{p.agency.review_body}申请行政复议，或者在六个月内依法向"
        f"{p.agency.court}提起行政诉讼。扣押过程已全程音像记录。"
    )
    c.agency_sign(s, d.compulsion, seal=True)
    first = c.done(s, "行政强制措施决定书", "行政强制措施决定书")
    s = c.sheet("解除行政强制措施决定书", d.compulsion_release)
    _head(c, s, "解除行政强制措施决定书")
    s.para(f"{p.party.name}：", indent=False)
    s.para(
        f"本机关于{fmt.ymd(d.compulsion)}对{c.you}的{p.party.plate}{p.party.vehicle}采取了扣押的行政强制措施。"
        "根据《中华人民共和国行政强制法》第二十八条的规定，现决定解除该行政强制措施。"
    )
    c.agency_sign(s, d.compulsion_release, seal=True)
    return [first, c.done(s, "解除行政强制措施决定书", "解除行政强制措施决定书")]


def attachment(c: Case, name: str, on: dt.date) -> RenderedDoc:
    s = c.sheet("证据材料", on, qr=False)
    s.title("证 据 材 料", 16)
    s.grid([[L("证据名称", 1), V(name, 3), L("来源", 0.8), V("当事人提供", 1.2)]])
    from pymupdf import Rect

    top = s.y + 14
    s.page.draw_rect(
        Rect(LEFT + 30, top, RIGHT - 30, top + 300),
        color=(0.6, 0.6, 0.6),
        fill=(0.96, 0.96, 0.96),
        dashes="[4] 0",
    )
    s.put((LEFT + RIGHT) / 2, top + 150, f"（{name}粘贴处）", 11, color=(0.55, 0.55, 0.55), align="center")
    s.y = top + 320
    s.line("经核对与原件一致。", 10.5)
    s.line(
        f"核对人：{c.plan.officers[0].name}      提供人签名：{c.plan.party.contact.name if c.plan.party.contact else ''}",
        10.5,
    )
    return c.done(s, "证据材料", "证据材料")


def report(c: Case) -> RenderedDoc:
    p, d = c.plan, c.plan.dates
    assert d.report
    s = c.sheet("案件调查报告", d.report)
    _head(c, s, "案件调查报告")
    s.grid(
        [
            [L("案由", 1), V(f"{p.violation.cause}案", 5)],
            [L("调查人员", 1), V("、".join(f"{o.name}（{o.certificate}）" for o in p.officers[:2]), 5)],
        ]
    )
    s.group("当事人", c.party_rows(d.report))
    s.box(
        "调查认定的事实",
        c.act + f"。以上事实有{'、'.join(p.evidence) or '现场笔录'}及询问笔录等证据证实。",
        min_h=90,
    )
    rows = [[L("证据名称", 2), L("规格", 1), L("数量", 0.8), L("备注", 1.4)]]
    rows += [[V(e, 2), V("A4", 1), V("1份", 0.8), V("", 1.4)] for e in p.evidence]
    s.grid(rows)
    s.box(
        "调查结论和处理意见",
        f"当事人的行为违反了{p.violation.breach}的规定，依据{p.violation.basis}的规定，"
        f"建议给予罚款人民币{p.proposed_fine}元的行政处罚。",
        sign=f"执法人员：{p.officers[0].name}  {p.officers[1].name}    {fmt.ymd(d.report)}",
    )
    s.box(
        "承办机构负责人意见",
        "同意调查结论，拟按程序告知。",
        sign=f"{p.staff.unit_head}    {fmt.ymd(d.report)}",
        min_h=50,
    )
    s.box("执法部门负责人审批意见", "同意。", sign=f"{p.staff.head}    {fmt.ymd(d.report)}", min_h=50)
    return c.done(s, "案件调查报告", "案件调查报告")
