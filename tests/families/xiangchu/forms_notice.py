"""告知 to review: 违法行为通知书, 送达回证, 陈述申辩笔录, waiver, 听证通知书/笔录, 法制审核, 集体讨论."""

from __future__ import annotations

import datetime as dt

from families.contract import RenderedDoc
from families.xiangchu import fmt
from families.xiangchu.book import Book
from families.xiangchu.forms_invest import LAW
from families.xiangchu.sheet import lab, sig, stk, val


def notice(b: Book) -> RenderedDoc:
    d, p, m = b.d, b.plan, b.plan.mut
    assert d.notice
    sh = b.sheet("违法行为通知书", "违法行为通知书", "TZ", d.notice)
    sh.title(b.a.name)
    sh.grid([[stk("案号", b.number, 0.55), stk("告知日期", fmt.iso(d.notice), 0.45)], b.party_block()])
    amount = f"罚款人民币{p.proposed_fine}元（{fmt.daxie(p.proposed_fine)}）"
    if m.get("notice_no_basis"):
        text = f"　　经调查，{b.act}。本机关拟对当事人作出{amount}的行政处罚。"
    else:
        text = (
            f"　　经调查，{b.act}。当事人的上述行为违反了{p.violation.breach}的规定，"
            f"依据{p.violation.basis}的规定，本机关拟对当事人作出{amount}的行政处罚。"
        )
    sh.para("告知事项", text)
    rights = "　　☑ 陈述、申辩权：当事人可以自收到本通知书之日起五日内向本机关提出陈述、申辩；逾期未提出的，视为放弃。"
    if not m.get("notice_no_basis"):
        rights = rights.replace(
            "☑ 陈述、申辩权：", f"☑ 陈述、申辩权：依据{LAW}第四十四条、第四十五条的规定，"
        )
    if p.triggered and not m.get("notice_no_hearing"):
        days = "三日" if m.get("notice_3days") else "五日"
        basis = "" if m.get("notice_no_basis") else f"依据{LAW}第六十三条、第六十四条的规定，"
        rights += f"\n　　☑ 听证权：{basis}当事人有权要求举行听证，可以自收到本通知书之日起{days}内向本机关提出书面申请；逾期未提出的，视为放弃听证权利。"
    sh.para("权利告知", rights)
    o = p.officers[0]
    sh.grid(
        [
            [lab("联系人", 0.14), val(o.name, 0.36), lab("联系电话", 0.14), val(b.a.phone, 0.36)],
            [lab("联系地址", 0.14), val(b.a.address, 0.56), lab("邮编", 0.1), val(b.a.postcode, 0.2)],
        ]
    )
    sh.sign([b.a.name, fmt.cn_sign(d.notice)], seal=m.get("s01") != "notice")
    sh.text("本通知书一式两份，一份交当事人，一份存档。", 8.5, color=(0.35, 0.35, 0.35))
    sh.half_seal = m.get("s01") != "notice"
    return sh.finish()


def service(b: Book, served: str, served_title: str, on: dt.date) -> RenderedDoc:
    """送达回证: served document, 文号, time, place, way, recipient's signature, servers."""
    p = b.p
    sh = b.sheet("送达回证", "送达回证", "SD", on, serves=served)
    sh.title(b.a.name)
    signer = p.name if p.kind == "individual" else (p.contact.name if p.contact else p.legal_rep or "")
    way = "直接送达"
    sh.grid(
        [
            b.head_row(),
            [lab("送达机关", 0.14), val(b.a.name, 0.86)],
            [lab("受送达人", 0.14), val(p.name, 0.36), lab("送达地点", 0.14), val(p.address, 0.36)],
            [
                lab("送达文书名称", 0.2),
                lab("文号", 0.3),
                lab("送达时间", 0.2),
                lab("送达方式", 0.14),
                lab("收件人签名", 0.16),
            ],
            [
                val(served_title, 0.2),
                val(b.number, 0.3),
                val(fmt.iso(on), 0.2, True),
                val(way, 0.14, True),
                sig(signer, 0.16),
            ],
        ]
    )
    if p.kind != "individual":
        sh.grid([[lab("代收人", 0.14), val(f"{signer}（{p.contact_role}，受{p.name}委托）", 0.86)]])
    servers = b.plan.officers[:2]
    sh.officers([(o.name, o.certificate) for o in servers], ("送达人", "执法证号", "签名"))
    sh.grid([[lab("备注", 0.14), val("", 0.86)]])
    return sh.finish()


