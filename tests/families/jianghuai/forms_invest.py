"""Investigation-stage forms: 立案审批表, the 笔录, preservation and compulsion, evidence, the report."""

from __future__ import annotations

from casegen.model import Inquiry, Officer
from families.jianghuai.common import Ctx, checkbox, d0, hm, money
from families.jianghuai.sheet import Cell, L, R, group, label

SOURCES = ["在行政检查中发现", "投诉举报", "上级机关交办", "下级机关报请", "有关部门移送", "其他途径"]


def filing(c: Ctx) -> None:
    p, d, a = c.plan, c.plan.dates, c.plan.agency
    key = "立案登记表"
    s = c.sheet(1)
    c.head(s, "立案审批表", key, number_row=False)
    s.table(
        [
            [
                label("案号", 0.16),
                Cell(c.number(key), 0.44),
                label("立案日期", 0.16),
                Cell(d0(d.filing), 0.24),
            ],
            [label("案件来源", 0.16), Cell(checkbox(SOURCES, 0), 0.84)],
            [label("案由", 0.16), Cell(f"涉嫌{c.cause}案", 0.84)],
            [
                label("发现时间", 0.16),
                Cell(d0(d.violation) + hm(d.violation_time), 0.34),
                label("发现地点", 0.16),
                Cell(c.facts(key)["place"], 0.34),
            ],
        ]
    )
    c.party_block(s, key)
    brief = c.act(key) + f"，涉嫌违反{p.violation.breach}的规定。"
    s.table(
        [
            [label("案件基本情况", 0.16), Cell(brief, 0.84)],
            [
                label("立案依据", 0.16),
                Cell("《中华人民共和国行政处罚法》第五十四条、《交通运输行政执法程序规定》第五十三条", 0.84),
            ],
            [
                label("承办机构", 0.16),
                Cell(a.unit, 0.44),
                label("承办人", 0.14),
                Cell("、".join(o.name for o in p.officers[:2]), 0.26),
            ],
            [
                label("承办人意见", 0.16),
                Cell(
                    f"符合立案条件，建议立案调查。\n承办人：{p.officers[0].name}  {p.officers[1].name}    {d0(d.filing)}",
                    0.84,
                ),
            ],
            [
                label("承办机构\n负责人意见", 0.16),
                Cell(f"同意立案，报请审批。\n签名：{p.staff.unit_head}    {d0(d.filing)}", 0.84),
            ],
            [
                label("行政机关\n负责人审批意见", 0.16),
                Cell(f"同意立案。\n签名：{p.staff.head}    {d0(d.filing)}", 0.84),
            ],
            [label("备注", 0.16), Cell("", 0.84)],
        ],
        min_h=30,
    )
    c.done(s, "立案登记表", "立案审批表", key)


def _record_officers(c: Ctx, q: Inquiry, index: int) -> tuple[list[Officer], bool]:
    """The officers a 笔录 names, and whether the second one's certificate is printed (P-01)."""
    mut = c.plan.mut
    hit = mut.get("p01") and mut.get("p01_index") == str(index)
    if hit and mut["p01"] == "single":
        return [q.officers[0]], True
    return list(q.officers), not (hit and mut["p01"] == "nocert")


