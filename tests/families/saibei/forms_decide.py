"""Review, discussion and the decisions: a red-headed reasoned 决定书 and a pre-numbered 当场 form."""

from __future__ import annotations

from casegen.formats import daxie
from families.saibei.book import Book, Made
from families.saibei.canvas import LEFT, RIGHT
from families.saibei.fmt import act, cause, d0, dcn, hm, is_org, level, signer
from families.saibei.forms_case import party_grid
from families.saibei.forms_notice import you

RED = (0.8, 0.08, 0.1)
GUIDE = "（分以下情况写明：当事人为个人的，写明姓名、性别、证件号码；为单位的，写明名称、统一社会信用代码）"


def review(b: Book) -> Made:
    p, d, s = b.plan, b.plan.dates, b.plan.staff
    assert d.legal_review
    key = "法制审核意见"
    sh = b.sheet(key)
    sh.title("重大行政执法决定法制审核意见书", 17)
    items = "执法主体合法；执法人员具备资格；程序合法；事实清楚、证据确凿；适用法律正确、裁量适当；未超越职权；文书规范；"
    items += "当事人陈述申辩及听证权利已保障；不涉嫌犯罪。"
    who = (
        ""
        if b.plan.mut.get("p05") == "noreviewer"
        else f"{s.reviewer}（法律职业资格证书编号：{s.reviewer_cert}）"
    )
    sh.grid(
        [
            [("案    号", 0.2, "c"), (b.names.no(key), 0.8)],
            [("案    由", 0.2, "c"), (cause(p), 0.8)],
            [("当 事 人", 0.2, "c"), (b.names.party(key), 0.8)],
            [("承办机构", 0.2, "c"), (p.agency.unit, 0.8)],
            [("拟处理意见", 0.2, "c"), (f"依据{p.violation.basis}的规定，拟罚款{p.fine}元。", 0.8)],
            [("审核事项", 0.2, "c"), (items, 0.8)],
            [("审核结论", 0.2, "c"), ("经审核，同意承办机构的处理意见。", 0.8)],
            [("审 核 人", 0.2, "c"), (who, 0.8)],
            [("审核日期", 0.2, "c"), (d0(d.legal_review), 0.8)],
        ],
        minh=30,
    )
    return b.add(Made(key, "重大行政执法决定法制审核意见书", key, sh, d.legal_review))


def discussion(b: Book) -> Made:
    p, d, s = b.plan, b.plan.dates, b.plan.staff
    assert d.discussion
    key = "重大案件集体讨论记录"
    sh = b.sheet(key)
    sh.title("重大案件集体讨论记录", 19)
    people = "、".join(f"{n}（{post}）" for n, post in s.attendees)
    sh.grid(
        [
            [("案    号", 0.18, "c"), (b.names.no(key), 0.82)],
            [("案件名称", 0.18, "c"), (f"{p.party.name}{cause(p)}", 0.82)],
            [("讨论时间", 0.18, "c"), (f"{d0(d.discussion)}{hm((15, 0))}至{hm((15, 50))}", 0.82)],
            [("地    点", 0.18, "c"), (f"{p.agency.name}第三会议室", 0.82)],
            [
                ("主 持 人", 0.18, "c"),
                (s.head, 0.22),
                ("汇报人", 0.14, "c"),
                (p.officers[0].name, 0.18),
                ("记录人", 0.12, "c"),
                (s.clerk, 0.16),
            ],
            [("出席人员", 0.18, "c"), (people, 0.82)],
        ]
    )
    sh.line("讨论记录：", 11.5, kind="b")
    sh.para(f"{p.officers[0].name}汇报案件调查情况及处理意见：{act(p)}，建议罚款{p.fine}元。")
    for n, post in s.attendees[1:]:
        sh.para(f"{n}（{post}）：事实清楚，证据充分，程序合法，同意承办机构意见。")
    if b.plan.mut.get("p06") != "noconclusion":
        sh.line("结论性意见：", 11.5, kind="b")
        sh.para(f"经集体讨论，一致同意依据{p.violation.basis}的规定，对当事人处以罚款{p.fine}元。")
    sh.line("出席人员签名：" + "  ".join(n for n, _ in s.attendees), 11)
    return b.add(Made(key, "重大案件集体讨论记录", key, sh, d.discussion))


