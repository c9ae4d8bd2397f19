"""Payment printouts, the browser-printed 公示 page, 结案审批表 and the archive wrappers."""

from __future__ import annotations

import pymupdf

from casegen.formats import daxie, mask_id
from families.saibei.book import Book, Made
from families.saibei.canvas import LEFT, RIGHT, Sheet, W
from families.saibei.fmt import cause, d0, is_org, iso, signer
from families.saibei.forms_case import party_grid
from families.saibei.seal import bank_stamp

SHORT = {"四川省": "四川", "湖南省": "湖南", "广东省": "广东"}


def _short(province: str) -> str:
    return SHORT.get(province, province.rstrip("省市").replace("壮族自治区", "").replace("自治区", ""))


def receipt(b: Book) -> Made:
    """Either the province's 一般缴款书 (paper, 第一联) or an e-payment voucher printout."""
    p, d = b.plan, b.plan.dates
    assert d.payment
    key = "罚没款票据"
    sh = b.sheet(key, platform=False)
    paper = p.seed % 3 != 0
    code = f"{p.agency.region}{p.seed % 10**6:06d}"
    if paper:
        title = f"{p.agency.province}非税收入一般缴款书"
        sh.title(title, 17)
        sh.line(f"填制日期：{d0(d.payment)}        票据号码：{p.seed % 10**8:08d}", 10, "c")
        rows = [
            [
                ("缴款人", 0.14, "c"),
                ("全  称", 0.12, "c"),
                (b.names.party(key), 0.3),
                ("收款人", 0.14, "c"),
                ("全  称", 0.12, "c"),
                (f"{p.agency.city}财政局非税收入专户", 0.18),
            ],
            [
                ("", 0.14),
                ("开户银行", 0.12, "c"),
                ("/", 0.3, "c"),
                ("", 0.14),
                ("开户银行", 0.12, "c"),
                (p.agency.bank, 0.18),
            ],
            [("执收单位名称", 0.26, "c"), (p.agency.name, 0.3), ("执收单位编码", 0.26, "c"), (code, 0.18)],
            [
                ("项目编码", 0.14, "c"),
                ("收入项目名称", 0.3, "c"),
                ("单位", 0.12, "c"),
                ("数量", 0.12, "c"),
                ("金额", 0.32, "c"),
            ],
            [
                ("103050101", 0.14, "c"),
                ("交通运输罚没收入", 0.3, "c"),
                ("元", 0.12, "c"),
                ("1", 0.12, "c"),
                (f"{p.fine:.2f}", 0.32, "r"),
            ],
            [
                ("金额合计（大写）", 0.26, "c"),
                (daxie(p.fine), 0.42),
                ("（小写）", 0.12, "c"),
                (f"¥{p.fine:.2f}", 0.2, "r"),
            ],
            [("备注", 0.14, "c"), (f"处罚决定书文号：{p.number.format()}", 0.86)],
        ]
        sh.grid(rows, 10, minh=28)
        sh.line("执收单位（盖章）        经办人：" + p.officers[0].name + "          收款银行（盖章）", 10)
        # 第一联 on the right margin, written top to bottom.
        for i, ch in enumerate("第一联 收据 交缴款人"):
            sh.put(RIGHT + 14, 200 + i * 13, ch, 9)
        stamp = pymupdf.Rect(RIGHT - 150, sh.y - 10, RIGHT - 40, sh.y + 42)
    else:
        title = "政府非税收入电子缴款凭证"
        sh.title(title, 17)
        sh.gap(4)
        rows = [
            [("缴款识别码", 0.25, "c"), (f"{code}{p.seed % 97:02d}", 0.75)],
            [("交易流水号", 0.25, "c"), (f"{d.payment:%Y%m%d}{p.seed % 10**10:010d}", 0.75)],
            [("缴款人", 0.25, "c"), (b.names.party(key), 0.75)],
            [("执收单位", 0.25, "c"), (p.agency.name, 0.75)],
            [("收费项目", 0.25, "c"), ("罚没收入—交通运输", 0.75)],
            [("决定书编号", 0.25, "c"), (p.number.format(), 0.75)],
            [("缴款金额", 0.25, "c"), (f"¥{p.fine:,.2f}    {daxie(p.fine)}", 0.75)],
            [("缴款渠道", 0.25, "c"), (f"{p.agency.bank} 网上银行", 0.75)],
            [("缴款时间", 0.25, "c"), (f"{iso(d.payment)} 10:{p.seed % 60:02d}:{p.seed % 53:02d}", 0.75)],
            [("缴款状态", 0.25, "c"), ("缴款成功", 0.75)],
        ]
        sh.grid(rows, 10.5, minh=26)
        sh.gap(10)
        sh.line("本凭证仅作为缴款成功的证明，可在财政电子票据查验平台查验。", 9)
        stamp = pymupdf.Rect(RIGHT - 170, sh.y + 6, RIGHT - 50, sh.y + 62)
    png = bank_stamp(p.agency.bank, f"{d.payment:%Y.%m.%d}", p.seed)
    sh.page.insert_image(stamp, stream=png, overlay=True)
    return b.add(Made(key, title, key, sh, d.payment, platform=False))


