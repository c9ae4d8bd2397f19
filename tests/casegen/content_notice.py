"""Documents between investigation and decision: report, notice, legal review, collective discussion."""

from __future__ import annotations

from casegen.blocks import Doc, center, gap, kv, para, plain, sign, small, table
from casegen.cal import add_wd
from casegen.ctx import COPIES, Ctx


def officer_lines(c: Ctx, label: str = "执法人员") -> list[str]:
    o1, o2 = c.plan.officers[0], c.plan.officers[1]
    return [
        f"{label}：{o1.name}    执法证号：{o1.certificate}",
        f"{label}：{o2.name}    执法证号：{o2.certificate}",
    ]


def report(c: Ctx) -> Doc:
    d = c.plan.dates
    assert d.report and d.notice
    v = c.plan.violation
    doc = c.doc("案件调查报告", c.rng.choice(("案件调查报告", "案件调查终结报告")))
    items = [(q.type, c.d(q.date)) for q in c.plan.inquiries] + [(e, "") for e in c.plan.evidence]
    ev = [[("证据名称", 0.5), ("数量", 0.2), ("备注", 0.3)]]
    ev += [[(n, 0.5), ("1份", 0.2), (r or "/", 0.3)] for n, r in items]
    approve = min(add_wd(d.report, 1), d.notice)
    rows = kv(
        ("案由", c.cause()),
        ("调查人员", "、".join(f"{o.name}（{o.certificate}）" for o in c.plan.officers[:2])),
    )
    rows += c.party_rows("案件调查报告")
    found = c.fact(v.act, "案件调查报告")
    rows += kv(
        ("调查经过及违法事实", f"本机关于{c.d(d.filing)}立案后，执法人员依法开展调查取证，查明：{found}。")
    )
    doc.blocks = [table(rows), plain("证据材料："), table(ev, 10.5)]
    conclusion = (
        f"当事人的行为违反了{v.breach}的规定，事实清楚，证据确实充分。依据{v.basis}的规定，"
        f"建议给予{c.money(c.plan.proposed_fine)}的行政处罚。"
    )
    review = "提交法制审核" if c.plan.triggered else "/"
    doc.blocks.append(
        table(
            kv(
                (
                    "调查结论和处理意见",
                    f"{conclusion}    执法人员签名：{c.plan.officers[0].name}  {c.plan.officers[1].name}  {c.d(d.report)}",
                ),
                ("经办机构负责人意见", f"同意。    签名：{c.plan.staff.unit_head}    {c.d(d.report)}"),
                ("重大案件法制工作机构审核意见", review),
                ("负责人审批意见", f"同意。    签名：{c.plan.staff.head}    {c.d(approve)}"),
            )
        )
    )
    return doc


def notice(c: Ctx) -> Doc:
    d = c.plan.dates
    assert d.notice
    v, m, you = c.plan.violation, c.plan.mut, c.you()
    doc = c.doc("违法行为通知书", c.rng.choice(("违法行为通知书", "违法行为通知书", "行政处罚事先告知书")))
    if c.a.number_style == "yl":
        doc.blocks.append(center(c.plan.number.format(prefix="湘炎交罚告")))
    basis = "" if m.get("notice_no_basis") else f"依据{v.basis}的规定，"
    body = [
        plain(f"{c.name('违法行为通知书')}："),
        para(
            f"经调查，本机关认为：{c.fact(v.act, '违法行为通知书')}。{you}的上述行为违反了{v.breach}的规定，"
            f"{basis}本机关拟对{you}作出{c.money(c.plan.proposed_fine)}的行政处罚。"
        ),
        para(
            f"根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，{you}享有陈述、申辩的权利。"
            f"{you}可以在收到本通知书之日起五日内向本机关提出陈述、申辩意见，逾期未提出的，视为放弃上述权利。"
        ),
    ]
    if c.plan.triggered and not m.get("notice_no_hearing"):
        if m.get("notice_3days"):
            body.append(
                para(
                    f"根据《中华人民共和国行政处罚法》第四十二条的规定，{you}有权要求举行听证。{you}要求听证的，"
                    "应当在收到本通知书之日起三日内向本机关提出，逾期视为放弃听证权利。"
                )
            )
        else:
            body.append(
                para(
                    f"根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，{you}有权要求举行听证。"
                    f"{you}要求听证的，应当在收到本通知书之日起五日内向本机关提出，逾期视为放弃听证权利。"
                )
            )
    o = c.plan.officers[0]
    body += [
        plain(f"联系地址：{c.a.address}    邮编：{c.a.postcode}"),
        plain(f"联系人：{o.name}    联系电话：{c.a.phone}"),
        gap(20),
        sign(c.a.name, c.sd(d.notice), seal=None if m.get("s01") == "notice" else "agency"),
        gap(6),
        small(COPIES),
    ]
    doc.blocks += body
    return doc


