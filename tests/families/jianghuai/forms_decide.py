"""The decision (ordinary and 当场), the payment slip, the 公示 page, the 结案报告 and the archive
wrappers (卷宗封面, 卷内目录, 备考表)."""

from __future__ import annotations

from casegen.formats import daxie
from families.contract import RenderedDoc
from families.jianghuai.common import Ctx, d0, dcn, diso, hm, money, yuan
from families.jianghuai.seal import bank_stamp
from families.jianghuai.sheet import BOTTOM, TOP, Cell, L, R, Sheet, W, label, tw

GUIDANCE = "（分以下情况选择填写：个人写明姓名、身份证件号码；单位写明名称、统一社会信用代码）"


def _reasons(c: Ctx) -> str:
    p, d = c.plan, c.plan.dates
    lowered = p.fine < p.proposed_fine
    level = "从轻" if lowered else "一般"
    out = (
        f"参照《{p.agency.province}交通运输行政处罚自由裁量权基准》，结合本案违法行为的事实、性质、情节及社会危害程度，"
        f"本案属{level}违法情形。"
    )
    if d.statement:
        out += (
            "当事人在陈述申辩中提出系初次违法、请求从轻处罚，经复核，该意见符合从轻处罚情形，本机关予以采纳。"
            if lowered
            else "当事人在陈述申辩中对违法事实无异议，请求从轻处理，但未提出法定从轻、减轻情形及相应证据，本机关不予采纳。"
        )
    if d.hearing:
        out += "当事人在听证中提出的意见，经本机关复核，未提供足以减轻处罚的事实和证据，不予采纳。"
    return out


def decision(c: Ctx) -> None:
    p, d, a, mut = c.plan, c.plan.dates, c.plan.agency, c.plan.mut
    key = "行政处罚决定书"
    s = c.sheet(15)
    s.text(a.name, 14, indent=0, align="c", bold=True, after=0)
    s.title("行政处罚决定书")
    s.text(c.number(key), 11, indent=0, align="c", after=8)
    if mut.get("w01") == "guidance":
        s.text(GUIDANCE, 10, indent=0)
    phone = "____________" if mut.get("w01") == "underscore" else None
    c.party_block(s, key, "被处罚人", phone=phone)
    s.space(8)
    you = "你（单位）" if mut.get("w01") == "ni_danwei" else c.you
    s.text(c.act(key) + "。", 11.5, lead="经本机关查明：")
    ev = [q.type for q in p.inquiries] + list(p.evidence)
    listed = "；".join(f"{i + 1}.{e}" for i, e in enumerate(dict.fromkeys(ev)))
    s.text(listed + "。上述证据经查证属实，足以认定。", 11.5, lead="认定上述事实的证据有：")
    s.text(f"{you}的上述行为违反了{p.violation.breach}的规定。" + _reasons(c), 11.5, lead="本机关认为：")
    capital = mut.get("c03") or daxie(p.fine)
    s.text(
        f"依据{p.violation.basis}的规定，本机关决定对{you}作出罚款{money(p.fine, capital)}的行政处罚。",
        11.5,
        lead="处罚决定：",
    )
    if mut.get("p07") != "nocomply":
        s.text(
            f"{you}应当自收到本决定书之日起十五日内，持本决定书到{a.bank}各营业网点或通过{a.province}政府非税收入缴款平台缴纳罚款。"
            "到期不缴纳罚款的，本机关可以每日按罚款数额的百分之三加处罚款，并依法申请人民法院强制执行。",
            11.5,
            lead="履行方式和期限：",
        )
    if mut.get("p07") != "noremedy":
        s.text(
            f"{you}如不服本决定，可以在收到本决定书之日起六十日内向{a.review_body}申请行政复议，或者在六个月内依法向{a.court}提起行政诉讼。"
            "申请行政复议或者提起行政诉讼的，不停止本决定的执行，法律另有规定的除外。",
            11.5,
            lead="申请复议或者提起诉讼的途径和期限：",
            keep=130,
        )
    seal = None if mut.get("s01") == "decision" else c.seal()
    s.sign([a.name], dcn(d.decision), seal=seal)
    s.text("本决定书一式两份，一份送达被处罚人，一份归档。", 9, indent=0)
    c.done(s, "行政处罚决定书", "行政处罚决定书", key)