def record(c: Ctx, q: Inquiry, index: int) -> None:
    p = c.plan
    key = q.type
    code = {"询问笔录": 2, "勘验笔录": 3, "现场笔录": 4}[q.type]
    officers, cert2 = _record_officers(c, q, index)
    s = c.sheet(code)
    s.foot = f"{'被询问人' if q.type == '询问笔录' else '现场人员'}（签名）：{q.interviewee.name}"
    c.head(s, q.type, key)
    when = f"{d0(q.date)}{hm(q.start)}至{hm(q.end)}"
    place = c.facts(key)["place"] if q.type != "询问笔录" else p.agency.station
    who = q.interviewee
    role = p.party.contact_role if who is p.party.contact else "证人"
    rec = officers[-1]
    if q.type == "询问笔录":
        s.table(
            [
                [label("询问时间", 0.16), Cell(when, 0.84)],
                [label("询问地点", 0.16), Cell(place, 0.84)],
                [label("询问人", 0.16), Cell(c.officers_cell(officers, cert_of_second=cert2), 0.84)],
                [label("记录人", 0.16), Cell(rec.name, 0.84)],
            ]
        )
        group(s, "被询问人", c.person_rows(who, role, key))
        s.space(8)
        certs = _intro(officers, cert2)
        qa = [
            (
                f"我们是{p.agency.unit}的执法人员{certs}，这是我们的执法证件，请过目。现依法向你询问有关情况，你应当如实回答，不得作伪证。如认为执法人员与本案有利害关系，你有权申请回避。你是否申请回避？",
                "看清楚了，不申请回避。",
            ),
            ("请介绍一下你的基本情况。", f"我叫{who.name}，身份证号{who.id_number}，住{who.address}。"),
        ]
        qa += [(qq.format(**c.facts(key)), aa.format(**c.facts(key))) for qq, aa in p.violation.qa]
        qa.append(("你还有什么需要补充的吗？", "没有了。"))
        for qq, aa in qa:
            s.text(qq, 11, indent=0, lead="问：", after=0)
            s.text(aa, 11, indent=0, lead="答：", after=3)
        s.text("以上笔录已交我核对，记录属实，与我所说的一致。", 11, indent=2, after=2)
    else:
        plate = "船名" if p.violation.vehicle == "vessel" else "车牌号码"
        if q.type == "现场笔录":
            rows = [
                [label("执法时间", 0.16), Cell(when, 0.84)],
                [label("执法地点", 0.16), Cell(place, 0.84)],
                [label("执法人员", 0.16), Cell(c.officers_cell(officers, cert_of_second=cert2), 0.84)],
                [
                    label("记录人", 0.16),
                    Cell(rec.name, 0.34),
                    label(plate, 0.16),
                    Cell(f"{p.party.plate}（{p.party.vehicle}）", 0.34),
                ],
            ]
        else:
            rows = [
                [label("勘验时间", 0.16), Cell(when, 0.84)],
                [
                    label("勘验场所", 0.16),
                    Cell(place, 0.54),
                    label("天气", 0.12),
                    Cell(c.rng.choice(["晴", "多云", "阴"]), 0.18, "c"),
                ],
                [label("勘验人", 0.16), Cell(c.officers_cell(officers, cert_of_second=cert2), 0.84)],
                [label("记录人", 0.16), Cell(rec.name, 0.34), label("被邀请人", 0.16), Cell("无", 0.34)],
            ]
        s.table(rows)
        group(s, "现场人员", c.person_rows(who, role, key))
        heading = "现场情况" if q.type == "现场笔录" else "勘验情况及结果"
        body = c.scene(key)
        body = f"执法人员{_intro(officers, cert2)}到场，出示执法证件并表明身份。" + body
        s.table([[label(heading, 0.16), Cell(body, 0.84, valign="t")]], min_h=150)
        s.space(6)
        s.text("上述笔录我已看过，情况属实无误。", 11, indent=2, after=2)
    s.space(4)
    s.text(
        f"{'被询问人' if q.type == '询问笔录' else '现场人员'}签名：{who.name}      {d0(q.date)}",
        11,
        indent=0,
        after=2,
    )
    names = "  ".join(o.name for o in officers)
    s.text(f"执法人员签名：{names}      {d0(q.date)}", 11, indent=0, after=2)
    c.done(s, q.type, q.type, key)


def _intro(officers: list[Officer], cert2: bool) -> str:
    if len(officers) == 1:
        return f"{officers[0].name}（执法证号{officers[0].certificate}）"
    a, b = officers[0], officers[1]
    second = f"{b.name}（执法证号{b.certificate}）" if cert2 else b.name
    return f"{a.name}（执法证号{a.certificate}）、{second}"


