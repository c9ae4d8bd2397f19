"""违法行为通知书, 送达回证, statement/waiver, hearing notice and record, legal review, discussion."""

from __future__ import annotations

import datetime as dt

from . import fmt
from .ctx import GRID, Ctx, Spec
from .word import RIGHT, Writer


def notice(w: Writer, c: Ctx) -> Spec:
    key, p, d = "违法行为通知书", c.plan, c.plan.dates
    assert d.notice
    m = p.mut
    w.begin("交通运输行政执法文书式样之十一")
    w.letterhead()
    w.title(key)
    w.number(c.no(key))
    w.line((c.name(key),), "：", before=6)
    basis = "" if m.get("notice_no_basis") else f"依据{p.violation.basis}的规定，"
    w.text(
        f"经调查，本机关认为{c.you()}存在以下违法行为：{c.act()}。{c.you()}的行为违反了{p.violation.breach}的规定，"
        f"{basis}本机关拟作出罚款{fmt.money(p.proposed_fine)}的行政处罚决定。"
    )
    hearing = p.triggered and not m.get("notice_no_hearing")
    w.text(
        "根据《中华人民共和国行政处罚法》第四十四条、第四十五条"
        + ("、第六十三条、第六十四条" if hearing else "")
        + f"的规定，{c.you()}享有以下权利："
    )
    w.text(
        "☑ 陈述、申辩权：可在收到本通知书之日起五日内向本机关提出陈述和申辩，逾期视为放弃此权利。", after=0
    )
    if hearing:
        days = "三日" if m.get("notice_3days") else "五日"
        w.text(
            f"☑ 听证权：可在收到本通知书之日起{days}内向本机关书面提出听证要求，逾期未提出的，视为放弃此权利。"
        )
    w.line("联系地址：", (c.a.address,), "　邮编：", (c.a.postcode,), before=6)
    w.line("联系人：", (f"{p.officers[0].name}、{p.officers[1].name}",), "　联系电话：", (c.a.phone,))
    w.sign(c.a.name, fmt.dcn(d.notice))
    w.line("（本文书一式两份：一份存根，一份交当事人或其代理人。）", size=9, before=10)
    return Spec(key, key, seal=m.get("s01") != "notice")


def service(w: Writer, c: Ctx, served: str, title: str, when: dt.date) -> Spec:
    key = f"送达回证:{served}"
    p = c.plan
    w.begin("交通运输行政执法文书式样之二十三")
    w.letterhead()
    w.title("送达回证")
    w.number(c.no(key))
    o = p.officers
    recv = c.name(key)
    rows = [
        ["案　　由", "=" + c.cause(), "<"],
        ["受送达人", "=" + recv, "<"],
        ["送达单位", "=" + c.a.name, "<"],
        ["送达文书\n名称、文号", f"=《{title}》\n={c.no(key)}", "<"],
        ["送达地点", "=" + p.party.address, "<"],
        ["送达方式", "☑直接送达　□留置送达　□邮寄送达　□电子送达　□公告送达", "<"],
        ["受送达人\n签名或盖章", f"={recv}\n>{fmt.d(when)}", "<"],
        ["代收人及\n代收理由", "", "<"],
        ["送 达 人", f"={o[0].name}　{o[1].name}\n>{fmt.d(when)}", "<"],
        ["备　　注", "", "<"],
    ]
    w.table([3.2, 6.3, 6.3], rows, heights={6: 2.4, 7: 1.6, 8: 2.0, 9: 1.6})
    return Spec("送达回证", "送达回证", serves=served)