def summary(c: Ctx) -> None:
    """当场行政处罚决定书 with its payment boxes and the officers' certificates."""
    p, d, a = c.plan, c.plan.dates, c.plan.agency
    key = "当场行政处罚决定书"
    s = c.sheet(14)
    s.text(a.name, 14, indent=0, align="c", bold=True, after=0)
    s.title("当场行政处罚决定书", 18, spaced=False)
    s.text(c.number(key), 11, indent=0, align="c", after=6)
    c.party_block(s, key, "被处罚人")
    f = c.facts(key)
    spot = p.on_the_spot_payment
    pay = (
        f"■当场缴纳    □自收到本决定书之日起十五日内缴至{a.bank}"
        if spot
        else f"□当场缴纳    ■自收到本决定书之日起十五日内缴至{a.bank}（到期不缴纳的，每日按罚款数额的百分之三加处罚款）"
    )
    s.table(
        [
            [
                label("违法时间", 0.16),
                Cell(d0(d.violation) + hm(d.violation_time), 0.34),
                label("违法地点", 0.14),
                Cell(f["place"], 0.36),
            ],
            [label("违法事实", 0.16), Cell(c.act(key) + "。", 0.84)],
            [label("违反规定", 0.16), Cell(p.violation.breach, 0.84)],
            [label("处罚依据", 0.16), Cell(p.violation.basis, 0.84)],
            [label("处罚决定", 0.16), Cell(f"罚款{money(p.fine)}", 0.84)],
            [label("履行方式\n和期限", 0.16), Cell(pay, 0.84)],
        ],
        min_h=26,
    )
    s.space(4)
    s.text(
        "执法人员在作出处罚决定前，已口头告知当事人拟作出处罚的事实、理由和依据，并告知当事人依法享有陈述权和申辩权。当事人未提出陈述申辩意见。",
        10.5,
    )
    s.text(
        f"如不服本决定，可以在收到本决定书之日起六十日内向{a.review_body}申请行政复议，或者在六个月内依法向{a.court}提起行政诉讼。",
        10.5,
    )
    s.table(
        [
            [
                label("执法人员", 0.16),
                Cell("  ".join(f"{o.name}（执法证号：{o.certificate}）" for o in p.officers[:2]), 0.84),
            ],
            [
                label("被处罚人签名", 0.16),
                Cell(
                    f"{(p.party.contact.name if p.party.contact else c.party(key))}    {d0(d.decision)}", 0.84
                ),
            ],
        ]
    )
    s.sign([a.name], dcn(d.decision), seal=c.seal(), size=11)
    c.done(s, "当场行政处罚决定书", "当场行政处罚决定书", key)