def legal_review(c: Ctx) -> Doc:
    d = c.plan.dates
    assert d.legal_review
    st = c.plan.staff
    doc = c.doc("法制审核意见", c.s.review_title)
    items = (
        "执法主体是否合法",
        "执法人员是否具备执法资格",
        "执法程序是否合法",
        "案件事实是否清楚、证据是否合法充分",
        "适用法律是否准确、裁量基准运用是否适当",
        "是否超越法定权限",
        "行政执法文书是否完备、规范",
        "当事人知情权、陈述申辩权、听证权是否得到保障",
        "是否涉嫌犯罪需要移送司法机关",
    )
    checks = [[(f"{i + 1}.{x}", 0.8), ("否" if i in (5, 8) else "是", 0.2)] for i, x in enumerate(items)]
    rows = kv(
        ("案由", c.cause()),
        ("当事人", c.name(doc.key)),
        ("承办机构", c.a.unit),
        ("承办人员", f"{c.plan.officers[0].name}、{c.plan.officers[1].name}"),
        ("拟处理意见", f"给予{c.money(c.plan.fine)}的行政处罚"),
    )
    reviewer = (
        ""
        if c.plan.mut.get("p05") == "noreviewer"
        else f"{st.reviewer}（法律职业资格证书编号：{st.reviewer_cert}）"
    )
    doc.blocks = [
        table(rows),
        plain("审核内容："),
        table(checks, 10.5),
        table(
            kv(
                (
                    "审核结论",
                    "经审核，本案事实清楚，证据确凿，程序合法，适用法律正确，裁量适当。同意承办机构的处理意见。",
                ),
                ("审核人员", reviewer),
                ("审核日期", c.d(d.legal_review)),
            )
        ),
    ]
    return doc


def discussion(c: Ctx) -> Doc:
    d = c.plan.dates
    assert d.discussion
    st = c.plan.staff
    doc = c.doc(
        "重大案件集体讨论记录", c.rng.choice(("重大案件集体讨论记录", "重大案件集体讨论记录", "集体讨论记录"))
    )
    lines = [
        f"案件名称：{c.case_title(doc.key)}",
        f"讨论时间：{c.span(d.discussion, (15, 0), (16, 20))}",
        f"地点：{c.a.name}三楼会议室",
        f"主持人：{st.head}    汇报人：{c.plan.officers[0].name}    记录人：{st.clerk}",
        "出席人员姓名及职务：" + "、".join(f"{n}（{t}）" for n, t in st.attendees),
    ]
    talk = [f"{c.plan.officers[0].name}：汇报案件调查情况、证据及拟处罚意见。"]
    for n, t in st.attendees[1:]:
        talk.append(
            f"{n}（{t}）："
            + c.rng.choice(
                (
                    "本案事实清楚，证据充分，同意承办机构意见。",
                    "程序合法，裁量适当，同意。",
                    "同意拟处罚意见。",
                )
            )
        )
    talk.append(f"{st.head}（局长）：同意大家的意见。")
    doc.blocks = [plain(x) for x in lines] + [gap(6), plain("讨论记录：")] + [para(x) for x in talk]
    if c.plan.mut.get("p06") != "noconclusion":
        doc.blocks += [
            plain("结论性意见："),
            para(f"经集体讨论，一致同意对{c.name(doc.key)}作出{c.money(c.plan.fine)}的行政处罚。"),
        ]
    doc.blocks += [gap(8), plain("出席人员签名：" + "  ".join(n for n, _ in st.attendees))]
    return doc
