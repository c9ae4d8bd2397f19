"""From the notice to the collective discussion: 违法行为通知书, 送达回证, 陈述申辩, 放弃声明, 听证,
法制审核, 集体讨论."""

from __future__ import annotations

import datetime as dt

from families.jianghuai.common import Ctx, checkbox, d0, dcn, hm, money
from families.jianghuai.sheet import Cell, group, label


def notice(c: Ctx) -> None:
    p, d, a, mut = c.plan, c.plan.dates, c.plan.agency, c.plan.mut
    assert d.notice
    key = "违法行为通知书"
    s = c.sheet(11)
    s.text(a.name, 14, indent=0, align="c", bold=True, after=0)
    s.title("违法行为通知书")
    s.text(c.number(key), 11, indent=0, align="c", after=8)
    s.text(f"{c.party(key)}：", 11.5, indent=0)
    if mut.get("notice_no_basis"):
        s.text(f"经调查，{c.act(key)}。本机关拟对{c.you}作出罚款{money(p.proposed_fine)}的行政处罚。", 11.5)
    else:
        s.text(
            f"经调查，{c.act(key)}。{c.you}的上述行为违反了{p.violation.breach}的规定，"
            f"依据{p.violation.basis}的规定，本机关拟对{c.you}作出罚款{money(p.proposed_fine)}的行政处罚。",
            11.5,
        )
    cite = not mut.get("notice_no_basis")
    s.text(
        ("根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，" if cite else "")
        + f"{c.you}享有陈述、申辩的权利，可在收到本通知书之日起三个工作日内向本机关提出陈述、申辩意见，逾期未提出的，视为放弃上述权利。",
        11.5,
    )
    if p.triggered and not mut.get("notice_no_hearing"):
        days = "三日" if mut.get("notice_3days") else "五日"
        s.text(
            ("根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，" if cite else "")
            + f"{c.you}有权要求举行听证。如要求听证，应当在收到本通知书之日起{days}内向本机关提出，逾期未提出的，视为放弃听证权利。",
            11.5,
        )
    s.space(4)
    s.table(
        [
            [
                label("联系人", 0.16),
                Cell(f"{p.officers[0].name}、{p.officers[1].name}", 0.34),
                label("联系电话", 0.16),
                Cell(a.phone, 0.34),
            ],
            [
                label("联系地址", 0.16),
                Cell(a.address, 0.54),
                label("邮编", 0.12),
                Cell(a.postcode, 0.18, "c"),
            ],
        ],
        min_h=22,
    )
    seal = None if mut.get("s01") == "notice" else c.seal()
    s.sign([a.name], dcn(d.notice), seal=seal)
    s.text("本通知书一式两份，一份送达当事人，一份附卷。", 9, indent=0)
    c.done(s, "违法行为通知书", "违法行为通知书", key)


def service(c: Ctx, served: str, title: str, when: dt.date, *, place: str | None = None) -> None:
    """送达回证 of ``served`` (printed as ``title``), served on ``when``."""
    p, a = c.plan, c.plan.agency
    key = f"送达回证:{served}"
    if p.mut.get("drop") == key:
        return
    s = c.sheet(23)
    c.head(s, "送达回证", key, number_row=False)
    recipient = c.party(key)
    signer = recipient if p.party.kind == "individual" or not p.party.contact else p.party.contact.name
    s.table(
        [
            [label("案号", 0.2), Cell(c.number(key), 0.8)],
            [label("案由", 0.2), Cell(f"{c.cause}案", 0.8)],
            [label("受送达人", 0.2), Cell(recipient, 0.8)],
            [label("送达单位", 0.2), Cell(a.unit, 0.8)],
            [label("送达文书\n名称及文号", 0.2), Cell(f"《{title}》（{c.number(key)}）", 0.8)],
            [label("送达地点", 0.2), Cell(place or p.party.address, 0.8)],
            [
                label("送达方式", 0.2),
                Cell(checkbox(["直接送达", "留置送达", "邮寄送达", "电子送达"], 0), 0.8),
            ],
            [label("送达日期", 0.2), Cell(d0(when), 0.8)],
            [label("收件人签名\n（盖章）", 0.2), Cell(f"{signer}    {d0(when)}", 0.8)],
            [label("送达人", 0.2), Cell(f"{p.officers[0].name}  {p.officers[1].name}", 0.8)],
            [label("见证人", 0.2), Cell("", 0.8)],
            [
                label("备注", 0.2),
                Cell("" if signer == recipient else f"由{p.party.contact_role}{signer}代为签收。", 0.8),
            ],
        ],
        min_h=32,
    )
    c.done(s, "送达回证", "送达回证", key, served)


