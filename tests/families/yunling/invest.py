"""Investigation documents as grid forms: 立案登记表, 笔录, preservation and compulsion, evidence, report."""

from __future__ import annotations

from casegen import discretion
from casegen.model import Inquiry, Officer
from families.contract import RenderedDoc

from . import fmt
from .fmt import Ctx
from .grid import Sheet


def filing(s: Sheet, c: Ctx) -> RenderedDoc:
    key, d, o = "立案登记表", c.d, c.plan.officers
    s.begin("立案登记表", c.number(key), c.a.name)
    s.pair("案件来源", "在行政检查中发现", "受案时间", fmt.cell(d.filing))
    s.kv("案由", c.cause())
    c.party_rows(s, key)
    s.kv("违法时间", fmt.at(d.violation, d.violation_time))
    s.kv("案件基本情况", c.act() + "。")
    s.kv("立案依据", "《交通运输行政执法程序规定》第五十八条")
    s.kv("承办人员（证号）", "；".join(fmt.officer(x) for x in o[:2]))
    s.kv("承办机构意见", f"建议立案调查。    负责人：{c.plan.staff.unit_head}    {fmt.cell(d.filing)}")
    s.kv("负责人审批意见", f"同意立案。    负责人：{c.plan.staff.head}    {fmt.cell(d.filing)}")
    s.kv("备注", "/")
    return s.end(key)


ROLE = {
    "询问笔录": ("询问", "被询问人"),
    "现场笔录": ("执法", "现场人员"),
    "勘验笔录": ("勘验", "当事人（代理人）"),
}


def record(s: Sheet, c: Ctx, q: Inquiry, idx: int) -> RenderedDoc:
    """One 笔录; P-01 takes the second officer's certificate away or leaves one officer."""
    key, mut = q.type, c.plan.mut
    verb, role = ROLE[q.type]
    s.begin(q.type, c.number(key), c.a.name)
    s.kv(f"{verb}时间", f"{fmt.at(q.date, q.start)}至{q.end[0]}时{q.end[1]:02d}分")
    place = c.plan.facts.get("place", c.a.station) if q.type != "询问笔录" else c.a.station + "询问室"
    s.kv(f"{verb}地点", place)
    a, b = q.officers
    defect = mut.get("p01") if mut.get("p01_index") == str(idx) else None
    if defect == "single":
        s.kv("执法人员（证号）", fmt.officer(a))
    elif defect == "nocert":
        s.kv("执法人员（证号）", f"{fmt.officer(a)}；{b.name}")
    else:
        s.kv("执法人员（证号）", f"{fmt.officer(a)}；{fmt.officer(b)}")
    s.kv("记录人", a.name if defect == "single" else b.name)
    w = q.interviewee
    s.pair(role, w.name, "性别", w.sex)
    s.pair("年龄", f"{w.age_on(q.date)}岁", "身份证号", w.id_number)
    s.pair("联系电话", w.phone, "职业", w.job)
    s.kv("住址", w.address)
    names = a.name if defect == "single" else f"{a.name}、{b.name}"
    s.kv(
        "告知",
        f"我们是{c.a.name}执法人员{names}，已向你出示执法证件。你有如实回答的义务，也有申请回避的权利。",
    )
    if q.type == "询问笔录":
        for ask, ans in c.plan.violation.qa:
            s.row([("问", 1, True), (ask.format(**c.plan.facts), 7, False)])
            s.row([("答", 1, True), (ans.format(**c.plan.facts), 7, False)])
        s.row([("问", 1, True), ("以上所说是否属实？还有什么补充？", 7, False)])
        s.row([("答", 1, True), ("属实，没有补充。", 7, False)])
    else:
        s.kv("现场情况", c.plan.violation.scene.format(**c.plan.facts))
    s.kv("确认", f"以上笔录我已看过，与我所说一致。    {role}签字：{w.name}    {fmt.cell(q.date)}")
    s.kv("执法人员签字", f"{names}    {fmt.cell(q.date)}")
    return s.end(key)


def preservation(s: Sheet, c: Ctx) -> list[RenderedDoc]:
    d, key = c.d, "证据登记保存清单"
    assert d.preservation and d.preservation_release
    s.begin("证据登记保存清单", c.number(key), c.a.name)
    c.party_rows(s, key)
    s.kv(
        "保存事由",
        f"因调查{c.cause()}，根据《中华人民共和国行政处罚法》第五十六条，对下列证据先行登记保存七日。",
    )
    s.pair("保存期间", f"{fmt.cell(d.preservation)}起七日", "保存地点", c.a.station)
    s.header([("序号", 1), ("证据名称", 3), ("规格", 2), ("数量", 2)])
    s.row(
        [("1", 1, False), (f"{c.p.plate}{c.p.vehicle}随车单据", 3, False), ("份", 2, False), ("1", 2, False)]
    )
    s.kv("当事人签字", f"{c.name(key)}    {fmt.cell(d.preservation)}")
    s.kv("执法人员（证号）", "；".join(fmt.officer(x) for x in c.plan.officers[:2]))
    s.sign(c.a.name, fmt.sign(d.preservation))
    docs = [s.end(key)]
    key = "解除证据登记保存决定书"
    s.begin(key, c.number(key), c.a.name, red=True)
    s.kv("当事人", c.name(key))
    s.kv(
        "决定内容",
        f"本机关于{fmt.cell(d.preservation)}对你的证据先行登记保存，经审查，现决定自"
        f"{fmt.cell(d.preservation_release)}起解除登记保存，证据退还当事人。",
    )
    s.sign(c.a.name, fmt.sign(d.preservation_release))
    return [*docs, s.end(key)]


