"""行政处罚决定书, 当场行政处罚决定书, payment slip, 公示 print, 结案报告."""

from __future__ import annotations

from casegen.discretion import stated

from . import fmt
from .ctx import GRID, Ctx, Spec
from .word import CENTER, RIGHT, Writer


def _payment(c: Ctx) -> str:
    bank = "________" if c.plan.mut.get("w01") == "underscore" else c.a.bank
    return (
        f"限{c.you()}自收到本决定书之日起十五日内，将罚款缴至{bank}（代收机构）或通过非税收入电子缴款渠道缴纳。"
        "到期不缴纳罚款的，本机关可以每日按罚款数额的百分之三加处罚款，加处罚款的数额不超过罚款数额。"
    )


def _remedy(c: Ctx) -> str:
    return (
        f"{c.you()}如不服本处罚决定，可以在收到本决定书之日起六十日内向{c.a.review_body}申请行政复议，"
        f"或者在六个月内依法向{c.a.court}提起行政诉讼。行政复议和行政诉讼期间，本决定不停止执行。"
    )


def decision(w: Writer, c: Ctx) -> Spec:
    key, p, d = "行政处罚决定书", c.plan, c.plan.dates
    m = p.mut
    you = "你（单位）" if m.get("w01") == "ni_danwei" else c.you()
    w.begin("交通运输行政执法文书式样之十五")
    w.letterhead()
    w.title(key)
    w.line((c.no(key),), align=CENTER, after=8)
    for line in c.party_text(key):
        w.line((line,), after=1)
    w.line("违法事实及证据：", before=6)
    facts = c.act() + "。"
    if m.get("p10"):
        facts += "当事人系首次被查处，在执法人员责令改正后已当场改正。"
    w.text(f"经查，{facts}")
    ev = "、".join(p.evidence + sorted({q.type for q in p.inquiries}))
    w.text(f"上述事实有{ev}等证据证实。")
    if m.get("w01") == "guidance":
        w.text("（分以下情况说明：当事人陈述申辩的，写明采纳或者不采纳的理由；放弃的，写明放弃情况。）")
    w.line("处罚理由及依据：", before=4)
    w.text(
        f"本机关认为，{you}的行为违反了{p.violation.breach}的规定，依据{p.violation.basis}的规定，应予处罚。"
    )
    row = stated(p.violation.key, p.fine, m)
    if row and not m.get("p19"):
        entry, band = row
        w.text(
            f"根据本省交通运输行政处罚裁量基准（编号{entry}），本案属于“{band.fact}”情形，裁量等次为{band.level}，"
            f"对应罚款幅度为{band.words()}。"
        )
        if d.statement or d.hearing:
            how = "陈述申辩" if d.statement else "听证"
            adopted = p.fine < p.proposed_fine
            w.text(
                f"{c.you()}在{how}中提出从轻处罚的请求，"
                + (
                    "经复核，其如实陈述违法事实、积极配合调查，理由部分成立，予以采纳。"
                    if adopted
                    else "经复核，其所述理由不属于法定从轻或者减轻处罚情形，不予采纳。"
                )
            )
    w.line("处罚决定：", before=4)
    w.text(f"决定给予{you}罚款{fmt.money(p.fine, m.get('c03'))}的行政处罚。")
    if m.get("p07") != "nocomply":
        w.line("履行方式和期限：", before=4)
        w.text(_payment(c))
    if m.get("p07") != "noremedy":
        w.line("救济途径：", before=4)
        w.text(_remedy(c))
    w.sign(c.a.name, fmt.dcn(d.decision))
    w.line("（本文书一式两份：一份存根，一份交当事人或其代理人。）", size=9, before=8)
    return Spec(key, key, seal=m.get("s01") != "decision")


def summary(w: Writer, c: Ctx) -> Spec:
    key, p, d = "当场行政处罚决定书", c.plan, c.plan.dates
    w.begin("交通运输行政执法文书式样之十四")
    w.letterhead()
    w.title(key)
    w.number(c.no(key))
    rows = [
        *c.party_rows(key),
        ["违法\n事实", "=" + c.act() + "。", "<", "<", "<"],
        ["处罚\n依据", f"=违反了{p.violation.breach}的规定，依据{p.violation.basis}的规定。", "<", "<", "<"],
        ["处罚\n决定", f"=罚款{fmt.money(p.fine)}", "<", "<", "<"],
        [
            "履行\n方式",
            ("☑" if p.on_the_spot_payment else "□")
            + "当场缴纳\n"
            + ("□" if p.on_the_spot_payment else "☑")
            + f"自收到本决定书之日起十五日内缴至{c.a.bank}。逾期不缴纳的，每日按罚款数额的百分之三加处罚款。",
            "<",
            "<",
            "<",
        ],
        ["救济\n途径", "=" + _remedy(c), "<", "<", "<"],
    ]
    w.table(GRID, rows)
    w.text(
        "处罚前已口头告知当事人拟作出处罚的事实、理由和依据，并告知当事人依法享有的陈述权和申辩权。", before=6
    )
    o = p.officers
    w.line("当事人签名：", (c.name(key),), "　　", (fmt.d(d.decision),), before=6)
    w.line("执法人员签名：", (f"{o[0].name}（{o[0].certificate}）　{o[1].name}（{o[1].certificate}）",))
    w.sign(c.a.name, fmt.dcn(d.decision))
    return Spec(key, key, seal=True)


