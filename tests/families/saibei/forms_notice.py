"""Evidence pages, 调查终结报告, 事先告知书, 送达回证 and the statement / hearing documents."""

from __future__ import annotations

import datetime as dt

import pymupdf

from families.saibei.book import Book, Made
from families.saibei.canvas import LEFT, RIGHT
from families.saibei.fmt import act, cause, d0, dcn, hm, is_org, signer
from families.saibei.forms_case import party_grid

CN_NUM = "一二三四五六七八九十"


def you(b: Book) -> str:
    return "你单位" if is_org(b.plan.party) else "你"


def attachment(b: Book, what: str, i: int) -> Made:
    """A copy or photo sheet pasted on an A4 backing page; no platform header."""
    p, d = b.plan, b.plan.dates
    sh = b.sheet("证据材料", platform=False)
    title = f"证据材料{CN_NUM[i % 10]}：{what}"
    sh.line(title, 13, "l", "b")
    sh.gap(10)
    grey = (0.55, 0.55, 0.55)
    photos = 2 if "照片" in what else 1
    h = 300 if photos == 1 else 250
    for k in range(photos):
        r = pymupdf.Rect(LEFT + 30, sh.y, RIGHT - 30, sh.y + h)
        sh.page.draw_rect(r, color=grey, fill=(0.88, 0.88, 0.86), width=0.8)
        sh.page.draw_line(r.tl, r.br, color=(0.75, 0.75, 0.75), width=0.5)
        sh.page.draw_line(r.tr, r.bl, color=(0.75, 0.75, 0.75), width=0.5)
        sh.put(r.x0 + 8, r.y0 + 18, f"{what}（{k + 1}）", 9, color=(0.3, 0.3, 0.3))
        sh.y += h + 10
        if "照片" in what:
            sh.line(
                f"拍摄时间：{d0(d.violation)}  拍摄地点：{p.facts.get('place', '')}  拍摄人：{p.officers[0].name}",
                10,
            )
            sh.gap(6)
    holder = signer(p.party)
    sh.gap(10)
    sh.line("此复印件与原件核对无误", 11, "r")
    sh.line(
        f"核对人：{p.officers[0].name}   提供人：{holder.name if holder else p.party.name}   {d0(d.filing)}",
        11,
        "r",
    )
    return b.add(Made("证据材料", title, f"证据材料:{i}", sh, d.filing, platform=False, listed=what))


def report(b: Book) -> Made:
    p, d, s = b.plan, b.plan.dates, b.plan.staff
    assert d.report
    key = "案件调查报告"
    sh = b.sheet(key)
    sh.title("案件调查终结报告", 19)
    certs = "；".join(f"{o.name}，执法证号{o.certificate}" for o in p.officers[:2])
    ev = (
        "；".join(f"{k + 1}.{e}" for k, e in enumerate(p.evidence))
        + f"；{len(p.evidence) + 1}.{p.inquiries[0].type}"
    )
    sh.grid(
        [
            [("案    号", 0.18, "c"), (b.names.no(key), 0.82)],
            [("案    由", 0.18, "c"), (cause(p), 0.82)],
            [("调查人员", 0.18, "c"), (certs, 0.82)],
            *party_grid(b, key, "当事人"),
            [
                ("调查经过及违法事实", 0.18, "c"),
                (f"{d0(d.filing)}立案后，执法人员依法开展调查。经查：{act(p)}。", 0.82),
            ],
            [("证据材料", 0.18, "c"), (ev, 0.82)],
            [
                ("调查结论和处理意见", 0.18, "c"),
                (
                    f"当事人的行为违反了{p.violation.breach}的规定，事实清楚，证据确凿。依据{p.violation.basis}的规定，"
                    f"建议对当事人处以罚款{p.proposed_fine}元的行政处罚。\n执法人员：{p.officers[0].name}  "
                    f"{p.officers[1].name}    {d0(d.report)}",
                    0.82,
                ),
            ],
            [("承办机构负责人意见", 0.18, "c"), (f"同意调查结论。\n{s.unit_head}    {d0(d.report)}", 0.82)],
            [("执法部门负责人审批意见", 0.18, "c"), (f"同意。\n{s.head}    {d0(d.report)}", 0.82)],
        ],
        minh=26,
    )
    return b.add(Made(key, "案件调查终结报告", key, sh, d.report))


