"""Payment receipt, the county website's 公示 page as printed, 结案报告 and the 备考表."""

from __future__ import annotations

import pymupdf

from families.contract import RenderedDoc
from families.qinlong.base import Case
from families.qinlong.fmt import cn_date, daxie, money, num_date, spaced, web_date
from families.qinlong.sheet import HEAD, LM, RM, W, width


def receipt(c: Case) -> RenderedDoc:
    """A bank's 代收罚没款凭证 (or the agency's 罚没款收据) with a red 收讫 stamp."""
    p, s, key = c.plan, c.sheet, "罚没款票据"
    d = p.dates
    assert d.payment
    bank = c.rng.random() < 0.6
    title = "代收罚没款凭证" if bank else "罚没款收据"
    s.start()
    s.gap(20)
    if bank:
        s.center(p.agency.bank, 13, HEAD)
    else:
        s.center(f"{p.agency.province}非税收入票据", 13, HEAD)
    s.center(spaced(title), 18, HEAD)
    no = f"No.{c.rng.randint(10_000_000, 99_999_999)}"
    s.fields([("缴款日期：", num_date(d.payment))])
    s.y -= 23
    s.text(RM - width(no, 11), s.y + 13, no, 11, color=(0.6, 0.05, 0.05))
    s.y += 23
    rows = [
        ["缴款人", c.name(key)],
        ["收款单位", f"{c.agency}（罚没收入财政专户）"],
        ["执收单位", c.agency],
        ["处罚决定书文号", c.number(key)],
        ["项目名称", "交通运输罚没收入——罚款"],
        ["金额（大写）", daxie(p.fine)],
        ["金额（小写）", f"￥{p.fine}.00"],
        ["备注", "当场收缴" if p.on_the_spot_payment else "按期缴纳"],
    ]
    boxes = s.table([3, 8], rows, size=11.5, pad=8, head=0)
    y = boxes[-1][2] + 14
    s.text(LM, y + 10, "收款人（经办）：", 11)
    s.hand(LM + 95, y + 12, c.rng.choice(("李婷", "王芳", "赵静", "马丽")) if bank else p.officers[0].name)
    s.text(LM + 250, y + 10, "（第二联  缴款人收执）", 10)
    lines = (
        [p.agency.bank.replace("股份有限公司", ""), "业务受理章", num_date(d.payment)]
        if bank
        else [c.agency, "财务专用章"]
    )
    cx = RM - 90 + c.rng.uniform(-10, 10)
    s.stamp(pymupdf.Rect(cx - 70, boxes[5][1] - 30, cx + 70, boxes[5][1] + 50), lines)
    s.y = y + 40
    return c.emit("罚没款票据", title)


