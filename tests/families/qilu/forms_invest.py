"""立案审批表, the 笔录 of the investigation, evidence preservation and seizure documents, evidence
pages and the 案件调查报告, as the platform's forms print them."""

from __future__ import annotations

import random

from casegen.model import Inquiry, Plan
from families.qilu.common import (
    act,
    checks,
    facts,
    grid,
    head,
    officer_cell,
    opinion,
    party_line,
    party_rows,
)
from families.qilu.fmt import QDoc, esc, iso, iso_hm, you

SOURCES = [
    "在行政检查中发现的",
    "个人、法人及其他组织举报经核实的",
    "上级机关交办的",
    "有关部门移送的",
    "其他途径发现的",
]


def filing(plan: Plan, rng: random.Random) -> QDoc:
    d, s, n = plan.dates, plan.staff, plan.number.format()
    o1, o2 = plan.officers[0], plan.officers[1]
    title = rng.choice(("立案审批表", "立案登记表"))
    rows = (
        f"<tr><th colspan='2'>案件编号</th><td colspan='3'>{esc(n)}</td></tr>"
        f"<tr><th colspan='2'>案由</th><td colspan='3'>涉嫌{esc(plan.violation.cause)}案</td></tr>"
        f"<tr><th colspan='2'>案件来源</th><td colspan='3'>{checks(SOURCES, 0)}</td></tr>"
        f"<tr><th colspan='2'>受案时间</th><td>{iso(d.filing)}</td><th>违法时间</th>"
        f"<td>{iso_hm(d.violation, d.violation_time)}</td></tr>"
        + party_rows(plan, d.filing)
        + f"<tr><th colspan='2'>简要案情</th><td colspan='3'>{esc(act(plan))}。</td></tr>"
        f"<tr><th colspan='2'>立案依据</th><td colspan='3'>{esc(plan.violation.breach)}；"
        "《交通运输行政执法程序规定》第六十二条</td></tr>"
        f"<tr><th colspan='2'>承办人意见</th><td colspan='3'>"
        + opinion("当事人涉嫌违法，建议立案查处。", f"{o1.name}、{o2.name}", d.filing, label="承办人")
        + "</td></tr>"
        "<tr><th colspan='2'>承办机构<br>审核意见</th><td colspan='3'>"
        + opinion("情况属实，拟同意立案。", s.unit_head, d.filing)
        + "</td></tr>"
        "<tr><th colspan='2'>负责人<br>审批意见</th><td colspan='3'>"
        + opinion("同意立案，由承办人负责调查。", s.head, d.filing, label="批准人")
        + "</td></tr><tr><th colspan='2'>备注</th><td colspan='3'>／</td></tr>"
    )
    return QDoc(
        "立案登记表", title, head(plan, title, "", label="") + grid(rows), stamp=iso(d.filing) + " 16:05:12"
    )


def record(plan: Plan, q: Inquiry, index: int, rng: random.Random) -> QDoc:
    """询问/现场/勘验笔录; P-01 may strip the second officer's certificate or the second officer."""
    mode = plan.mut.get("p01") if plan.mut.get("p01_index") == str(index) else None
    o1, o2 = q.officers
    who, n = q.interviewee, plan.number.format()
    place = _place(plan, q, index)
    title = {
        "询问笔录": "询问笔录",
        "现场笔录": rng.choice(("现场笔录", "现场检查笔录")),
        "勘验笔录": "勘验笔录",
    }[q.type]
    role = {
        "询问笔录": ("询问人", "记录人"),
        "现场笔录": ("执法人员", "执法人员"),
        "勘验笔录": ("勘验人", "勘验人"),
    }[q.type]
    rows = (
        f"<tr><th>案件编号</th><td colspan='3'>{esc(n)}</td></tr>"
        f"<tr><th>时间</th><td colspan='3'>{iso_hm(q.date, q.start)} 至 {iso_hm(q.date, q.end)}</td></tr>"
        f"<tr><th>地点</th><td colspan='3'>{esc(place)}</td></tr>"
        f"<tr><th>{role[0]}</th><td colspan='3'>{officer_cell(o1)}</td></tr>"
    )
    if mode != "single":
        rows += f"<tr><th>{role[1]}</th><td colspan='3'>{officer_cell(o2, mode != 'nocert')}</td></tr>"
    rows += (
        f"<tr><th>{'被询问人' if q.type == '询问笔录' else '现场人员'}</th><td>{esc(who.name)}</td>"
        f"<th>性别/年龄</th><td>{who.sex}　{who.age_on(q.date)}岁</td></tr>"
        f"<tr><th>身份证件号</th><td>{esc(who.id_number)}</td><th>联系电话</th><td>{esc(who.phone)}</td></tr>"
        f"<tr><th>住址</th><td colspan='3'>{esc(who.address)}</td></tr>"
    )
    if q.type != "询问笔录":
        rows += (
            f"<tr><th>车（船）号</th><td>{esc(plan.party.plate)}</td><th>车（船）型</th>"
            f"<td>{esc(plan.party.vehicle)}</td></tr>"
        )
    body = grid(rows, (16, 34, 16, 34))
    names = "、".join([o1.name] + ([] if mode == "single" else [o2.name]))
    if q.type == "询问笔录":
        body += "<h2>询问记录</h2>" + _qa(plan, q, names, index)
    else:
        text = plan.violation.scene.format(**facts(plan))
        body += (
            f"<h2>{'现场检查情况' if q.type == '现场笔录' else '勘验情况及结果'}</h2>"
            f"<p class='ind'>{esc(names)}向当事人出示执法证件，表明身份后开展检查。{esc(text)}</p>"
        )
    signer = "被询问人" if q.type == "询问笔录" else "当事人（现场人员）"
    body += (
        f"<p class='ind'>{'以上笔录我已看过，与我所说一致。' if q.type == '询问笔录' else '以上笔录我已看过，记录属实。'}</p>"
        f"<table class='plain'><tr><td>{signer}签名：{esc(who.name)}</td><td class='r'>{iso(q.date)}</td></tr>"
        f"<tr><td>{role[0]}签名：{esc(names)}</td><td class='r'>{iso(q.date)}</td></tr></table>"
    )
    html = head(plan, title, "", label="") + body
    return QDoc(q.type, title, html, stamp=iso_hm(q.date, q.end) + ":40")