def receipt(c: Ctx) -> None:
    """The province's 非税收入缴款书 (收据联) with the bank's stamp over the date."""
    p, d, a = c.plan, c.plan.dates, c.plan.agency
    assert d.payment
    key = "罚没款票据"
    s = c.sheet(95)
    title = f"{a.province}政府非税收入缴款书"
    s.space(6)
    s.title(title, 17, spaced=False)
    serial = f"No.{c.rng.randrange(10**9, 10**10)}"
    s.text(f"（收据联）    {serial}", 10, indent=0, align="c", after=2)
    s.text(
        f"执收单位编码：{a.region}{c.rng.randrange(1000, 9999)}    缴款识别码：{c.rng.randrange(10**11, 10**12)}{c.rng.randrange(10**7, 10**8)}",
        9.5,
        indent=0,
        after=2,
    )
    s.text(f"填制日期：{diso(d.payment)}", 9.5, indent=0, align="r", after=4)
    payer = c.party(key)
    top = s.y
    s.table(
        [
            [
                label("缴款人全称", 0.16),
                Cell(payer, 0.34),
                label("收款人全称", 0.16),
                Cell(f"{a.city}财政局非税收入汇缴结算户", 0.34),
            ],
            [
                label("缴款人账号", 0.16),
                Cell("", 0.34),
                label("收款人账号", 0.16),
                Cell(f"{c.rng.randrange(10**15, 10**16)}", 0.34),
            ],
            [label("缴款人开户行", 0.16), Cell("", 0.34), label("收款人开户行", 0.16), Cell(a.bank, 0.34)],
            [
                label("项目编码", 0.16),
                label("收入项目名称", 0.3),
                label("单位", 0.1),
                label("数量", 0.1),
                label("收缴标准", 0.14),
                label("金额（元）", 0.2),
            ],
            [
                Cell("103050101", 0.16, "c"),
                Cell("一般罚没收入（交通运输）", 0.3),
                Cell("元", 0.1, "c"),
                Cell("1", 0.1, "c"),
                Cell(yuan(p.fine), 0.14, "r"),
                Cell(yuan(p.fine), 0.2, "r"),
            ],
            [
                label("金额合计（大写）", 0.26),
                Cell(f"人民币{daxie(p.fine)}", 0.44),
                label("（小写）", 0.1),
                Cell(f"￥{yuan(p.fine)}", 0.2, "r"),
            ],
            [
                label("执收单位", 0.16),
                Cell(a.name, 0.34),
                label("备注", 0.1),
                Cell(f"决定书文号：{c.number(key)}", 0.4),
            ],
        ],
        size=9.5,
        min_h=22,
    )
    bottom = s.y
    # the copy label runs down the right margin, as on the carbon sets
    y = top
    for ch in "第二联收据联缴款人收执":
        s.put(R + 8, y + 9, ch, 8.5)
        y += 11
    s.text("经办人：            复核：            收款银行（盖章）", 9.5, indent=0, after=2)
    st = bank_stamp(a.bank, diso(d.payment))
    s.stamp_image(_rect(R - 175, bottom - 8, 150, 95), st, counts=False)
    s.space(10)
    s.page.draw_line((L, s.y), (R, s.y), color=(0.5, 0.5, 0.5), width=0.5, dashes="[3 3] 0")
    c.done(s, "罚没款票据", title, key)


def _rect(x: float, y: float, w: float, h: float):  # type: ignore[no-untyped-def]
    import pymupdf

    return pymupdf.Rect(x, y, x + w, y + h)