def preservation(c: Ctx) -> None:
    p, d = c.plan, c.plan.dates
    assert d.preservation and d.preservation_release
    key = "证据登记保存清单"
    s = c.sheet(6)
    c.head(s, "证据登记保存清单", key)
    c.party_block(s, key)
    s.space(6)
    s.text(
        f"因调查{c.party(key)}涉嫌{c.cause}一案，根据《中华人民共和国行政处罚法》第五十六条的规定，本机关对下列证据予以先行登记保存，"
        f"保存期限自{d0(d.preservation)}起七日内。在此期间，{c.you}不得销毁或者转移证据。",
        11,
    )
    thing = "船舶" if p.violation.vehicle == "vessel" else "车辆"
    s.table(
        [
            [
                label("序号", 0.08),
                label("证据名称", 0.32),
                label("规格", 0.2),
                label("数量", 0.12),
                label("保存地点", 0.28),
            ],
            [
                Cell("1", 0.08, "c"),
                Cell(f"{p.party.plate}{thing}相关证件", 0.32),
                Cell("原件", 0.2, "c"),
                Cell("1套", 0.12, "c"),
                Cell(p.agency.station, 0.28),
            ],
        ]
    )
    s.space(6)
    s.text(
        f"当事人签名：{p.party.contact.name if p.party.contact else ''}      {d0(d.preservation)}",
        11,
        indent=0,
    )
    s.text(
        f"执法人员签名：{p.officers[0].name}  {p.officers[1].name}      {d0(d.preservation)}", 11, indent=0
    )
    s.sign([p.agency.name], d0(d.preservation), seal=c.seal())
    c.done(s, "证据登记保存清单", "证据登记保存清单", key)

    key = "解除证据登记保存决定书"
    s = c.sheet(7)
    c.head(s, "解除证据登记保存决定书", key)
    s.text(f"{c.party(key)}：", 11.5, indent=0)
    s.text(
        f"本机关于{d0(d.preservation)}对{c.you}的{p.party.plate}{thing}相关证件予以先行登记保存。经审查，现决定自即日起解除先行登记保存，"
        "请持本决定书领回相关物品。",
        11.5,
    )
    s.sign([p.agency.name], d0(d.preservation_release), seal=c.seal())
    c.done(s, "解除证据登记保存决定书", "解除证据登记保存决定书", key)


def compulsion(c: Ctx) -> None:
    p, d = c.plan, c.plan.dates
    assert d.compulsion and d.compulsion_release
    key = "行政强制措施决定书"
    s = c.sheet(8)
    c.head(s, "行政强制措施决定书", key)
    c.party_block(s, key)
    s.space(6)
    s.text(
        f"{c.you}于{d0(d.violation)}涉嫌{c.cause}。依据《中华人民共和国行政强制法》第九条及{p.violation.basis}的规定，本机关决定对{c.you}的"
        f"{p.party.plate}{p.party.vehicle}实施扣押，期限为三十日，自{d0(d.compulsion)}起算。扣押期间当场制作现场笔录并全程音像记录。",
        11,
    )
    s.text(
        f"如不服本决定，可以在收到本决定书之日起六十日内向{p.agency.review_body}申请行政复议，或者在六个月内依法向{p.agency.court}提起行政诉讼。",
        11,
    )
    s.sign([p.agency.name], d0(d.compulsion), seal=c.seal())
    c.done(s, "行政强制措施决定书", "行政强制措施决定书", key)

    key = "解除行政强制措施决定书"
    s = c.sheet(10)
    c.head(s, "解除行政强制措施决定书", key)
    s.text(f"{c.party(key)}：", 11.5, indent=0)
    s.text(
        f"本机关于{d0(d.compulsion)}对{c.you}的{p.party.plate}{p.party.vehicle}实施了扣押。经查，扣押的必要性已消除，"
        "根据《中华人民共和国行政强制法》第二十八条的规定，决定自即日起解除扣押，请于接到本决定书后领回。",
        11.5,
    )
    s.sign([p.agency.name], d0(d.compulsion_release), seal=c.seal())
    c.done(s, "解除行政强制措施决定书", "解除行政强制措施决定书", key)