def statement(c: Ctx) -> None:
    p, d = c.plan, c.plan.dates
    assert d.statement
    key = "陈述申辩笔录"
    s = c.sheet(31)
    c.head(s, "陈述申辩笔录", key)
    who = p.party.contact
    assert who is not None
    start = (9 + c.rng.randrange(6), c.rng.choice((0, 15, 30)))
    s.table(
        [
            [
                label("时间", 0.16),
                Cell(f"{d0(d.statement)}{hm(start)}至{hm((start[0] + 1, start[1]))}", 0.84),
            ],
            [label("地点", 0.16), Cell(p.agency.station, 0.84)],
            [label("承办人", 0.16), Cell(c.officers_cell(p.officers[:2]), 0.84)],
            [label("记录人", 0.16), Cell(p.officers[1].name, 0.84)],
        ]
    )
    group(s, "陈述申辩人", c.person_rows(who, p.party.contact_role, key))
    s.space(6)
    lowered = p.fine < p.proposed_fine
    said = (
        "对违法事实没有异议，但本人是初次违法，经济困难，请求从轻处罚。"
        if lowered
        else "对违法事实没有异议，希望从轻处理。"
    )
    s.text(f"陈述申辩人称：{said}", 11)
    s.text("承办人：你的陈述申辩意见我们已记录在案，将提交本机关依法复核。", 11)
    s.text("以上笔录我已看过，与我所述一致。", 11)
    s.text(f"陈述申辩人签名：{who.name}      {d0(d.statement)}", 11, indent=0)
    s.text(f"承办人签名：{p.officers[0].name}  {p.officers[1].name}      {d0(d.statement)}", 11, indent=0)
    c.done(s, "陈述申辩笔录", "陈述申辩笔录", key)


def waiver(c: Ctx) -> None:
    p, d = c.plan, c.plan.dates
    assert d.waiver
    key = "放弃陈述申辩（听证）声明"
    s = c.sheet(32)
    s.space(20)
    s.title("放弃陈述申辩和听证权利声明书", 17, spaced=False)
    s.text(f"案号：{c.number(key)}", 10.5, indent=0, align="r", after=10)
    s.text(f"{p.agency.name}：", 11.5, indent=0)
    s.text(
        f"本人（{c.party(key)}）已收到贵机关送达的《违法行为通知书》（{c.number(key)}），对通知书所列违法事实、理由、依据及拟作出的行政处罚"
        "均无异议。经考虑，自愿放弃陈述、申辩"
        + ("和要求听证的权利" if p.triggered else "的权利")
        + "，请依法作出处理。",
        11.5,
    )
    s.space(20)
    signer = p.party.contact.name if p.party.contact else c.party(key)
    s.text(f"声明人（签名或盖章）：{signer}", 11.5, indent=0, align="r")
    s.text(d0(d.waiver), 11.5, indent=0, align="r")
    c.done(s, "放弃陈述申辩（听证）声明", "放弃陈述申辩和听证权利声明书", key)


