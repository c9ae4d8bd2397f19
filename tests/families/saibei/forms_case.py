"""Investigation stage: 立案审批表, 笔录 with an officer grid, preservation and seizure forms.

Saibei forms put 案号 and 案由 in the first grid row (no right-aligned 案号 line) and list officers in
a nested grid: role | name | 执法证号 | number.
"""

from __future__ import annotations

from casegen.model import Inquiry, Officer
from families.saibei.book import Book, Made
from families.saibei.fmt import act, cause, d0, dcn, hm, is_org, signer

RECORD_TITLES = {"询问笔录": "询问笔录", "现场笔录": "现场检查笔录", "勘验笔录": "勘验检查笔录"}


def party_grid(b: Book, key: str, label: str) -> list[list[tuple]]:
    """Party rows with the platform's label words (联系方式, 证件号码)."""
    p = b.plan.party
    name = b.names.party(key)
    if is_org(p):
        return [
            [(label, 0.18, "c"), (name, 0.50), ("统一社会信用代码", 0.16, "c"), (p.credit_code or "", 0.16)],
            [("法定代表人", 0.18, "c"), (p.legal_rep or "", 0.22), ("联系方式", 0.12, "c"), (p.phone, 0.48)],
            [("住所", 0.18, "c"), (p.address, 0.82)],
        ]
    per = p.person
    assert per
    return [
        [
            (label, 0.18, "c"),
            (name, 0.22),
            ("性别", 0.1, "c"),
            (per.sex, 0.1, "c"),
            ("出生日期", 0.14, "c"),
            (d0(per.birth), 0.26),
        ],
        [("证件号码", 0.18, "c"), (per.id_number, 0.40), ("联系方式", 0.14, "c"), (per.phone, 0.28)],
        [("住址", 0.18, "c"), (per.address, 0.82)],
    ]


def filing(b: Book) -> Made:
    p, d, s = b.plan, b.plan.dates, b.plan.staff
    key = "立案登记表"
    sh = b.sheet(key)
    sh.title(f"{p.agency.name}")
    sh.title("立案审批表", 20, spaced=True)
    found = d.violation == d.filing
    src = (
        "■行政检查中发现  □投诉举报  □上级交办  □部门移送  □其他"
        if found
        else ("□行政检查中发现  ■投诉举报  □上级交办  □部门移送  □其他")
    )
    rows = [
        [("案    号", 0.18, "c"), (b.names.no(key), 0.40), ("受案日期", 0.16, "c"), (d0(d.filing), 0.26)],
        [("案件来源", 0.18, "c"), (src, 0.82)],
        [("案    由", 0.18, "c"), (cause(p), 0.82)],
        *party_grid(b, key, "当事人"),
        [("简要案情", 0.18, "c"), (act(p) + "。涉嫌违反" + p.violation.breach + "的规定。", 0.82)],
        [("立案依据", 0.18, "c"), ("《交通运输行政执法程序规定》第五十八条", 0.82)],
    ]
    sh.grid(rows, minh=26)
    # Approval cells: signature and a date spread over 年/月/日 as a person fills a form in.
    y, m, dd = d.filing.year, d.filing.month, d.filing.day
    sh.grid(
        [
            [
                ("承办机构意见", 0.18, "c"),
                (
                    f"建议立案调查，由{p.officers[0].name}、{p.officers[1].name}承办。\n"
                    f"负责人：{s.unit_head}          {y} 年  {m} 月  {dd} 日",
                    0.82,
                ),
            ],
            [
                ("执法部门负责人审批意见", 0.18, "c"),
                (f"同意立案。\n签名：{s.head}          {y} 年  {m} 月  {dd} 日", 0.82),
            ],
            [("备    注", 0.18, "c"), ("", 0.82)],
        ],
        minh=54,
    )
    return b.add(Made(key, "立案审批表", key, sh, d.filing))


