"""After the decision: the non-tax payment slip or e-payment receipt, the 公示 web page printout, the
结案 form, and the archive wrappers (cover, contents, notes sheet)."""

from __future__ import annotations

import random

from casegen.model import Plan
from families.qilu.common import act, grid, head, opinion, party_rows
from families.qilu.fmt import QDoc, daxie, esc, iso, yen, ymd0


def _mask(number: str) -> str:
    return number[:6] + "*" * (len(number) - 10) + number[-4:] if len(number) > 10 else number


def receipt(plan: Plan, rng: random.Random) -> QDoc:
    d, p = plan.dates, plan.party
    assert d.payment
    code = "".join(rng.choice("0123456789") for _ in range(8))
    serial = "".join(rng.choice("0123456789") for _ in range(10))
    payer_id = p.credit_code or (_mask(p.person.id_number) if p.person else "")
    if rng.random() < 0.5:
        title = f"{plan.agency.province}非税收入一般缴款书（电子）"
        html = (
            f"<h1 style='font-size:16pt;letter-spacing:1px'>{esc(title)}</h1>"
            f"<table class='plain'><tr><td>票据代码：{code}</td><td>票据号码：{serial}</td>"
            f"<td class='r'>开票日期：{iso(d.payment)}</td></tr></table>"
            "<table class='g'><colgroup><col width='8%'><col width='14%'><col width='28%'><col width='8%'>"
            "<col width='14%'><col width='28%'></colgroup>"
            f"<tr><th rowspan='3'>缴<br>款<br>人</th><th>全称</th><td>{esc(p.name)}</td><th rowspan='3'>收<br>款<br>人</th>"
            f"<th>全称</th><td>{esc(plan.agency.city)}财政局非税收入汇缴结算户</td></tr>"
            f"<tr><th>证件号码</th><td>{esc(payer_id)}</td><th>账号</th><td>{rng.randint(10**15, 10**16 - 1)}</td></tr>"
            f"<tr><th>开户银行</th><td>／</td><th>开户银行</th><td>{esc(plan.agency.bank)}</td></tr>"
            f"<tr><th colspan='2'>执收单位</th><td colspan='4'>{esc(plan.agency.name)}</td></tr>"
            "<tr><th colspan='2'>项目编码</th><th>收入项目名称</th><th colspan='2'>决定书文号</th><th>金额（元）</th></tr>"
            f"<tr><td colspan='2' class='c'>103050199</td><td>一般罚没收入</td><td colspan='2'>{esc(plan.number.format())}</td>"
            f"<td class='r'>{plan.fine:.2f}</td></tr>"
            f"<tr><th colspan='2'>金额合计（大写）</th><td colspan='2'>人民币{daxie(plan.fine)}</td><th>（小写）</th>"
            f"<td class='r'>{yen(plan.fine)}</td></tr>"
            f"<tr><th colspan='2'>校验码</th><td colspan='4'>{rng.randint(10**9, 10**10 - 1)}</td></tr></table>"
            "<table class='plain'><tr><td>收款单位（章）</td><td>复核人：系统</td><td class='r'>经办人：电子缴款</td></tr></table>"
        )
        anchor = "收款单位（章）"
    else:
        title = "政府非税收入电子缴款回单"
        html = (
            f"<h1 style='font-size:16pt;letter-spacing:1px'>{esc(title)}</h1>"
            f"<p class='c small'>{esc(plan.agency.province)}政府非税收入收缴管理系统</p>"
            "<table class='g'><colgroup><col width='22%'><col width='78%'></colgroup>"
            f"<tr><th>缴款码</th><td>{code}{serial}</td></tr>"
            f"<tr><th>交易时间</th><td>{iso(d.payment)} {rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}</td></tr>"
            f"<tr><th>缴款人</th><td>{esc(p.name)}</td></tr>"
            f"<tr><th>执收单位</th><td>{esc(plan.agency.name)}</td></tr>"
            f"<tr><th>处罚决定书文号</th><td>{esc(plan.number.format())}</td></tr>"
            "<tr><th>收入项目</th><td>一般罚没收入</td></tr>"
            f"<tr><th>缴款金额</th><td>{yen(plan.fine)}（人民币{daxie(plan.fine)}）</td></tr>"
            f"<tr><th>收款银行</th><td>{esc(plan.agency.bank)}</td></tr>"
            "<tr><th>交易状态</th><td>缴款成功</td></tr></table>"
            "<p class='r'>电子回单专用章</p>"
        )
        anchor = "电子回单专用章"
    return QDoc("罚没款票据", title, html, extra_seals=[anchor], stamp=iso(d.payment) + " 18:30:00")


