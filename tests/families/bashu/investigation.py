"""立案审批表, the 笔录 (officers as a 姓名/执法证号 table or on one line), preservation, seizure,
evidence copies and the 案件调查终结报告."""

from __future__ import annotations

from casegen.cal import add_wd
from casegen.model import Inquiry
from families.bashu.draw import Book, Sheet
from families.bashu.words import COPIES, Words, cn, hm


def head(b: Book, w: Words, typ: str, title: str, key: str = "", *, serves: str | None = None) -> Sheet:
    """Agency line, spaced title, 案号 flush right — the furniture of every numbered form."""
    s = Sheet(b, typ, title, serves=serves, key=key or typ)
    s.line(w.a.name, 13, align="center", gap=4)
    s.title(title)
    s.line(f"案号：{w.number(key or typ)}", 10.5, align="right", fill=True, gap=10)
    return s


def filing(b: Book, w: Words) -> None:
    d = w.d
    s = head(b, w, "立案登记表", w.pick("立案审批表", "立案登记表"))
    src = "检查发现" if d.violation == d.filing else w.pick("群众举报", "部门移送", "上级交办")
    boxes = "  ".join(
        ("☑" if x == src else "□") + x for x in ("检查发现", "群众举报", "部门移送", "上级交办")
    )
    rows = [
        [("案件来源", 0.18), (boxes, 0.82, True)],
        [("案由", 0.18), (f"涉嫌{w.v.cause}", 0.52, True), ("受案日期", 0.12), (cn(d.filing), 0.18, True)],
    ]
    p = w.p
    name = w.name("立案登记表")
    if p.kind == "individual" and p.person:
        pe = p.person
        rows += [
            [("当事人", 0.18), (name, 0.32, True), ("身份证号", 0.14), (pe.id_number, 0.36, True)],
            [("住址", 0.18), (pe.address, 0.52, True), ("电话", 0.12), (pe.phone, 0.18, True)],
        ]
    else:
        rows += [
            [("单位名称", 0.18), (name, 0.46, True), ("法定代表人", 0.16), (p.legal_rep or "", 0.2, True)],
            [("信用代码", 0.18), (p.credit_code or "", 0.46, True), ("电话", 0.16), (p.phone, 0.2, True)],
        ]
    summary = w.facts("立案登记表") + f"，涉嫌违反{w.v.breach}的规定。"
    st = w.plan.staff
    o1, o2 = w.plan.officers[:2]
    rows += [
        [("简要案情", 0.18), (summary, 0.82, True)],
        [("立案依据", 0.18), ("《交通运输行政执法程序规定》第六十二条", 0.82, True)],
        [
            ("承办机构意见", 0.18),
            (f"符合立案条件，拟由{o1.name}、{o2.name}负责调查。  {st.unit_head}  {cn(d.filing)}", 0.82, True),
        ],
        [("负责人审批", 0.18), (f"同意立案。  {st.head}  {cn(d.filing)}", 0.82, True)],
    ]
    s.table(rows, 10.5, min_h=30)
    s.finish()


def _officer_block(s: Sheet, w: Words, q: Inquiry, idx: int) -> None:
    mode = w.mut.get("p01") if w.mut.get("p01_index") == str(idx) else None
    a, bb = q.officers
    if w.rng.random() < 0.5:
        s.blanks([("执法人员及证号", w.officers_line(q.officers, mode), 320)])
        return
    rows = [[("执法人员", 0.2), ("姓名", 0.2), ("执法证号", 0.3), ("单位", 0.3)]]
    rows.append(
        [
            ("询问人" if q.type == "询问笔录" else "执法人员", 0.2),
            (a.name, 0.2, True),
            (a.certificate, 0.3, True),
            (w.a.unit, 0.3, True, "left"),
        ]
    )
    if mode != "single":
        cert = "" if mode == "nocert" else bb.certificate
        rows.append(
            [
                ("记录人" if q.type == "询问笔录" else "执法人员", 0.2),
                (bb.name, 0.2, True),
                (cert, 0.3, True),
                (w.a.unit, 0.3, True, "left"),
            ]
        )
    s.gap(4)
    s.table(rows, 10, min_h=20)