def _officer_rows(q: Inquiry, roles: tuple[str, str], mode: str) -> list[list[tuple]]:
    a, c = q.officers
    if mode == "single":
        return [
            [
                (f"{roles[0]}/{roles[1]}", 0.18, "c"),
                (a.name, 0.22),
                ("执法证号", 0.16, "c"),
                (a.certificate, 0.44),
            ]
        ]
    second = "" if mode == "nocert" else c.certificate
    return [
        [(roles[0], 0.18, "c"), (a.name, 0.22), ("执法证号", 0.16, "c"), (a.certificate, 0.44)],
        [(roles[1], 0.18, "c"), (c.name, 0.22), ("执法证号", 0.16, "c"), (second, 0.44)],
    ]


def record(b: Book, q: Inquiry, idx: int) -> Made:
    p = b.plan
    key = q.type
    sh = b.sheet(key)
    title = RECORD_TITLES.get(q.type, q.type)
    sh.title(title, 20, spaced=True)
    mode = p.mut.get("p01", "") if p.mut.get("p01_index") == str(idx) else ""
    place = p.facts.get("place", "")
    when = f"{d0(q.date)}{hm(q.start)}至{hm(q.end)}"
    who = q.interviewee
    rows = [
        [("案    号", 0.18, "c"), (b.names.no(key), 0.46), ("案由", 0.1, "c"), (p.violation.cause, 0.26)],
        [("时    间", 0.18, "c"), (when, 0.82)],
        [("地    点", 0.18, "c"), (place if q.type != "询问笔录" else p.agency.unit + "询问室", 0.82)],
    ]
    roles = ("询问人", "记录人") if q.type == "询问笔录" else ("检查人", "记录人")
    rows += _officer_rows(q, roles, mode)
    label = "被询问人" if q.type == "询问笔录" else "现场人员"
    rows += [
        [
            (label, 0.18, "c"),
            (who.name, 0.22),
            ("性别", 0.1, "c"),
            (who.sex, 0.1, "c"),
            ("年龄", 0.1, "c"),
            (f"{who.age_on(q.date)}岁", 0.3),
        ],
        [("证件号码", 0.18, "c"), (who.id_number, 0.40), ("联系方式", 0.14, "c"), (who.phone, 0.28)],
        [("住    址", 0.18, "c"), (who.address, 0.82)],
    ]
    if q.type != "询问笔录":
        rows.append(
            [("车(船)号", 0.18, "c"), (p.party.plate, 0.32), ("车(船)型", 0.14, "c"), (p.party.vehicle, 0.36)]
        )
    sh.grid(rows)
    names = [o.name for o in (q.officers[:1] if mode == "single" else q.officers)]
    if q.type == "询问笔录":
        sh.para(
            f"问：我们是{p.agency.name}的执法人员{'、'.join(names)}，这是我们的执法证件，请过目。现依法就有关情况向你询问，"
            "你应当如实回答，有权陈述和申辩；如认为执法人员与本案有利害关系，可以申请回避。听清楚了吗？",
            indent=False,
        )
        sh.para("答：听清楚了，不申请回避。", indent=False)
        for qq, aa in p.violation.qa:
            sh.para("问：" + qq.format(**p.facts), indent=False)
            sh.para("答：" + aa.format(**p.facts), indent=False)
        sh.para("问：你还有什么需要补充的吗？", indent=False)
        sh.para("答：没有了。", indent=False)
    else:
        sh.line("检查情况：", 11.5, kind="b")
        sh.para(p.violation.scene.format(**p.facts))
        sh.para("执法人员已告知现场人员有权进行陈述和申辩，现场人员未提出异议。")
    sh.gap(8)
    sh.line("以上笔录我已看过（已向我宣读），与我所说的一致。", 11)
    sh.line(f"{label}（签名）：{who.name}        {d0(q.date)}", 11)
    sh.line(f"执法人员（签名）：{'  '.join(names)}        {d0(q.date)}", 11)
    return b.add(Made(q.type, title, key, sh, q.date))