def notice(b: Book) -> Made:
    p, d, m = b.plan, b.plan.dates, b.plan.mut
    assert d.notice
    key = "违法行为通知书"
    sh = b.sheet(key)
    sh.title(p.agency.name, 16)
    sh.title("行政处罚事先告知书", 20)
    sh.line(b.names.no(key), 11.5, "c")
    sh.gap(6)
    sh.line(f"{b.names.party(key)}：", 12)
    law = "" if m.get("notice_no_basis") else f"，违反了{p.violation.breach}的规定"
    basis = "" if m.get("notice_no_basis") else f"依据{p.violation.basis}的规定，"
    sh.para(f"经调查，{act(p)}{law}。{basis}本机关拟对{you(b)}作出罚款人民币{p.proposed_fine}元的行政处罚。")
    sh.para(
        f"根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，{you(b)}有权进行陈述和申辩。"
        f"如需陈述和申辩，请于收到本告知书之日起五日内向本机关提出。"
    )
    offer = (p.triggered and not m.get("notice_no_hearing")) or m.get("notice_3days")
    if offer:
        days = "三日" if m.get("notice_3days") else "五日"
        sh.para(
            f"根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，{you(b)}有权要求举行听证。"
            f"如要求听证，请于收到本告知书之日起{days}内向本机关书面提出。"
        )
    sh.para("逾期未提出的，视为放弃上述权利。")
    sh.gap(4)
    sh.line(f"联系人：{p.officers[0].name}、{p.officers[1].name}      联系电话：{p.agency.phone}", 11)
    sh.line(f"联系地址：{p.agency.address}      邮政编码：{p.agency.postcode}", 11)
    sh.sign(p.agency.name, dcn(d.notice), seal=m.get("s01") != "notice")
    return b.add(Made(key, "行政处罚事先告知书", key, sh, d.notice))


def service(b: Book, served: str, title: str, when: dt.date, place: str = "") -> Made:
    """送达回证 with the receipt date split over three cells, as a pen fills 年/月/日 boxes."""
    p = b.plan
    key = f"送达回证:{served}"
    sh = b.sheet(key)
    sh.title("送 达 回 证", 20)
    who = signer(p.party)
    recv = who.name if who else b.names.party(key)
    how = "直接送达" if served != "行政处罚决定书" or p.seed % 2 == 0 else "邮寄送达"
    sh.grid(
        [
            [("案    号", 0.2, "c"), (b.names.no(key), 0.8)],
            [("案    由", 0.2, "c"), (cause(p), 0.8)],
            [("受送达人", 0.2, "c"), (b.names.party(key), 0.8)],
            [("送达文书名称", 0.2, "c"), (f"《{title}》", 0.8)],
            [("送达地点", 0.2, "c"), (place or p.party.address, 0.8)],
            [("送达方式", 0.2, "c"), (how, 0.8)],
            [
                ("收件人签名", 0.2, "c"),
                (recv, 0.26),
                ("收件日期", 0.16, "c"),
                (f"{when.year}年", 0.14, "c"),
                (f"{when.month:02d}月", 0.12, "c"),
                (f"{when.day:02d}日", 0.12, "c"),
            ],
            [("送 达 人", 0.2, "c"), (f"{p.officers[0].name}  {p.officers[1].name}", 0.8)],
            [("见 证 人", 0.2, "c"), ("/", 0.8)],
            [("备    注", 0.2, "c"), ("", 0.8)],
        ],
        minh=34,
    )
    sh.sign(f"送达单位：{p.agency.name}", "（盖章）", seal=True, gap=36)
    return b.add(Made("送达回证", "送达回证", key, sh, when, serves=served, listed=f"送达回证（{title}）"))


def statement(b: Book) -> Made:
    p, d = b.plan, b.plan.dates
    assert d.statement
    key = "陈述申辩笔录"
    sh = b.sheet(key)
    sh.title("陈述申辩笔录", 20, spaced=True)
    who = signer(p.party)
    name = who.name if who else p.party.name
    a, c = p.officers[0], p.officers[1]
    sh.grid(
        [
            [("案    号", 0.18, "c"), (b.names.no(key), 0.82)],
            [("时    间", 0.18, "c"), (f"{d0(d.statement)}09时30分至10时05分", 0.82)],
            [("地    点", 0.18, "c"), (p.agency.unit + "案件审理室", 0.82)],
            [
                ("陈述申辩人", 0.18, "c"),
                (name, 0.32),
                ("身份", 0.14, "c"),
                (p.party.contact_role or "当事人本人", 0.36),
            ],
            [("承 办 人", 0.18, "c"), (a.name, 0.22), ("执法证号", 0.16, "c"), (a.certificate, 0.44)],
            [("记 录 人", 0.18, "c"), (c.name, 0.22), ("执法证号", 0.16, "c"), (c.certificate, 0.44)],
        ]
    )
    lower = p.fine < p.proposed_fine
    sh.para(
        f"陈述申辩内容：对{cause(p)}的事实没有异议。"
        + (
            "本次违法系初次发生，已立即整改，且经营困难，请求从轻处罚。"
            if lower
            else "请求考虑实际情况从轻处理。"
        ),
        indent=False,
    )
    sh.para("以上记录我已看过，与我说的一致。", indent=False)
    sh.line(f"陈述申辩人（签名）：{name}      {d0(d.statement)}", 11)
    sh.line(f"承办人（签名）：{a.name}  {c.name}      {d0(d.statement)}", 11)
    return b.add(Made(key, "陈述申辩笔录", key, sh, d.statement))