def statement(b: Book) -> RenderedDoc:
    d, p = b.d, b.plan
    assert d.statement and p.party.contact
    who = p.party.contact
    sh = b.sheet("陈述申辩笔录", "陈述申辩笔录", "CS", d.statement, page_sign=who.name)
    sh.title()
    start = (9 + p.seed % 6, 10 * (p.seed % 5))
    end = (start[0] + 1, start[1])
    sh.grid(
        [
            b.head_row(),
            [
                lab("时间", 0.14),
                val(f"{fmt.iso_hm(d.statement, start)} 至 {fmt.iso_hm(d.statement, end)}", 0.86),
            ],
            [lab("地点", 0.14), val(b.a.station, 0.86)],
        ]
    )
    sh.officers([(o.name, o.certificate) for o in p.officers[:2]])
    sh.grid([b.person_block("陈述申辩人", who, d.statement, b.relation(who))])
    lowered = p.fine < p.proposed_fine
    plea = (
        "我对违法事实没有异议，但家庭经济困难，希望减轻罚款。"
        if lowered
        else "我承认违法事实，希望从轻处理。"
    )
    sh.para(
        "陈述申辩内容",
        "问：本机关已向你送达违法行为通知书，你现在可以进行陈述、申辩。你有什么意见？\n"
        f"答：{plea}\n问：你有无新的证据提交？\n答：没有。",
    )
    sh.para("陈述申辩人意见", "　　以上笔录已经我核对，记录属实。")
    return sh.finish()


def waiver(b: Book) -> RenderedDoc:
    d, p = b.d, b.plan
    assert d.waiver
    sh = b.sheet("放弃陈述申辩（听证）声明", "放弃陈述申辩（听证）声明", "FQ", d.waiver)
    sh.title()
    me = "本人" if p.party.kind == "individual" else "本单位"
    rights = "陈述、申辩和要求听证" if p.triggered else "陈述、申辩"
    sh.grid([b.head_row(), b.party_block("声明人")])
    sh.para(
        "声明内容",
        f"　　{me}已收到{b.a.name}送达的违法行为通知书（{b.number}），知悉拟作出的行政处罚及依法享有的{rights}的权利。"
        f"经慎重考虑，{me}自愿放弃上述权利。",
    )
    signer = p.party.name if p.party.kind == "individual" else p.party.legal_rep or ""
    sh.grid(
        [[lab("声明人签名", 0.18), sig(signer, 0.32), lab("声明日期", 0.18), val(fmt.iso(d.waiver), 0.32)]]
    )
    return sh.finish()


def hearing_notice(b: Book) -> RenderedDoc:
    d, p = b.d, b.plan
    assert d.hearing_notice and d.hearing
    st = p.staff
    sh = b.sheet("听证通知书", "听证通知书", "TT", d.hearing_notice)
    sh.title(b.a.name)
    sh.grid([b.head_row(), b.party_block()])
    sh.para(
        "通知内容",
        f"　　根据当事人提出的听证申请，本机关定于{fmt.iso(d.hearing)} 09:30在{b.a.address}听证室就{b.case_name}不公开举行听证。"
        "请当事人或者委托代理人准时参加，委托代理人参加的，应当提交授权委托书。无正当理由不到场的，视为放弃听证。",
    )
    sh.grid(
        [
            [lab("听证人员", 0.2), lab("姓名", 0.4), lab("职务", 0.4)],
            [val("听证主持人", 0.2, True), val(st.hearing_host, 0.4, True), val("法制科科长", 0.4, True)],
            [val("听证员", 0.2, True), val(st.hearing_member, 0.4, True), val("法制科科员", 0.4, True)],
            [val("记录员", 0.2, True), val(st.clerk, 0.4, True), val("法制科科员", 0.4, True)],
        ]
    )
    sh.para("告知事项", "　　当事人认为听证人员与本案有直接利害关系的，有权申请回避。")
    sh.grid(
        [[lab("联系人", 0.14), val(p.officers[0].name, 0.36), lab("联系电话", 0.14), val(b.a.phone, 0.36)]]
    )
    sh.sign([b.a.name, fmt.cn_sign(d.hearing_notice)], seal=True)
    return sh.finish()


def hearing_record(b: Book) -> RenderedDoc:
    d, p = b.d, b.plan
    assert d.hearing
    st = p.staff
    sh = b.sheet("听证笔录", "听证笔录", "TB", d.hearing)
    sh.title()
    sh.grid(
        [
            b.head_row(),
            [lab("案件名称", 0.14), val(b.case_name, 0.86)],
            [
                lab("主持听证机关", 0.14),
                val(b.a.name, 0.36),
                lab("听证地点", 0.14),
                val(f"{b.a.address}听证室", 0.36),
            ],
            [lab("听证时间", 0.14), val(f"{fmt.iso(d.hearing)} 09:30 至 {fmt.iso(d.hearing)} 11:00", 0.86)],
            [
                lab("主持人", 0.14),
                val(st.hearing_host, 0.19),
                lab("听证员", 0.14),
                val(st.hearing_member, 0.19),
                lab("记录员", 0.14),
                val(st.clerk, 0.2),
            ],
        ]
    )
    sh.officers([(o.name, o.certificate) for o in p.officers[:2]], ("案件调查人员", "执法证号", "签名"))
    sh.grid([b.party_block()])
    sh.para(
        "听证记录",
        f"主持人：宣布听证纪律，核对当事人身份，告知当事人享有申请回避、陈述、申辩和质证的权利。\n"
        f"调查人员：{b.act}。依据{p.violation.basis}的规定，拟对当事人处以罚款人民币{p.proposed_fine}元。\n"
        "当事人：对违法事实无异议，请求考虑实际情况从轻处罚。\n"
        "主持人：双方对证据进行质证，当事人对证据的真实性无异议。\n当事人最后陈述：希望从轻处罚。",
    )
    sh.para("当事人意见", "　　以上笔录已经我核对，记录属实。")
    return sh.finish()