def publication(b: Book) -> Made:
    """A 信用 site detail page printed from a browser (print header and URL footer)."""
    p, d = b.plan, b.plan.dates
    assert d.publication
    key = "公示记录"
    sh = b.sheet(key, platform=False)
    site = f"信用{_short(p.agency.province)}"
    grey = (0.35, 0.35, 0.35)
    stamp = f"{d.publication.year}/{d.publication.month}/{d.publication.day} 09:{p.seed % 50 + 10:02d}"
    sh.put(28, 22, stamp, 7.5, color=grey)
    sh.put(W / 2 - 60, 22, f"行政处罚信息公示-{site}", 7.5, color=grey)
    url = f"https://credit.{p.agency.region}.gov.cn/xyxx/xzcf/detail?id={p.seed:08d}"
    sh.put(28, 826, url, 7.5, color=grey)
    sh.put(W - 48, 826, "1/1", 7.5, color=grey)
    band = pymupdf.Rect(LEFT - 20, 40, RIGHT + 20, 78)
    sh.page.draw_rect(band, color=None, fill=(0.12, 0.36, 0.66))
    sh.put(LEFT - 6, 65, site, 17, "b", color=(1, 1, 1))
    sh.put(LEFT + 80, 64, "首页  信用信息  双公示  信用服务  政策法规", 10, color=(1, 1, 1))
    sh.y = 92
    sh.line("当前位置：首页 > 双公示 > 行政处罚 > 详情", 8.5)
    sh.gap(6)
    sh.line("行政处罚信息公示", 16, "c", "b")
    sh.gap(6)
    who = b.names.party(key)
    code = (
        p.party.credit_code
        if is_org(p.party)
        else mask_id(p.party.person.id_number if p.party.person else "")
    )
    rows = [
        ("行政相对人名称", who),
        ("行政相对人类别", "法人及非法人组织" if is_org(p.party) else "自然人"),
        ("统一社会信用代码" if is_org(p.party) else "证件号码", code or "—"),
        ("法定代表人", p.party.legal_rep or "—"),
        ("行政处罚决定书文号", b.names.no(key)),
        ("违法行为类型", p.violation.cause),
        ("违法事实", f"当事人{p.violation.cause}。"),
        ("处罚依据", p.violation.basis),
        ("处罚类别", "罚款"),
        ("处罚内容", f"罚款{p.fine}元"),
        ("罚款金额（万元）", f"{p.fine / 10000:.4f}".rstrip("0").rstrip(".")),
        ("处罚决定日期", iso(d.decision)),
        ("处罚机关", p.agency.name),
        ("数据来源单位", p.agency.name),
        ("公示日期", iso(d.publication)),
    ]
    sh.grid([[(k, 0.28, "r"), (v, 0.72)] for k, v in rows], 10, minh=24)
    return b.add(Made(key, "行政处罚信息公示", key, sh, d.publication, platform=False))