def statement(w: Writer, c: Ctx) -> Spec:
    key, p, d = "陈述申辩笔录", c.plan, c.plan.dates
    assert d.statement
    q = p.party.contact
    assert q
    w.begin("陈述申辩笔录")
    w.title(key)
    w.number(c.no(key))
    o = p.officers
    rows = [
        ["时　　间", f"={fmt.d0(d.statement)}9时30分至10时05分", "<", "<", "<"],
        ["地　　点", "=" + c.a.station, "<", "<", "<"],
        ["承 办 人", "=" + o[0].name, "<", "执法证号", "=" + o[0].certificate],
        ["记 录 人", "=" + o[1].name, "<", "执法证号", "=" + o[1].certificate],
        ["陈述申辩人", "=" + q.name, "<", "与当事人关系", "=" + (p.party.contact_role or "本人")],
    ]
    w.table([2.4, 3.4, 3.6, 2.4, 4.0], rows)
    w.line("陈述申辩内容：", before=6)
    w.text(
        f"问：本机关已向{c.name(key)}送达违法行为通知书，现依法听取陈述和申辩，请陈述。", indent=0, after=0
    )
    w.text("答：对违法事实没有异议。我是初次违法，经济比较困难，请求从轻处罚。", indent=0, after=0)
    w.text("问：你还有其他补充吗？", indent=0, after=0)
    w.text("答：没有了。", indent=0)
    w.line("陈述申辩人签名：", (q.name,), "　", (fmt.d(d.statement),), align=RIGHT, before=8)
    w.line("执法人员签名：", (f"{o[0].name}　{o[1].name}",), "　", (fmt.d(d.statement),), align=RIGHT)
    return Spec(key, key)


def waiver(w: Writer, c: Ctx) -> Spec:
    key, d = "放弃陈述申辩（听证）声明", c.plan.dates
    assert d.waiver
    w.begin("放弃陈述申辩（听证）声明")
    w.title("放弃陈述申辩（听证）声明")
    w.number(c.no(key))
    w.line(c.a.name, "：", before=8)
    me = "本人" if c.p.kind == "individual" else "本单位"
    w.text(
        f"{me}已收到贵单位送达的《违法行为通知书》（{c.no(key)}），已知悉拟作出的行政处罚的事实、理由、依据及"
        "依法享有的陈述、申辩"
        + ("和要求听证" if c.plan.triggered else "")
        + "的权利。经慎重考虑，现自愿放弃上述权利。"
    )
    w.text("特此声明。")
    w.line("声明人（签名或盖章）：", (c.name(key),), align=RIGHT, before=20)
    w.line((fmt.d(d.waiver),), align=RIGHT)
    return Spec(key, key)


def hearing_notice(w: Writer, c: Ctx) -> Spec:
    key, p, d, s = "听证通知书", c.plan, c.plan.dates, c.plan.staff
    assert d.hearing_notice and d.hearing
    w.begin("交通运输行政执法文书式样之十二")
    w.letterhead()
    w.title(key)
    w.number(c.no(key))
    w.line((c.name(key),), "：", before=6)
    w.text(
        f"根据{c.you()}的申请，关于{c.cause()}，现定于{fmt.d(d.hearing)}9时30分在{c.a.address}（☑公开 □不公开）举行听证，"
        "请准时出席。"
    )
    w.text(f"听证主持人：{s.hearing_host}　听证员：{s.hearing_member}　记录员：{s.clerk}")
    w.text(
        "根据规定，你有权申请听证主持人、听证员、记录员回避。请携带身份证明及有关证据材料；委托代理人参加的，"
        "须提交授权委托书。无正当理由不到场的，视为放弃听证权利。"
    )
    w.line("联系人：", (p.officers[0].name,), "　联系电话：", (c.a.phone,), before=4)
    w.sign(c.a.name, fmt.dcn(d.hearing_notice))
    return Spec(key, key, seal=True)


def hearing_record(w: Writer, c: Ctx) -> Spec:
    key, p, d, s = "听证笔录", c.plan, c.plan.dates, c.plan.staff
    assert d.hearing
    w.begin("交通运输行政执法文书式样之十三")
    w.title(key)
    w.number(c.no(key))
    o = p.officers
    rows = [
        ["案件名称", "=" + c.cause(), "<", "<", "<"],
        ["主持听证机关", "=" + c.a.name, "<", "听证地点", "=" + c.a.address],
        ["听证时间", f"={fmt.d0(d.hearing)}9时30分至11时10分", "<", "<", "<"],
        ["主 持 人", "=" + s.hearing_host, "听 证 员", "=" + s.hearing_member, f"记录员：{s.clerk}"],
        ["案件调查人员", f"={o[0].name}", "执法证号", "=" + o[0].certificate, "<"],
        ["^", f"={o[1].name}", "执法证号", "=" + o[1].certificate, "<"],
        ["当 事 人", "=" + c.name(key), "<", "<", "<"],
    ]
    w.table([2.8, 3.6, 2.2, 3.6, 3.6], rows)
    w.line("听证记录：", before=6)
    for line in (
        "主持人：宣布听证纪律，核对参加人身份，告知当事人权利。当事人是否申请回避？",
        "当事人：不申请回避。",
        f"调查人员：陈述违法事实、证据及拟处罚意见。{c.act()}。拟给予罚款{fmt.money(p.proposed_fine)}的行政处罚。",
        "当事人：对事实无异议，希望考虑实际困难从轻处理。",
        "主持人：听证结束，请当事人核对笔录后签名。",
    ):
        w.text(line, indent=0, after=1)
    w.line(
        "当事人签名：",
        (c.name(key),),
        "　主持人：",
        (s.hearing_host,),
        "　记录员：",
        (s.clerk,),
        align=RIGHT,
        before=8,
    )
    w.line((fmt.d(d.hearing),), align=RIGHT)
    return Spec(key, key)