def publication(plan: Plan, rng: random.Random) -> QDoc:
    """A printout of the provincial 行政执法公示 detail page."""
    d, p = plan.dates, plan.party
    assert d.publication
    code = p.credit_code or (_mask(p.person.id_number) if p.person else "")
    title = "行政处罚决定信息公示"
    rows = [
        ("行政处罚决定书文号", esc(plan.number.format())),
        ("行政相对人名称", esc(p.name)),
        ("行政相对人类别", "法人及非法人组织" if p.kind == "organisation" else "自然人"),
        ("统一社会信用代码/证件号码", esc(code)),
        ("法定代表人", esc(p.legal_rep or "／")),
        ("违法行为类型", esc(plan.violation.cause)),
        ("违法事实", esc(act(plan))),
        ("处罚依据", esc(plan.violation.basis)),
        ("处罚类别", "罚款"),
        ("处罚内容", f"罚款人民币{plan.fine}元"),
        ("罚款金额（万元）", f"{plan.fine / 10000:.4f}".rstrip("0").rstrip(".")),
        ("处罚决定日期", iso(d.decision)),
        ("处罚机关", esc(plan.agency.name)),
        ("公示日期", iso(d.publication)),
        ("数据来源单位", esc(plan.agency.name)),
    ]
    body = "".join(f"<tr><th width='28%'>{k}</th><td>{v}</td></tr>" for k, v in rows)
    html = (
        f"<div class='web'><p class='crumb'>{esc(plan.agency.province)}行政执法信息公示平台　›　执法结果公示　›　行政处罚　›　详情</p>"
        f"<h1>{esc(title)}</h1><p class='c small'>发布时间：{iso(d.publication)}　　来源：{esc(plan.agency.name)}"
        f"　　浏览次数：{rng.randint(12, 400)}</p><table class='g'>{body}</table>"
        "<p class='small'>注：公示内容已按规定对个人隐私信息作去标识化处理。</p></div>"
    )
    stamp = f"{d.publication.year}/{d.publication.month}/{d.publication.day} {rng.randint(9, 17)}:{rng.randint(10, 59)}"
    return QDoc("公示记录", title, html, web=True, stamp=stamp)


def closing(plan: Plan, rng: random.Random) -> QDoc:
    d, s = plan.dates, plan.staff
    assert d.closing
    title = rng.choice(("结案报告", "结案审批表"))
    done = (
        f"当事人已于{iso(d.payment)}缴纳罚款人民币{plan.fine}元，处罚决定已执行完毕。"
        if d.payment
        else "处罚决定已送达当事人，执行完毕。"
    )
    head_row = (
        "<tr><th colspan='2'>负责人<br>审批意见</th><td colspan='3'><p>　</p><p>　</p></td></tr>"
        if plan.mut.get("jiean_nohead")
        else f"<tr><th colspan='2'>负责人<br>审批意见</th><td colspan='3'>{opinion('同意结案。', s.head, d.closing)}</td></tr>"
    )
    rows = (
        f"<tr><th colspan='2'>案件编号</th><td colspan='3'>{esc(plan.number.format())}</td></tr>"
        f"<tr><th colspan='2'>案由</th><td colspan='3'>{esc(plan.violation.cause)}案</td></tr>"
        + party_rows(plan, d.closing)
        + f"<tr><th colspan='2'>立案日期</th><td>{iso(d.filing)}</td><th>决定书文号</th><td>{esc(plan.number.format())}</td></tr>"
        f"<tr><th colspan='2'>处理结果</th><td colspan='3'>罚款人民币{plan.fine}元。</td></tr>"
        f"<tr><th colspan='2'>执行情况</th><td colspan='3'>{done}</td></tr>"
        f"<tr><th colspan='2'>承办人意见</th><td colspan='3'>"
        + opinion(
            "建议结案。", f"{plan.officers[0].name}、{plan.officers[1].name}", d.closing, label="承办人"
        )
        + "</td></tr>"
        f"<tr><th colspan='2'>承办机构<br>负责人意见</th><td colspan='3'>{opinion('同意。', s.unit_head, d.closing)}</td></tr>"
        + head_row
    )
    return QDoc("结案报告", title, head(plan, title, "") + grid(rows), stamp=iso(d.closing) + " 09:36:14")