def publication(c: Ctx) -> None:
    """The decision as published on the province's credit platform, printed from a browser."""
    p, d, a = c.plan, c.plan.dates, c.plan.agency
    assert d.publication
    key = "公示记录"
    s = Sheet(c.doc, code="", platform="", stamp="", rng=c.rng)
    page = s.page
    blue = (0.11, 0.33, 0.62)
    page.draw_rect((0, 0, W, 24), color=None, fill=(0.96, 0.96, 0.96))
    s.put(20, 15, f"行政处罚信息 - 信用{a.province.rstrip('省市')}", 7.5, color=(0.3, 0.3, 0.3))
    url = f"https://credit.{a.region}.gov.cn/xzcf/detail?id={c.rng.randrange(10**8, 10**9)}"
    s.put(W - 20 - tw(url, 7), 15, url, 7, color=(0.3, 0.3, 0.3))
    page.draw_rect((30, 40, W - 30, 92), color=None, fill=blue)
    s.put(48, 72, f"信用{a.province.rstrip('省市')}", 20, bold=True, color=(1, 1, 1))
    s.put(
        48 + tw(f"信用{a.province.rstrip('省市')}", 20) + 14,
        72,
        "双公示 · 行政处罚信息",
        11,
        color=(0.9, 0.93, 1),
    )
    s.put(40, 110, "首页 > 信用信息 > 行政处罚 > 详情", 8.5, color=(0.4, 0.4, 0.4))
    s.y = 122
    s.text(f"{c.party(key)}行政处罚信息", 14, indent=0, align="c", bold=True, after=6)
    party = p.party
    if party.kind == "organisation":
        kind, code = "法人及非法人组织", party.credit_code or ""
    else:
        kind = "自然人"
        num = party.person.id_number if party.person else ""
        code = num[:6] + "********" + num[-4:]
    amount = f"{p.fine / 10000:.4f}".rstrip("0").rstrip(".")
    rows = [
        ("行政处罚决定书文号", c.number(key)),
        ("行政相对人名称", c.party(key)),
        ("行政相对人类别", kind),
        ("统一社会信用代码" if party.kind == "organisation" else "证件号码", code),
        ("法定代表人", party.legal_rep or "—"),
        ("违法行为类型", c.cause),
        ("违法事实", c.act(key).replace(party.person.id_number if party.person else "\0", code)),
        ("处罚依据", p.violation.basis),
        ("处罚类别", "罚款"),
        ("处罚内容", f"罚款人民币{p.fine}元"),
        ("罚款金额（万元）", amount),
        ("处罚决定日期", diso(d.decision)),
        ("公示日期", diso(d.publication)),
        ("公示期限", "三年"),
        ("处罚机关", a.name),
        ("数据来源单位", a.unit),
    ]
    s.table(
        [[Cell(k, 0.28, "r", size=9.5), Cell(v, 0.72, size=9.5)] for k, v in rows],
        x0=40,
        x1=W - 40,
        min_h=21,
        border=0.4,
    )
    s.y += 10
    s.put(
        40,
        s.y,
        "说明：本信息依据《中华人民共和国行政处罚法》第四十八条公开，如有异议请与处罚机关联系。",
        8,
        color=(0.4, 0.4, 0.4),
    )
    page.insert_text((W - 60, 830), "1/1", fontname="jh", fontsize=7.5, color=(0.3, 0.3, 0.3))
    pages = c.doc.page_count - s.first
    c.out.append(RenderedDoc("公示记录", pages, f"{c.party(key)}行政处罚信息", None, [], key))
    _ = TOP, BOTTOM


def closing(c: Ctx) -> None:
    p, d = c.plan, c.plan.dates
    assert d.closing
    key = "结案报告"
    st = p.staff
    s = c.sheet(24)
    c.head(s, "结案报告", key, number_row=False)
    s.table(
        [
            [label("案号", 0.16), Cell(c.number(key), 0.84)],
            [label("案由", 0.16), Cell(f"{c.cause}案", 0.84)],
        ]
    )
    c.party_block(s, key)
    if d.payment and p.has_receipt:
        done = f"当事人已于{d0(d.payment)}缴纳罚款{money(p.fine)}，缴款凭证附卷。行政处罚决定已执行完毕。"
    else:
        done = "当事人已按行政处罚决定书确定的期限和方式履行完毕。"
    rows = [
        [
            label("处理结果", 0.16),
            Cell(
                f"本机关于{d0(d.decision)}作出行政处罚决定（{c.number(key)}），对当事人处以罚款{money(p.fine)}。",
                0.84,
            ),
        ],
        [label("执行情况", 0.16), Cell(done, 0.84)],
        [
            label("承办人意见", 0.16),
            Cell(
                f"本案已执行完毕，建议结案。\n承办人：{p.officers[0].name}  {p.officers[1].name}    {d0(d.closing)}",
                0.84,
            ),
        ],
        [
            label("承办机构\n负责人意见", 0.16),
            Cell(f"同意结案。\n签名：{st.unit_head}    {d0(d.closing)}", 0.84),
        ],
    ]
    if not p.mut.get("jiean_nohead"):
        rows.append(
            [
                label("行政机关\n负责人审批意见", 0.16),
                Cell(f"同意结案，归档。\n签名：{st.head}    {d0(d.closing)}", 0.84),
            ]
        )
    s.table(rows, min_h=40)
    c.done(s, "结案报告", "结案报告", key)