def record(b: Book, w: Words, q: Inquiry, idx: int) -> None:
    title = {"询问笔录": "调查询问笔录", "现场笔录": "现场检查笔录", "勘验笔录": "勘验笔录"}[q.type]
    s = head(b, w, q.type, w.pick(q.type, title), q.type)
    who = q.interviewee
    s.blanks([("时间", f"{cn(q.date)}{hm(q.start)}至{hm(q.end)}", 250)])
    place = w.a.station + "询问室" if q.type == "询问笔录" else w.facts("", "{place}")
    s.blanks([("地点", place, 300)])
    _officer_block(s, w, q, idx)
    role = {"询问笔录": "被询问人", "现场笔录": "现场当事人", "勘验笔录": "当事人（代理人）"}[q.type]
    s.blanks([(role, who.name, 80), ("性别", who.sex, 30), ("年龄", str(who.age_on(q.date)), 36)])
    s.blanks([("身份证号码", who.id_number, 180), ("电话", who.phone, 100)])
    rel = "本人" if who.name == w.p.name else f"{w.p.name}{w.p.contact_role}"
    s.blanks([("与本案关系", rel, 170), ("车（船）号", w.p.plate, 90)])
    s.blanks([("住址", who.address, 330)])
    s.gap(6)
    if q.type == "询问笔录":
        a, bb = q.officers
        s.para(
            f"问：我们是{w.a.name}执法人员{a.name}、{bb.name}（出示执法证件），依法就有关情况向你了解，"
            "请如实回答。你有申请执法人员回避的权利，是否申请回避？"
        )
        s.para("答：看清楚了，不申请回避。")
        for qq, aa in w.v.qa:
            s.para("问：" + w.facts("", qq))
            s.para("答：" + w.facts("", aa))
        s.para("问：以上记录请你看一下，是否属实？")
        s.para("答：我看过了，和我说的一样。")
    else:
        s.line("检查（勘验）情况：", 11)
        s.para(w.facts("", w.v.scene))
        s.para("以上笔录已向我宣读，情况属实。")
    signer = (
        q.officers[0].name
        if w.mut.get("p01") == "single" and w.mut.get("p01_index") == str(idx)
        else f"{q.officers[0].name}  {q.officers[1].name}"
    )
    s.gap(6)
    s.blanks([(f"{role}签名", who.name, 80), ("日期", cn(q.date), 110)])
    s.blanks([("执法人员签名", signer, 120), ("日期", cn(q.date), 110)])
    s.footer = f"{role}签名：{who.name}"
    s.finish()


def preservation(b: Book, w: Words) -> None:
    d = w.d
    assert d.preservation and d.preservation_release
    s = head(b, w, "证据登记保存清单", "证据登记保存清单")
    name = w.name("证据登记保存清单")
    s.blanks([("当事人", name, 260)])
    s.para(
        f"因调查{name}涉嫌{w.v.cause}一案，依照《中华人民共和国行政处罚法》第五十六条的规定，对下列物品先行登记保存，"
        f"期限七日（{cn(d.preservation)}至{cn(add_wd(d.preservation, 7))}），期间不得销毁或转移。"
    )
    s.table(
        [
            [("序号", 0.1), ("物品名称", 0.36), ("数量", 0.14), ("保存地点", 0.4)],
            [
                ("1", 0.1),
                (f"{w.p.plate}{w.p.vehicle}", 0.36, True),
                ("1辆", 0.14, True),
                (w.a.station, 0.4, True),
            ],
            [("2", 0.1), ("车辆钥匙", 0.36, True), ("1把", 0.14, True), (w.a.station, 0.4, True)],
        ]
    )
    who = w.p.contact.name if w.p.contact else w.p.name
    s.blanks(
        [
            ("当事人签名", who, 90),
            ("执法人员签名", f"{w.plan.officers[0].name} {w.plan.officers[1].name}", 110),
        ]
    )
    s.signoff(w.a.name, cn(d.preservation))
    s.line(COPIES, 9)
    s.finish()
    r = head(b, w, "解除证据登记保存决定书", "解除证据登记保存决定书")
    r.line(f"{w.name('解除证据登记保存决定书')}：", 12, fill=True)
    r.para(
        f"本机关于{cn(d.preservation)}对{w.p.plate}{w.p.vehicle}及车辆钥匙予以先行登记保存。现有关证据已固定，"
        "依照《交通运输行政执法程序规定》第四十五条，决定解除先行登记保存，请持本决定书领回。"
    )
    r.signoff(w.a.name, cn(d.preservation_release))
    r.finish()