def compulsion(s: Sheet, c: Ctx) -> list[RenderedDoc]:
    d, key = c.d, "行政强制措施决定书"
    assert d.compulsion and d.compulsion_release
    s.begin(key, c.number(key), c.a.name, red=True)
    c.party_rows(s, key)
    s.kv("事实及理由", c.act() + "。为防止证据损毁、制止违法行为，需对涉案车辆采取行政强制措施。")
    s.kv("依据", "《中华人民共和国行政强制法》第九条、第二十四条；" + c.plan.violation.basis)
    s.pair("强制措施", f"扣押{c.p.plate}{c.p.vehicle}", "期限", f"{fmt.cell(d.compulsion)}起三十日")
    s.kv("音像记录", "扣押全过程已使用执法记录仪进行音像记录，存档备查。")
    s.kv(
        "救济途径",
        f"如不服本决定，可在六十日内向{c.a.review_body}申请行政复议，或者在六个月内向{c.a.court}提起行政诉讼。",
    )
    s.kv("当事人签收", f"{c.name(key)}    {fmt.cell(d.compulsion)}（当场送达）")
    s.sign(c.a.name, fmt.sign(d.compulsion))
    docs = [s.end(key)]
    key = "解除行政强制措施决定书"
    s.begin(key, c.number(key), c.a.name, red=True)
    s.kv("当事人", c.name(key))
    s.kv(
        "决定内容",
        f"本机关{fmt.cell(d.compulsion)}扣押的{c.p.plate}{c.p.vehicle}，现决定自{fmt.cell(d.compulsion_release)}起解除扣押，予以退还。",
    )
    s.sign(c.a.name, fmt.sign(d.compulsion_release))
    return [*docs, s.end(key)]


def attachment(s: Sheet, c: Ctx, what: str, officer: Officer) -> RenderedDoc:
    """An evidence sheet: a grey frame where the copy is pasted, with the check line under it."""
    s.begin(what, c.number("证据材料"), c.a.name, label="所属案件")
    s.pair("证据名称", what, "证据来源", "当事人提供" if "复印件" in what else "执法人员采集")
    s.room(330)
    s.pg.draw_rect((100, s.y + 10, 495, s.y + 300), color=(0.5, 0.5, 0.5), fill=(0.9, 0.9, 0.88), width=0.8)
    s.write(230, s.y + 150, f"（{what}粘贴处）", 12, color=(0.45, 0.45, 0.45))
    s.gap(320)
    s.kv("说明", f"经核对与原件一致。    核对人：{officer.name}")
    return s.end("证据材料")


def report(s: Sheet, c: Ctx) -> RenderedDoc:
    key, d, p = "案件调查报告", c.d, c.plan
    assert d.report
    s.begin("案件调查报告", c.number(key), c.a.name)
    s.kv("案由", c.cause())
    c.party_rows(s, key)
    s.kv("调查人员（证号）", "；".join(fmt.officer(x) for x in p.officers[:2]))
    s.kv("调查经过及违法事实", f"{fmt.cell(d.filing)}立案后，执法人员依法开展调查取证。经查：{c.act()}。")
    s.kv("证据材料", "；".join(p.evidence + [q.type for q in p.inquiries]))
    s.kv("违反规定", p.violation.breach)
    s.kv("处罚依据", p.violation.basis)
    band = discretion.stated(p.violation.key, p.proposed_fine, p.mut)
    basis = f"依据裁量基准{band[0]}，属{band[1].level}情形（{band[1].fact}）。" if band else ""
    if p.mut.get("p10"):
        basis += "当事人系首次被查处，已当场改正。"
    s.kv("调查结论和处理意见", f"{basis}建议给予罚款{fmt.amount(p.proposed_fine)}的行政处罚。")
    s.kv("执法人员签字", f"{p.officers[0].name}、{p.officers[1].name}    {fmt.cell(d.report)}")
    s.kv("承办机构意见", f"同意。    负责人：{p.staff.unit_head}    {fmt.cell(d.report)}")
    return s.end(key)