def cover(c: Ctx, items: int, pages: int) -> None:
    p, d, a = c.plan, c.plan.dates, c.plan.agency
    s = Sheet(c.doc, code="", platform="", stamp="", rng=c.rng)
    s.page.draw_rect((50, 50, W - 50, 792), color=(0.2, 0.2, 0.2), width=2.2)
    s.page.draw_rect((56, 56, W - 56, 786), color=(0.2, 0.2, 0.2), width=0.6)
    s.y = 120
    s.text(a.name, 16, indent=0, align="c", bold=True, after=10)
    s.title("行政处罚案卷", 26)
    s.space(30)
    closing = d.closing if p.mut.get("drop") != "结案报告" else None
    rows = [
        ("案件名称", f"{p.party.name}{c.cause}案"),
        ("案号", p.number.format()),
        ("处理结果", f"罚款{money(p.fine)}"),
        ("承办机构", a.unit),
        ("立案日期", d0(d.filing)),
        ("结案日期", d0(closing) if closing else ""),
        ("本卷件数", f"{items}件"),
        ("本卷页数", f"{pages}页"),
        ("保管期限", "永久" if p.triggered else "三十年"),
        ("归档号", f"{d.filing.year}-{p.number.serial:04d}"),
    ]
    s.table([[label(k, 0.26), Cell(v, 0.74)] for k, v in rows], x0=L + 20, x1=R - 20, min_h=34, size=12)
    c.out.append(RenderedDoc("卷宗封面", 1, "行政处罚案卷", None, [], "卷宗封面"))


def contents(c: Ctx, entries: list[tuple[str, str, int, int]]) -> None:
    """卷内目录: (题名, 日期, first page, last page) per document."""
    s = Sheet(c.doc, code="", platform="", stamp="", rng=c.rng)
    s.y = 70
    s.title("卷内目录", 18)
    rows = [
        [
            label("序号", 0.08),
            label("题名", 0.46),
            label("日期", 0.2),
            label("页号", 0.14),
            label("备注", 0.12),
        ]
    ]
    for i, (title, date, a, b) in enumerate(entries):
        pages = str(a) if a == b else f"{a}-{b}"
        rows.append(
            [
                Cell(str(i + 1), 0.08, "c"),
                Cell(title, 0.46),
                Cell(date, 0.2, "c"),
                Cell(pages, 0.14, "c"),
                Cell("", 0.12),
            ]
        )
    s.table(rows, size=9.5, min_h=19)
    n = c.doc.page_count - s.first
    c.out.append(RenderedDoc("卷内目录", n, "卷内目录", None, [], "卷内目录"))


def back(c: Ctx, items: int, pages: int) -> None:
    p, d = c.plan, c.plan.dates
    s = Sheet(c.doc, code="", platform="", stamp="", rng=c.rng)
    s.y = 80
    s.title("卷内备考表", 18, spaced=False)
    when = d.archive
    note = f"本卷共{items}件，{pages}页，材料齐全，装订完整。"
    s.table(
        [
            [label("本卷情况说明", 0.22), Cell(note, 0.78, valign="t")],
            [
                label("立卷人", 0.22),
                Cell(p.staff.filer, 0.28),
                label("立卷时间", 0.2),
                Cell(d0(when) if when else "", 0.3),
            ],
            [label("检查人", 0.22), Cell(p.staff.checker, 0.78)],
        ],
        heights={0: 300},
        size=11,
        min_h=34,
    )
    c.out.append(RenderedDoc("备考表", 1, "卷内备考表", None, [], "备考表"))
