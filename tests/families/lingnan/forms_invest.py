"""Investigation forms: 立案审批表, the 笔录 (grid header + Q&A), preservation, seizure, evidence sheets."""

from __future__ import annotations

import pymupdf

from casegen.model import Inquiry
from families.lingnan import fmt
from families.lingnan.canvas import LEFT, RIGHT, L, Sheet, V
from families.lingnan.common import COPIES, Case, Out

SOURCES = ("执法检查发现", "投诉举报", "上级交办", "部门移送", "其他")


def filing(c: Case, sh: Sheet) -> Out:
    key, d = "立案登记表", c.d
    title = "立案审批表"
    c.start(sh, key, d.filing)
    c.head(sh, title)
    src = 0 if d.violation == d.filing else c.rng.randint(1, 4)
    boxes = "  ".join(("（√）" if i == src else "（  ）") + s for i, s in enumerate(SOURCES))
    o1, o2 = c.plan.officers[0], c.plan.officers[1]
    st = c.plan.staff
    rows = c.kv_rows(
        ("案号|受案日期", f"{c.number(key)}|{fmt.d0(d.filing)}"), ("案件来源", boxes), ("案由", c.cause())
    )
    rows += c.party_grid(key)
    rows += c.kv_rows(
        ("车（船）号|车（船）型", f"{c.p.plate}|{c.p.vehicle}"),
        ("案情摘要", c.fact(c.plan.violation.act, key) + f"，涉嫌违反{c.plan.violation.breach}的规定。"),
        ("立案依据", "《交通运输行政执法程序规定》第六十二条，有违法事实，属本机关管辖，应予立案。"),
        ("承办人意见", f"建议立案调查。\n承办人：{o1.name}、{o2.name}        {fmt.d0(d.filing)}"),
        ("承办机构意见", f"拟同意立案。\n负责人：{st.unit_head}        {fmt.d0(d.filing)}"),
        (
            "机关负责人审批意见",
            f"同意立案，由{o1.name}、{o2.name}承办。\n签名：{st.head}        {fmt.d0(d.filing)}",
        ),
    )
    sh.grid(rows, min_h=26)
    return c.done(sh, key, title, d.filing)


RECORD = {
    # type: (title choices, time/place word, officer label, person label, content heading)
    "询问笔录": (("询问笔录", "调查询问笔录"), "询问", "询问（记录）人", "被询问人", ""),
    "现场笔录": (("现场笔录", "现场检查笔录"), "检查", "执法人员", "现场人员", "现场检查情况"),
    "勘验笔录": (("勘验笔录",), "勘验", "勘验人", "当事人（见证人）", "勘验情况"),
}


def record(c: Case, sh: Sheet, q: Inquiry, idx: int) -> Out:
    key = q.type
    titles, word, olabel, plabel, heading = RECORD[q.type]
    title = c.rng.choice(titles)
    c.start(sh, key, q.date)
    c.head(sh, title, agency=False)
    who = q.interviewee
    place = c.a.station + "询问室" if q.type == "询问笔录" else c.plan.facts["place"]
    officers, blank = c.inquiry_officers(q, idx)
    relation = "本人" if who.name == c.p.name else f"{c.p.name}{c.p.contact_role}"
    rows = c.kv_rows(
        ("案号|案由", f"{c.number(key)}|{c.cause()}"),
        (f"{word}时间", fmt.span0(q.date, q.start, q.end)),
        (f"{word}地点", place),
    )
    rows += c.officer_grid(officers, olabel, blank_second=blank)
    rows += [
        [
            L(plabel, 0.14, rows=3),
            L("姓名", 0.12),
            V(who.name, 0.2),
            L("性别", 0.1),
            V(who.sex, 0.1),
            L("年龄", 0.1),
            V(str(who.age_on(q.date)), 0.24),
        ],
        [L("身份证件号码", 0.12), V(who.id_number, 0.3), L("联系电话", 0.12), V(who.phone, 0.32)],
        [L("工作单位及职务", 0.12), V(relation, 0.3), L("住址", 0.12), V(who.address, 0.32)],
    ]
    if q.type != "询问笔录":
        rows += c.kv_rows(("车（船）号|车（船）型", f"{c.p.plate}|{c.p.vehicle}"))
    sh.grid(rows, size=10, min_h=23)
    sh.gap(8)
    if q.type == "询问笔录":
        for i, text in enumerate(_qa(c, q, officers)):
            sh.para(("问：" if i % 2 == 0 else "答：") + text, 11, indent=0, lh=1.7)
    else:
        sh.line(f"{heading}：", 11.5, bold=True)
        sh.para(c.fact(c.plan.violation.scene), 11)
        if q.type == "勘验笔录":
            sh.para(f"勘验时天气{c.rng.choice(('晴', '多云', '阴'))}，勘验过程已全程录音录像。", 11)
        sh.para(f"以上笔录已交{plabel}核对，{plabel}确认无误。", 11)
    sh.gap(10)
    names = "、".join(o.name for o in officers)
    sh.line(f"{plabel}签名：{who.name}        {fmt.d0(q.date)}", 11)
    sh.line(f"{olabel}签名：{names}        {fmt.d0(q.date)}", 11)
    return c.done(sh, key, title, q.date)