def _red_head(b: Book, sh) -> None:
    """红头: the agency name in red over a red rule, as printed decisions carry."""
    name = b.plan.agency.name
    sh.y += 30
    sh.put((LEFT + RIGHT - sh.width(name, 24, "b")) / 2, sh.y, name, 24, "b", color=RED)
    y = sh.y + 12
    sh.page.draw_line((LEFT, y), (RIGHT, y), color=RED, width=1.8)
    sh.y = y + 6


def _party_lines(b: Book, key: str) -> list[str]:
    p, w = b.plan.party, b.plan.mut.get("w01")
    name = b.names.party(key)
    if is_org(p):
        out = [
            f"被处罚单位：{name}",
            f"统一社会信用代码：{p.credit_code}",
            f"法定代表人：{p.legal_rep}",
            f"住所：{p.address}",
            f"联系方式：{'________' if w == 'underscore' else p.phone}",
        ]
    else:
        per = p.person
        assert per
        out = [
            f"被处罚人：{name}",
            f"性别：{per.sex}",
            f"公民身份号码：{per.id_number}",
            f"住址：{per.address}",
            f"联系方式：{'________' if w == 'underscore' else per.phone}",
        ]
    return out


def _money(b: Book, n: int) -> str:
    words = b.plan.mut.get("c03") or daxie(n)
    return f"人民币{words}（¥{n:,}.00）"


def _reasons(b: Book) -> str:
    p, d = b.plan, b.plan.dates
    y = you(b)
    lower = p.fine < p.proposed_fine
    m = p.mut
    offered = (p.triggered and not m.get("notice_no_hearing")) or m.get("notice_3days")
    hearing = "、要求听证" if offered else ""
    out = (
        (
            f"本机关于{d0(d.notice)}向{y}送达了《行政处罚事先告知书》，告知了拟作出行政处罚的事实、理由、依据及"
            f"{y}依法享有的陈述、申辩{hearing}权利。"
        )
        if d.notice
        else ""
    )
    if d.statement:
        out += f"{y}于{d0(d.statement)}提出陈述申辩，称系初次违法并已整改。经复核，" + (
            "上述理由属实，予以采纳，依法从轻处罚。" if lower else "上述理由不足以减轻处罚，不予采纳。"
        )
    if d.hearing:
        out += f"本机关应{y}申请于{d0(d.hearing)}举行了听证，{y}在听证中提出的从轻处罚意见，" + (
            "经审查予以采纳。" if lower else "经审查不予采纳。"
        )
    if d.waiver:
        out += f"{y}于{d0(d.waiver)}书面声明放弃陈述、申辩权利。"
    if not (d.statement or d.hearing or d.waiver):
        out += f"{y}在法定期限内未提出陈述、申辩。"
    out += f"依照《{p.agency.province}交通运输行政处罚裁量基准》，本案违法情节属{level(p)}情形。"
    return out


def decision(b: Book) -> Made:
    p, d, m = b.plan, b.plan.dates, b.plan.mut
    key = "行政处罚决定书"
    sh = b.sheet(key)
    _red_head(b, sh)
    sh.title("行政处罚决定书", 20)
    sh.line(b.names.no(key), 11.5, "c")
    sh.gap(4)
    for ln in _party_lines(b, key):
        sh.line(ln, 11.5)
    if m.get("w01") == "guidance":
        sh.line(GUIDE, 10)
    y = "你（单位）" if m.get("w01") == "ni_danwei" else you(b)
    ev = "；".join(f"{k + 1}.{e}" for k, e in enumerate([*p.evidence, *(q.type for q in p.inquiries)]))
    sh.gap(4)
    sh.para(f"主要违法事实：{d0(d.violation)}，本机关执法人员依法检查发现，{act(p)}。")
    sh.para(f"相关证据：{ev}。上述证据经查证属实，足以认定。")
    sh.para(f"处罚理由及依据：{y}的上述行为违反了{p.violation.breach}的规定。" + _reasons(b))
    sh.para(f"处罚决定：依据{p.violation.basis}的规定，本机关决定对{you(b)}处以罚款{_money(b, p.fine)}。")
    if m.get("p07") != "nocomply":
        sh.para(
            f"履行方式和期限：{you(b)}应当自收到本决定书之日起十五日内，通过{p.agency.province}非税收入电子缴款平台或到"
            f"{p.agency.bank}各营业网点缴纳罚款。逾期不缴纳的，本机关可以每日按罚款数额的百分之三加处罚款，加处罚款的数额"
            "不超出罚款的数额，并依法申请人民法院强制执行。"
        )
    if m.get("p07") != "noremedy":
        sh.para(
            f"救济途径：{you(b)}如不服本决定，可以自收到本决定书之日起六十日内向{p.agency.review_body}申请行政复议，"
            f"或者在六个月内直接向{p.agency.court}提起行政诉讼。复议和诉讼期间，本决定不停止执行。"
        )
    sh.sign(p.agency.name, dcn(d.decision), seal=m.get("s01") != "decision", gap=34)
    sh.line("（本决定书一式两份，一份送达被处罚人，一份存档）", 9.5)
    return b.add(Made(key, "行政处罚决定书", key, sh, d.decision))