def hearing_notice(c: Ctx) -> None:
    p, d, a = c.plan, c.plan.dates, c.plan.agency
    assert d.hearing_notice and d.hearing
    key = "听证通知书"
    s = c.sheet(12)
    s.text(a.name, 14, indent=0, align="c", bold=True, after=0)
    s.title("听证通知书")
    s.text(c.number(key), 11, indent=0, align="c", after=8)
    s.text(f"{c.party(key)}：", 11.5, indent=0)
    st = p.staff
    s.text(
        f"根据{c.you}的申请，本机关定于{d0(d.hearing)}上午9时30分在{a.address}对{c.you}涉嫌{c.cause}一案举行听证（不公开）。"
        f"听证主持人{st.hearing_host}，听证员{st.hearing_member}，记录员{st.clerk}。",
        11.5,
    )
    s.text(
        f"{c.you}认为主持人、听证员、记录员与本案有直接利害关系的，有权申请回避。{c.you}可以委托一至二名代理人参加听证，委托代理人的，"
        "应当提交授权委托书。请携带身份证明及有关证据材料准时出席；无正当理由不出席听证的，视为放弃听证权利。",
        11.5,
    )
    s.text(f"联系人：{p.officers[0].name}    联系电话：{a.phone}", 11.5)
    s.sign([a.name], dcn(d.hearing_notice), seal=c.seal())
    c.done(s, "听证通知书", "听证通知书", key)


def hearing_record(c: Ctx) -> None:
    p, d, a = c.plan, c.plan.dates, c.plan.agency
    assert d.hearing
    key = "听证笔录"
    st = p.staff
    s = c.sheet(13)
    c.head(s, "听证笔录", key)
    who = p.party.contact
    assert who is not None
    s.table(
        [
            [label("案件名称", 0.16), Cell(f"{c.party(key)}{c.cause}案", 0.84)],
            [label("主持听证机关", 0.16), Cell(a.name, 0.84)],
            [
                label("听证时间", 0.16),
                Cell(f"{d0(d.hearing)}09时30分至10时40分", 0.5),
                label("听证地点", 0.14),
                Cell(a.address, 0.2),
            ],
            [
                label("主持人", 0.16),
                Cell(st.hearing_host, 0.18),
                label("听证员", 0.12),
                Cell(st.hearing_member, 0.18),
                label("记录员", 0.12),
                Cell(st.clerk, 0.24),
            ],
            [label("案件调查人员", 0.16), Cell(c.officers_cell(p.officers[:2]), 0.84)],
            [
                label("当事人", 0.16),
                Cell(c.party(key), 0.34),
                label("参加人", 0.14),
                Cell(f"{who.name}（{p.party.contact_role}）", 0.36),
            ],
        ]
    )
    s.space(6)
    lines = [
        ("主持人", "现在开始听证。宣布听证纪律，告知当事人申请回避的权利。当事人是否申请回避？"),
        (who.name, "不申请回避。"),
        (
            "调查人员",
            f"陈述违法事实：{c.act(key)}。依据{p.violation.basis}的规定，拟处以罚款{money(p.proposed_fine)}。",
        ),
        (who.name, "对事实没有异议，请求考虑实际情况从轻处理。"),
        ("主持人", "双方已充分陈述和辩论，听证结束。请当事人核对笔录后签名。"),
    ]
    for who_, text in lines:
        s.text(text, 11, indent=0, lead=f"{who_}：", after=3)
    s.text(f"当事人签名：{who.name}      {d0(d.hearing)}", 11, indent=0)
    s.text(f"主持人：{st.hearing_host}  听证员：{st.hearing_member}  记录员：{st.clerk}", 11, indent=0)
    c.done(s, "听证笔录", "听证笔录", key)


REVIEW_ITEMS = [
    "执法主体是否合法",
    "执法人员是否具备执法资格",
    "执法程序是否合法",
    "案件事实是否清楚、证据是否确凿",
    "适用法律是否准确、裁量是否适当",
    "当事人陈述申辩、听证权利是否保障",
    "是否超越法定权限",
    "执法文书是否完备规范",
]