def compulsion(b: Book, w: Words) -> None:
    d = w.d
    assert d.compulsion and d.compulsion_release
    s = head(b, w, "行政强制措施决定书", "行政强制措施决定书")
    s.line(f"{w.name('行政强制措施决定书')}：", 12, fill=True)
    s.para(
        w.facts("行政强制措施决定书")
        + f"，涉嫌违反{w.v.breach}的规定。依照《中华人民共和国行政强制法》第九条、"
        f"第二十四条，本机关决定自{cn(d.compulsion)}起对{w.p.plate}{w.p.vehicle}实施扣押，期限三十日。"
    )
    s.para(
        f"不服本决定的，可以在六十日内向{w.a.review_body}申请行政复议，或者在六个月内向{w.a.court}提起行政诉讼。"
    )
    s.signoff(w.a.name, cn(d.compulsion))
    s.finish()
    r = head(b, w, "解除行政强制措施决定书", "解除行政强制措施决定书")
    r.line(f"{w.name('解除行政强制措施决定书')}：", 12, fill=True)
    r.para(
        f"本机关{cn(d.compulsion)}扣押的{w.p.plate}{w.p.vehicle}，依照《中华人民共和国行政强制法》第二十八条，"
        f"决定自{cn(d.compulsion_release)}起解除扣押，请凭本决定书到{w.a.station}办理领取手续。"
    )
    r.signoff(w.a.name, cn(d.compulsion_release))
    r.finish()


def attachment(b: Book, w: Words, what: str) -> None:
    """An evidence copy: a grey box standing for the photocopy, certified 与原件核对无误."""
    s = Sheet(b, "证据材料", what, key="证据材料")
    s.title(what, 16, spaced=False)
    holder = w.p.contact.name if w.p.contact else w.p.name
    box = (96, s.y + 10, 500, s.y + 300)
    s.page.draw_rect(box, color=(0.4, 0.4, 0.4), fill=(0.9, 0.9, 0.88), width=0.8)
    s.text(box[0] + 20, box[1] + 40, f"（{what}粘贴处）", 12, color=(0.35, 0.35, 0.35))
    s.text(box[0] + 20, box[1] + 70, f"{w.p.plate}  {holder}", 12, fill=True, color=(0.25, 0.25, 0.25))
    s.y = box[3] + 20
    s.line("此复印件与原件核对无误。", 11, align="right", fill=True)
    s.line(f"提供人：{holder}    {cn(w.d.filing)}", 11, align="right", fill=True)
    s.finish()


def report(b: Book, w: Words) -> None:
    d = w.d
    assert d.report and d.notice
    s = head(b, w, "案件调查报告", w.pick("案件调查终结报告", "调查终结报告", "案件调查报告"))
    o = w.plan.officers
    ev = "；".join(
        f"{i + 1}.{x}"
        for i, x in enumerate(dict.fromkeys([q.type for q in w.plan.inquiries] + w.plan.evidence))
    )
    st = w.plan.staff
    rows = [
        [("案由", 0.2), (w.v.cause, 0.8, True)],
        [("当事人", 0.2), (w.name("案件调查报告"), 0.8, True)],
        [
            ("调查人员", 0.2),
            (f"{o[0].name}（{o[0].certificate}）  {o[1].name}（{o[1].certificate}）", 0.8, True),
        ],
        [("基本案情", 0.2), (f"{cn(d.filing)}立案后经调查查明：{w.facts('案件调查报告')}。", 0.8, True)],
        [("证据", 0.2), (ev, 0.8, True)],
        [
            ("处理意见", 0.2),
            (
                f"当事人违反{w.v.breach}的规定，依据{w.v.basis}，建议给予{w.fine(w.plan.proposed_fine)}的"
                f"行政处罚。  {o[0].name} {o[1].name}  {cn(d.report)}",
                0.8,
                True,
            ),
        ],
        [("承办机构意见", 0.2), (f"同意。  {st.unit_head}  {cn(d.report)}", 0.8, True)],
        [("负责人意见", 0.2), (f"同意。  {st.head}  {cn(min(add_wd(d.report, 1), d.notice))}", 0.8, True)],
    ]
    s.table(rows, 10.5, min_h=30)
    s.finish()