def _qa(c: Case, q: Inquiry, officers: list) -> list[str]:
    names = "、".join(o.name for o in officers)
    out = [
        f"我们是{c.a.name}执法人员{names}，已向你出示执法证件。依法就有关问题向你调查了解，你应当如实回答。"
        "如认为我们与本案有直接利害关系，你有权申请回避。是否申请回避？",
        "不申请。",
        "请讲一下你的身份情况。",
        f"我叫{q.interviewee.name}，住{q.interviewee.address}，身份证件号码已登记在上表。",
    ]
    for qq, aa in c.plan.violation.qa:
        out += [c.fact(qq), c.fact(aa)]
    extra = [("还有没有其他需要说明的情况？", "没有了。"), ("对今天的调查有什么意见？", "没有意见。")]
    for qq, aa in extra[: c.rng.randint(1, 2)]:
        out += [qq, aa]
    out += ["请核对笔录，如记录有误可以更正。", "已核对，记录属实。"]
    return out


def preservation(c: Case, sh: Sheet) -> list[Out]:
    d = c.d
    assert d.preservation and d.preservation_release
    key, title = "证据登记保存清单", "先行登记保存证据清单"
    c.start(sh, key, d.preservation)
    c.head(sh, title, c.number(key))
    rows = c.party_grid(key)
    rows += c.kv_rows(("保存地点|保存期限", f"{c.a.station}|七日"))
    rows.append([L("序号", 0.1), L("证据名称", 0.34), L("规格", 0.2), L("数量", 0.12), L("备注", 0.24)])
    items = ((c.p.plate + c.p.vehicle, "/", "1辆"), ("车辆钥匙", "/", "1把"))
    for i, (what, spec, n) in enumerate(items):
        rows.append(
            [V(str(i + 1), 0.1, "center"), V(what, 0.34), V(spec, 0.2, "center"), V(n, 0.12, "center")]
        )
        rows[-1].append(V("/", 0.24, "center"))
    sh.grid(rows)
    sh.gap(6)
    sh.para(
        "依据《中华人民共和国行政处罚法》第五十六条，经本机关负责人批准，对上列证据先行登记保存。保存期间当事人"
        "或者有关人员不得销毁或者转移证据。本机关将在七日内作出处理决定。",
        11,
    )
    sh.line(f"当事人签名：{c.p.contact.name if c.p.contact else c.p.name}    {fmt.d0(d.preservation)}", 11)
    c.sign(sh, d.preservation, seal=True)
    sh.line(COPIES, 9)
    first = c.done(sh, key, title, d.preservation)
    key2 = "解除证据登记保存决定书"
    c.start(sh, key2, d.preservation_release)
    c.head(sh, key2, c.number(key2))
    sh.line(f"{c.name(key2)}：", 12)
    sh.para(
        f"本机关于{fmt.d0(d.preservation)}对{c.you()}的{c.p.plate}{c.p.vehicle}、车辆钥匙予以先行登记保存。"
        "相关证据已经制作笔录并拍照固定，依据《交通运输行政执法程序规定》第四十五条，决定自即日起解除先行登记保存。"
    )
    c.sign(sh, d.preservation_release, seal=True)
    sh.line(COPIES, 9)
    return [first, c.done(sh, key2, key2, d.preservation_release)]