def legal_review(c: Ctx) -> None:
    p, d = c.plan, c.plan.dates
    assert d.legal_review
    key = "法制审核意见"
    st = p.staff
    s = c.sheet(33)
    c.head(s, "行政执法决定法制审核表", key, number_row=False)
    s.table(
        [
            [label("案号", 0.18), Cell(c.number(key), 0.82)],
            [label("案由", 0.18), Cell(f"{c.cause}案", 0.5), label("当事人", 0.12), Cell(c.party(key), 0.2)],
            [
                label("承办机构", 0.18),
                Cell(p.agency.unit, 0.5),
                label("承办人", 0.12),
                Cell(f"{p.officers[0].name}、{p.officers[1].name}", 0.2),
            ],
            [
                label("拟处理意见", 0.18),
                Cell(f"依据{p.violation.basis}的规定，拟处罚款{money(p.fine)}。", 0.82),
            ],
        ]
    )
    rows = [[label("审核事项", 0.7), label("审核结果", 0.3)]]
    rows += [
        [Cell(f"{i + 1}.{t}", 0.7), Cell("■是  □否" if i != 6 else "□是  ■否", 0.3, "c")]
        for i, t in enumerate(REVIEW_ITEMS)
    ]
    s.table(rows, min_h=20)
    reviewer = (
        ""
        if p.mut.get("p05") == "noreviewer"
        else f"{st.reviewer}（法律职业资格证书编号：{st.reviewer_cert}）"
    )
    s.table(
        [
            [
                label("审核意见", 0.18),
                Cell(
                    "经审核，本案事实清楚，证据确凿，适用法律正确，程序合法，处罚裁量适当。同意承办机构的处理意见。",
                    0.82,
                ),
            ],
            [
                label("审核人员", 0.18),
                Cell(reviewer, 0.5),
                label("审核日期", 0.12),
                Cell(d0(d.legal_review), 0.2),
            ],
        ],
        min_h=36,
    )
    c.done(s, "法制审核意见", "行政执法决定法制审核表", key)


def discussion(c: Ctx) -> None:
    p, d = c.plan, c.plan.dates
    assert d.discussion
    key = "重大案件集体讨论记录"
    st = p.staff
    s = c.sheet(34)
    c.head(s, "重大案件集体讨论记录", key)
    present = "、".join(f"{n}（{post}）" for n, post in st.attendees)
    s.table(
        [
            [label("案件名称", 0.16), Cell(f"{c.party(key)}{c.cause}案", 0.84)],
            [
                label("讨论时间", 0.16),
                Cell(f"{d0(d.discussion)}14时30分至15时20分", 0.5),
                label("地点", 0.1),
                Cell("第一会议室", 0.24),
            ],
            [
                label("主持人", 0.16),
                Cell(st.head, 0.18),
                label("汇报人", 0.12),
                Cell(p.officers[0].name, 0.18),
                label("记录人", 0.12),
                Cell(st.clerk, 0.24),
            ],
            [label("出席人员\n姓名及职务", 0.16), Cell(present, 0.84)],
        ]
    )
    minutes = [f"{p.officers[0].name}汇报案件调查情况、证据及拟处理意见：拟对当事人处以罚款{money(p.fine)}。"]
    for n, _post in st.attendees:
        minutes.append(f"{n}：本案事实清楚，证据充分，程序合法，同意承办机构意见。")
    rows = [[label("讨论记录", 0.16), Cell("\n".join(minutes), 0.84, valign="t")]]
    if p.mut.get("p06") != "noconclusion":
        rows.append(
            [
                label("结论性意见", 0.16),
                Cell(f"经集体讨论，一致同意对当事人{c.party(key)}处以罚款{money(p.fine)}的行政处罚。", 0.84),
            ]
        )
    rows.append([label("出席人员签名", 0.16), Cell("  ".join(n for n, _ in st.attendees), 0.84)])
    s.table(rows, min_h=34)
    c.done(s, "重大案件集体讨论记录", "重大案件集体讨论记录", key)