def waiver(b: Book) -> Made:
    p, d = b.plan, b.plan.dates
    assert d.waiver
    key = "放弃陈述申辩（听证）声明"
    sh = b.sheet(key)
    sh.title("放弃陈述申辩权利声明书", 19)
    sh.line(b.names.no(key), 11.5, "c")
    sh.gap(10)
    sh.para(
        f"本人（本单位）已收到{p.agency.name}送达的《行政处罚事先告知书》（{b.names.no(key)}），已知晓享有陈述、申辩"
        + ("和要求听证" if p.triggered else "")
        + "的权利。经考虑，自愿放弃上述权利，请依法处理。"
    )
    who = signer(p.party)
    sh.gap(30)
    sh.line(
        f"声明人（签名/盖章）：{b.names.party(key)}"
        + (f"（经办人：{who.name}）" if is_org(p.party) and who else ""),
        11.5,
        "r",
    )
    sh.line(d0(d.waiver), 11.5, "r")
    return b.add(Made(key, "放弃陈述申辩权利声明书", key, sh, d.waiver))


def hearing_notice(b: Book) -> Made:
    p, d, s = b.plan, b.plan.dates, b.plan.staff
    assert d.hearing_notice and d.hearing
    key = "听证通知书"
    sh = b.sheet(key)
    sh.title("听证通知书", 20)
    sh.line(b.names.no(key), 11.5, "c")
    sh.gap(6)
    sh.line(f"{b.names.party(key)}：", 12)
    sh.para(
        f"根据{you(b)}的听证申请，本机关决定于{d0(d.hearing)}09时00分在{p.agency.address}听证室对{cause(p)}"
        f"不公开举行听证。听证主持人：{s.hearing_host}；听证员：{s.hearing_member}；记录员：{s.clerk}。"
    )
    sh.para(
        f"{you(b)}认为主持人、听证员、记录员与本案有直接利害关系的，有权申请回避。"
        "请携带身份证明及有关证据材料按时参加；委托代理人参加的，应当提交授权委托书。无正当理由不参加的，视为放弃听证。"
    )
    sh.line(f"联系人：{p.officers[0].name}    联系电话：{p.agency.phone}", 11)
    sh.sign(p.agency.name, dcn(d.hearing_notice), seal=True)
    return b.add(Made(key, "听证通知书", key, sh, d.hearing_notice))


def hearing_record(b: Book) -> Made:
    p, d, s = b.plan, b.plan.dates, b.plan.staff
    assert d.hearing
    key = "听证笔录"
    sh = b.sheet(key)
    sh.title("听 证 笔 录", 20)
    who = signer(p.party)
    name = who.name if who else p.party.name
    a, c = p.officers[0], p.officers[1]
    sh.grid(
        [
            [("案    号", 0.18, "c"), (b.names.no(key), 0.82)],
            [("案件名称", 0.18, "c"), (f"{p.party.name}{cause(p)}", 0.82)],
            [("听证时间", 0.18, "c"), (f"{d0(d.hearing)}{hm((9, 0))}至{hm((10, 40))}", 0.82)],
            [("听证地点", 0.18, "c"), (p.agency.address + "听证室", 0.82)],
            [
                ("主 持 人", 0.18, "c"),
                (s.hearing_host, 0.22),
                ("听证员", 0.14, "c"),
                (s.hearing_member, 0.18),
                ("记录员", 0.12, "c"),
                (s.clerk, 0.16),
            ],
            [
                ("调查人员", 0.18, "c"),
                (f"{a.name}（执法证号{a.certificate}）  {c.name}（执法证号{c.certificate}）", 0.82),
            ],
            [("当事人/代理人", 0.18, "c"), (name, 0.82)],
        ]
    )
    sh.para(
        "主持人：宣布听证开始，核对参加人员身份，告知听证纪律及当事人的权利义务。当事人不申请回避。",
        indent=False,
    )
    sh.para(f"调查人员：{act(p)}。依据{p.violation.basis}的规定，拟处罚款{p.proposed_fine}元。", indent=False)
    sh.para(f"{name}：对事实无异议，请求考虑企业实际情况从轻处罚。", indent=False)
    sh.para("主持人：双方是否还有补充？（均表示没有补充）听证结束。", indent=False)
    sh.line(f"当事人（代理人）签名：{name}    {d0(d.hearing)}", 11)
    sh.line(
        f"主持人：{s.hearing_host}   听证员：{s.hearing_member}   记录员：{s.clerk}    {d0(d.hearing)}", 11
    )
    return b.add(Made(key, "听证笔录", key, sh, d.hearing))