def _place(plan: Plan, q: Inquiry, index: int) -> str:
    if q.type == "询问笔录":
        return f"{plan.agency.station}询问室"
    return plan.facts["place"]


def _qa(plan: Plan, q: Inquiry, names: str, index: int) -> str:
    f = facts(plan)
    pairs = [
        (
            f"我们是{plan.agency.name}的执法人员{names}，已向你出示执法证件，现依法向你询问有关情况，"
            "你应当如实回答，有权申请回避。你听清楚了吗？是否申请回避？",
            "听清楚了，不申请回避。",
        ),
        ("请介绍一下你的基本情况。", f"我叫{q.interviewee.name}，身份信息如上。"),
    ]
    pairs += [(a.format(**f), b.format(**f)) for a, b in plan.violation.qa]
    pairs.append(("你还有什么需要补充的吗？", "没有了。"))
    rows = "".join(
        f"<tr><td width='6%'><b>问：</b></td><td>{esc(a)}</td></tr><tr><td><b>答：</b></td><td>{esc(b)}</td></tr>"
        for a, b in pairs
    )
    return f"<table class='plain qa'>{rows}</table>"


def preservation(plan: Plan) -> list[QDoc]:
    d, n = plan.dates, plan.number.format()
    assert d.preservation and d.preservation_release
    items = "".join(
        f"<tr><td class='c'>{i + 1}</td><td>{esc(x)}</td><td class='c'>1</td><td>{esc(plan.agency.station)}</td></tr>"
        for i, x in enumerate([f"{plan.party.plate}{plan.party.vehicle}相关单据", *plan.evidence[:2]])
    )
    keep = (
        head(plan, "证据登记保存清单", n, label="案号")
        + grid(party_rows(plan, d.preservation))
        + f"<p class='ind'>因调查{esc(plan.party.name)}涉嫌{esc(plan.violation.cause)}一案，根据《中华人民共和国行政处罚法》"
        f"第五十六条的规定，经本机关负责人批准，对下列证据予以先行登记保存，保存期间不得销毁或转移。</p>"
        f"<table class='g'><tr><th>序号</th><th>证据名称</th><th>数量</th><th>保存地点</th></tr>{items}</table>"
        f"<table class='plain'><tr><td>当事人签名：{esc(plan.party.name)}</td><td>执法人员：{esc(plan.officers[0].name)}、"
        f"{esc(plan.officers[1].name)}</td></tr></table>"
        f"<p class='sign'>{esc(plan.agency.name)}<br>登记保存日期：{iso(d.preservation)}</p>"
    )
    release = (
        head(plan, "解除证据登记保存决定书", n, label="案号")
        + f"<p>{esc(plan.party.name)}：</p><p class='ind'>本机关于{iso(d.preservation)}对{you(plan)}的有关证据予以先行"
        f"登记保存。经调查取证，现决定自{iso(d.preservation_release)}起解除登记保存，相关物品予以返还。</p>"
        f"<p class='sign'>{esc(plan.agency.name)}<br>{iso(d.preservation_release)}</p>"
    )
    return [
        QDoc(
            "证据登记保存清单",
            "证据登记保存清单",
            keep,
            seal=True,
            seal_anchor=plan.agency.name,
            stamp=iso(d.preservation) + " 11:20:03",
        ),
        QDoc(
            "解除证据登记保存决定书",
            "解除证据登记保存决定书",
            release,
            seal=True,
            seal_anchor=plan.agency.name,
            stamp=iso(d.preservation_release) + " 10:02:47",
        ),
    ]


