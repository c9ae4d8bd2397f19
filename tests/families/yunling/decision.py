"""Decisions and what follows: 行政处罚决定书, 当场决定书, bank 回单, website 公开 page, 结案报告."""

from __future__ import annotations

import datetime as dt
import random

from casegen import discretion
from casegen.model import Plan
from families.contract import RenderedDoc

from . import fmt
from .fmt import Ctx
from .grid import LEFT, RIGHT, SANS, Sheet, W, text_width


def _reasons(p: Plan) -> str:
    """说理: the discretion band and level, and what became of a statement or hearing."""
    band = discretion.stated(p.violation.key, p.fine, p.mut)
    out = f"依据裁量基准{band[0]}，本案属{band[1].level}情形（{band[1].fact}）。" if band else ""
    if p.dates.statement:
        out += "当事人陈述申辩称家庭经济困难、请求从轻处罚，经复核，其理由在裁量基准范围内予以部分采纳。"
    if p.dates.hearing:
        out += "听证中当事人请求减轻处罚，经审查，其理由不足以减轻处罚，不予采纳。"
    return out


def _payment(c: Ctx) -> str:
    return (
        f"自收到本决定书之日起十五日内，到{c.a.bank}代收网点缴纳罚款。到期不缴纳的，本机关可以每日按罚款数额的"
        "百分之三加处罚款，并依法申请人民法院强制执行。"
    )


def _remedy(c: Ctx) -> str:
    return (
        f"如不服本决定，可以在收到本决定书之日起六十日内向{c.a.review_body}申请行政复议，或者在六个月内"
        f"向{c.a.court}提起行政诉讼。"
    )


def decision(s: Sheet, c: Ctx) -> RenderedDoc:
    key, p, mut, d = "行政处罚决定书", c.plan, c.plan.mut, c.d
    s.begin("行政处罚决定书", c.number(key), c.a.name, red=True)
    c.party_rows(s, key, label="被处罚人")
    s.kv("违法时间", fmt.at(d.violation, d.violation_time))
    s.kv("违法事实", c.act() + "。")
    s.kv("证据", "；".join(p.evidence + [q.type for q in p.inquiries]) + "等证据证实。")
    who = "你（单位）" if mut.get("w01") == "ni_danwei" else "当事人"
    s.kv("违反规定", f"{who}的上述行为违反了{p.violation.breach}的规定。")
    s.kv("处罚依据", f"依据{p.violation.basis}的规定。")
    if mut.get("p19") != "noreasons":
        s.kv("裁量说明", _reasons(p))
    s.kv("处罚种类及金额", f"罚款{p.fine}元（{mut.get('c03') or fmt.daxie(p.fine)}）")
    if mut.get("p07") != "nocomply":
        s.kv("履行方式和期限", _payment(c))
    if mut.get("w01") == "underscore":
        s.kv("缴款账号", "________________")
    if mut.get("w01") == "guidance":
        s.kv("其他事项", "（分以下情况填写：个人写明姓名、住址；单位写明名称、地址）")
    if mut.get("p07") != "noremedy":
        s.kv("救济途径", _remedy(c))
    s.sign(c.a.name, fmt.sign(d.decision), seal=mut.get("s01") != "decision")
    return s.end(key)


def summary_decision(s: Sheet, c: Ctx) -> RenderedDoc:
    key, p, d = "当场行政处罚决定书", c.plan, c.d
    s.begin(key, c.number(key), c.a.name, red=True)
    c.party_rows(s, key, label="被处罚人")
    s.pair("违法时间", fmt.at(d.violation, d.violation_time), "违法地点", p.facts.get("place", ""))
    s.kv("违法事实", c.act() + "。")
    s.kv("违反规定", p.violation.breach)
    s.kv("处罚依据", p.violation.basis)
    s.kv("处罚种类及金额", f"罚款{fmt.amount(p.fine)}")
    pay = "当场缴纳" if p.on_the_spot_payment else _payment(c)
    s.kv("履行方式和期限", pay)
    s.kv(
        "告知情况", "处罚前已口头告知当事人拟作出处罚的事实、理由和依据，并告知当事人依法享有陈述权和申辩权。"
    )
    s.kv("救济途径", _remedy(c))
    s.kv("执法人员（证号）", "；".join(fmt.officer(o) for o in p.officers[:2]))
    s.kv(
        "当事人签字", f"{p.party.contact.name if p.party.contact else p.party.name}    {fmt.cell(d.decision)}"
    )
    s.sign(c.a.name, fmt.sign(d.decision))
    return s.end(key)