def compulsion(c: Case, sh: Sheet) -> list[Out]:
    d = c.d
    assert d.compulsion and d.compulsion_release
    key = "行政强制措施决定书"
    c.start(sh, key, d.compulsion)
    c.head(sh, key, c.number(key))
    sh.grid(c.party_grid(key))
    sh.gap(8)
    sh.para(
        f"经查，{c.fact(c.plan.violation.act, key)}，涉嫌违反{c.plan.violation.breach}的规定。依据《中华人民共和国"
        f"行政强制法》第九条、第二十四条，本机关决定对{c.p.plate}{c.p.vehicle}实施扣押，扣押期限三十日，自"
        f"{fmt.d0(d.compulsion)}起算。扣押期间产生的保管费用由本机关承担。"
    )
    sh.para(
        f"{c.you()}如不服本决定，可以自收到本决定书之日起六十日内向{c.a.review_body}申请行政复议，或者六个月内"
        f"向{c.a.court}提起行政诉讼。本次扣押已全程录音录像。"
    )
    c.sign(sh, d.compulsion, seal=True)
    sh.line(COPIES, 9)
    first = c.done(sh, key, key, d.compulsion)
    key2 = "解除行政强制措施决定书"
    c.start(sh, key2, d.compulsion_release)
    c.head(sh, key2, c.number(key2))
    sh.line(f"{c.name(key2)}：", 12)
    sh.para(
        f"本机关于{fmt.d0(d.compulsion)}扣押的{c.p.plate}{c.p.vehicle}，依据《中华人民共和国行政强制法》第二十八条，"
        f"决定自{fmt.d0(d.compulsion_release)}起解除扣押。请持本决定书到{c.a.station}办理车辆领取手续。"
    )
    c.sign(sh, d.compulsion_release, seal=True)
    sh.line(COPIES, 9)
    return [first, c.done(sh, key2, key2, d.compulsion_release)]


def attachment(c: Case, sh: Sheet, what: str) -> Out:
    """One evidence sheet: an 证据提取单 grid and the picture of the copy or photo."""
    d, key = c.d, "证据材料"
    title = what
    c.start(sh, key, d.filing)
    c.head(sh, title, agency=False)
    holder = c.p.contact.name if c.p.contact else c.p.name
    photo = what in ("现场照片", "网约车订单截图")
    rows = c.kv_rows(
        (
            "证据名称|证据类别",
            f"{what}|{'电子数据' if what == '网约车订单截图' else '书证' if not photo else '现场照片'}",
        ),
        (
            "提取时间|提取地点",
            f"{fmt.d0(d.violation if photo else d.filing)}|{c.plan.facts['place'] if photo else c.a.station}",
        ),
        (
            "提供人|提取人",
            f"{holder if not photo else '/'}|{c.plan.officers[0].name}、{c.plan.officers[1].name}",
        ),
    )
    sh.grid(rows, min_h=24)
    sh.gap(10)
    n = 2 if photo else 1
    h = 250 if photo else 300
    for i in range(n):
        sh.ensure(h + 30)
        r = pymupdf.Rect(LEFT + 40, sh.y, RIGHT - 40, sh.y + h - 30 * (n - 1))
        cap = f"图{i + 1}：{c.p.plate}" if photo else f"{what}（与原件核对一致）"
        sh.box(r, caption=cap)
        sh.y = r.y1 + 26
    sh.line(f"证明事项：{c.cause()}相关事实。", 11)
    return c.done(sh, key, title, d.filing)