def cover(plan: Plan, docs: int, pages: int) -> QDoc:
    d = plan.dates
    rows = [
        ("案件名称", f"{esc(plan.party.name)}{esc(plan.violation.cause)}案"),
        ("案号", esc(plan.number.format())),
        ("当事人", esc(plan.party.name)),
        ("承办机构", esc(plan.agency.unit)),
        ("立案日期", iso(d.filing)),
        ("结案日期", iso(d.closing) if d.closing else "／"),
        ("卷内件数", f"{docs} 件　　共 {pages} 页"),
        ("保管期限", "长期"),
    ]
    body = "".join(f"<tr><th width='24%'>{k}</th><td>{v}</td></tr>" for k, v in rows)
    html = (
        f"<p class='org' style='margin-top:60px;font-size:15pt'>{esc(plan.agency.name)}</p>"
        "<h1 style='font-size:28pt;margin:40px 0 50px 0'>行政处罚案卷</h1>"
        f"<table class='g' style='font-size:12pt'>{body}</table>"
        f"<p class='c' style='margin-top:40px'>归档号：{plan.number.year}-{plan.number.serial:04d}</p>"
    )
    when = d.archive or d.closing or d.decision
    return QDoc("卷宗封面", "行政处罚案卷", html, stamp=iso(when) + " 08:50:00")


def contents(plan: Plan, entries: list[tuple[str, int, int]]) -> QDoc:
    rows = "".join(
        f"<tr><td class='c'>{i + 1}</td><td>{esc(t)}</td><td class='c'>{a}{'' if a == b else f'-{b}'}</td><td></td></tr>"
        for i, (t, a, b) in enumerate(entries)
    )
    html = (
        "<h1>卷内目录</h1><table class='g'><tr><th width='9%'>序号</th><th>文书名称</th><th width='14%'>页号</th>"
        f"<th width='14%'>备注</th></tr>{rows}</table>"
    )
    when = plan.dates.archive or plan.dates.closing or plan.dates.decision
    return QDoc("卷内目录", "卷内目录", html, stamp=iso(when) + " 08:51:30")


def back(plan: Plan, docs: int, pages: int) -> QDoc:
    s = plan.staff
    when = plan.dates.archive or plan.dates.closing or plan.dates.decision
    html = (
        "<h1>卷内备考表</h1><table class='g'>"
        f"<tr><th width='22%'>本卷情况说明</th><td style='height:200px'>本卷共{docs}件，{pages}页，材料齐全，"
        "已按规定顺序整理装订。</td></tr>"
        f"<tr><th>立卷人</th><td>{esc(s.filer)}</td></tr><tr><th>检查人</th><td>{esc(s.checker)}</td></tr>"
        f"<tr><th>立卷时间</th><td>{ymd0(when)}</td></tr></table>"
    )
    return QDoc("备考表", "卷内备考表", html, stamp=iso(when) + " 08:52:10")


__all__ = ["back", "closing", "contents", "cover", "head", "publication", "receipt"]