def publication(c: Case) -> RenderedDoc:
    """The decision summary as an article of the county government's website, printed from a browser."""
    p, s, key = c.plan, c.sheet, "公示记录"
    d = p.dates
    assert d.publication
    county = p.agency.city or p.agency.name[:3]
    site = f"{county}人民政府"
    s.start(numbered=True)
    page = s.page
    assert page is not None
    title = f"{c.agency}行政处罚决定信息公示"
    s.text(36, 24, title + " - " + site, 8, color=(0.3, 0.3, 0.3))
    page.draw_rect(pymupdf.Rect(36, 36, W - 36, 96), color=None, fill=(0.62, 0.08, 0.08))
    s.text(56, 76, site, 24, HEAD, color=(1, 1, 1))
    page.draw_rect(pymupdf.Rect(36, 96, W - 36, 116), color=None, fill=(0.85, 0.85, 0.85))
    nav = "首页      政务公开      政务服务      互动交流      走进" + county
    s.text(60, 110, nav, 10, color=(0.1, 0.1, 0.1))
    s.text(
        40,
        136,
        "当前位置：首页 > 政务公开 > 重点领域信息公开 > 行政执法公示 > 行政处罚",
        9,
        color=(0.3, 0.3, 0.3),
    )
    s.y = 150
    s.center(title, 16, HEAD)
    visits = c.rng.randint(23, 480)
    t = f"{c.rng.randint(8, 17)}:{c.rng.randint(0, 59):02d}"
    meta = f"发布时间：{web_date(d.publication)} {t}    来源：{c.agency}    浏览次数：{visits}    【字体：大 中 小】"
    s.center(meta, 9)
    s.hline(40, W - 40, s.y, 0.8)
    s.gap(12)
    party = p.party
    ident = party.credit_code or (
        party.person.id_number[:6] + "********" + party.person.id_number[-4:] if party.person else ""
    )
    items = [
        ("行政处罚决定书文号", c.number(key)),
        ("被处罚人", c.name(key)),
        ("统一社会信用代码" if party.kind == "organisation" else "身份证件号", ident),
        ("主要违法事实", c.act(key) + "。"),
        ("处罚依据", f"违反了{p.violation.breach}的规定，依据{p.violation.basis}的规定。"),
        ("处罚种类", "罚款"),
        ("处罚内容", f"罚款{money(p.fine)}"),
        ("处罚机关", c.agency),
        ("处罚决定日期", num_date(d.decision)),
    ]
    for label, value in items:
        s.para(f"{label}：{value}", 11, indent=True)
    s.gap(30)
    y = 760
    s.hline(36, W - 36, y, 0.6)
    foot = [
        f"主办单位：{site}办公室    承办单位：{county}政务服务和数据管理局",
        f"网站标识码：{p.agency.region}0001    地址：{p.agency.address}",
    ]
    for i, line in enumerate(foot):
        s.text(W / 2 - width(line, 8.5) / 2, y + 16 + 13 * i, line, 8.5, color=(0.3, 0.3, 0.3))
    s.text(
        36,
        806,
        f"http://www.{p.agency.region}.gov.cn/zwgk/xzzf/xzcf/{c.rng.randint(100000, 999999)}.html",
        7.5,
        color=(0.3, 0.3, 0.3),
    )
    s.text(W - 60, 806, "1/1", 7.5, color=(0.3, 0.3, 0.3))
    return c.emit("公示记录", title)


def closing(c: Case) -> RenderedDoc:
    p, s, key = c.plan, c.sheet, "结案报告"
    d = p.dates
    assert d.closing
    s.start(form=24)
    s.title(c.agency, spaced("结案报告"))
    s.right("案号：" + c.number(key))
    s.fields([("案由：", c.cause)])
    c.party_fields(key, d.closing)
    s.heading("处理结果：")
    s.para(
        f"本机关于{cn_date(d.decision)}作出行政处罚决定（{c.number(key)}），对当事人给予罚款{money(p.fine)}的"
        f"行政处罚，决定书已于{cn_date(d.decision_service or d.decision)}送达当事人。"
    )
    s.heading("执行情况：")
    if d.payment:
        s.para(f"当事人已于{cn_date(d.payment)}缴纳全部罚款，罚没款票据附卷。")
    else:
        s.para("当事人已履行处罚决定，罚款已全部缴纳入库。")
    s.para("本案已执行完毕，建议结案。")
    s.sign_line("承办人签名：", p.officers[0].name, cn_date(d.closing))
    s.fields([("经办机构负责人意见：", "同意结案。")])
    s.sign_line("签名：", p.staff.unit_head, cn_date(d.closing), x=LM + 190)
    if p.mut.get("jiean_nohead"):
        s.fields([("负责人审批意见：", "")], minw=260)
        s.gap(30)
    else:
        s.fields([("负责人审批意见：", "同意结案。")])
        s.sign_line("签名：", p.staff.head, cn_date(d.closing), x=LM + 190)
    return c.emit("结案报告", "结案报告")


def back_sheet(c: Case, items: int, pages: int) -> RenderedDoc:
    p, s = c.plan, c.sheet
    s.start(numbered=False)
    s.title("", spaced("卷内备考表"), 18)
    s.gap(10)
    s.para(f"本卷共{items}件，共{pages}页（不含封面和备考表）。卷内材料齐全，排列有序，无缺页。")
    s.gap(200)
    archive = p.dates.archive or p.dates.closing or p.dates.decision
    s.sign_line("立卷人：", p.staff.filer, x=LM + 150)
    s.sign_line("检查人：", p.staff.checker, x=LM + 150)
    s.fields([("立卷时间：", num_date(archive))])
    return c.emit("备考表", "卷内备考表")