def legal_review(b: Book) -> RenderedDoc:
    d, p = b.d, b.plan
    assert d.legal_review
    title = "重大行政执法决定法制审核意见书" if p.triggered else "法制审核意见书"
    sh = b.sheet("法制审核意见", title, "FZ", d.legal_review)
    sh.title(b.a.name)
    sh.grid(
        [
            b.head_row(),
            [lab("当事人", 0.14), val(p.party.name, 0.86)],
            [
                lab("承办机构", 0.14),
                val(b.a.unit, 0.36),
                lab("承办人", 0.14),
                val("、".join(o.name for o in p.officers[:2]), 0.36),
            ],
            b.amount_rows("拟处理意见", p.fine),
            [lab("审核事项", 0.5), lab("审核结果", 0.5)],
        ]
        + [
            [val(x, 0.5), val("是", 0.5, True)]
            for x in (
                "执法主体是否合法",
                "执法人员是否具备执法资格",
                "程序是否合法",
                "事实是否清楚、证据是否充分",
                "适用法律是否准确、裁量是否适当",
                "当事人陈述申辩、听证权利是否保障",
            )
        ]
    )
    sh.para(
        "审核意见",
        "　　经审核，本案事实清楚，证据确凿，适用法律正确，程序合法，裁量适当。同意承办机构的处理意见。",
    )
    rows = [
        [
            stk("审核结论", "同意", 0.3),
            stk("审核日期", fmt.iso(d.legal_review), 0.3),
            stk("法制审核机构", "法制科", 0.4),
        ]
    ]
    if p.mut.get("p05") != "noreviewer":
        rows.append(
            [
                lab("审核人员", 0.16),
                val(p.staff.reviewer, 0.2),
                lab("法律职业资格证书编号", 0.24),
                val(p.staff.reviewer_cert, 0.24),
                sig(p.staff.reviewer, 0.16),
            ]
        )
    sh.grid(rows)
    return sh.finish()


def discussion(b: Book) -> RenderedDoc:
    d, p = b.d, b.plan
    assert d.discussion
    st = p.staff
    sh = b.sheet("重大案件集体讨论记录", "重大案件集体讨论记录", "JT", d.discussion)
    sh.title()
    sh.grid(
        [
            b.head_row(),
            [lab("案件名称", 0.14), val(b.case_name, 0.86)],
            [
                lab("讨论时间", 0.14),
                val(f"{fmt.iso(d.discussion)} 15:00 至 {fmt.iso(d.discussion)} 16:10", 0.86),
            ],
            [lab("地点", 0.14), val(f"{b.a.name}三楼会议室", 0.86)],
            [
                lab("主持人", 0.14),
                val(st.head, 0.19),
                lab("汇报人", 0.14),
                val(p.officers[0].name, 0.19),
                lab("记录人", 0.14),
                val(st.clerk, 0.2),
            ],
            [lab("出席人员", 0.3), lab("职务", 0.4), lab("签名", 0.3)],
        ]
        + [[val(n, 0.3, True), val(t, 0.4, True), sig(n, 0.3)] for n, t in st.attendees]
    )
    report = f"{p.officers[0].name}汇报案情：{b.act}。承办机构建议依据{p.violation.basis}的规定，对当事人处以罚款人民币{p.fine}元。"
    if p.mut.get("p06") == "noconclusion":
        views = [f"{n}：建议进一步核实当事人的经营情况。" for n, _ in st.attendees[1:3]]
        sh.para("讨论记录", "\n".join([report, *views, f"{st.head}：本案暂不形成意见，择期再议。"]))
    else:
        views = [f"{n}：事实清楚，证据充分，同意承办机构意见。" for n, _ in st.attendees[1:]]
        sh.para("讨论记录", "\n".join([report, *views]))
        sh.para(
            "结论性意见", f"　　经集体讨论决定：对当事人处以罚款人民币{p.fine}元（{fmt.daxie(p.fine)}）。"
        )
    return sh.finish()