def evidence(c: Ctx, name: str, i: int) -> None:
    """A copy of one piece of evidence, pasted on the platform's 证据粘贴单."""
    p = c.plan
    s = c.sheet(90)
    s.title("证据粘贴单", 16)
    s.table(
        [
            [
                label("证据名称", 0.16),
                Cell(name, 0.5),
                label("编号", 0.12),
                Cell(f"Z-{i + 1:02d}", 0.22, "c"),
            ],
            [label("证据来源", 0.16), Cell("当事人提供" if "复印件" in name else "执法人员现场采集", 0.84)],
        ]
    )
    s.space(10)
    top = s.y
    box_h = 330.0
    s.page.draw_rect((L + 40, top, R - 40, top + box_h), color=(0.55, 0.55, 0.6), width=0.6, dashes="[4 3] 0")
    _card(s, name, top, box_h, c)
    s.y = top + box_h + 14
    s.text("以上复印件（照片）经核对与原件（现场）一致。", 11, indent=2)
    s.text(f"核对人：{p.officers[0].name}  {p.officers[1].name}", 11, indent=2)
    s.text(f"证据提供人签名：{p.party.contact.name if p.party.contact else ''}", 11, indent=2)
    c.done(s, "证据材料", "证据粘贴单", "证据材料")


def _card(s, name: str, top: float, h: float, c: Ctx) -> None:  # type: ignore[no-untyped-def]
    """A grey stand-in for the pasted copy: a card outline with a few text bars, or a photo frame."""
    rng = c.rng
    x0, x1 = L + 90, R - 90
    y0, y1 = top + 40, top + h - 40
    if "照片" in name or "截图" in name:
        for k in range(2):
            yy = y0 + k * (y1 - y0) / 2 + 6
            s.page.draw_rect((x0, yy, x1, yy + (y1 - y0) / 2 - 12), color=None, fill=(0.78, 0.79, 0.8))
            s.page.draw_line((x0, yy + 80), (x1, yy + 40), color=(0.6, 0.6, 0.62), width=6)
    else:
        s.page.draw_rect((x0, y0, x1, y1), color=(0.4, 0.4, 0.45), width=1.0, radius=0.05)
        s.put(x0 + 12, y0 + 26, name.replace("复印件", ""), 12, color=(0.35, 0.35, 0.4))
        for k in range(6):
            yy = y0 + 50 + k * 26
            s.page.draw_rect(
                (x0 + 12, yy, x0 + 12 + rng.uniform(90, x1 - x0 - 40), yy + 8),
                color=None,
                fill=(0.82, 0.82, 0.84),
            )
    s.put(x1 - 30, y1 + 24, "复印件", 9, color=(0.5, 0.5, 0.55))


def report(c: Ctx) -> None:
    p, d, a = c.plan, c.plan.dates, c.plan.agency
    assert d.report
    key = "案件调查报告"
    s = c.sheet(30)
    c.head(s, "案件调查终结报告", key, number_row=False)
    s.table(
        [
            [label("案号", 0.16), Cell(c.number(key), 0.84)],
            [label("案由", 0.16), Cell(f"{c.cause}案", 0.84)],
            [
                label("调查人员", 0.16),
                Cell("  ".join(f"{o.name}（{o.certificate}）" for o in p.officers[:2]), 0.84),
            ],
        ]
    )
    c.party_block(s, key)
    ev = "；".join(f"{i + 1}.{e}" for i, e in enumerate([*(q.type for q in p.inquiries), *p.evidence]))
    concl = (
        f"当事人{c.party(key)}的行为违反了{p.violation.breach}的规定，事实清楚，证据确凿。依据{p.violation.basis}的规定，"
        f"建议对当事人处以罚款{money(p.proposed_fine)}的行政处罚。"
    )
    s.table(
        [
            [
                label("调查经过及\n违法事实", 0.16),
                Cell(f"{d0(d.filing)}立案后，执法人员依法开展调查取证。经查：{c.act(key)}。", 0.84),
            ],
            [label("证据材料", 0.16), Cell(ev, 0.84)],
            [
                label("调查结论及\n处理意见", 0.16),
                Cell(concl + f"\n承办人：{p.officers[0].name}  {p.officers[1].name}    {d0(d.report)}", 0.84),
            ],
            [
                label("承办机构\n负责人意见", 0.16),
                Cell(f"同意承办人意见。\n签名：{p.staff.unit_head}    {d0(d.report)}", 0.84),
            ],
            [
                label("行政机关\n负责人意见", 0.16),
                Cell(f"同意，按程序告知当事人。\n签名：{p.staff.head}    {d0(d.report)}", 0.84),
            ],
        ],
        min_h=34,
    )
    _ = a, R
    c.done(s, "案件调查报告", "案件调查终结报告", key)