def receipt(w: Writer, c: Ctx) -> Spec:
    p, d = c.plan, c.plan.dates
    assert d.payment
    title = f"{c.a.province}非税收入缴款书"
    w.begin("")
    w.title(title, 16)
    w.line("票据号码：", (f"No.{p.seed % 10**8:08d}",), "　　填制日期：", (fmt.d(d.payment),), align=RIGHT)
    rows = [
        ["缴款人", "全　称", "=" + c.name("罚没款票据"), "<"],
        ["^", "决定书文号", "=" + c.no("罚没款票据"), "<"],
        ["执收单位", "全　称", "=" + c.a.name, "<"],
        ["项目名称", "=罚没收入（交通运输）", "金　额", f"=¥{p.fine:,}.00"],
        ["金额(大写)", "=" + fmt.daxie(p.fine), "<", "<"],
        ["代收银行", "=" + c.a.bank, "<", "<"],
        ["备　　注", f"=收款日期：{fmt.d(d.payment)}", "<", "<"],
    ]
    w.table([3.0, 3.0, 5.0, 4.8], rows, heights={6: 2.4})
    w.line("（第二联　收据联　交缴款人）", align=CENTER, size=9, before=6)
    return Spec("罚没款票据", title, bank=True)


def publication(w: Writer, c: Ctx) -> Spec:
    p, d = c.plan, c.plan.dates
    assert d.publication
    city = c.a.city or c.a.name[:3]
    w.begin("")
    w.size = 9
    w.table(
        [15.8],
        [[f"https://www.{c.a.region}.gov.cn/zwgk/xzzfgs/xzcf/t{d.publication:%Y%m%d}_{p.seed % 9999}.html"]],
    )
    w.size = 11.5
    p1 = w.para(CENTER, before=8)
    w.run(p1, f"{city}人民政府门户网站", bold=True, size=16, color=None)
    w.line("首页 > 政务公开 > 行政执法公示 > 行政处罚结果", size=9, after=6)
    w.title("行政处罚决定信息公示", 15)
    rows = [
        ["行政处罚决定书文号", "=" + p.number.format()],
        ["案件名称", "=" + c.cause()],
        ["违法行为类型", "=" + p.violation.cause],
        ["当事人名称", "=" + p.party.name],
        ["主要违法事实", "=" + c.act()],
        ["处罚依据", "=" + p.violation.basis],
        ["处罚内容", f"=罚款{fmt.yuan(p.fine)}"],
        ["处罚机关", "=" + c.a.name],
        ["处罚决定日期", "=" + fmt.d(d.decision)],
        ["公示日期", "=" + fmt.d(d.publication)],
    ]
    w.size = 10
    w.table([4.0, 11.8], rows)
    w.size = 11.5
    w.line(
        f"发布时间：{d.publication:%Y-%m-%d} 09:{p.seed % 50 + 10}　来源：{c.a.name}",
        size=9,
        align=RIGHT,
        before=6,
    )
    return Spec("公示记录", "行政处罚决定信息公示")


def closing(w: Writer, c: Ctx) -> Spec:
    key, p, d, s = "结案报告", c.plan, c.plan.dates, c.plan.staff
    assert d.closing
    w.begin("交通运输行政执法文书式样之二十四")
    w.title(key)
    w.number(c.no(key))
    paid = f"当事人已于{fmt.d(d.payment)}缴纳罚款{fmt.yuan(p.fine)}。" if d.payment else "罚款已执行完毕。"
    o = p.officers
    rows = [
        ["案　　由", "=" + c.cause(), "<", "<", "<"],
        *c.party_rows(key),
        [
            "处理\n结果",
            f"=本机关作出{c.no(key)}行政处罚决定，给予罚款{fmt.yuan(p.fine)}的行政处罚。",
            "<",
            "<",
            "<",
        ],
        ["执行\n情况", f"={paid}\n>承办人：{o[0].name}　{o[1].name}　{fmt.d(d.closing)}", "<", "<", "<"],
        ["承办机构\n意见", f"=建议结案。\n>负责人：{s.unit_head}　{fmt.d(d.closing)}", "<", "<", "<"],
        [
            "负责人\n审批意见",
            "" if p.mut.get("jiean_nohead") else f"=同意结案。\n>负责人：{s.head}　{fmt.d(d.closing)}",
            "<",
            "<",
            "<",
        ],
    ]
    w.table(GRID, rows, heights={4: 2.2, 5: 2.2, 6: 2.2, 7: 2.2})
    return Spec(key, key)


__all__ = ["RIGHT"]