def compulsion(plan: Plan) -> list[QDoc]:
    d, n = plan.dates, plan.number.format()
    assert d.compulsion and d.compulsion_release
    veh = f"{plan.party.plate}{plan.party.vehicle}"
    take = (
        head(plan, "行政强制措施决定书", n, label="案号")
        + f"<p>当事人：{party_line(plan)}</p><p class='ind'>{you(plan)}涉嫌{esc(plan.violation.cause)}，依据《中华人民共和国"
        f"行政强制法》第二十四条的规定，本机关决定自{iso(d.compulsion)}起对{esc(veh)}实施扣押，期限为三十日。扣押全过程已"
        "同步录音录像。如不服本决定，可以在六十日内依法申请行政复议，或者在六个月内依法提起行政诉讼。</p>"
        f"<p class='sign'>{esc(plan.agency.name)}<br>{iso(d.compulsion)}</p>"
    )
    free = (
        head(plan, "解除行政强制措施决定书", n, label="案号")
        + f"<p>{esc(plan.party.name)}：</p><p class='ind'>本机关于{iso(d.compulsion)}对{esc(veh)}实施的扣押措施，"
        f"现决定自{iso(d.compulsion_release)}起予以解除。</p>"
        f"<p class='sign'>{esc(plan.agency.name)}<br>{iso(d.compulsion_release)}</p>"
    )
    return [
        QDoc(
            "行政强制措施决定书",
            "行政强制措施决定书",
            take,
            seal=True,
            seal_anchor=plan.agency.name,
            stamp=iso(d.compulsion) + " 15:31:09",
        ),
        QDoc(
            "解除行政强制措施决定书",
            "解除行政强制措施决定书",
            free,
            seal=True,
            seal_anchor=plan.agency.name,
            stamp=iso(d.compulsion_release) + " 09:44:18",
        ),
    ]


def evidence(plan: Plan, name: str, index: int) -> QDoc:
    """An evidence page: a grey frame where the copy sits, and the 经核对 note under it."""
    q = plan.inquiries[0] if plan.inquiries else None
    when = iso(q.date) if q else iso(plan.dates.filing)
    html = (
        f"<p class='small'>证据材料 {index + 1}</p><h1 style='font-size:14pt'>{esc(name)}</h1>"
        "<div class='box' style='height:330px;background-color:#f4f4f4;text-align:center;color:#999'>"
        f"<p style='margin-top:140px'>（{esc(name)}影像）</p></div>"
        f"<table class='g'><tr><th width='18%'>证据来源</th><td>{esc(plan.party.name)}提供</td>"
        f"<th width='18%'>采集时间</th><td>{when}</td></tr>"
        f"<tr><th>证明对象</th><td colspan='3'>{esc(plan.violation.cause)}的相关事实</td></tr></table>"
        f"<p>经核对与原件一致。　　提供人：{esc(plan.party.name)}　　核对人：{esc(plan.officers[0].name)}</p>"
    )
    return QDoc("证据材料", name, html, stamp=when + " 14:12:55")


def report(plan: Plan) -> QDoc:
    d, s, n = plan.dates, plan.staff, plan.number.format()
    assert d.report
    o1, o2 = plan.officers[0], plan.officers[1]
    ev = "；".join(f"{i + 1}.{e}" for i, e in enumerate(plan.evidence + [q.type for q in plan.inquiries]))
    rows = (
        f"<tr><th colspan='2'>案由</th><td colspan='3'>{esc(plan.violation.cause)}案</td></tr>"
        f"<tr><th colspan='2'>调查人员</th><td colspan='3'>{officer_cell(o1)}；{officer_cell(o2)}</td></tr>"
        + party_rows(plan, d.report)
        + f"<tr><th colspan='2'>调查经过及<br>违法事实</th><td colspan='3'>本机关于{iso(d.filing)}立案后依法开展调查。经查，"
        f"{esc(act(plan))}。</td></tr>"
        f"<tr><th colspan='2'>证据材料</th><td colspan='3'>{esc(ev)}</td></tr>"
        f"<tr><th colspan='2'>调查结论及<br>处理意见</th><td colspan='3'>当事人的行为违反了{esc(plan.violation.breach)}的规定，"
        f"依据{esc(plan.violation.basis)}的规定，建议处以罚款人民币{plan.proposed_fine}元。"
        + opinion("", f"{o1.name}、{o2.name}", d.report, label="调查人员")
        + "</td></tr>"
        f"<tr><th colspan='2'>承办机构<br>负责人意见</th><td colspan='3'>{opinion('同意调查结论。', s.unit_head, d.report)}</td></tr>"
        f"<tr><th colspan='2'>负责人<br>审批意见</th><td colspan='3'>{opinion('同意，按程序告知当事人。', s.head, d.report)}</td></tr>"
    )
    return QDoc(
        "案件调查报告",
        "案件调查报告",
        head(plan, "案件调查报告", n) + grid(rows),
        stamp=iso(d.report) + " 17:20:31",
    )