def legal_review(w: Writer, c: Ctx) -> Spec:
    key, p, d, s = "法制审核意见", c.plan, c.plan.dates, c.plan.staff
    assert d.legal_review
    title = "重大行政执法决定法制审核意见书"
    w.begin("法制审核")
    w.title(title, 16)
    w.number(c.no(key))
    ok = "☑是 □否"
    rows = [
        ["案　　由", "=" + c.cause(), "<"],
        ["当 事 人", "=" + c.name(key), "<"],
        ["承办机构\n处理意见", f"=拟给予罚款{fmt.money(p.fine)}的行政处罚。", "<"],
        ["审核事项", "执法主体是否合法", ok],
        ["^", "执法人员是否具备执法资格", ok],
        ["^", "事实是否清楚、证据是否充分", ok],
        ["^", "适用法律是否准确、裁量是否适当", ok],
        ["^", "程序是否合法，当事人权利是否保障", ok],
        [
            "审核结论",
            "=经审核，本案事实清楚，证据确凿，适用法律正确，程序合法，裁量适当，同意承办机构处理意见。",
            "<",
        ],
        [
            "审核人员",
            ""
            if p.mut.get("p05") == "noreviewer"
            else f"={s.reviewer}（法律职业资格证书编号：{s.reviewer_cert}）",
            "<",
        ],
        ["审核日期", "=" + fmt.d(d.legal_review), "<"],
    ]
    w.table([3.0, 8.6, 4.2], rows, heights={8: 2.2})
    return Spec(key, title)


def discussion(w: Writer, c: Ctx) -> Spec:
    key, p, d, s = "重大案件集体讨论记录", c.plan, c.plan.dates, c.plan.staff
    assert d.discussion
    w.begin("重大案件集体讨论记录")
    w.title(key)
    w.number(c.no(key))
    chair = s.attendees[0][0] if s.attendees else s.head
    rows = [
        ["案件名称", "=" + c.cause(), "<", "<"],
        ["讨论时间", f"={fmt.d0(d.discussion)}15时00分至16时20分", "地　点", "=本局三楼会议室"],
        ["主 持 人", "=" + chair, "汇报人", "=" + p.officers[0].name],
        ["记 录 人", "=" + s.clerk, "<", "<"],
        ["出席人员\n及职务", "=" + "、".join(f"{n}（{post}）" for n, post in s.attendees), "<", "<"],
    ]
    w.table([2.8, 6.0, 2.2, 4.8], rows)
    w.line("讨论记录：", before=6)
    w.text(f"{p.officers[0].name}汇报案情：{c.act()}。调查终结后建议给予罚款{fmt.money(p.fine)}的行政处罚。")
    for n, _post in s.attendees[1:3]:
        w.text(f"{n}：事实清楚，证据充分，程序合法，处罚幅度在裁量基准范围内，同意承办机构意见。")
    if p.mut.get("p06") != "noconclusion":
        w.line("结论性意见：", before=4)
        w.text(f"经集体讨论，一致同意对当事人{c.name(key)}处以罚款{fmt.money(p.fine)}的行政处罚。")
    w.line("出席人员签名：", ("　".join(n for n, _ in s.attendees),), before=10)
    w.line((fmt.d(d.discussion),), align=RIGHT)
    return Spec(key, key)


__all__ = ["GRID", "RIGHT"]