def preservation(b: Book) -> list[Made]:
    p, d = b.plan, b.plan.dates
    assert d.preservation and d.preservation_release
    key = "证据登记保存清单"
    sh = b.sheet(key)
    sh.title("证据先行登记保存清单", 18)
    sh.grid([[("案    号", 0.18, "c"), (b.names.no(key), 0.82)], *party_grid(b, key, "当事人")])
    sh.para(
        f"因调查{cause(p)}，依据《中华人民共和国行政处罚法》第五十六条的规定，本机关决定对下列物品先行登记保存七日"
        f"（{d0(d.preservation)}起算），保存期间当事人及有关人员不得损毁、销毁或者转移。"
    )
    sh.grid(
        [
            [
                ("序号", 0.1, "c"),
                ("物品名称", 0.34, "c"),
                ("规格", 0.2, "c"),
                ("数量", 0.12, "c"),
                ("保存地点", 0.24, "c"),
            ],
            [
                ("1", 0.1, "c"),
                (f"{p.party.plate}{p.party.vehicle}", 0.34),
                ("/", 0.2, "c"),
                ("1辆", 0.12, "c"),
                (p.agency.unit + "停车场", 0.24),
            ],
        ]
    )
    who = signer(p.party)
    sh.line(f"当事人（签名）：{who.name if who else p.party.name}    {d0(d.preservation)}", 11)
    sh.line(f"执法人员（签名）：{p.officers[0].name}  {p.officers[1].name}    {d0(d.preservation)}", 11)
    sh.sign(p.agency.name, dcn(d.preservation), seal=True)
    first = b.add(Made(key, "证据先行登记保存清单", key, sh, d.preservation, listed="证据登记保存清单"))
    key2 = "解除证据登记保存决定书"
    sh2 = b.sheet(key2)
    sh2.title(key2, 18)
    sh2.line(b.names.no(key2), 11.5, "c")
    sh2.line(f"{b.names.party(key2)}：", 12)
    sh2.para(
        f"本机关于{d0(d.preservation)}对{p.party.plate}{p.party.vehicle}予以先行登记保存。经审查，该证据已无继续保存的必要，"
        f"依据《交通运输行政执法程序规定》第五十二条的规定，决定自{d0(d.preservation_release)}起解除先行登记保存。"
    )
    sh2.sign(p.agency.name, dcn(d.preservation_release), seal=True)
    return [first, b.add(Made(key2, key2, key2, sh2, d.preservation_release))]


def compulsion(b: Book) -> list[Made]:
    p, d = b.plan, b.plan.dates
    assert d.compulsion and d.compulsion_release
    key = "行政强制措施决定书"
    sh = b.sheet(key)
    sh.title(key, 18)
    sh.line(b.names.no(key), 11.5, "c")
    sh.line(f"{b.names.party(key)}：", 12)
    sh.para(
        f"{'你单位' if is_org(p.party) else '你'}涉嫌{p.violation.cause}，依据《中华人民共和国行政强制法》第九条、第二十二条的规定，本机关决定自"
        f"{d0(d.compulsion)}起对{p.party.plate}{p.party.vehicle}实施扣押，期限三十日。"
    )
    sh.para(
        f"如不服本决定，可以在六十日内向{p.agency.review_body}申请行政复议，或者在六个月内向{p.agency.court}提起行政诉讼。"
    )
    sh.sign(p.agency.name, dcn(d.compulsion), seal=True)
    first = b.add(Made(key, key, key, sh, d.compulsion))
    key2 = "解除行政强制措施决定书"
    sh2 = b.sheet(key2)
    sh2.title(key2, 18)
    sh2.line(b.names.no(key2), 11.5, "c")
    sh2.line(f"{b.names.party(key2)}：", 12)
    sh2.para(
        f"本机关于{d0(d.compulsion)}扣押的{p.party.plate}{p.party.vehicle}，依据《中华人民共和国行政强制法》第二十八条的规定，"
        f"决定自{d0(d.compulsion_release)}起解除扣押，请持本决定书及有效证件领取。"
    )
    sh2.sign(p.agency.name, dcn(d.compulsion_release), seal=True)
    return [first, b.add(Made(key2, key2, key2, sh2, d.compulsion_release))]


def officers_line(officers: list[Officer]) -> str:
    return "、".join(f"{o.name}（执法证号{o.certificate}）" for o in officers[:2])