def closing(b: Book) -> Made:
    p, d, s = b.plan, b.plan.dates, b.plan.staff
    assert d.closing
    key = "结案报告"
    sh = b.sheet(key)
    sh.title("结案审批表", 20, spaced=True)
    paid = (
        f"当事人已于{d0(d.payment)}缴清罚款{p.fine}元。"
        if d.payment and p.has_receipt
        else "当事人已履行处罚决定。"
    )
    head = "" if p.mut.get("jiean_nohead") else f"同意结案。\n签名：{s.head}        {d0(d.closing)}"
    sh.grid(
        [
            [("案    号", 0.18, "c"), (b.names.no(key), 0.82)],
            [("案    由", 0.18, "c"), (cause(p), 0.82)],
            *party_grid(b, key, "当事人"),
            [
                ("处理结果", 0.18, "c"),
                (f"{d0(d.decision)}作出行政处罚决定（{b.names.no(key)}），罚款{p.fine}元。", 0.82),
            ],
            [("执行情况", 0.18, "c"), (paid, 0.82)],
            [
                ("承办人意见", 0.18, "c"),
                (f"建议结案。\n{p.officers[0].name}  {p.officers[1].name}    {d0(d.closing)}", 0.82),
            ],
            [("承办机构负责人意见", 0.18, "c"), (f"同意。\n{s.unit_head}    {d0(d.closing)}", 0.82)],
            [("执法部门负责人审批意见", 0.18, "c"), (head, 0.82)],
        ],
        minh=30,
    )
    return b.add(Made(key, "结案审批表", key, sh, d.closing))


def cover(b: Book, out: pymupdf.Document, pages: int, items: int) -> Sheet:
    p, d = b.plan, b.plan.dates
    sh = b.sheet("卷宗封面", platform=False, out=out)
    sh.y = 120
    sh.line(p.agency.name, 18, "c", "b")
    sh.gap(30)
    sh.line("交通运输行政处罚案卷", 28, "c", "b")
    sh.gap(50)
    closed = d.closing if p.mut.get("drop") != "结案报告" else None
    rows = [
        ("案件名称", f"{p.party.name}{cause(p)}"),
        ("案    号", p.number.format()),
        ("当 事 人", p.party.name),
        ("立案日期", d0(d.filing)),
        ("结案日期", d0(closed) if closed else ""),
        ("处理结果", f"罚款{p.fine}元"),
        ("本卷件数", f"{items}件"),
        ("本卷页数", f"{pages}页"),
        ("保管期限", "30年"),
        ("归 档 号", f"{(d.archive or d.decision).year}-{p.seed % 9000 + 1:04d}"),
    ]
    sh.grid([[(k, 0.22, "c"), (v, 0.78)] for k, v in rows], 12, minh=34)
    return sh


def contents(b: Book, out: pymupdf.Document, listing: list[tuple[str, str, str, str]]) -> Sheet:
    sh = b.sheet("卷内目录", platform=False, out=out)
    sh.title("卷 内 目 录", 19)
    rows = [
        [
            ("序号", 0.08, "c"),
            ("文件材料名称", 0.42, "c"),
            ("责任者", 0.22, "c"),
            ("日期", 0.13, "c"),
            ("页号", 0.09, "c"),
            ("备注", 0.06, "c"),
        ]
    ]
    for i, (name, who, date, pages) in enumerate(listing):
        rows.append(
            [
                (str(i + 1), 0.08, "c"),
                (name, 0.42),
                (who, 0.22, "c"),
                (date, 0.13, "c"),
                (pages, 0.09, "c"),
                ("", 0.06),
            ]
        )
    sh.grid(rows, 9, pad=3, minh=19)
    return sh


def back(b: Book, out: pymupdf.Document, pages: int, items: int) -> Sheet:
    d, s = b.plan.dates, b.plan.staff
    sh = b.sheet("备考表", platform=False, out=out)
    sh.title("卷内备考表", 19)
    when = d0(d.archive) if d.archive else ""
    sh.grid(
        [
            [
                ("本卷情况说明", 0.22, "c"),
                (
                    f"本卷共有文件材料{items}件，共{pages}页（不含封面、卷内目录及本表）。其中照片、复印件均已核对。",
                    0.78,
                ),
            ],
            [("立 卷 人", 0.22, "c"), (f"{s.filer}        {when}", 0.78)],
            [("检 查 人", 0.22, "c"), (f"{s.checker}        {when}", 0.78)],
        ],
        11,
        minh=90,
    )
    return sh


def who_made(b: Book, m: Made) -> str:
    p = b.plan
    if m.type == "证据材料":
        s = signer(p.party)
        return s.name if s else p.party.name
    if m.type == "罚没款票据":
        return p.agency.bank.replace("股份有限公司", "")
    return p.agency.unit if m.type not in ("陈述申辩笔录", "放弃陈述申辩（听证）声明") else p.party.name