def receipt(s: Sheet, c: Ctx, rng: random.Random) -> RenderedDoc:
    """The bank's 代收罚没款 electronic 回单, with its oval 业务专用章."""
    key, p, d = "罚没款票据", c.plan, c.d
    assert d.payment
    title = "代收罚没款电子回单"
    s.begin(title, f"{d.payment.year}{rng.randint(10**9, 10**10 - 1)}", c.a.bank, label="回单编号")
    s.pair("交易日期", fmt.dot(d.payment), "记账日期", fmt.cell(d.payment))
    s.pair("付款人", c.name(key), "付款账号", f"6217{rng.randint(10**11, 10**12 - 1)}")
    s.pair("收款单位", f"{c.a.city or c.a.name}财政局非税收入专户", "执收单位", c.a.name)
    s.kv("金额", fmt.amount(p.fine))
    s.kv("摘要", f"代收罚没款 决定书文号{c.number(key)}")
    s.pair("交易渠道", "柜面", "交易流水号", str(rng.randint(10**11, 10**12 - 1)))
    s.gap(20)
    s.oval_seal((W - RIGHT - 100, s.y + 40), c.a.bank)
    s.gap(90)
    return s.end(key)


def publication(s: Sheet, c: Ctx, rng: random.Random) -> RenderedDoc:
    """A printed page of the county government site's 行政处罚信息公开 list, this case one row of it."""
    key, p, d = "公示记录", c.plan, c.d
    assert d.publication
    s.start_page, s.seals, s.title = len(s.pdf), [], "行政处罚信息公开"
    pg = s.new_page()
    gov = (c.a.city or c.a.name[:3]) + "人民政府"
    pg.draw_rect((LEFT - 20, 40, W - RIGHT + 10, 84), color=None, fill=(0.12, 0.33, 0.62))
    s.write(LEFT - 8, 50, gov, 20, font=SANS, color=(1, 1, 1))
    s.y = 96
    s.write(LEFT, s.y, "首页 > 政务公开 > 法定主动公开内容 > 行政处罚信息公开", 9, color=(0.3, 0.3, 0.3))
    s.y += 24
    s.center("行政处罚信息公开", 16, font=SANS)
    s.header([("序号", 1), ("决定书文号", 2), ("被处罚人", 2), ("处罚内容", 2), ("公开日期", 1)], size=9)
    rows = []
    for i in range(5):
        delta = rng.randint(1, 6) * (i + 1)
        serial = p.number.serial - delta if p.number.serial > delta else p.number.serial + delta
        who = rng.choice(("王某某", "刘某某", "某某运输有限公司", "陈某某"))
        day = d.publication - dt.timedelta(days=rng.randint(0, 4) + 3 * i)
        rows.append((day, p.number.format(serial=serial), who, rng.choice((2000, 3000, 5000, 20000))))
    rows.append((d.publication, c.number(key), c.name(key), p.fine))
    rows.sort(key=lambda r: r[0], reverse=True)  # the site lists the newest first
    for i, (day, no, who, fine) in enumerate(rows, 1):
        cells = [
            (str(i), 1, False),
            (no, 2, False),
            (who, 2, False),
            (f"罚款{fine}元", 2, False),
            (fmt.dot(day), 1, False),
        ]
        s.row(cells, size=9)
    s.y += 12
    s.write(LEFT, s.y, f"处罚机关：{c.a.name}    本案公开日期：{fmt.cell(d.publication)}", 9.5)
    s.y += 30
    url = "http://www.gov.cn.example/zwgk/xzcf/index.html"
    s.write(LEFT, 800, url, 8, color=(0.3, 0.3, 0.3))
    s.write(W - RIGHT - text_width("第1页 共1页", 8), 800, "第1页 共1页", 8, color=(0.3, 0.3, 0.3))
    return s.end(key)


def closing(s: Sheet, c: Ctx) -> RenderedDoc:
    key, p, d, st = "结案报告", c.plan, c.d, c.plan.staff
    assert d.closing
    s.begin("结案报告", c.number(key), c.a.name)
    s.kv("案由", c.cause())
    c.party_rows(s, key)
    s.kv("处理结果", f"{fmt.cell(d.decision)}作出行政处罚决定：罚款{fmt.amount(p.fine)}。")
    paid = (
        f"当事人已于{fmt.cell(d.payment)}缴纳全部罚款，处罚决定已执行完毕。"
        if d.payment
        else "处罚决定已执行完毕。"
    )
    s.kv("执行情况", paid)
    s.kv("承办人员", f"{p.officers[0].name}、{p.officers[1].name}    {fmt.cell(d.closing)}")
    s.kv("承办机构意见", f"建议结案。    负责人：{st.unit_head}    {fmt.cell(d.closing)}")
    if p.mut.get("jiean_nohead"):
        s.kv("负责人审批意见", "")
    else:
        s.kv("负责人审批意见", f"同意结案。    负责人：{st.head}    {fmt.cell(d.closing)}")
    return s.end(key)