def summary(b: Book) -> Made:
    """当场行政处罚决定书 on a pre-printed, pre-numbered form (red serial top right)."""
    p, d, m = b.plan, b.plan.dates, b.plan.mut
    key = "当场行政处罚决定书"
    sh = b.sheet(key)
    serial = f"No.{p.seed % 10**7:07d}"
    sh.put(RIGHT - sh.width(serial, 12), 70, serial, 12, color=RED)
    sh.title(p.agency.name, 15)
    sh.title("当场行政处罚决定书", 20)
    sh.grid([[("案    号", 0.18, "c"), (b.names.no(key), 0.82)], *party_grid(b, key, "被处罚人")])
    if m.get("w01") == "guidance":
        sh.line(GUIDE, 9.5)
    y = "你（单位）" if m.get("w01") == "ni_danwei" else you(b)
    on_spot = ("■", "□") if p.on_the_spot_payment else ("□", "■")
    rows = [
        [
            ("违法时间", 0.18, "c"),
            (d0(d.violation) + hm(d.violation_time), 0.34),
            ("违法地点", 0.14, "c"),
            (p.facts.get("place", ""), 0.34),
        ],
        [("违法事实", 0.18, "c"), (act(p) + "。", 0.82)],
        [
            ("处罚依据", 0.18, "c"),
            (
                f"{y}的行为违反了{p.violation.breach}的规定，依据{p.violation.basis}的规定。按照《{p.agency.province}"
                f"交通运输行政处罚裁量基准》，违法情节属{level(p)}情形。",
                0.82,
            ),
        ],
        [("处罚决定", 0.18, "c"), (f"罚款{_money(b, p.fine)}", 0.82)],
    ]
    if m.get("p07") != "nocomply":
        rows.append(
            [
                ("履行方式和期限", 0.18, "c"),
                (
                    f"{on_spot[0]}当场缴纳  {on_spot[1]}自收到本决定书之日起十五日内缴至{p.agency.bank}；逾期不缴纳的，"
                    "每日按罚款数额的百分之三加处罚款。",
                    0.82,
                ),
            ]
        )
    if m.get("p07") != "noremedy":
        rows.append(
            [
                ("救济途径", 0.18, "c"),
                (
                    f"如不服本决定，可以在六十日内向{p.agency.review_body}申请行政复议，或者在六个月内向{p.agency.court}"
                    "提起行政诉讼。",
                    0.82,
                ),
            ]
        )
    rows.append(
        [
            ("告知事项", 0.18, "c"),
            (
                "处罚前已口头告知当事人拟作出处罚的事实、理由和依据，并告知其依法享有陈述权和申辩权。当事人未提出陈述申辩。",
                0.82,
            ),
        ]
    )
    a, c = p.officers[0], p.officers[1]
    rows.append(
        [
            ("执法人员", 0.18, "c"),
            (f"{a.name}  执法证号：{a.certificate}\n{c.name}  执法证号：{c.certificate}", 0.82),
        ]
    )
    who = signer(p.party)
    rows.append(
        [("当事人签名", 0.18, "c"), (f"{who.name if who else p.party.name}    {d0(d.decision)}", 0.82)]
    )
    sh.grid(rows, minh=26)
    sh.sign(p.agency.name, dcn(d.decision), seal=m.get("s01") != "decision", gap=28)
    return b.add(Made("当场行政处罚决定书", "当场行政处罚决定书", key, sh, d.decision))
